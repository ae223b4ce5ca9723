using System.Diagnostics;
using System.Text.Json;
using AddinWeb.BrowserTests.TaskPane;
using AddinWeb.Tests.Seed;
using Xunit.Abstractions;

namespace AddinWeb.BrowserTests.Performance;

/// <summary>
/// The task pane's cost in Excel round trips, counted by the Excel double: reading a report (values only) takes 2
/// <c>context.sync</c> calls while its cells are under 4 MB, and 1 + ⌈bytes / 4 MB⌉ (one more at most) above
/// (<see cref="ReadBound"/>); the click after opening, nothing having moved, reads no cell again (one sync for the sheet
/// names and used ranges); writing takes at most 2 + ⌈bytes / 4 MB⌉; and no request or response reaches Excel on the
/// web's 5 MB payload limit.
/// The timings (open to analysed report, click to finished sheet, in headless chromium against the real host) are
/// printed for docs/performance.md; only the round-trip bounds are asserted (timings belong to the benchmarks, and
/// the machine is shared). The 50,000-row case takes minutes (a 10 MB workbook seeded into the double): it runs when
/// EMARGEMENT_PERF_LARGE=1.
/// </summary>
public sealed class TaskPaneRoundTripTests(HostFixture host, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private const long WriteBatchBytes = 4 * 1024 * 1024;

    /// <summary>Only a hang should fail on time: a busy shared machine can be several times slower than usual.</summary>
    private const float Patience = 10 * 60 * 1000;

    [Theory]
    [InlineData(20)]
    [InlineData(5_000)]
    public Task Reads_in_two_syncs_and_writes_in_two_plus_one_per_4_MB(int connections) => MeasureAsync(connections, readSyncs: 2);

    [Fact]
    public async Task Fifty_thousand_connection_rows_keep_the_same_bounds()
    {
        if (Environment.GetEnvironmentVariable("EMARGEMENT_PERF_LARGE") != "1")
        {
            output.WriteLine("50,000 rows not measured: set EMARGEMENT_PERF_LARGE=1 to run this case.");
            return;
        }
        await MeasureAsync(50_000, readSyncs: null);
    }

    /// <param name="readSyncs">The exact count expected, when the cells fit in one sync (names and sizes, cells).</param>
    private async Task MeasureAsync(int connections, int? readSyncs)
    {
        var workbook = new WorkbookSeed();
        foreach (var sheet in SyntheticReport.Workbook(connections).Sheets) workbook.Add(sheet);

        var opening = Stopwatch.StartNew();
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.Page.WaitForFunctionAsync(
            "() => !document.getElementById('report-details').hidden || !document.getElementById('failure').hidden",
            null, new() { Timeout = Patience });
        opening.Stop();
        Assert.True(await pane.Page.Locator("#report-details").IsVisibleAsync(), await pane.Status.InnerTextAsync());
        var reads = (await pane.DoubleJsonAsync("stats()")).GetProperty("batches").EnumerateArray()
            .Select(b => b.GetProperty("responseBytes").GetInt64()).ToList();
        var readBytes = reads.Sum();
        ReadBound.AssertWithin(reads);
        if (readSyncs is not null) Assert.Equal(readSyncs, reads.Count);

        await pane.Page.EvaluateAsync("() => window.__excelDouble.resetStats()");
        var generating = Stopwatch.StartNew();
        await pane.Generate.ClickAsync();
        await pane.Page.WaitForFunctionAsync(
            "() => !document.getElementById('result').hidden || !document.getElementById('failure').hidden",
            null, new() { Timeout = Patience });
        generating.Stop();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());

        // The click looks at the workbook again (one sync: names, ids, used ranges), reads no cell, posts, then paints.
        var stats = await pane.DoubleJsonAsync("stats()");
        var batches = stats.GetProperty("batches").EnumerateArray().Select(b => b.GetProperty("bytes").GetInt64()).ToList();
        var responses = stats.GetProperty("batches").EnumerateArray().Select(b => b.GetProperty("responseBytes").GetInt64()).ToList();
        var limit = stats.GetProperty("payloadLimit").GetInt64();
        const int clickReads = 1;
        var clickReadBytes = responses.Take(clickReads).Sum();
        var writes = batches.Skip(clickReads).ToList();
        var writeBytes = writes.Sum();
        var allowedWrites = 2 + (int)Math.Ceiling(writeBytes / (double)WriteBatchBytes);

        output.WriteLine($"{connections:N0} connection rows: open → analysed {opening.ElapsedMilliseconds:N0} ms; "
                         + $"click → finished sheet {generating.ElapsedMilliseconds:N0} ms; "
                         + $"read syncs {reads.Count} for {readBytes:N0} bytes (largest response {reads.Max():N0}); "
                         + $"click: read syncs {clickReads} for {clickReadBytes:N0} bytes; "
                         + $"write syncs {writes.Count} (bound {allowedWrites}) for {writeBytes:N0} bytes; "
                         + $"largest batch {batches.Max():N0} bytes (limit {limit:N0})");

        Assert.InRange(writes.Count, 1, allowedWrites);
        Assert.All(batches, bytes => Assert.True(bytes < limit, $"a batch of {bytes:N0} bytes reaches the {limit:N0}-byte limit"));
        Assert.All(responses, bytes => Assert.True(bytes < limit, $"a response of {bytes:N0} bytes reaches the {limit:N0}-byte limit"));
        Assert.True(clickReadBytes < 2_000, $"the click read {clickReadBytes:N0} bytes: cells were read again");
        Assert.InRange(readBytes, 1, connections * 200 + 10_000); // values only: ~110 bytes per connection row
        Assert.Contains("Émargement", await pane.SheetNamesAsync());
        Assert.Empty(pane.Errors);
    }
}
