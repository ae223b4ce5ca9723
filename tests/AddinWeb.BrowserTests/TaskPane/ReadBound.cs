namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// How many syncs the task pane's reader (wwwroot/taskpane/workbook-reader.js) may take: the sheet names, the used
/// ranges' sizes, then the cells in syncs of at most 4 MB of response: ⌈bytes / 4 MB⌉, one more at most because a
/// sheet's first rows are sized by an estimate before its bytes per cell are measured. So 3 for a normal report.
/// </summary>
public static class ReadBound
{
    public const long BudgetBytes = 4 * 1024 * 1024;

    /// <param name="responseBytes">The response size of each read sync, in order.</param>
    public static void AssertWithin(IReadOnlyList<long> responseBytes)
    {
        var cellBytes = responseBytes.Skip(2).Sum();
        var full = (int)Math.Ceiling(cellBytes / (double)BudgetBytes);
        Assert.True(responseBytes.Count - 2 >= 1, "the cells are read after the names and sizes");
        Assert.InRange(responseBytes.Count - 2, full, full + 1);
    }
}
