using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// The convened-list line of the report card: which sheet was taken and how many people it holds, the convened rows
/// painted (the absentee's included), "ce n'est pas la liste" and another sheet; and a workbook that is no report
/// listing the platforms read, one line each.
/// </summary>
public sealed class ConvocationLineTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>
    /// GAIA-like, title lines above the header: two of the seed's trainees (Camille DURAND, Louis MARTIN, his
    /// address in capitals) and Sophie BLANC, convened, who never connected.
    /// </summary>
    private static WorkbookSeed WithList() => WorkbookSeed.SeedReport()
        .AddSheet("Convoqués",
            ["Liste des stagiaires convoqués"],
            ["Module 68653"],
            [],
            ["Civilité", "NOM", "Prénom", "Mél académique"],
            ["Mme", "DURAND", "Camille", "camille.durand@ac-toulouse.fr"],
            ["M.", "MARTIN", "Louis", "LOUIS.MARTIN@AC-TOULOUSE.FR"],
            ["Mme", "BLANC", "Sophie", "sophie.blanc@ac-toulouse.fr"]);

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

    private static async Task GenerateAsync(TaskPanePage pane, bool replace = false)
    {
        await pane.Generate.ClickAsync();
        if (replace) await pane.Page.ClickAsync("#existing-replace");
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
    }

    [Fact]
    public async Task The_line_names_the_list_found_the_convened_are_painted_and_declining_it_repaints_without_them()
    {
        var pane = await TaskPanePage.OpenAsync(host, WithList());
        await pane.WaitForAnalysisAsync();
        var analyses = Analyses(pane);

        await Assertions.Expect(pane.Page.Locator("#convocation-message"))
            .ToHaveTextAsync("Liste des convoqués : feuille « Convoqués », 3 personnes (trouvée dans le classeur).");
        Assert.True(await pane.Page.Locator("#convocation-decline").IsVisibleAsync());
        Assert.True(await pane.Page.Locator("#convocation-other").IsHiddenAsync()); // no other sheet holds a list
        await pane.ScreenshotAsync("taskpane-convened-list");

        await GenerateAsync(pane);
        var sheet = await PaintedSheet.ReadAsync(pane);
        var blanc = sheet.Of("BLANC");
        Assert.Equal("Absent", blanc.Text("Statut"));
        Assert.Contains("Aucune connexion", blanc.Text("Observations"));
        Assert.Equal("Sophie", blanc.Text("Prénom"));
        Assert.NotEqual("Non convoqué(e)", sheet.Of("DURAND").Text("Rôle"));
        Assert.Equal("Non convoqué(e)", sheet.Of("FAURE").Text("Rôle"));

        // "Ce n'est pas la liste": one analysis, asking for none; the sheet painted again has no convened rows.
        var before = analyses.Count;
        await pane.Page.RunAndWaitForResponseAsync(() => pane.Page.ClickAsync("#convocation-decline"), "**/api/reports/analyze");
        await Assertions.Expect(pane.Page.Locator("#convocation-message")).ToContainTextAsync("Sans liste des convoqués");
        Assert.Equal(before + 1, analyses.Count);
        Assert.Equal("", (string?)analyses[^1]["convocationSheet"]);
        Assert.True(await pane.Page.Locator("#convocation-decline").IsHiddenAsync());
        // The list declined stays offered, to take it back.
        Assert.Equal(["", "Convoqués"], await pane.Page.Locator("#convocation-sheet option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)"));

        await GenerateAsync(pane, replace: true);
        Assert.Equal("", (string?)analyses[^1]["convocationSheet"]);
        sheet = await PaintedSheet.ReadAsync(pane);
        Assert.Empty(sheet.RowsOf("BLANC"));
        Assert.DoesNotContain(sheet.Texts, t => t.Contains("Non convoqué", StringComparison.Ordinal));
        Assert.Equal("Stagiaire", sheet.Of("FAURE").Text("Rôle"));

        await pane.Page.RunAndWaitForResponseAsync(() => pane.Page.SelectOptionAsync("#convocation-sheet", "Convoqués"), "**/api/reports/analyze");
        await Assertions.Expect(pane.Page.Locator("#convocation-message"))
            .ToHaveTextAsync("Liste des convoqués : feuille « Convoqués », 3 personnes (feuille choisie).");
        Assert.Equal("Convoqués", (string?)analyses[^1]["convocationSheet"]);
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task Another_sheet_holding_a_list_can_be_taken_instead()
    {
        var workbook = WithList().AddSheet("Liste 2", ["NOM Prénom", "Courriel"], ["FAURE Zoé", "zoe.faure@ac-toulouse.fr"]);
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();

        Assert.True(await pane.Page.Locator("#convocation-other").IsVisibleAsync());
        await pane.Page.RunAndWaitForResponseAsync(() => pane.Page.SelectOptionAsync("#convocation-sheet", "Liste 2"), "**/api/reports/analyze");
        await Assertions.Expect(pane.Page.Locator("#convocation-message"))
            .ToHaveTextAsync("Liste des convoqués : feuille « Liste 2 », 1 personne (feuille choisie).");
        Assert.Equal(["", "Convoqués"], await pane.Page.Locator("#convocation-sheet option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)"));

        await GenerateAsync(pane);
        var sheet = await PaintedSheet.ReadAsync(pane);
        Assert.Empty(sheet.RowsOf("BLANC"));
        Assert.NotEqual("Non convoqué(e)", sheet.Of("FAURE").Text("Rôle"));
        Assert.Equal("Non convoqué(e)", sheet.Of("DURAND").Text("Rôle"));
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task A_chosen_sheet_that_no_longer_holds_the_list_is_said_and_the_list_is_looked_for_again()
    {
        var workbook = WithList().AddSheet("Liste 2", ["NOM Prénom", "Courriel"], ["FAURE Zoé", "zoe.faure@ac-toulouse.fr"]);
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();
        await pane.Page.RunAndWaitForResponseAsync(() => pane.Page.SelectOptionAsync("#convocation-sheet", "Liste 2"), "**/api/reports/analyze");
        await Assertions.Expect(pane.Page.Locator("#convocation-message")).ToContainTextAsync("« Liste 2 »");

        // The trainer empties that sheet, then reads the workbook again.
        await pane.Page.EvaluateAsync("() => window.__excelDouble.edit('Liste 2', 'A1', '')");
        await pane.Page.ClickAsync("#reload");
        await Assertions.Expect(pane.Page.Locator("#convocation-notice")).ToContainTextAsync("aucune liste des convoqués lisible");
        await Assertions.Expect(pane.Page.Locator("#convocation-message")).ToContainTextAsync("« Convoqués »");
        Assert.True(await pane.Generate.IsEnabledAsync());
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task Without_a_list_the_line_says_so_and_offers_nothing_to_choose()
    {
        var pane = await TaskPanePage.OpenAsync(host, WorkbookSeed.SeedReport());
        await pane.WaitForAnalysisAsync();

        await Assertions.Expect(pane.Page.Locator("#convocation-message")).ToContainTextAsync("Aucune liste des convoqués");
        Assert.True(await pane.Page.Locator("#convocation-decline").IsHiddenAsync());
        Assert.True(await pane.Page.Locator("#convocation-other").IsHiddenAsync());
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task A_workbook_no_platform_reads_lists_each_platform_on_a_line_of_its_own()
    {
        var workbook = new WorkbookSeed().AddSheet("Budget", ["Poste", "Montant"], ["Repas", 45]);
        using var client = host.CreateClient();
        using var content = new StringContent(workbook.AnalyzeRequest().ToJsonString(), Encoding.UTF8, "application/json");
        var problem = JsonNode.Parse(await (await client.PostAsync("/api/reports/analyze", content)).Content.ReadAsStringAsync())!;
        var platforms = problem["unrecognised"]!["platforms"]!.AsArray();

        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();

        var lines = pane.Page.Locator("#report-errors .unrecognised-platforms li");
        Assert.Equal(platforms.Count, await lines.CountAsync());
        for (var i = 0; i < platforms.Count; i++)
            Assert.Equal($"{(string?)platforms[i]!["platform"]} : {(string?)platforms[i]!["expected"]}", await lines.Nth(i).InnerTextAsync());
        Assert.Equal((string?)platforms[0]!["platform"], await lines.First.Locator("strong").InnerTextAsync());
        Assert.Contains("« Budget »", await pane.Page.Locator("#report-errors > li").First.InnerTextAsync());
        Assert.Contains("sans le modifier", await pane.Page.Locator("#report-errors > li").Last.InnerTextAsync());
        Assert.True(await pane.Page.Locator("#slots").IsHiddenAsync());
        Assert.True(await pane.Page.Locator("#convocation").IsHiddenAsync());
        await pane.ScreenshotAsync("taskpane-unrecognised");
        Assert.Empty(pane.Errors);
    }
}
