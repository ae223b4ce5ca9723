using AddinWeb.Tests.Seed;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// The task pane on a platform's .csv as Excel shows it once the trainer opened it: a BigBlueButton dashboard in a
/// French Excel (a comma-separated file, so every line whole in column A; UTF-8 without BOM read as Windows-1252, so
/// "ModÃ©rateur" and "ChloÃ©"), with the slot the trainer enters, painted.
/// </summary>
public sealed class PlatformSheetTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_bbb_sheet_as_a_french_excel_shows_it_with_a_slot_entered_paints_the_sheet()
    {
        var shown = ExcelOpensCsv.Open(PlatformFiles.Bytes(PlatformFiles.BbbSample), PlatformFiles.BbbSample, ExcelLocale.French);
        var sheet = Assert.Single(shown.Sheets);
        Assert.All(sheet.Rows, row => Assert.Single(row));                   // lines whole in column A
        Assert.StartsWith("Nom,ModÃ©rateur,", sheet[0, 0].Text);           // mojibake
        var workbook = new WorkbookSeed().Add(sheet);

        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();
        Assert.Equal("Rapport reconnu : BigBlueButton", await pane.Status.InnerTextAsync());
        // The dashboard states no slot: the pane asks for it, prefilled with the day of the connections.
        await Assertions.Expect(pane.Page.Locator("#slot-prompt")).ToBeVisibleAsync();
        var slot = pane.Page.Locator("#slot-list li.slot").First;
        Assert.Equal("2025-03-04", await slot.Locator(".slot__date").InputValueAsync());

        await slot.Locator(".slot__start").FillAsync("09:00");
        await pane.Page.RunAndWaitForResponseAsync(() => slot.Locator(".slot__end").FillAsync("12:00"), "**/api/reports/analyze");
        await Assertions.Expect(pane.Page.Locator("#report-date")).ToHaveTextAsync("mardi 4 mars 2025, 09:00 à 12:00");
        await Assertions.Expect(pane.Page.Locator("#slot-prompt")).ToBeHiddenAsync();
        await pane.ScreenshotAsync("taskpane-bbb-slot");

        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        var painted = await PaintedSheet.ReadAsync(pane);
        Assert.Contains(painted.Texts, t => t.Contains("BigBlueButton", StringComparison.Ordinal));
        Assert.DoesNotContain(painted.Texts, t => t.Contains("Ã", StringComparison.Ordinal));
        Assert.DoesNotContain(painted.Texts, t => t.Contains("Anonyme", StringComparison.Ordinal));
        // A summary (first join J, last leave L, duration D): within 09:00–12:00, at least D minus the part of
        // [J, L] outside the slot.
        // Agnès, moderator: J 08:57:41, L 12:02:19, D 3:04:38 → 184.63 − (2 min 19 s + 2 min 19 s) = 180 min.
        var agnes = painted.With("Agnès");
        Assert.Equal("Formateur", agnes.Text("Rôle"));
        Assert.Equal(180, agnes.Minutes("Temps sur le créneau"), 2);
        // Bruno: J 09:01:05, L 11:58:40, all within the slot → D, 2:41:12 = 161.2 min of 180, 89.6 % → "Présent".
        var bruno = painted.With("Bruno");
        Assert.Equal(161.2, bruno.Minutes("Temps sur le créneau"), 2);
        Assert.Equal("Présent", bruno.Text("Statut"));
        // Chloé (her name repaired): J 09:20:33, L 10:05:00 → D, 0:44:27 = 44.45 min, 24.7 % → "Partiel".
        var chloe = painted.With("Chloé");
        Assert.Equal(44.45, chloe.Minutes("Temps sur le créneau"), 2);
        Assert.Equal("Partiel", chloe.Text("Statut"));
        Assert.StartsWith("D'après la durée totale fournie par BigBlueButton", chloe.Text("Observations"));
        Assert.Contains("\u00a0Émargement\u00a0", await pane.Result.InnerTextAsync());
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task A_convened_list_pasted_beside_a_bbb_sheet_adds_the_absentee_and_flags_the_uninvited()
    {
        var shown = ExcelOpensCsv.Open(PlatformFiles.Bytes(PlatformFiles.BbbSample), PlatformFiles.BbbSample, ExcelLocale.French);
        var workbook = new WorkbookSeed().Add(Assert.Single(shown.Sheets))
            .AddSheet("GAIA", ["NOM", "Prénom"], ["STAGIAIRE", "Bruno"], ["DURAND", "Camille"]);

        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();
        await Assertions.Expect(pane.Page.Locator("#convocation-message"))
            .ToHaveTextAsync("Liste des convoqués : feuille « GAIA », 2 personnes (trouvée dans le classeur).");

        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        var painted = await PaintedSheet.ReadAsync(pane);
        var camille = painted.With("Camille");
        Assert.Equal("Absent", camille.Text("Statut"));
        Assert.Contains("Aucune connexion", camille.Text("Observations"));
        Assert.Equal("Non convoqué(e)", painted.With("Chloé").Text("Rôle"));
        Assert.NotEqual("Non convoqué(e)", painted.With("Bruno").Text("Rôle"));
        Assert.Equal("Formateur", painted.With("Agnès").Text("Rôle")); // a trainer is never a convened trainee
        Assert.Empty(pane.Errors);
    }
}
