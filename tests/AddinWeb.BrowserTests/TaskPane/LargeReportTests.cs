using System.Text.Json;
using AddinWeb.BrowserTests.TaskPane;
using AddinWeb.Tests.Seed;
using Xunit.Abstractions;

namespace AddinWeb.BrowserTests;

/// <summary>A report of 20,000 connection rows (one per participant): the sheet must be written in several batches.</summary>
public sealed class LargeReportTests(HostFixture host, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Twenty_thousand_rows_are_read_in_two_syncs_and_written_in_batches_under_the_payload_limit()
    {
        var workbook = new WorkbookSeed();
        foreach (var source in SyntheticReport.Workbook(20_000, connectionsPerUser: 1).Sheets) workbook.Add(source);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pane = await TaskPanePage.OpenAsync(host, workbook);
        await pane.WaitForAnalysisAsync();
        output.WriteLine($"opened and analysed in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(await pane.Page.Locator("#report-details").IsVisibleAsync(), await pane.Status.InnerTextAsync());
        Assert.True(await pane.DoubleAsync<int>("stats().syncCount") <= 2);

        await pane.Page.EvaluateAsync("() => window.__excelDouble.resetStats()");
        await pane.Generate.ClickAsync();
        clock.Restart();
        await pane.WaitForGenerationEndAsync();
        output.WriteLine($"read, analysed and painted in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());

        var stats = await pane.DoubleJsonAsync("stats()");
        var batches = stats.GetProperty("batches").EnumerateArray().ToList();
        var limit = stats.GetProperty("payloadLimit").GetInt64();
        output.WriteLine($"syncs: {batches.Count} (2 to read, {batches.Count - 2} to write); batch sizes (bytes): "
                         + string.Join(", ", batches.Select(b => b.GetProperty("bytes").GetInt64())));
        Assert.All(batches, b =>
        {
            Assert.True(b.GetProperty("bytes").GetInt64() < limit);
            Assert.Equal(JsonValueKind.Null, b.GetProperty("failed").ValueKind);
        });
        var writes = batches.Skip(2).ToList();
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
