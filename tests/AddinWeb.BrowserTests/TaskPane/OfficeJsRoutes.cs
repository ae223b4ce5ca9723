using System.Reflection;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// Serves the Office.js CDN from local files: either the Excel double of these tests, or the real office.js of npm
/// <c>@microsoft/office-js</c> (restored by the test project's build). Nothing else is routed: the page, its scripts
/// and the API are the real host's.
/// </summary>
public static class OfficeJsRoutes
{
    public const string CdnPrefix = "https://appsforoffice.microsoft.com/lib/1/hosted/";

    public static string TestsDirectory { get; } =
        typeof(OfficeJsRoutes).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BrowserTestsDirectory").Value!;

    public static string ExcelDoubleScript => Path.Combine(TestsDirectory, "ExcelDouble", "excel-double.js");

    public static string OfficeJsDist => Path.Combine(TestsDirectory, "node_modules", "@microsoft", "office-js", "dist");

    /// <summary>office.js → the Excel double; any other file of the CDN is a 404 (the double needs none).</summary>
    public static Task RouteToExcelDoubleAsync(IPage page) =>
        page.RouteAsync(CdnPrefix + "**", async route =>
        {
            if (new Uri(route.Request.Url).AbsolutePath.EndsWith("/office.js", StringComparison.Ordinal))
                await route.FulfillAsync(new() { Path = ExcelDoubleScript, ContentType = "text/javascript" });
            else
                await route.FulfillAsync(new() { Status = 404 });
        });

    /// <summary>The page office.js frames for its telemetry: answered empty here, as the machine has no internet.</summary>
    public const string TelemetryPrefix = "https://telemetryservice.firstpartyapps.oaspapps.com/";

    /// <summary>The whole hosted folder → npm's dist folder, as the CDN would serve it.</summary>
    public static async Task RouteToRealOfficeJsAsync(IPage page)
    {
        await page.RouteAsync(TelemetryPrefix + "**", route =>
            route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>telemetry</title>" }));
        await page.RouteAsync(CdnPrefix + "**", async route =>
        {
            var relative = Uri.UnescapeDataString(new Uri(route.Request.Url).AbsolutePath["/lib/1/hosted/".Length..]);
            var file = Path.GetFullPath(Path.Combine(OfficeJsDist, relative));
            if (file.StartsWith(Path.GetFullPath(OfficeJsDist), StringComparison.Ordinal) && File.Exists(file))
                await route.FulfillAsync(new() { Path = file, ContentType = file.EndsWith(".js") ? "text/javascript" : null });
            else
                await route.FulfillAsync(new() { Status = 404 });
        });
    }
}
