using System.Text.Json;
using System.Text.Json.Nodes;
using AddinWeb.Tests.Seed;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// The pane keeps what it read and, at the click, reads again only the sheets Office said changed since (cell edits,
/// sheets added): what it posts is exactly what a fresh read of the workbook as it now is would post.
/// </summary>
public sealed class ChangedSheetsTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>The <c>sheets</c> of every analyze request the page sends, in order.</summary>
    private static List<JsonNode> WatchRequests(IPage page)
    {
        var bodies = new List<JsonNode>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/api/reports/analyze", StringComparison.Ordinal) && request.PostData is { } body)
                lock (bodies) bodies.Add(JsonNode.Parse(body)!["sheets"]!);
        };
        return bodies;
    }

    private static async Task<(TaskPanePage Pane, List<JsonNode> Requests)> OpenAsync(HostFixture host, WorkbookSeed workbook)
    {
        List<JsonNode> requests = [];
        var pane = await TaskPanePage.OpenAsync(host, workbook, page =>
        {
            requests = WatchRequests(page);
            return Task.CompletedTask;
        });
        await pane.WaitForAnalysisAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());
        return (pane, requests);
    }

    /// <summary>What the click read: the response bytes of each sync before the first write.</summary>
    private static async Task<List<long>> ClickReadsAsync(TaskPanePage pane, int syncs)
    {
        var batches = (await pane.DoubleJsonAsync("stats()")).GetProperty("batches").EnumerateArray().ToList();
        return [.. batches.Take(syncs).Select(b => b.GetProperty("responseBytes").GetInt64())];
    }

    [Fact]
    public async Task A_cell_edited_after_opening_is_read_again_with_its_sheet_only()
    {
        var (pane, requests) = await OpenAsync(host, WorkbookSeed.SeedReport());
        var openingBytes = (await pane.DoubleJsonAsync("stats()")).GetProperty("batches").EnumerateArray().Sum(b => b.GetProperty("responseBytes").GetInt64());

        // The trainer corrects the host line of "Sommaire" (B11), then generates.
        await pane.Page.EvaluateAsync("() => window.__excelDouble.resetStats()");
        await pane.Page.EvaluateAsync($"() => window.__excelDouble.edit({JsonSerializer.Serialize(SeedReport.SummarySheetName)}, 'B11', 'DUPONT, Marie')");
        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());

        // Names and sizes, then the edited sheet's cells: more than the look of a click where nothing moved, less
        // than the opening read of both sheets.
        var reads = await ClickReadsAsync(pane, 2);
        Assert.InRange(reads[1], 1_000, openingBytes / 2);
        Assert.Equal("DUPONT, Marie", await pane.Page.Locator("#report-host").InnerTextAsync());
        var sheet = await pane.DoubleJsonAsync("sheet('Émargement')");
        Assert.Contains(sheet.GetProperty("values").EnumerateArray().SelectMany(r => r.EnumerateArray()),
            v => v.ValueKind == JsonValueKind.String && v.GetString() == "DUPONT, Marie");

        // Exactly what a pane opened on the edited workbook posts.
        var edited = WorkbookSeed.SeedReport();
        edited.Sheets.Single(s => s.Name == SeedReport.SummarySheetName).Values[10][1] = "DUPONT, Marie";
        var (fresh, freshRequests) = await OpenAsync(host, edited);
        Assert.Equal(2, requests.Count);
        Assert.Equal(freshRequests.Single().ToJsonString(), requests[1].ToJsonString());
        Assert.NotEqual(requests[0].ToJsonString(), requests[1].ToJsonString());
        // Values only: no number formats are read or sent (no stage uses them).
        Assert.All(requests, r => Assert.All(r.AsArray(), s => Assert.Equal(["name", "address", "values"], s!.AsObject().Select(p => p.Key))));
        Assert.Empty(pane.Errors);
        Assert.Empty(fresh.Errors);
    }

    [Fact]
    public async Task A_sheet_added_after_opening_is_read_and_the_unchanged_ones_are_not()
    {
        var (pane, requests) = await OpenAsync(host, WorkbookSeed.SeedReport());

        await pane.Page.EvaluateAsync("""
            () => Excel.run(async (context) => {
              const notes = context.workbook.worksheets.add("Notes");
              notes.getRange("A1:B1").values = [["à relancer", 3]];
              await context.sync();
            })
            """);
        await pane.Page.EvaluateAsync("() => window.__excelDouble.resetStats()");
        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());

        var posted = requests[^1].AsArray();
        Assert.Equal([SeedReport.SummarySheetName, SeedReport.PresenceSheetName, "Notes"], posted.Select(s => (string)s!["name"]!));
        Assert.Equal("""[["à relancer",3]]""", posted[2]!["values"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        // The report's own sheets were not read again: the new sheet's cells are all the click read after the look.
        var reads = await ClickReadsAsync(pane, 3);
        Assert.True(reads.Skip(1).Max() < 1_000, "the click read more than the new sheet: " + string.Join(", ", reads));
        Assert.Equal(requests[0].AsArray().Select(s => s!.ToJsonString()), posted.Take(2).Select(s => s!.ToJsonString()));
        Assert.Empty(pane.Errors);
    }
}
