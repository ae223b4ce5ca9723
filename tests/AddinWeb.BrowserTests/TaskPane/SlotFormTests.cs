using System.Text.Json.Nodes;
using AddinWeb.Tests.Seed;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// The slot form: prefilled with the report's slots, a slot entered replaces them (one analysis per change, the
/// figures painted follow), a refused slot has its message beside it, and without any slot the trainer is asked to
/// enter it. The slots belong to the report: never remembered in the browser.
/// </summary>
public sealed class SlotFormTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static ILocator Slot(TaskPanePage pane, int number) => pane.Page.Locator($"#slot-list li.slot[data-slot='{number}']");

    private static ILocator Part(TaskPanePage pane, int number, string part) => Slot(pane, number).Locator($".slot__{part}");

    /// <summary>Counts the analyses the pane asks for, with what each sent.</summary>
    private static List<JsonNode> Analyses(TaskPanePage pane)
    {
        var sent = new List<JsonNode>();
        pane.Page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/api/reports/analyze", StringComparison.Ordinal) && request.PostData is { } body)
                lock (sent) sent.Add(JsonNode.Parse(body)!["options"]!);
        };
        return sent;
    }

    [Fact]
    public async Task The_form_starts_from_the_report_slot_and_a_slot_entered_repaints_the_figures()
    {
        var pane = await TaskPanePage.OpenAsync(host, WorkbookSeed.SeedReport());
        await pane.WaitForAnalysisAsync();
        var analyses = Analyses(pane);

        // Via states its slot ("10 novembre - 14:00 à 16:30"): the form shows it, and no invitation to enter one.
        Assert.Equal(1, await pane.Page.Locator("#slot-list li.slot").CountAsync());
        Assert.Equal("2020-11-10", await Part(pane, 1, "date").InputValueAsync());
        Assert.Equal("14:00", await Part(pane, 1, "start").InputValueAsync());
        Assert.Equal("16:30", await Part(pane, 1, "end").InputValueAsync());
        Assert.True(await pane.Page.Locator("#slot-prompt").IsHiddenAsync());
        Assert.Equal("Créneaux prévus", await pane.Page.InnerTextAsync("#slots-title"));

        // The trainer's slot, 14:00 to 15:00, replaces Via's: one analysis, with that slot only.
        await pane.Page.RunAndWaitForResponseAsync(() => Part(pane, 1, "end").FillAsync("15:00"), "**/api/reports/analyze");
        await Assertions.Expect(pane.Page.Locator("#report-date")).ToHaveTextAsync("mardi 10 novembre 2020, 14:00 à 15:00");
        var sent = Assert.Single(analyses);
        Assert.Equal("""[{"start":"2020-11-10T14:00","end":"2020-11-10T15:00"}]""", sent["slots"]!.ToJsonString());
        await pane.ScreenshotAsync("taskpane-slot-entered");

        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        Assert.Equal("""[{"start":"2020-11-10T14:00","end":"2020-11-10T15:00"}]""", analyses[^1]["slots"]!.ToJsonString());
        var sheet = await PaintedSheet.ReadAsync(pane);
        // Inès MOREAU: 13:44:59–14:11:45 and 14:40:06–16:40:43. Within 14:00–15:00: 11 min 45 s + 19 min 54 s
        // = 31.65 min of 60, 52.75 % → "Partiel" (within Via's 14:00–16:30 she had 121.65 of 150, 81.1 %: "Présent").
        var ines = sheet.Of("MOREAU");
        Assert.Equal(31.65, ines.Minutes("Temps sur le créneau"), 2);
        Assert.Equal("Partiel", ines.Text("Statut"));
        // Hugo BERNARD: 13:47:44–15:59:23, the whole hour → 100 % "Présent" (79.6 % of Via's slot: "Partiel").
        var hugo = sheet.Of("BERNARD");
        Assert.Equal(60, hugo.Minutes("Temps sur le créneau"), 2);
        Assert.Equal("Présent", hugo.Text("Statut"));
        // Jules PETIT left at 15:11:28: the whole hour too.
        Assert.Equal("Présent", sheet.Of("PETIT").Text("Statut"));
        Assert.Contains(sheet.Texts, t => t.Contains("14:00", StringComparison.Ordinal) && t.Contains("15:00", StringComparison.Ordinal));

        // Never remembered: the trainer's stored settings hold no slot, and a new pane starts from the report's.
        var stored = await pane.Page.EvaluateAsync<string?>("() => localStorage.getItem('emargement.options.v1')");
        Assert.DoesNotContain("slots", stored ?? "");
        await OfficeJsRoutes.RouteToExcelDoubleAsync(pane.Page);
        await pane.Page.ReloadAsync();
        await pane.WaitForAnalysisAsync();
        Assert.Equal("16:30", await Part(pane, 1, "end").InputValueAsync());
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task A_refused_slot_has_the_backend_message_beside_it_and_nothing_is_painted()
    {
        var pane = await TaskPanePage.OpenAsync(host, WorkbookSeed.SeedReport());
        await pane.WaitForAnalysisAsync();
        var analyses = Analyses(pane);

        // A second day, added: on the day after the first, same hours (a two-day training), analysed at once.
        await pane.Page.RunAndWaitForResponseAsync(() => pane.Page.ClickAsync("#slot-add"), "**/api/reports/analyze");
        Assert.Equal("2020-11-11", await Part(pane, 2, "date").InputValueAsync());
        Assert.Equal(("14:00", "16:30"), (await Part(pane, 2, "start").InputValueAsync(), await Part(pane, 2, "end").InputValueAsync()));
        await Assertions.Expect(pane.Page.Locator("#report-date")).ToContainTextAsync("mercredi 11 novembre 2020, 14:00 à 16:30");
        Assert.Equal(2, Assert.Single(analyses)["slots"]!.AsArray().Count);
        Assert.Equal("Créneau n° 2", await Slot(pane, 2).Locator("legend").InnerTextAsync());

        // Its end before its start: the backend's message, beside the second slot only.
        await pane.Page.RunAndWaitForResponseAsync(() => Part(pane, 2, "end").FillAsync("12:00"), "**/api/reports/analyze");
        var error = Slot(pane, 2).Locator(".slot__error");
        await Assertions.Expect(error).ToHaveTextAsync("Le créneau n° 2 doit se terminer après son début.");
        Assert.Equal("true", await Part(pane, 2, "end").GetAttributeAsync("aria-invalid"));
        Assert.True(await Slot(pane, 1).Locator(".slot__error").IsHiddenAsync());
        Assert.True(await pane.Page.Locator("#options-error").IsHiddenAsync());
        Assert.False(await pane.Page.Locator("#options").GetAttributeAsync("open") is not null);
        await pane.ScreenshotAsync("taskpane-slot-refused");

        // Generating now would not use the slots the trainer means: nothing is asked, nothing painted.
        var before = analyses.Count;
        await pane.Generate.ClickAsync();
        await pane.Page.WaitForTimeoutAsync(300);
        Assert.Equal(before, analyses.Count);
        Assert.DoesNotContain("Émargement", await pane.SheetNamesAsync());

        // A row left blank says what it lacks, and is not sent.
        await pane.Page.ClickAsync("#slot-add");
        await Part(pane, 3, "date").FillAsync("");
        await Assertions.Expect(Slot(pane, 3).Locator(".slot__error")).ToHaveTextAsync(
            "Indiquez la date, l'heure de début et l'heure de fin de ce créneau.");

        // Removing both: the message goes with its slot, and the one slot left is Via's own again.
        await Slot(pane, 3).Locator(".slot__remove").ClickAsync();
        await pane.Page.RunAndWaitForResponseAsync(() => Slot(pane, 2).Locator(".slot__remove").ClickAsync(), "**/api/reports/analyze");
        await Assertions.Expect(pane.Page.Locator("#report-date")).ToHaveTextAsync("mardi 10 novembre 2020, 14:00 à 16:30");
        Assert.Equal(1, await pane.Page.Locator("#slot-list li.slot").CountAsync());
        Assert.True(await Slot(pane, 1).Locator(".slot__error").IsHiddenAsync());
        Assert.Equal("Créneau", await Slot(pane, 1).Locator("legend").InnerTextAsync());

        // The last row removed: no slot is sent, the report's applies, and the form shows it again.
        await pane.Page.RunAndWaitForResponseAsync(() => Slot(pane, 1).Locator(".slot__remove").ClickAsync(), "**/api/reports/analyze");
        Assert.Null(analyses[^1]["slots"]);
        await Assertions.Expect(Part(pane, 1, "end")).ToHaveValueAsync("16:30");

        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        Assert.Contains("Émargement", await pane.SheetNamesAsync());
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task Without_a_slot_the_pane_asks_for_it_and_the_slot_entered_gives_the_report_figures()
    {
        var workbook = WorkbookSeed.SeedReport();
        var summary = workbook.Sheets.Single(s => s.Name == SeedReport.SummarySheetName);
        Assert.Equal("10 novembre - 14:00 à 16:30", summary.Values[6][0]);
        summary.Values[6][0] = "";
        var expected = await AnalyzeApi.AnalyzeAsync(host, WorkbookSeed.SeedReport());

        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();

        var prompt = pane.Page.Locator("#slot-prompt");
        await Assertions.Expect(prompt).ToBeVisibleAsync();
        Assert.Contains("avant de faire signer la feuille", await prompt.InnerTextAsync());
        // Prefilled with the session found from the connections, for the trainer to correct.
        Assert.Equal("2020-11-10", await Part(pane, 1, "date").InputValueAsync());
        await pane.ScreenshotAsync("taskpane-slot-prompt");

        await pane.Page.RunAndWaitForResponseAsync(() => Part(pane, 1, "start").FillAsync("14:00"), "**/api/reports/analyze");
        await pane.Page.RunAndWaitForResponseAsync(() => Part(pane, 1, "end").FillAsync("16:30"), "**/api/reports/analyze");
        await Assertions.Expect(pane.Page.Locator("#report-date")).ToHaveTextAsync("mardi 10 novembre 2020, 14:00 à 16:30");
        await Assertions.Expect(prompt).ToBeHiddenAsync();

        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        var totals = expected["totals"]!;
        var result = await pane.Result.InnerTextAsync();
        Assert.Contains($"{(int)totals["present"]!} présents, {(int)totals["partial"]!} partiels, {(int)totals["absent"]!} absents", result);
        Assert.Empty(pane.Errors);
    }
}
