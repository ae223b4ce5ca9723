using AddinWeb.Reports.Grid;

namespace AddinWeb.Tests.Reports.Tabular;

/// <summary>Grids as plain text rows, for comparisons that show what differs.</summary>
internal static class GridText
{
    /// <summary>Each row as its cells' texts ("" for an empty cell), trailing empty cells dropped.</summary>
    public static List<string[]> Rows(SheetGrid sheet) => sheet.Rows.Select(Row).ToList();

    public static string[] Row(IReadOnlyList<Cell> row)
    {
        var texts = row.Select(c => c.Kind == CellKind.Empty ? "" : c.Kind == CellKind.Text ? c.Text! : $"<{c.Kind}:{c}>").ToList();
        while (texts.Count > 0 && texts[^1] == "") texts.RemoveAt(texts.Count - 1);
        return texts.ToArray();
    }

    public static void Equal(IReadOnlyList<string[]> expected, SheetGrid actual)
    {
        var rows = Rows(actual);
        Assert.Equal(expected.Count, rows.Count);
        for (var r = 0; r < expected.Count; r++)
            Assert.True(expected[r].SequenceEqual(rows[r]),
                $"Row {actual.ExcelRow(r)}: expected [{string.Join(" | ", expected[r])}], got [{string.Join(" | ", rows[r])}]");
    }
}
