using System.Text.Json;
using AddinWeb.Tests.Seed;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// Excel on the web can leave a <c>context.sync</c> unanswered while it loads a big workbook. The pane waits two
/// minutes (the page's clock is Playwright's, fast-forwarded), then says so in French; the report is never touched,
/// and the temporary sheet is removed once Excel answers, or at the next read when that removal fails too.
/// </summary>
public sealed class HungSyncTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly string[] Sources = [SeedReport.SummarySheetName, SeedReport.PresenceSheetName];
    private const string Temporary = "Émargement en cours";

    private async Task<TaskPanePage> OpenAsync()
    {
        var pane = await TaskPanePage.OpenAsync(host, WorkbookSeed.SeedReport(), page => page.Clock.InstallAsync());
        await pane.WaitForAnalysisAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        return pane;
    }

    /// <summary>
    /// After the opening read, the click reads in one sync (nothing moved); the next one, the paint's first batch
    /// (the hidden temporary sheet with the values and formats), is the one Excel leaves unanswered.
    /// </summary>
    private static async Task<int> HangThePaintAsync(TaskPanePage pane)
    {
        var hungAt = await pane.DoubleAsync<int>("stats().syncCount") + 2;
        await pane.Page.EvaluateAsync("() => window.__excelDouble.hangSync(2)");
        await pane.Generate.ClickAsync();
        await pane.Page.WaitForFunctionAsync("() => window.__excelDouble.isHanging()");
        return hungAt;
    }

    [Fact]
    public async Task A_paint_excel_never_answers_is_abandoned_after_two_minutes_and_its_sheet_removed_once_excel_answers()
    {
        var pane = await OpenAsync();
        var before = await FingerprintsAsync(pane);
        var hungAt = await HangThePaintAsync(pane);
        Assert.Equal(hungAt, await pane.DoubleAsync<int>("stats().batches.find(b => b.hung).index"));

        // The wait is bounded, and not shorter than the limit.
        await pane.Page.Clock.FastForwardAsync("01:55");
        Assert.True(await pane.Failure.IsHiddenAsync(), "the pane gave up before its two minutes");
        await pane.Page.Clock.FastForwardAsync("00:06");
        await pane.WaitForGenerationEndAsync();

        var message = await pane.Failure.InnerTextAsync();
        Assert.Contains("Excel ne répond pas (rien en 120 secondes) : la génération est abandonnée.", message);
        Assert.Contains("Le rapport n'a pas été modifié", message);
        Assert.Contains("la feuille temporaire sera supprimée dès qu'Excel répondra", message);
        Assert.True(await pane.Generate.IsEnabledAsync());
        Assert.True(await pane.Result.IsHiddenAsync());
        Assert.Equal(before, await FingerprintsAsync(pane));

        // Excel answers at last: the batch it held is applied (the hidden sheet appears), then the pane deletes it.
        var beforeRelease = await pane.DoubleAsync<int>("stats().syncCount");
        await pane.Page.EvaluateAsync("() => window.__excelDouble.releaseSync()");
        await pane.Page.WaitForFunctionAsync("() => document.getElementById('failure-text').textContent.includes('Excel a fini par répondre')");

        Assert.Contains("la feuille temporaire a été supprimée, le classeur est tel qu'il était", await pane.Failure.InnerTextAsync());
        Assert.Equal(Sources, await pane.SheetNamesAsync());
        Assert.Equal(before, await FingerprintsAsync(pane));
        var after = Batches(await pane.DoubleJsonAsync("stats()")).Where(b => b.GetProperty("index").GetInt32() > beforeRelease).ToList();
        Assert.Equal(2, after.Count); // looked up, then deleted
        Assert.All(after, b => Assert.Equal(JsonValueKind.Null, b.GetProperty("failed").ValueKind));

        // And the next generation works.
        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        var names = await pane.SheetNamesAsync();
        Assert.Equal(Sources.Append("Émargement"), names);
        Assert.Equal(before, await FingerprintsAsync(pane));
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task A_temporary_sheet_that_could_not_be_removed_when_excel_answered_goes_at_the_next_read()
    {
        var pane = await OpenAsync();
        var before = await FingerprintsAsync(pane);
        await HangThePaintAsync(pane);
        await pane.Page.Clock.FastForwardAsync("02:01");
        await pane.WaitForGenerationEndAsync();
        Assert.Contains("Excel ne répond pas", await pane.Failure.InnerTextAsync());

        // Excel answers, but fails the pane's first attempt to remove the sheet.
        await pane.Page.EvaluateAsync("() => window.__excelDouble.failSync(1)");
        await pane.Page.EvaluateAsync("() => window.__excelDouble.releaseSync()");
        await pane.Page.WaitForFunctionAsync(
            "() => window.__excelDouble.stats().batches.some(b => b.failed === 'GeneralException')");
        var names = await pane.SheetNamesAsync();
        Assert.Equal(Sources.Append(Temporary), names);
        Assert.Equal("Hidden", (await pane.DoubleJsonAsync($"sheet({JsonSerializer.Serialize(Temporary)})")).GetProperty("visibility").GetString());

        // The next read removes it first, then reads the report as before.
        await pane.Page.ClickAsync("#reload");
        await pane.WaitForAnalysisAsync();
        await pane.Page.WaitForFunctionAsync("() => !document.getElementById('reload').disabled");

        Assert.Equal(Sources, await pane.SheetNamesAsync());
        Assert.Equal(before, await FingerprintsAsync(pane));
        Assert.Contains("Ma cl@sse virtuelle", await pane.Status.InnerTextAsync());
        Assert.Empty(pane.Errors);
    }

    [Fact]
    public async Task A_read_excel_never_answers_is_abandoned_after_two_minutes_and_writes_nothing()
    {
        var pane = await OpenAsync();
        var before = await FingerprintsAsync(pane);

        await pane.Page.EvaluateAsync("() => window.__excelDouble.hangSync(1)");
        await pane.Page.ClickAsync("#reload");
        await pane.Page.WaitForFunctionAsync("() => window.__excelDouble.isHanging()");
        await pane.Page.Clock.FastForwardAsync("02:01");
        await pane.Page.WaitForFunctionAsync("() => !document.getElementById('failure').hidden");

        var message = await pane.Failure.InnerTextAsync();
        Assert.Contains("Excel ne répond pas (rien en 120 secondes). Rien n'a été écrit dans le classeur.", message);
        Assert.True(await pane.Page.Locator("#retry").IsVisibleAsync());

        await pane.Page.EvaluateAsync("() => window.__excelDouble.releaseSync()");
        await pane.Page.ClickAsync("#retry");
        await pane.Page.WaitForFunctionAsync("() => document.getElementById('failure').hidden && !document.getElementById('report-details').hidden");

        Assert.Equal(Sources, await pane.SheetNamesAsync());
        Assert.Equal(before, await FingerprintsAsync(pane));
        Assert.Empty(pane.Errors);
    }

    private static List<JsonElement> Batches(JsonElement stats) => [.. stats.GetProperty("batches").EnumerateArray()];

    private static async Task<string[]> FingerprintsAsync(TaskPanePage pane) =>
        [await pane.FingerprintAsync(Sources[0]), await pane.FingerprintAsync(Sources[1])];
}
