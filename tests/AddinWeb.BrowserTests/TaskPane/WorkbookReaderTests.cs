using System.Text.Json;
using AddinWeb.Tests.Seed;
using Xunit.Abstractions;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// The task pane's reader (wwwroot/taskpane/workbook-reader.js) against Excel on the web's 5 MB limit on responses:
/// it reads cell values in row blocks of at most 4 MB per sync, and puts them back together so that
/// the backend receives exactly what one whole-range read gives. The reference is that whole-range read (the reader
/// before blocks), run with the double's limit lifted.
/// </summary>
public sealed class WorkbookReaderTests(HostFixture host, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    /// <summary>
    /// In the page, once the pane has read the workbook on opening: the reference read, then the reader with the given
    /// tuning, counted by the double. Returns whether both give the same JSON, and the double's stats of the reader.
    /// </summary>
    private const string CompareReads = """
        async (tuning) => {
          const double = window.__excelDouble;
          // The reader before blocks: every used range's address and values in one sync.
          const wholeRangeRead = (context) => (async () => {
            const worksheets = context.workbook.worksheets;
            worksheets.load("items/name");
            await context.sync();
            const ranges = worksheets.items.map((sheet) => {
              const range = sheet.getUsedRangeOrNullObject(true);
              range.load("address,values");
              return { name: sheet.name, range };
            });
            await context.sync();
            return {
              names: ranges.map((r) => r.name),
              sheets: ranges.filter((r) => !r.range.isNullObject)
                .map((r) => ({ name: r.name, address: r.range.address, values: r.range.values })),
            };
          })();
          double.setPayloadLimit(tuning.payloadLimit);
          let wholeRangeError = null;
          try { await Excel.run(wholeRangeRead); } catch (error) { wholeRangeError = error.code; }
          double.setPayloadLimit(Number.MAX_SAFE_INTEGER);
          const reference = JSON.stringify(await Excel.run(wholeRangeRead));
          double.setPayloadLimit(tuning.payloadLimit);

          const reader = await import("/taskpane/workbook-reader.js");
          double.resetStats();
          const cells = await Excel.run((context) => new reader.WorkbookReader({ ...tuning, watch: false }).read(context));
          const read = JSON.stringify({ names: cells.names, sheets: cells.sheets });
          return { same: read === reference, bytes: new TextEncoder().encode(read).length, wholeRangeError, stats: double.stats() };
        }
        """;

    private sealed record Reads(bool Same, long Bytes, string? WholeRangeError, List<Batch> Batches, long Limit);

    private sealed record Batch(int Index, long Bytes, long ResponseBytes, string? Failed);

    private async Task<Reads> CompareAsync(WorkbookSeed workbook, long? budgetBytes = null, long? payloadLimit = null)
    {
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();
        var tuning = new Dictionary<string, object?> { ["payloadLimit"] = payloadLimit };
        if (budgetBytes is not null) tuning["budgetBytes"] = budgetBytes;
        var result = await pane.Page.EvaluateAsync<JsonElement>(CompareReads, tuning);
        var stats = result.GetProperty("stats");
        var batches = stats.GetProperty("batches").EnumerateArray().Select(b => new Batch(
            b.GetProperty("index").GetInt32(), b.GetProperty("bytes").GetInt64(), b.GetProperty("responseBytes").GetInt64(),
            b.GetProperty("failed").ValueKind == JsonValueKind.Null ? null : b.GetProperty("failed").GetString())).ToList();
        var reads = new Reads(result.GetProperty("same").GetBoolean(), result.GetProperty("bytes").GetInt64(),
            result.GetProperty("wholeRangeError").ValueKind == JsonValueKind.Null ? null : result.GetProperty("wholeRangeError").GetString(),
            batches, stats.GetProperty("payloadLimit").GetInt64());
        output.WriteLine($"{reads.Bytes:N0} bytes read in {batches.Count} syncs; responses (bytes): "
                         + string.Join(", ", batches.Select(b => b.ResponseBytes.ToString("N0") + (b.Failed is null ? "" : $" ({b.Failed})"))));
        Assert.Empty(pane.Errors);
        return reads;
    }

    [Fact]
    public async Task The_seed_is_read_in_two_syncs_exactly_as_one_whole_range_read()
    {
        var reads = await CompareAsync(WorkbookSeed.SeedReport());

        Assert.True(reads.Same, "the blocks put back together differ from the whole-range read");
        Assert.Null(reads.WholeRangeError);
        Assert.Equal(2, reads.Batches.Count); // names and used-range sizes, then all the cells
        Assert.All(reads.Batches, b => Assert.Null(b.Failed));
    }

    [Fact]
    public async Task Sheets_between_the_first_and_the_last_take_one_sync_more_and_empty_sheets_are_left_out()
    {
        // The first and last sheets are reached without their names; the others only once the names are known.
        var workbook = new WorkbookSeed();
        workbook.AddSheet("Notes", ["Session du 10 novembre"], ["à relancer", 3]);
        foreach (var sheet in SeedReport.Workbook().Sheets) workbook.Add(sheet);
        workbook.AddSheet("Vide");
        workbook.AddSheet("Dernière", ["fin"]);
        var reads = await CompareAsync(workbook);

        Assert.True(reads.Same, "the blocks put back together differ from the whole-range read");
        Assert.Equal(3, reads.Batches.Count); // names with the first and last sizes, the other sizes, the cells
        Assert.All(reads.Batches, b => Assert.Null(b.Failed));
    }

    [Fact]
    public async Task A_small_budget_cuts_the_sheets_into_many_blocks_put_back_exactly()
    {
        // The seed's values measure about 5 KB: with a 1,000-byte budget (and the limit at 1,250, as 4 MB is to 5 MB)
        // its sheets are cut into many row blocks, one sync ending the Sommaire and starting the presence sheet.
        var reads = await CompareAsync(WorkbookSeed.SeedReport(), budgetBytes: 1_000, payloadLimit: 1_250);

        Assert.True(reads.Same, "the blocks put back together differ from the whole-range read");
        var cells = reads.Batches.Skip(1).ToList();
        Assert.True(cells.Count >= 5, $"{cells.Count} syncs of cells");
        Assert.All(cells.Where(b => b.Failed is null), b => Assert.True(b.ResponseBytes <= 1_250));
    }

    [Fact]
    public async Task A_response_Excel_refuses_is_read_again_in_smaller_batches()
    {
        // The limit is lower than the reader's budget (as if cells were much larger than estimated): the first batch
        // of cells is refused, then read again in halves until Excel accepts it.
        var workbook = new WorkbookSeed();
        foreach (var sheet in SyntheticReport.Workbook(1_000).Sheets) workbook.Add(sheet);
        var reads = await CompareAsync(workbook, budgetBytes: 400_000, payloadLimit: 60_000);

        Assert.True(reads.Same, "the blocks put back together differ from the whole-range read");
        Assert.Equal("ResponsePayloadSizeLimitExceeded", reads.WholeRangeError);
        Assert.Contains(reads.Batches, b => b.Failed == "ResponsePayloadSizeLimitExceeded");
        Assert.All(reads.Batches.Where(b => b.Failed is null), b => Assert.True(b.ResponseBytes <= 60_000));
    }

    [Fact]
    public async Task Sixty_thousand_connection_rows_over_5_MB_are_read_in_blocks_each_under_the_limit()
    {
        var workbook = new WorkbookSeed();
        foreach (var sheet in SyntheticReport.Workbook(60_000).Sheets) workbook.Add(sheet);
        var reads = await CompareAsync(workbook);

        // Read whole, the response is over Excel on the web's limit; in blocks, every response is under it.
        Assert.Equal("ResponsePayloadSizeLimitExceeded", reads.WholeRangeError);
        Assert.True(reads.Same, "the blocks put back together differ from the whole-range read");
        Assert.True(reads.Bytes > reads.Limit);
        Assert.All(reads.Batches, b => Assert.Null(b.Failed));
        Assert.All(reads.Batches, b => Assert.True(b.ResponseBytes < reads.Limit, $"a response of {b.ResponseBytes:N0} bytes"));
        Assert.True(reads.Batches.Count > 2, "the cells are read in several syncs");
        ReadBound.AssertWithin(reads.Batches.Select(b => b.ResponseBytes).ToList());
    }
}
