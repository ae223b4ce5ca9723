using System.Text.Json;
using AddinWeb.BrowserTests.TaskPane;
using AddinWeb.Tests.Seed;
using Xunit.Abstractions;

namespace AddinWeb.BrowserTests;

/// <summary>
/// A report of 20,000 connection rows (one per participant, so 20,000 Sommaire rows too): about 9 MB of cells, read in
/// several syncs under Excel on the web's 5 MB response limit, and a sheet written in several batches.
/// </summary>
public sealed class LargeReportTests(HostFixture host, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Twenty_thousand_rows_are_read_and_written_in_batches_under_the_payload_limit()
    {
        var workbook = new WorkbookSeed();
        foreach (var source in SyntheticReport.Workbook(20_000, connectionsPerUser: 1).Sheets) workbook.Add(source);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();
        output.WriteLine($"opened and analysed in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(await pane.Page.Locator("#report-details").IsVisibleAsync(), await pane.Status.InnerTextAsync());
        var opening = (await pane.DoubleJsonAsync("stats()")).GetProperty("batches").EnumerateArray().ToList();
        var readSyncs = opening.Count;
        Assert.True(readSyncs > 2, "more than 5 MB of cells cannot come back in one sync");
        Assert.All(opening, b => Assert.Equal(JsonValueKind.Null, b.GetProperty("failed").ValueKind));
        ReadBound.AssertWithin(opening.Select(b => b.GetProperty("responseBytes").GetInt64()).ToList());

        await pane.Page.EvaluateAsync("() => window.__excelDouble.resetStats()");
        await pane.Generate.ClickAsync();
        clock.Restart();
        await pane.WaitForGenerationEndAsync();
        output.WriteLine($"read, analysed and painted in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());

        var stats = await pane.DoubleJsonAsync("stats()");
        var batches = stats.GetProperty("batches").EnumerateArray().ToList();
        var limit = stats.GetProperty("payloadLimit").GetInt64();
        output.WriteLine($"syncs: {batches.Count} (1 to look at the workbook, {batches.Count - 1} to write); "
                         + "request / response bytes: "
                         + string.Join(", ", batches.Select(b => $"{b.GetProperty("bytes").GetInt64()} / {b.GetProperty("responseBytes").GetInt64()}")));
        Assert.All(batches, b =>
        {
            Assert.True(b.GetProperty("bytes").GetInt64() < limit);
            Assert.True(b.GetProperty("responseBytes").GetInt64() < limit);
            Assert.Equal(JsonValueKind.Null, b.GetProperty("failed").ValueKind);
        });
        // Nothing moved since the pane opened: the click looks at the sheets' names and used ranges, and reads no cell.
        Assert.True(batches[0].GetProperty("responseBytes").GetInt64() < 2_000, "the click read cells again");
        var writes = batches.Skip(1).ToList();
        Assert.True(writes.Count >= 3, "values over 4 MB are split (formats follow in the last values batch), then the final rename");
        Assert.True(writes.Sum(b => b.GetProperty("bytes").GetInt64()) > limit, "the sheet as a whole is over the limit");

        clock.Restart();
        var expected = await AnalyzeApi.AnalyzeAsync(host, workbook);
        output.WriteLine($"API analysis alone in {clock.Elapsed.TotalSeconds:0.0} s");
        var sheet = await pane.DoubleJsonAsync("sheet('Émargement')");
        AnalyzeApi.AssertSameValues(AnalyzeApi.ExpectedValues(expected["sheet"]!), AnalyzeApi.ActualValues(sheet));
        Assert.Empty(pane.Errors);
    }
}
