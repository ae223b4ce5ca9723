using System.Text.RegularExpressions;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests;

/// <summary>The page at "/" in Debian's chromium: a newcomer downloads the example report, uploads it, sees the
/// training and the participants, and downloads the workbook with its Émargement sheet.</summary>
public sealed partial class UploadPageTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>The policy the host will send: scripts from 'self' and Office's CDN only, no inline script or style.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self'; "
        + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    private static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ExcelAddin.sln")))
                return Path.Combine([dir.FullName, .. parts]);
        throw new InvalidOperationException("ExcelAddin.sln not found.");
    }

    /// <summary>A page whose documents carry the strict policy, with every CSP violation recorded.</summary>
    /// <param name="ownPolicy">False: keep the policy the host sends, to check the page works with it too.</param>
    private async Task<(IPage Page, List<string> Violations)> StrictPageAsync(bool ownPolicy = true)
    {
        var page = await host.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        if (ownPolicy) await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.ResourceType != "document") { await route.ContinueAsync(); return; }
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = ContentSecurityPolicy };
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Headers = headers });
        });
        return (page, violations);
    }

    [Fact]
    public async Task Example_report_uploaded_on_the_home_page_gives_the_participants_and_the_workbook_with_its_sheet()
    {
        var (page, violations) = await StrictPageAsync();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("Émargement"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "manifest.xml" })).ToHaveAttributeAsync("href", "/manifest.xml");

        // The example report, as a newcomer gets it from the page.
        var example = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#example-link"));
        Assert.Equal("rapport-exemple-via.xlsx", example.SuggestedFilename);
        var folder = Directory.CreateTempSubdirectory("emargement-example-");
        var examplePath = Path.Combine(folder.FullName, example.SuggestedFilename);
        await example.SaveAsAsync(examplePath);
        Assert.Equal(await File.ReadAllBytesAsync(RepositoryFile("AddinWeb", "wwwroot", "examples", "rapport-exemple-via.xlsx")),
            await File.ReadAllBytesAsync(examplePath));

        await page.SetInputFilesAsync("#report-file", examplePath);

        // The first analysis of a run pays for JIT and ClosedXML's start-up on a shared CI machine.
        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#training-title")).ToHaveTextAsync(SeedReport.Title);
        await Assertions.Expect(page.Locator("#training-reference")).ToHaveTextAsync("20A0160236-68653");
        await Assertions.Expect(page.Locator("#training-sessions")).ToHaveTextAsync("mardi 10 novembre 2020, 14:00 à 16:30");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("13 participants");
        var rows = page.Locator("#participants tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(13);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("STAMMINGER");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Formateur");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("10/11/2020 13:39");
        await Assertions.Expect(rows.Nth(5)).ToContainTextAsync("GIRARD");
        await Assertions.Expect(rows.Nth(5)).ToContainTextAsync("Absent");
        // Same figures as the sheet: 79.6 % for a partial row, time in slot cut to the minute like [h]:mm.
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("79,6 %");
        await Assertions.Expect(rows.Nth(9)).ToContainTextAsync("2 h 01");
        await Assertions.Expect(page.Locator("#training-totals")).ToContainTextAsync("20 h 12");
        await Assertions.Expect(page.Locator("#warnings li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#warnings li").First).ToContainTextAsync("ligne 21");

        var workbook = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        Assert.Equal("rapport-exemple-via - émargement.xlsx", workbook.SuggestedFilename);
        using (var downloaded = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await workbook.PathAsync()))))
        {
            Assert.Equal([SeedReport.SummarySheetName, SeedReport.PresenceSheetName, "Émargement"],
                downloaded.Worksheets.Select(s => s.Name));
            Assert.Equal("Feuille d'émargement — classe virtuelle", downloaded.Worksheet("Émargement").Cell("A1").GetString());
            Assert.Equal(SeedReport.Title, downloaded.Worksheet("Émargement").Cell("A2").GetString());
        }
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Classeur téléchargé", new() { Timeout = 30_000 });
        Assert.Empty(violations);
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_gets_a_french_explanation()
    {
        var (page, violations) = await StrictPageAsync(ownPolicy: false);
        var response = await page.GotoAsync("/");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"));
        await page.SetInputFilesAsync("#report-file", new FilePayload
        {
            Name = "notes.txt", MimeType = "text/plain", Buffer = "Liste des présents"u8.ToArray(),
        });
        await Assertions.Expect(page.Locator("#problem")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#problem-title")).ToContainTextAsync("n'est pas un classeur Excel");
        await Assertions.Expect(page.Locator("#problem-detail")).ToContainTextAsync(".xlsx");
        await Assertions.Expect(page.Locator("#results")).ToBeHiddenAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_file_picker_is_reachable_and_labelled_for_keyboard_and_screen_readers()
    {
        var (page, _) = await StrictPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("aria-live", "polite");
        var zone = page.Locator("#drop-zone");
        await Assertions.Expect(zone).ToHaveAttributeAsync("role", "button");
        await Assertions.Expect(zone).ToHaveAttributeAsync("tabindex", "0");
        await Assertions.Expect(page.GetByLabel("Déposez le rapport ici")).ToHaveAttributeAsync("type", "file");
        await zone.FocusAsync();
        Assert.Equal("drop-zone", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.EvaluateAsync("window.__clicked = 0; document.getElementById('report-file').addEventListener('click', () => window.__clicked++)");
        await page.Keyboard.PressAsync("Enter");
        // Enter on the drop zone opens the file dialog (a click on the file input).
        Assert.Equal(1, await page.EvaluateAsync<int>("window.__clicked"));
    }

    [Fact]
    public void Page_has_no_inline_script_handler_or_style_the_policy_would_block()
    {
        foreach (var file in new[] { "index.html" })
        {
            var html = File.ReadAllText(RepositoryFile("AddinWeb", "wwwroot", file));
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(InlineHandler(), html);
            Assert.DoesNotMatch(StyleAttribute(), html);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
