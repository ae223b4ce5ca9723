using AddinWeb.BrowserTests.TaskPane;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests;

/// <summary>The task pane opened in a plain browser tab, with the real office.js (npm @microsoft/office-js).</summary>
public sealed class OutsideOfficeTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_plain_tab_says_how_to_open_the_pane_from_excel_without_script_errors()
    {
        var pane = await TaskPanePage.OpenWithRealOfficeJsAsync(host);

        var outside = pane.Page.Locator("#outside-office");
        await outside.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30000 });
        Assert.Contains("Ouvrez ce volet depuis Excel", await outside.InnerTextAsync());
        Assert.Contains("Accueil", await outside.InnerTextAsync());
        Assert.True(await pane.Page.Locator("#app").IsHiddenAsync());
        Assert.True(await pane.Page.Locator("#loading").IsHiddenAsync());
        // The real office.js, not the double, was loaded.
        Assert.False(await pane.Page.EvaluateAsync<bool>("() => 'OfficeExtension' in window && '__excelDouble' in window"));
        Assert.True(await pane.Page.EvaluateAsync<bool>("() => typeof Office.onReady === 'function'"));
        await pane.Page.WaitForTimeoutAsync(1000); // late errors of office.js's own start-up
        Assert.Empty(pane.Errors);
        Assert.Empty(pane.NetworkErrors);
        await pane.ScreenshotAsync("taskpane-outside-office");
    }

    [Fact]
    public async Task Without_office_js_the_page_still_explains_what_to_do()
    {
        var page = await host.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.RouteAsync(OfficeJsRoutes.CdnPrefix + "**", route => route.AbortAsync());
        await page.GotoAsync("/taskpane.html");

        var outside = page.Locator("#outside-office");
        await outside.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains("Office.js n'a pas pu être chargée", await outside.InnerTextAsync());
        Assert.Empty(errors);
    }
}
