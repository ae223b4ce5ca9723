using System.Text.Json;
using System.Text.Json.Nodes;
using AddinWeb.BrowserTests.TaskPane;
using AddinWeb.Tests.Seed;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests;

/// <summary>
/// The real task pane page on the real host, in chromium, with Office.js replaced by the Excel double: what a
/// trainer sees and what ends up in the workbook.
/// </summary>
public sealed class TaskPaneTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly string[] Sources = [SeedReport.SummarySheetName, SeedReport.PresenceSheetName];

    [Fact]
    public async Task The_seed_report_is_recognised_in_two_syncs_and_gives_the_api_sheet()
    {
        var workbook = WorkbookSeed.SeedReport();
        var expected = await AnalyzeApi.AnalyzeAsync(host, workbook);
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        var sourcesBefore = await FingerprintsAsync(pane);

        await pane.WaitForAnalysisAsync();
        Assert.Equal("Rapport reconnu : Ma cl@sse virtuelle", await pane.Status.InnerTextAsync());
        Assert.Contains(SeedReport.Title, await pane.Page.InnerTextAsync("#report-training"));
        Assert.Equal(SeedReport.Host, await pane.Page.InnerTextAsync("#report-host"));
        Assert.Contains("mardi 10 novembre 2020", await pane.Page.InnerTextAsync("#report-date"));
        var participants = expected["participants"]!.AsArray();
        var trainers = participants.Count(p => (string?)p!["role"] == "Trainer");
        Assert.StartsWith($"{participants.Count - trainers} stagiaires", await pane.Page.InnerTextAsync("#report-participants"));
        // Reading the workbook: the sheet names with the used ranges' sizes (two sheets), then all the cells (< 4 MB).
        Assert.Equal(2, await pane.DoubleAsync<int>("stats().syncCount"));
        await pane.ScreenshotAsync("taskpane-report");

        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        var totals = expected["totals"]!;
        var result = await pane.Result.InnerTextAsync();
        Assert.Contains("«\u00a0Émargement\u00a0»", result);
        Assert.Contains($"{(int)totals["present"]!} présent", result);
        Assert.Contains($"{(int)totals["absent"]!} absent", result);
        await pane.ScreenshotAsync("taskpane-generated");

        var layout = expected["sheet"]!;
        var sheet = await pane.DoubleJsonAsync("sheet('Émargement')");
        AnalyzeApi.AssertSameValues(AnalyzeApi.ExpectedValues(layout), AnalyzeApi.ActualValues(sheet));
        Assert.Empty(sheet.GetProperty("formulas").EnumerateArray());
        Assert.Equal("Visible", sheet.GetProperty("visibility").GetString());
        Assert.Equal((int)layout["frozenRows"]!, sheet.GetProperty("frozenRows").GetInt32());
        Assert.Equal(layout["merges"]!.AsArray().Select(m => (string)m!).Order(),
            sheet.GetProperty("merges").EnumerateArray().Select(m => m.GetString()!).Order());
        var widths = layout["columnWidths"]!.AsArray().Select(w => (double)w!).ToList();
        for (var c = 0; c < widths.Count; c++)
            if (widths[c] > 0)
                Assert.Equal(ExcelPoints(widths[c]), sheet.GetProperty("columnWidths").GetProperty(Reports.Grid.SheetGrid.ColumnLetters(c + 1)).GetDouble());
        foreach (var height in layout["rowHeights"]!.AsArray())
            Assert.Equal((double)height!["points"]!, sheet.GetProperty("rowHeights").GetProperty(((int)height["row"]!).ToString()).GetDouble());
        var print = layout["print"]!;
        var page = sheet.GetProperty("page");
        Assert.Equal((string)print["orientation"]!, page.GetProperty("orientation").GetString());
        Assert.Equal((string)print["paperSize"]!, page.GetProperty("paperSize").GetString());
        Assert.Equal((double)print["marginLeft"]! * 72, page.GetProperty("leftMargin").GetDouble(), 6);
        if (print["titleRows"] is { } titleRows)
            Assert.Equal(((string)titleRows!).Replace("$", ""), page.GetProperty("printTitleRows").GetString());
        foreach (var format in layout["formats"]!.AsArray().Where(f => f!["numberFormat"] is not null).Take(5))
        {
            var topLeft = ((string)format!["range"]!).Split(':')[0];
            Assert.Equal((string)format["numberFormat"]!, (await pane.DoubleJsonAsync($"cell('Émargement', '{topLeft}')")).GetProperty("numberFormat").GetString());
        }

        Assert.Equal(SourcesAnd("Émargement"), await pane.SheetNamesAsync());
        Assert.Equal("Émargement", await pane.DoubleAsync<string>("activeSheet()"));
        Assert.Equal(sourcesBefore, await FingerprintsAsync(pane));
        Assert.All((await pane.DoubleJsonAsync("stats()")).GetProperty("batches").EnumerateArray(),
            b => Assert.True(b.GetProperty("failed").ValueKind == JsonValueKind.Null));
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task An_existing_sheet_is_replaced_when_the_trainer_says_so()
    {
        var workbook = WorkbookSeed.SeedReport().AddSheet("Émargement", ["ancienne feuille"]);
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        var sourcesBefore = await FingerprintsAsync(pane);
        await pane.WaitForAnalysisAsync();

        await pane.Generate.ClickAsync();
        var dialog = pane.Page.Locator("#existing-dialog");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Contains("«\u00a0Émargement\u00a0»", await dialog.InnerTextAsync());
        Assert.Contains("«\u00a0Émargement (2)\u00a0»", await dialog.InnerTextAsync());
        await pane.ScreenshotAsync("taskpane-existing-sheet");
        await pane.Page.ClickAsync("#existing-replace");
        await pane.WaitForGenerationEndAsync();

        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        Assert.Equal(SourcesAnd("Émargement"), await pane.SheetNamesAsync());
        var values = (await pane.DoubleJsonAsync("sheet('Émargement')")).GetProperty("values");
        Assert.NotEqual("ancienne feuille", values[0][0].GetString());
        Assert.Equal(sourcesBefore, await FingerprintsAsync(pane));
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task An_existing_sheet_is_kept_beside_the_new_one_or_the_generation_is_cancelled()
    {
        var workbook = WorkbookSeed.SeedReport().AddSheet("Émargement", ["ancienne feuille"]);
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        var oldSheet = await pane.FingerprintAsync("Émargement");
        await pane.WaitForAnalysisAsync();

        await pane.Generate.ClickAsync();
        await pane.Page.ClickAsync("#existing-cancel");
        await pane.WaitForGenerationEndAsync();
        Assert.Contains("annulée", await pane.Result.InnerTextAsync());
        Assert.Equal(SourcesAnd("Émargement"), await pane.SheetNamesAsync());

        await pane.Generate.ClickAsync();
        await pane.Page.ClickAsync("#existing-keep");
        await pane.WaitForGenerationEndAsync();
        Assert.Contains("«\u00a0Émargement (2)\u00a0»", await pane.Result.InnerTextAsync());
        Assert.Equal(SourcesAnd("Émargement", "Émargement (2)"), await pane.SheetNamesAsync());
        Assert.Equal(oldSheet, await pane.FingerprintAsync("Émargement"));
        Assert.Equal("Émargement (2)", await pane.DoubleAsync<string>("activeSheet()"));
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task A_workbook_that_is_not_a_report_says_what_is_missing_and_writes_nothing()
    {
        var workbook = new WorkbookSeed().AddSheet("Budget", ["Poste", "Montant"], ["Déplacements", 120.5], ["Repas", 45]);
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();

        Assert.Contains("n'est pas un rapport de session", await pane.Status.InnerTextAsync());
        var errors = pane.Page.Locator("#report-errors li");
        Assert.True(await errors.CountAsync() > 0);
        Assert.Contains("Sommaire", await pane.Page.InnerTextAsync("#report-errors"));
        Assert.True(await pane.Generate.IsDisabledAsync());
        Assert.True(await pane.Page.Locator("#report-details").IsHiddenAsync());
        Assert.Equal(new[] { "Budget" }, await pane.SheetNamesAsync());
        await pane.ScreenshotAsync("taskpane-not-a-report");
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task The_backend_going_down_writes_nothing_and_the_retry_works()
    {
        var workbook = WorkbookSeed.SeedReport();
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();
        var before = await FingerprintsAsync(pane);

        await pane.Page.RouteAsync("**/api/reports/analyze", route => route.AbortAsync("connectionrefused"));
        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.Contains("injoignable", await pane.Failure.InnerTextAsync());
        Assert.Contains("Rien n'a été écrit", await pane.Failure.InnerTextAsync());
        Assert.True(await pane.Page.Locator("#retry").IsVisibleAsync());
        Assert.Equal(Sources, await pane.SheetNamesAsync());
        Assert.Equal(before, await FingerprintsAsync(pane));
        await pane.ScreenshotAsync("taskpane-backend-down");

        await pane.Page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.Wait });
        await pane.Page.ClickAsync("#retry");
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        Assert.Equal(SourcesAnd("Émargement"), await pane.SheetNamesAsync());
        Assert.Equal(before, await FingerprintsAsync(pane));
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task A_backend_that_does_not_answer_times_out_with_a_message_and_writes_nothing()
    {
        var held = new TaskCompletionSource();
        var calls = 0;
        var pane = await TaskPanePage.OpenAsync(host, WorkbookSeed.SeedReport(), async page =>
        {
            await page.Clock.InstallAsync();
            await page.RouteAsync("**/api/reports/analyze", async route =>
            {
                if (Interlocked.Increment(ref calls) == 1) { await route.ContinueAsync(); return; }
                await held.Task; // the second analysis never gets an answer
                await route.AbortAsync();
            });
        });
        await pane.WaitForAnalysisAsync();
        var before = await FingerprintsAsync(pane);

        await pane.Generate.ClickAsync();
        await pane.Page.WaitForFunctionAsync("() => document.getElementById('progress-label').textContent.includes('Analyse')");
        await pane.Page.Clock.FastForwardAsync("01:01"); // past the pane's 60 s limit
        await pane.WaitForGenerationEndAsync();
        held.SetResult();

        Assert.Contains("ne répond pas", await pane.Failure.InnerTextAsync());
        Assert.True(await pane.Page.Locator("#retry").IsVisibleAsync());
        Assert.True(await pane.Generate.IsEnabledAsync());
        Assert.Equal(Sources, await pane.SheetNamesAsync());
        Assert.Equal(before, await FingerprintsAsync(pane));
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task An_excel_failure_while_painting_leaves_the_workbook_as_it_was()
    {
        var workbook = WorkbookSeed.SeedReport().AddSheet("Émargement", ["ancienne feuille"]);
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();
        var before = await pane.DoubleAsync<string>("sheetNames().map(n => window.__excelDouble.fingerprint(n)).join('|')");

        // Nothing moved since the pane opened: syncs 1–2 look at the workbook (three sheets: the middle one's size takes
        // a sync of its own) and read no cell again, 3 writes the hidden temporary sheet (values, then formats): the
        // 4th, the final swap (delete the old sheet, rename the new one), fails.
        await pane.Page.EvaluateAsync("() => window.__excelDouble.failSync(4)");
        await pane.Generate.ClickAsync();
        await pane.Page.ClickAsync("#existing-replace");
        await pane.WaitForGenerationEndAsync();

        Assert.Contains("Excel a refusé l'écriture", await pane.Failure.InnerTextAsync());
        Assert.Contains("aucune feuille n'a été ajoutée", await pane.Failure.InnerTextAsync());
        Assert.Equal(SourcesAnd("Émargement"), await pane.SheetNamesAsync());
        Assert.Equal(before, await pane.DoubleAsync<string>("sheetNames().map(n => window.__excelDouble.fingerprint(n)).join('|')"));
        var batches = (await pane.DoubleJsonAsync("stats()")).GetProperty("batches").EnumerateArray().ToList();
        var failed = batches.FindIndex(b => b.GetProperty("failed").GetString() == "GeneralException");
        Assert.True(failed >= 0, "the swap failed");
        Assert.True(failed < batches.Count - 1, "the temporary sheet was looked up and deleted after the failure");
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task Clicking_a_warning_selects_its_row_in_the_source_sheet()
    {
        var workbook = WorkbookWithWarnings();
        var analysis = await AnalyzeApi.AnalyzeAsync(host, workbook);
        var warnings = analysis["issues"]!.AsArray().Where(i => (string?)i!["severity"] == "Warning" && i["row"] is not null && i["sheet"] is not null).ToList();
        Assert.NotEmpty(warnings);

        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();
        Assert.True(await pane.Page.Locator("#warnings").IsVisibleAsync());
        Assert.Equal(analysis["issues"]!.AsArray().Count(i => (string?)i!["severity"] == "Warning"), await pane.Warnings.CountAsync());
        await pane.ScreenshotAsync("taskpane-warnings");

        var target = warnings[^1]!;
        var button = pane.Warnings.Filter(new() { HasText = (string)target["message"]! }).First;
        await button.FocusAsync();
        await pane.Page.Keyboard.PressAsync("Enter"); // keyboard, as a screen-reader user would
        var sheet = (string)target["sheet"]!;
        var row = (int)target["row"]!;
        await pane.Page.WaitForFunctionAsync($"() => window.__excelDouble.selection().address === '{row}:{row}'");
        Assert.Equal(sheet, await pane.DoubleAsync<string>("selection().sheet"));
        Assert.Equal(sheet, await pane.DoubleAsync<string>("activeSheet()"));
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task Options_are_remembered_in_the_browser_and_sent_with_the_sheets()
    {
        var pane = await TaskPanePage.OpenAsync(host, WorkbookSeed.SeedReport());
        await pane.WaitForAnalysisAsync();
        await pane.Page.ClickAsync("#options summary");
        await pane.Page.FillAsync("#option-presentThreshold", "90");
        await pane.Page.FillAsync("#option-toleranceMinutes", "5");
        await pane.Page.WaitForFunctionAsync("() => (localStorage.getItem('emargement.options.v1') || '').includes('\"toleranceMinutes\":5')");
        await pane.ScreenshotAsync("taskpane-options");

        var stored = await pane.Page.EvaluateAsync<string>("() => localStorage.getItem('emargement.options.v1')");
        var options = JsonNode.Parse(stored)!;
        Assert.Equal(0.9, (double)options["presentThreshold"]!, 6);
        Assert.Equal(5, (double)options["toleranceMinutes"]!);

        // An inconsistent value is refused with a message, and not stored.
        await pane.Page.FillAsync("#option-absentThreshold", "95");
        await Assertions.Expect(pane.Page.Locator("#options-error")).ToContainTextAsync("inférieure ou égale");
        Assert.Equal("true", await pane.Page.GetAttributeAsync("#option-absentThreshold", "aria-invalid"));
        Assert.Equal(stored, await pane.Page.EvaluateAsync<string>("() => localStorage.getItem('emargement.options.v1')"));
        await pane.Page.FillAsync("#option-absentThreshold", "10");
        await Assertions.Expect(pane.Page.Locator("#options-error")).ToBeHiddenAsync();

        var request = await pane.Page.RunAndWaitForRequestAsync(() => pane.Generate.ClickAsync(), "**/api/reports/analyze");
        var sent = JsonNode.Parse(request.PostData!)!["options"]!;
        Assert.Equal(0.9, (double)sent["presentThreshold"]!, 6);
        Assert.Equal(5, (double)sent["toleranceMinutes"]!);
        await pane.WaitForGenerationEndAsync();

        // A new pane (same browser profile) starts with the remembered options; the workbook holds none of them.
        await OfficeJsRoutes.RouteToExcelDoubleAsync(pane.Page);
        await pane.Page.ReloadAsync();
        await pane.WaitForAnalysisAsync();
        Assert.Equal("90", await pane.Page.InputValueAsync("#option-presentThreshold"));
        Assert.Equal("5", await pane.Page.InputValueAsync("#option-toleranceMinutes"));
        Assert.Empty(pane.Errors);
    }

    /// <summary>The seed with two figures that disagree with their rows: the "Total :" of Sommaire and one connection.</summary>
    private static WorkbookSeed WorkbookWithWarnings()
    {
        var workbook = WorkbookSeed.SeedReport();
        var summary = workbook.Sheets.Single(s => s.Name == SeedReport.SummarySheetName);
        summary.Values[26][2] = 2600.0;                      // C27, "Total :" of Connexion (2593,61)
        var presence = workbook.Sheets.Single(s => s.Name == SeedReport.PresenceSheetName);
        presence.Values[14][4] = 95.5;                       // E15, a connection of 188,24 minutes
        return workbook;
    }

    private static string[] SourcesAnd(params string[] more) => [.. Sources, .. more];

    private static async Task<string[]> FingerprintsAsync(TaskPanePage pane) =>
        [await pane.FingerprintAsync(Sources[0]), await pane.FingerprintAsync(Sources[1])];

    /// <summary>Excel's column width in characters → points (7 px per character + 5 px padding, 0.75 pt per px).</summary>
    private static double ExcelPoints(double characters) =>
        Math.Truncate((256 * Math.Truncate((characters * 7 + 5) / 7 * 256) / 256 + Math.Truncate(128.0 / 7)) / 256 * 7) * 0.75;
}
