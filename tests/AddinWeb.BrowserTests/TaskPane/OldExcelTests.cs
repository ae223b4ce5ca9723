namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// An Excel below the manifest's requirement set (ExcelApi 1.9) that opens the pane anyway (a manifest loaded by hand,
/// an old build): the pane says which Excel versions run it, and touches nothing.
/// </summary>
public sealed class OldExcelTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task An_excel_without_excelapi_1_9_is_told_which_versions_run_the_pane_and_nothing_is_read()
    {
        var pane = await TaskPanePage.OpenAsync(host, WorkbookSeed.SeedReport(),
            page => page.AddInitScriptAsync("window.__excelDoubleExcelApi = '1.8';"));

        var outside = pane.Page.Locator("#outside-office");
        await outside.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible });
        var text = await outside.InnerTextAsync();
        Assert.Contains("trop ancienne", text);
        Assert.Contains("Excel 2021 ou 2024", text);
        Assert.Contains("Excel sur le web", text);
        Assert.Contains("Essayer sans Excel", text);
        Assert.True(await pane.Page.Locator("#app").IsHiddenAsync());
        Assert.Equal(0, await pane.DoubleAsync<int>("stats().syncCount"));
        Assert.Empty(pane.Errors);
    }
}
