using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Hosting;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reliability;

/// <summary>No shared state: 120 different reports analysed at once each get the answer they get alone.</summary>
public sealed class ConcurrencyTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    /// <summary>The answer without its "made on" time, which moves with the clock.</summary>
    private static async Task<string> AnswerAsync(HttpClient client, string json)
    {
        var (response, body) = await AnalyzeJson.PostAsync(client, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var node = body!.AsObject();
        node.Remove("sheet");
        return node.ToJsonString();
    }

    [Fact]
    public async Task Parallel_requests_with_different_reports_each_get_their_own_answer()
    {
        // Different sizes and seeds: different people, connections and totals in every report.
        var requests = Enumerable.Range(0, 120)
            .Select(i => i % 10 == 0
                ? AnalyzeJson.Request(SeedReport.Workbook(i % 20 == 0 ? NumberStyle.Numeric : NumberStyle.FrenchText))
                : AnalyzeJson.Request(SyntheticReport.Workbook(connections: 5 + i % 37, seed: i)))
            .ToArray();
        var alone = new string[requests.Length];
        for (var i = 0; i < requests.Length; i++) alone[i] = await AnswerAsync(_client, requests[i]);
        Assert.True(alone.Distinct().Count() > 100, "the reports should differ");

        using var start = new SemaphoreSlim(0);
        var together = requests.Select(async json =>
        {
            await start.WaitAsync();
            return await AnswerAsync(_client, json);
        }).ToArray();
        start.Release(requests.Length);
        var answers = await Task.WhenAll(together);

        for (var i = 0; i < requests.Length; i++)
            Assert.True(alone[i] == answers[i], $"request {i} got another answer when run in parallel");
    }
}
