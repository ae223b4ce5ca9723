using AddinWeb.Reports.Grid;
using Sylvan.Data.Csv;

namespace AddinWeb.Reports.Tabular;

/// <summary>
/// Delimited text split into records by Sylvan.Data.Csv, read the way Excel reads a .csv: a quoted field may hold
/// separators, doubled quotes and line breaks; a stray quote is kept as it is (Sylvan's lax mode, like Excel:
/// <c>q"uo"te</c> stays <c>q"uo"te</c>, <c>"ab"cd</c> gives <c>abcd</c>); a line starting with <c>#</c> is data
/// (no comment lines); records keep their own width (ragged sections); an empty line is an empty record, so that
/// record <c>n</c> is Excel's row <c>n</c>.
/// </summary>
internal static class DelimitedText
{
    public static readonly char[] Candidates = [',', ';', '\t'];

    /// <summary>Sylvan refuses buffers smaller than this.</summary>
    private const int MinBufferChars = 0x1000;

    private static CsvDataReaderOptions Options(char separator, int maxRecordChars)
    {
        maxRecordChars = Math.Max(maxRecordChars, MinBufferChars);
        return new()
    {
        HasHeaders = false,
        Delimiter = separator,
        Quote = '"',
        Escape = '"',
        CsvStyle = CsvStyle.Lax,
        Comment = '\0',
        ResultSetMode = ResultSetMode.SingleResult,
        BufferSize = Math.Min(0x10000, maxRecordChars),
        MaxBufferSize = maxRecordChars,
    };
    }

    /// <summary>
    /// Every record of <paramref name="text"/> as a row of text cells, within <paramref name="limits"/>; trailing
    /// empty records are dropped (Excel shows nothing there). Null rows and a refusal when a limit is met.
    /// </summary>
    public static (List<IReadOnlyList<Cell>>? Rows, DelimitedFileRefusal? Refusal) Parse(
        string text, char separator, DelimitedFileLimits limits)
    {
        var rows = new List<IReadOnlyList<Cell>>();
        try
        {
            using var csv = CsvDataReader.Create(new StringReader(text), Options(separator, limits.MaxRecordChars));
            while (csv.Read())
            {
                var row = rows.Count + 1;
                if (row > limits.MaxRows)
                    return (null, DelimitedFileRefusals.TooManyRows(limits));
                var count = csv.RowFieldCount;
                if (count > limits.MaxColumns)
                    return (null, DelimitedFileRefusals.TooManyColumns(limits, row));
                if (count == 1 && csv.GetFieldSpan(0).IsEmpty)
                {
                    rows.Add([]);
                    continue;
                }
                var cells = new Cell[count];
                for (var i = 0; i < count; i++)
                {
                    if (csv.GetFieldSpan(i).Length > limits.MaxCellLength)
                        return (null, DelimitedFileRefusals.CellTooLong(limits, row, i));
                    cells[i] = Cell.FromText(csv.GetString(i));
                }
                rows.Add(cells);
            }
        }
        catch (CsvRecordTooLargeException)
        {
            return (null, DelimitedFileRefusals.RecordTooLong(limits, rows.Count + 1));
        }
        var last = rows.Count;
        while (last > 0 && rows[last - 1].Count == 0) last--;
        rows.RemoveRange(last, rows.Count - last);
        return (rows, null);
    }

    /// <summary>
    /// The fields of one line of text (a line Excel left whole in a cell). A line break outside quotes, which can only
    /// come from a first field whose quotes Excel removed, stays inside its field: the result is always one record.
    /// </summary>
    public static List<string> SplitLine(string line, char separator)
    {
        var fields = new List<string>();
        using var csv = CsvDataReader.Create(new StringReader(line), Options(separator, line.Length + 16));
        var firstRecord = true;
        while (csv.Read())
        {
            for (var i = 0; i < csv.RowFieldCount; i++)
            {
                var field = csv.GetString(i);
                if (i == 0 && !firstRecord)
                    fields[^1] += "\n" + field; // the record break was a line break inside the previous field
                else
                    fields.Add(field);
            }
            firstRecord = false;
        }
        return fields;
    }

    /// <summary>
    /// Field counts of the first records of <paramref name="text"/> split by <paramref name="separator"/>, empty
    /// records left out: what <see cref="Separators"/> compares.
    /// </summary>
    public static List<int> FieldCounts(string text, char separator, int maxRecords, int maxChars)
    {
        var counts = new List<int>();
        var sample = text.Length <= maxChars ? text : text[..maxChars];
        try
        {
            using var csv = CsvDataReader.Create(new StringReader(sample), Options(separator, sample.Length + 16));
            while (counts.Count < maxRecords && csv.Read())
                if (!(csv.RowFieldCount == 1 && csv.GetFieldSpan(0).IsEmpty))
                    counts.Add(csv.RowFieldCount);
        }
        catch (CsvRecordTooLargeException)
        {
            // Cannot happen with a buffer the size of the sample; counted so far is what there is.
        }
        return counts;
    }
}
