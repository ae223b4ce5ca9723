using System.Text.Json;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>The real task pane page of the host, in chromium, with Office.js replaced by the Excel double.</summary>
public sealed class TaskPanePage
{
    private TaskPanePage(IPage page) => Page = page;

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions of the page: a test ends by asserting there are none.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>
    /// Chromium's own "Failed to load resource" lines for HTTP answers that are not 2xx (the 422 of a workbook that is
    /// not a report, a refused connection): the browser reports them, not the page's script.
    /// </summary>
    public List<string> NetworkErrors { get; } = [];

    public static async Task<TaskPanePage> OpenAsync(HostFixture host, WorkbookSeed seed, Func<IPage, Task>? beforeNavigation = null)
    {
        var page = await host.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 900 } });
        var pane = new TaskPanePage(page);
        pane.Watch();
        await page.AddInitScriptAsync($"window.__excelDoubleSeed = {seed.ToJson()};");
        await OfficeJsRoutes.RouteToExcelDoubleAsync(page);
        if (beforeNavigation is not null) await beforeNavigation(page);
        await page.GotoAsync("/taskpane.html");
        return pane;
    }

    public static async Task<TaskPanePage> OpenWithRealOfficeJsAsync(HostFixture host)
    {
        var page = await host.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 700 } });
        var pane = new TaskPanePage(page);
        pane.Watch();
        await OfficeJsRoutes.RouteToRealOfficeJsAsync(page);
        await page.GotoAsync("/taskpane.html");
        return pane;
    }

    private void Watch()
    {
        Page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            (message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) ? NetworkErrors : Errors).Add("console: " + message.Text);
        };
        Page.PageError += (_, error) => Errors.Add("page error: " + error);
    }

    public ILocator Status => Page.Locator("#report-status");
    public ILocator Generate => Page.Locator("#generate");
    public ILocator Result => Page.Locator("#result");
    public ILocator Failure => Page.Locator("#failure-text");
    public ILocator Warnings => Page.Locator("#warnings-list button.warning");

    /// <summary>Waits until the report card says what the backend found (a report, or not a report, or a failure).</summary>
    public async Task WaitForAnalysisAsync()
    {
        await Page.WaitForFunctionAsync(
            "() => !document.getElementById('report-details').hidden || !document.getElementById('report-errors').hidden || !document.getElementById('failure').hidden",
            null, new() { Timeout = 60000 });
    }

    public async Task WaitForGenerationEndAsync()
    {
        await Page.WaitForFunctionAsync(
            "() => !document.getElementById('result').hidden || !document.getElementById('failure').hidden",
            null, new() { Timeout = 120000 });
    }

    public async Task<T> DoubleAsync<T>(string expression) => await Page.EvaluateAsync<T>($"() => window.__excelDouble.{expression}");

    public async Task<JsonElement> DoubleJsonAsync(string expression) =>
        (await Page.EvaluateAsync<JsonElement?>($"() => window.__excelDouble.{expression}"))!.Value;

    public Task<string[]> SheetNamesAsync() => DoubleAsync<string[]>("sheetNames()");

    public Task<string> FingerprintAsync(string sheet) => DoubleAsync<string>($"fingerprint({JsonSerializer.Serialize(sheet)})");

    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(OfficeJsRoutes.TestsDirectory, "screenshots-tmp");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
