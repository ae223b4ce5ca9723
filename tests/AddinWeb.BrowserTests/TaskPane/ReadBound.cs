namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// How many syncs the task pane's reader (wwwroot/taskpane/workbook-reader.js) may take: the sheet names with the
/// first and last sheets' used-range sizes (one more sync for the sizes of any sheets in between), then the cells in
/// syncs of at most 4 MB of response: ⌈bytes / 4 MB⌉, one more at most because a sheet's first rows are sized by an
/// estimate before its bytes per cell are measured. So 2 for a normal two-sheet report.
/// </summary>
public static class ReadBound
{
    public const long BudgetBytes = 4 * 1024 * 1024;

    /// <summary>Syncs before the first cells are read.</summary>
    public static int SizeSyncs(int sheetCount) => sheetCount <= 2 ? 1 : 2;

    /// <param name="responseBytes">The response size of each read sync, in order.</param>
    /// <param name="sheetCount">Sheets in the workbook.</param>
    public static void AssertWithin(IReadOnlyList<long> responseBytes, int sheetCount = 2)
    {
        var cellSyncs = responseBytes.Count - SizeSyncs(sheetCount);
        var full = (int)Math.Ceiling(responseBytes.Skip(SizeSyncs(sheetCount)).Sum() / (double)BudgetBytes);
        Assert.True(cellSyncs >= 1, "the cells are read after the sizes");
        Assert.InRange(cellSyncs, full, full + 1);
    }
}
