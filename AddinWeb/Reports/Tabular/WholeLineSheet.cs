using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Tabular;

/// <summary>
/// A sheet whose lines Excel left whole in column A: a comma-separated file opened by an Excel whose list separator
/// is ';' (a French Excel) shows each line as one text cell. Such a sheet is recognised when
/// <list type="bullet">
/// <item>it starts in column A, and every non-empty row has its text in column A only, except a few rows (at most one
/// in three) that Excel cut at a ';' of the line into several text cells (put back together with ';');</item>
/// <item>no row of several cells holds anything but text (a real table holds numbers or dates somewhere);</item>
/// <item>the separator found over those lines (<see cref="Separators"/>) splits at least two of them, and at least
/// half, into several fields, and at least two into several non-empty values.</item>
/// </list>
/// Each line is then split again with the same CSV library as a file (<see cref="DelimitedText"/>), on the same row,
/// so row numbers do not move. A row that is not a text line (empty, or a lone number Excel made of a one-field
/// line) stays as it is.
/// <para>
/// What Excel did to a quoted first field: reading <c>"Agnès Formatrice","TRUE","0"</c> as one field, Excel takes
/// the quotes off the first field and keeps the rest of the line literally, <c>Agnès Formatrice,"TRUE","0"</c>.
/// That line splits the same way again, unless the first field held a separator (<c>"Martin, Bruno","FALSE"</c>
/// shown as <c>Martin, Bruno,"FALSE"</c>), which would give one field too many. So when every line of the sheet
/// that holds a quote has exactly that shape (a text, then only quoted values, one of which needed no quotes: the
/// file's writer quoted every value), the text before those values is taken as the first field, separators and all.
/// A file whose writer quoted only what needed it (Zoom) shows <c>"Martin, Bruno",…</c> as <c>Martin, Bruno,…</c>
/// with no trace of the quotes: nothing can tell that line apart, and the file itself (the upload) is the way to
/// read it.
/// </para>
/// </summary>
public static class WholeLineSheet
{
    /// <summary>The sheet split into its fields, or null when it is not a sheet of whole lines.</summary>
    public static SheetGrid? Resplit(SheetGrid sheet, out char separator)
    {
        separator = ',';
        if (sheet.FirstColumn != 1 || Lines(sheet) is not { } lines)
            return null;
        var texts = lines.OfType<string>().ToList();
        var found = Separators.Detect(string.Join('\n', texts));
        separator = found;
        var quotedValues = QuotesEveryValue(lines, found);
        var split = lines.Select(l => l is null ? null
            : quotedValues && StrippedFirstField(l, found) is { } mended ? mended : SplitShownLine(l, found)).ToList();
        // Lines of several fields, two of which at least hold several values: a line of separators alone (Zoom's
        // ",,,,,,") splits but proves little.
        var several = split.Count(f => f is { Count: >= 2 });
        var values = split.Count(f => f is not null && f.Count(v => v.Length > 0) >= 2);
        if (several < 2 || several * 2 < texts.Count || values < 2)
            return null;

        var rows = new List<IReadOnlyList<Cell>>(sheet.Rows.Count);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            if (split[r] is not { } fields)
            {
                rows.Add(sheet.Rows[r].Any(c => !c.IsEmpty) ? sheet.Rows[r] : []);
                continue;
            }
            rows.Add(fields.Select(Cell.FromText).ToArray());
        }
        return new SheetGrid(sheet.Name, rows, sheet.FirstRow, 1);
    }

    /// <summary>The text line of each row (null for an empty row or a lone non-text cell), or null when the sheet is not made of lines.</summary>
    private static string?[]? Lines(SheetGrid sheet)
    {
        var lines = new string?[sheet.Rows.Count];
        int single = 0, cut = 0;
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            var last = LastNonEmpty(row);
            if (last < 0)
                continue;
            if (last == 0)
            {
                if (row[0].Kind == CellKind.Text)
                {
                    lines[r] = row[0].Text;
                    single++;
                }
                continue;
            }
            for (var c = 0; c <= last; c++)
                if (row[c].Kind is not (CellKind.Text or CellKind.Empty))
                    return null;
            lines[r] = string.Join(';', row.Take(last + 1).Select(c => c.Text ?? ""));
            cut++;
        }
        return single >= 2 && cut * 2 <= single ? lines : null;
    }

    private static int LastNonEmpty(IReadOnlyList<Cell> row)
    {
        for (var c = row.Count - 1; c >= 0; c--)
            if (row[c].Kind != CellKind.Empty && !(row[c].Kind == CellKind.Text && row[c].Text!.Length == 0))
                return c;
        return -1;
    }

    /// <summary>
    /// The fields of a line as shown. A line whose quotes were taken off at both ends (its first quote closes a field,
    /// <c>Agnès Formatrice","TRUE",…,"-</c>) is split with them put back; any other line as it is.
    /// </summary>
    internal static List<string> SplitShownLine(string line, char separator) =>
        DelimitedText.SplitLine(LostOuterQuotes(line, separator) ? $"\"{line}\"" : line, separator);

    /// <summary>
    /// True for the shape a spreadsheet gives a line that starts and ends with a quote when it reads the whole line as
    /// one quoted field (LibreOffice does, with ';' as its separator): the outer quotes are gone, so the line's first
    /// quote is followed by the separator and its last character is not a quote. A line Excel shows with the first
    /// field's quotes removed (<c>Agnès Formatrice,"TRUE"</c>) has its first quote after a separator instead.
    /// </summary>
    private static bool LostOuterQuotes(string line, char separator)
    {
        var quote = line.IndexOf('"');
        return quote > 0 && quote + 1 < line.Length && line[quote + 1] == separator && line[^1] != '"';
    }

    /// <summary>
    /// True when the file's writer quoted every value, as BigBlueButton does: every line that holds a quote has the
    /// shape Excel gives such a line (<see cref="StrippedFirstField"/> finds its first field), and some quoted value
    /// needed no quotes (an empty value, "FALSE"): a writer that quotes only what needs it would not have quoted it.
    /// </summary>
    private static bool QuotesEveryValue(string?[] lines, char separator)
    {
        var proof = false;
        foreach (var line in lines)
        {
            if (line is null || !line.Contains('"'))
                continue;
            if (LostOuterQuotes(line, separator) || StrippedFirstField(line, separator) is not { } fields)
                return false;
            proof |= fields.Skip(1).Any(f => f.IndexOfAny([separator, '"', '\r', '\n']) < 0);
        }
        return proof;
    }

    /// <summary>
    /// The fields of a line of the shape Excel gives a line whose every value is quoted, once it took the quotes off
    /// the first one: the first field's text, separators and quotes kept, then a separator and nothing but quoted
    /// values (<c>Martin, Bruno,"FALSE","3,5"</c>). The first field ends at the first separator after which the rest
    /// is only quoted values. Null for any other line.
    /// </summary>
    internal static List<string>? StrippedFirstField(string line, char separator)
    {
        for (var p = line.IndexOf(separator); p >= 0 && p + 1 < line.Length; p = line.IndexOf(separator, p + 1))
        {
            if (line[p + 1] != '"')
                continue;
            var rest = line[(p + 1)..];
            var tail = DelimitedText.SplitLine(rest, separator);
            if (string.Join(separator, tail.Select(f => "\"" + f.Replace("\"", "\"\"") + "\"")) == rest)
                return [line[..p], .. tail];
        }
        return null;
    }
}
