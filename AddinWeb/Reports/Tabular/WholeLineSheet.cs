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
/// half, into several fields.</item>
/// </list>
/// Each line is then split again with the same CSV library as a file (<see cref="DelimitedText"/>), on the same row,
/// so row numbers do not move. A row that is not a text line (empty, or a lone number Excel made of a one-field
/// line) stays as it is.
/// <para>
/// What Excel did to a quoted first field: reading <c>"Agnès Formatrice","TRUE","0"</c> as one field, Excel takes
/// the quotes off the first field and keeps the rest of the line literally, <c>Agnès Formatrice,"TRUE","0"</c>.
/// That line splits the same way again, unless the first field held a separator (<c>"Martin, Bruno","FALSE"</c>
/// shown as <c>Martin, Bruno,"FALSE"</c>), which then gives one field too many. Such a line is mended against the
/// sheet's usual width (its most common field count): when it has more fields than that, and cutting it at a
/// <c>,"</c> before which it holds no quote leaves exactly one field less than that width after the cut, the text
/// before the cut is the first field.
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
        var split = lines.Select(l => l is null ? null : SplitShownLine(l, found)).ToList();
        var several = split.Count(f => f is { Count: >= 2 });
        if (several < 2 || several * 2 < texts.Count)
            return null;

        var width = UsualWidth(split);
        var rows = new List<IReadOnlyList<Cell>>(sheet.Rows.Count);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            if (split[r] is not { } fields)
            {
                rows.Add(sheet.Rows[r].Any(c => !c.IsEmpty) ? sheet.Rows[r] : []);
                continue;
            }
            fields = MendStrippedFirstField(lines[r]!, fields, width, separator);
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

    /// <summary>The most common field count of lines of several fields (the larger one on a tie).</summary>
    private static int UsualWidth(List<List<string>?> split) =>
        split.Where(f => f is { Count: >= 2 }).GroupBy(f => f!.Count)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => g.Key).FirstOrDefault();

    /// <summary>See the class summary: a first field with a separator inside, whose quotes Excel removed.</summary>
    internal static List<string> MendStrippedFirstField(string line, List<string> fields, int width, char separator)
    {
        if (fields.Count <= width)
            return fields;
        for (var p = line.IndexOf(separator); p >= 0 && p + 1 < line.Length; p = line.IndexOf(separator, p + 1))
        {
            if (line.AsSpan(0, p).Contains('"'))
                break;
            if (line[p + 1] != '"')
                continue;
            var tail = DelimitedText.SplitLine(line[(p + 1)..], separator);
            if (tail.Count == width - 1)
                return [line[..p], .. tail];
        }
        return fields;
    }
}
