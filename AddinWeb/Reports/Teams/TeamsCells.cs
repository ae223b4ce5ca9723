using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Teams;

/// <summary>
/// Reading the cells of one Teams sheet, the file's texts and Excel's values alike: dates with the report's
/// day/month order, durations, texts; each cell understood is typed in the copy, each one that is needed and cannot
/// be read is a French warning naming its sheet, row and column.
/// </summary>
internal sealed class TeamsCells(SheetGrid sheet, DateCells dates, TypedSheetBuilder typed, List<ReportIssue> issues)
{
    public const string UnreadableDate = "UnreadableDate";
    public const string UnreadableDuration = "UnreadableDuration";

    public SheetGrid Sheet => sheet;

    public List<ReportIssue> Issues => issues;

    public const string DateExample = "une date et une heure, par exemple 3/4/25, 8:58:02 AM ou 15/11/22, 09:30:47";

    /// <summary>The text of a cell, spaces collapsed ("" when empty; Excel's number as written otherwise).</summary>
    public static string Text(Cell cell) => cell.Kind switch
    {
        CellKind.Text => TextNormalizer.CollapseSpaces(cell.Text),
        CellKind.Empty => "",
        _ => cell.ToString(),
    };

    /// <summary>A date-time; an empty cell is null without a word, an unreadable one null with a warning.</summary>
    public DateTime? Date(int row, int? column, string columnTitle, string consequence)
    {
        if (column is not { } c || sheet[row, c].IsEmpty)
            return null;
        if (dates.TryRead(sheet[row, c], out var value))
        {
            typed.SetDateTime(row, c, value);
            return value;
        }
        issues.Add(Warning(UnreadableDate, row, c, columnTitle, $"cette date est illisible (attendu : {DateExample}) ; {consequence}"));
        return null;
    }

    /// <summary>A duration ("1h 2m 3s", "10m 59s", "5s", a clock, Excel's fraction of a day); null when empty or unreadable (warned).</summary>
    public TimeSpan? Duration(int row, int? column, string columnTitle, string? consequence)
    {
        if (column is not { } c)
            return null;
        var cell = sheet[row, c];
        if (Durations.TryRead(cell, out var value))
        {
            if (value is { } known) typed.SetDuration(row, c, known);
            return value;
        }
        if (consequence is not null)
            issues.Add(Warning(UnreadableDuration, row, c, columnTitle,
                $"cette durée est illisible (attendu : par exemple 1h 2m 3s, 10m 59s ou 5s) ; {consequence}"));
        return null;
    }

    /// <summary>A count (the summary's attended participants), typed as a number when it is one.</summary>
    public void Count(int row, int column)
    {
        if (FrenchNumbers.TryRead(sheet[row, column], out var value))
            typed.SetNumber(row, column, value);
    }

    /// <summary>The header cell's own text, for messages (a header is no personal data).</summary>
    public string HeaderTitle(TeamsTable table, TeamsColumn column) =>
        table.Columns.TryGetValue(column, out var c) ? Text(sheet[table.HeaderRow, c]) : TeamsVocabulary.Title(column);

    public ReportIssue Warning(string code, int row, int? column, string? columnTitle, string what) =>
        ReportLocation.Warning(code, sheet.Name, sheet.ExcelRow(row), column is { } c ? sheet.ExcelColumn(c) : null,
            column is null ? null : columnTitle, what);

    public ReportIssue Error(string code, int? row, string what) =>
        ReportLocation.Error(code, sheet.Name, row is { } r ? sheet.ExcelRow(r) : null, null, what);

    public SourceRef Source(int row) => new(sheet.Name, sheet.ExcelRow(row));

    /// <summary>How a moment is written in messages.</summary>
    public static string Moment(DateTime value) =>
        value.ToString("dd/MM/yyyy 'à' HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
