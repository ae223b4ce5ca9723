using System.Text;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Tests.Seed;

/// <summary>
/// A model of what Excel shows when it opens a delimited file with another list separator than the file's (a French
/// Excel, separator ';', opening a comma-separated file), for property tests over files no tool wrote. Excel splits
/// each record at the list separator; a field that starts with a quote is read up to its closing quote (doubled
/// quotes are one) and the rest of the field, up to the next separator, is kept literally; a field that does not
/// start with a quote is literal. A UTF-8 file without a byte order mark is decoded as Windows-1252. Every cell is
/// text (a line whole in column A is never a number). The real-tool counterpart is <c>Platforms/shown</c>.
/// </summary>
public static class ExcelOpening
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The sheet a French Excel shows for a UTF-8 (no mark) comma-separated file.</summary>
    public static SheetGrid FrenchExcel(byte[] utf8WithoutBom, string sheetName) =>
        Split(Windows1252.GetString(utf8WithoutBom), ';', sheetName);

    /// <summary>The sheet shown for <paramref name="text"/> when Excel splits records at <paramref name="listSeparator"/>.</summary>
    public static SheetGrid Split(string text, char listSeparator, string sheetName)
    {
        var rows = new List<IReadOnlyList<Cell>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        void EndField() { fields.Add(field.ToString()); field.Clear(); }
        void EndRecord()
        {
            EndField();
            rows.Add(fields.Count == 1 && fields[0].Length == 0 ? [] : fields.Select(Cell.FromText).ToArray());
            fields.Clear();
        }
        while (i < text.Length)
        {
            // At the start of a field.
            if (text[i] == '"')
            {
                i++;
                while (i < text.Length)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (text[i] == '"') { i++; break; }
                    else field.Append(text[i++]);
                }
            }
            while (i < text.Length && text[i] != listSeparator && text[i] != '\r' && text[i] != '\n')
                field.Append(text[i++]);
            if (i == text.Length) break;
            if (text[i] == listSeparator) { EndField(); i++; continue; }
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            i++;
            EndRecord();
        }
        if (field.Length > 0 || fields.Count > 0) EndRecord();
        return new SheetGrid(sheetName, rows);
    }
}
