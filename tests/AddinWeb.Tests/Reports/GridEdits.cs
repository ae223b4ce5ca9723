using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reports;

/// <summary>Small edits on the seed's grids, to build the variants real exports produce.</summary>
internal static class GridEdits
{
    public static SheetGrid Renamed(this SheetGrid sheet, string name) => sheet with { Name = name };

    /// <summary>The same cells placed elsewhere in the sheet (Office.js used range not at A1).</summary>
    public static SheetGrid At(this SheetGrid sheet, int firstRow, int firstColumn) =>
        sheet with { FirstRow = firstRow, FirstColumn = firstColumn };

    public static SheetGrid WithCell(this SheetGrid sheet, int rowIndex, int columnIndex, Cell cell)
    {
        var rows = sheet.Rows.Select(r => r.ToList()).ToList();
        while (rows.Count <= rowIndex)
            rows.Add([]);
        while (rows[rowIndex].Count <= columnIndex)
            rows[rowIndex].Add(Cell.Empty);
        rows[rowIndex][columnIndex] = cell;
        return sheet with { Rows = rows.Select(r => (IReadOnlyList<Cell>)r).ToList() };
    }

    public static SheetGrid WithText(this SheetGrid sheet, int rowIndex, int columnIndex, string text) =>
        sheet.WithCell(rowIndex, columnIndex, Cell.FromText(text));

    public static SheetGrid WithRowsInserted(this SheetGrid sheet, int atIndex, params IReadOnlyList<Cell>[] rows)
    {
        var all = sheet.Rows.ToList();
        all.InsertRange(atIndex, rows);
        return sheet with { Rows = all };
    }

    public static SheetGrid WithRowRemoved(this SheetGrid sheet, int index)
    {
        var all = sheet.Rows.ToList();
        all.RemoveAt(index);
        return sheet with { Rows = all };
    }

    /// <summary>Every row from <paramref name="fromIndex"/> down gets its cells reordered: new column i = old column order[i].</summary>
    public static SheetGrid WithColumnsReordered(this SheetGrid sheet, int fromIndex, int[] order) =>
        sheet with
        {
            Rows = sheet.Rows.Select((row, i) => i < fromIndex ? row
                : (IReadOnlyList<Cell>)order.Select(o => o < row.Count ? row[o] : Cell.Empty).ToList()).ToList(),
        };

    /// <summary>Blank columns appended to every row and blank rows appended (ClosedXML's used range may run past the data).</summary>
    public static SheetGrid WithTrailingBlanks(this SheetGrid sheet, int rows, int columns) =>
        sheet with
        {
            Rows = sheet.Rows.Select(r => (IReadOnlyList<Cell>)r.Concat(Enumerable.Repeat(Cell.Empty, columns)).ToList())
                .Concat(Enumerable.Range(0, rows).Select(_ => (IReadOnlyList<Cell>)[Cell.Empty, Cell.FromText("")]))
                .ToList(),
        };

    public static IReadOnlyList<Cell> Row(params string[] texts) => texts.Select(Cell.FromText).ToArray();

    public static WorkbookGrid Book(params SheetGrid[] sheets) => new(sheets);

    /// <summary>Index in the seed presence grid of the presence row at 1-based Excel row <paramref name="excelRow"/>.</summary>
    public static int Index(int excelRow) => excelRow - 1;

    /// <summary>Every name, name part and email of the seed, to prove no message quotes personal data.</summary>
    public static IEnumerable<string> PersonalData() =>
        SeedReport.SummaryRows.SelectMany(u => new[] { u.Name, u.Email, u.Email.Split('@')[0] }
                .Concat(u.Name.Split(' ')))
            .Concat(SeedReport.Host.Split(", "))
            .Distinct();

    public static void AssertNoPersonalData(IEnumerable<ReportIssue> issues)
    {
        foreach (var issue in issues)
            foreach (var data in PersonalData())
                Assert.False(issue.Message.Contains(data, StringComparison.OrdinalIgnoreCase),
                    $"Message {issue.Code} quotes personal data: {issue.Message}");
    }
}
