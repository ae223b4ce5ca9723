using System.Text.RegularExpressions;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests;

/// <summary>The page at "/" in Debian's chromium: a newcomer downloads the example report, uploads it, sees the
/// training and the participants, and downloads the workbook with its Émargement sheet.</summary>
public sealed partial class UploadPageTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>The platforms the host reads, in the order it tries them (AnalysisServices).</summary>
    internal static readonly string[] ReadPlatforms =
    [
        AddinWeb.Reports.Via.ViaReportSource.PlatformName, AddinWeb.Reports.BigBlueButton.BbbReportSource.PlatformName,
        AddinWeb.Reports.Teams.TeamsReportSource.PlatformName, AddinWeb.Reports.Zoom.ZoomReportSource.PlatformName,
    ];

    /// <summary>The policy the host will send: scripts from 'self' and Office's CDN only, no inline script or style.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self'; "
        + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    internal static string RepositoryFile(params string[] parts)
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
    public async Task A_file_that_is_neither_a_workbook_nor_text_gets_a_french_explanation()
    {
        var (page, violations) = await StrictPageAsync(ownPolicy: false);
        var response = await page.GotoAsync("/");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"));
        await page.SetInputFilesAsync("#report-file", new FilePayload
        {
            Name = "photo.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0, 0, 0, 0, 0xFF, 0xFE, 0, 1],
        });
        await Assertions.Expect(page.Locator("#problem")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#problem-title")).ToContainTextAsync("n'est ni un classeur .xlsx ni un fichier .csv");
        await Assertions.Expect(page.Locator("#problem-detail")).ToContainTextAsync(".csv");
        await Assertions.Expect(page.Locator("#problem-readers")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#results")).ToBeHiddenAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_text_file_no_source_reads_lists_the_reports_read()
    {
        var (page, violations) = await StrictPageAsync();
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#report-file", new FilePayload
        {
            Name = "notes.csv", MimeType = "text/csv", Buffer = "Liste des présents;Salle\nDURAND;B12\n"u8.ToArray(),
        });
        await Assertions.Expect(page.Locator("#problem")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#problem-title")).ToHaveTextAsync("Ce classeur n'est pas un rapport de session utilisable");
        var readers = page.Locator("#problem-readers-list li");
        // One line per platform read, in the order they are tried.
        await Assertions.Expect(readers).ToHaveCountAsync(ReadPlatforms.Length);
        for (var i = 0; i < ReadPlatforms.Length; i++)
            await Assertions.Expect(readers.Nth(i)).ToContainTextAsync(ReadPlatforms[i] + " : ");
        await Assertions.Expect(readers.First).ToContainTextAsync("Ma cl@sse virtuelle : un classeur .xlsx aux feuilles");
        // The detail says the message once; it is not listed again under it.
        await Assertions.Expect(page.Locator("#problem-errors li")).ToHaveCountAsync(0);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_suggested_slot_is_offered_used_and_changed_and_the_workbook_follows()
    {
        var (page, violations) = await StrictPageAsync();
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#report-file", RepositoryFile("AddinWeb", "wwwroot", "examples", "rapport-exemple-via.xlsx"));

        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#platform")).ToHaveTextAsync("Plateforme reconnue\u00a0: Ma cl@sse virtuelle");
        await Assertions.Expect(page.Locator("#convocation-summary")).ToContainTextAsync("Aucune liste des convoqués");
        var suggestion = page.Locator("#suggestion");
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await Assertions.Expect(suggestion).ToContainTextAsync("10/11/2020 de 14:00 à 16:30");

        await page.GetByRole(AriaRole.Button, new() { Name = "Utiliser ce créneau" }).ClickAsync();
        var first = page.GetByRole(AriaRole.Group, new() { Name = "Créneau n°\u00a01" });
        await Assertions.Expect(first.GetByLabel("Date")).ToHaveValueAsync("2020-11-10");
        await Assertions.Expect(first.GetByLabel("Début")).ToHaveValueAsync("14:00");
        await Assertions.Expect(first.GetByLabel("Fin")).ToHaveValueAsync("16:30");
        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(suggestion).ToBeHiddenAsync();

        // 14:00–16:00 instead: the figures and the workbook follow the slot entered.
        await first.GetByLabel("Fin").FillAsync("16:00");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Créneaux modifiés");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyser avec ces créneaux et cette liste" }).ClickAsync();
        await Assertions.Expect(page.Locator("#training-sessions")).ToHaveTextAsync("mardi 10 novembre 2020, 14:00 à 16:00", new() { Timeout = 60_000 });

        var workbook = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        using var downloaded = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await workbook.PathAsync())));
        Assert.Contains(downloaded.Worksheet("Émargement").CellsUsed(),
            c => c.GetString() == "mardi 10 novembre 2020, 14:00 à 16:00 (créneau saisi par le formateur)");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Slots_are_added_removed_and_a_half_filled_one_is_asked_for_before_anything_is_sent()
    {
        var (page, _) = await StrictPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un créneau" }).ClickAsync();
        var second = page.GetByRole(AriaRole.Group, new() { Name = "Créneau n°\u00a02" });
        await Assertions.Expect(second.GetByLabel("Date")).ToBeFocusedAsync();
        await second.GetByLabel("Date").FillAsync("2020-11-10");

        var requests = 0;
        page.Request += (_, request) => { if (request.Url.Contains("/api/reports/")) requests++; };
        await page.SetInputFilesAsync("#report-file", RepositoryFile("AddinWeb", "wwwroot", "examples", "rapport-exemple-via.xlsx"));
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync(
            "Complétez la date, l'heure de début et l'heure de fin du créneau n°\u00a02, ou retirez-le.");
        await Assertions.Expect(second.GetByLabel("Début")).ToBeFocusedAsync();
        Assert.Equal(0, requests);

        await page.GetByRole(AriaRole.Button, new() { Name = "Retirer le créneau n°\u00a02" }).ClickAsync();
        await Assertions.Expect(page.Locator("#slot-list li")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyser avec ces créneaux et cette liste" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task A_convened_list_file_adds_its_absentees_to_the_participants()
    {
        var (page, violations) = await StrictPageAsync();
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#convocation-file", new FilePayload
        {
            Name = "convoques.csv", MimeType = "text/csv", Buffer = "NOM;Prénom\r\nMARTIN;Louis\r\nMOREAU;Inès\r\nBLANC;Sophie\r\n"u8.ToArray(),
        });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retirer la liste" })).ToBeVisibleAsync();
        await page.SetInputFilesAsync("#report-file", RepositoryFile("AddinWeb", "wwwroot", "examples", "rapport-exemple-via.xlsx"));

        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#convocation-summary")).ToContainTextAsync("fichier « convoques.csv »");
        await Assertions.Expect(page.Locator("#convocation-summary")).ToContainTextAsync("3 personnes");
        await Assertions.Expect(page.Locator("#participants tbody tr")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator("#participants tbody tr", new() { HasText = "BLANC" })).ToContainTextAsync("Absent");

        // Taken away, the list no longer counts.
        await page.GetByRole(AriaRole.Button, new() { Name = "Retirer la liste" }).ClickAsync();
        await Assertions.Expect(page.Locator("#participants tbody tr")).ToHaveCountAsync(13, new() { Timeout = 60_000 });
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
