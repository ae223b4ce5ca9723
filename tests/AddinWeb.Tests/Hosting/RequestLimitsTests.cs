using System.Net;
using System.Text;
using System.Text.Json;

namespace AddinWeb.Tests.Hosting;

/// <summary>Each limit answers with its own French 413/422 naming the limit; malformed grids are a 400, never a 500.</summary>
public sealed class RequestLimitsTests : IClassFixture<RequestLimitsTests.SmallLimitsHost>
{
    public sealed class SmallLimitsHost() : HostFactory(new Dictionary<string, string?>
    {
        ["Hosting:Limits:MaxJsonBodyBytes"] = "20000",
        ["Hosting:Limits:MaxSheets"] = "3",
        ["Hosting:Limits:MaxRowsPerSheet"] = "50",
        ["Hosting:Limits:MaxColumnsPerSheet"] = "20",
        ["Hosting:Limits:MaxCellLength"] = "100",
    });

    private readonly HttpClient _client;

    public RequestLimitsTests(SmallLimitsHost host) => _client = host.CreateClient();

    private static string Sheets(params string[] sheets) => $$"""{"sheets":[{{string.Join(",", sheets)}}]}""";

    private static string Sheet(int rows, int columns, string cell = "\"x\"") =>
        $$"""{"name":"Feuille","values":[{{string.Join(",", Enumerable.Repeat($"[{string.Join(",", Enumerable.Repeat(cell, columns))}]", rows))}}]}""";

    private async Task<(HttpStatusCode Status, JsonElement Problem)> Post(string json)
    {
        using var response = await _client.PostAsync("/api/reports/analyze", new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Theory]
    [InlineData(4, 1, 1, "x", HttpStatusCode.RequestEntityTooLarge, "MaxSheets", "feuilles")]
    [InlineData(1, 51, 1, "x", HttpStatusCode.RequestEntityTooLarge, "MaxRowsPerSheet", "lignes")]
    [InlineData(1, 2, 21, "x", HttpStatusCode.RequestEntityTooLarge, "MaxColumnsPerSheet", "colonnes")]
    [InlineData(1, 1, 1, "long", HttpStatusCode.UnprocessableEntity, "MaxCellLength", "caractères")]
    public async Task A_grid_over_a_limit_is_refused_naming_the_limit(int sheets, int rows, int columns, string cell,
        HttpStatusCode expected, string limit, string word)
    {
        var value = cell == "long" ? $"\"{new string('é', 101)}\"" : "\"x\"";
        var (status, problem) = await Post(Sheets(Enumerable.Repeat(Sheet(rows, columns, value), sheets).ToArray()));
        Assert.Equal(expected, status);
        Assert.Equal(limit, problem.GetProperty("limit").GetString());
        Assert.Contains(word, problem.GetProperty("detail").GetString());
        Assert.Matches("^[A-ZÉ]", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Grids_at_the_limits_are_accepted_for_analysis()
    {
        var (status, _) = await Post(Sheets(Sheet(50, 20), Sheet(1, 1, "\"" + new string('a', 100) + "\""), Sheet(1, 1)));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.NotEqual(HttpStatusCode.InternalServerError, status);
    }

    [Fact]
    public async Task A_body_over_the_json_limit_is_refused_before_it_is_read()
    {
        var (status, problem) = await Post(Sheets(Sheet(40, 20, "\"" + new string('a', 30) + "\"")));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("MaxJsonBodyBytes", problem.GetProperty("limit").GetString());
        Assert.Contains("Mo", problem.GetProperty("detail").GetString() + " Mo");
    }

    /// <summary>Without Content-Length only the server can stop the body: on Kestrel (TestServer has no body limit).</summary>
    [Fact]
    public async Task A_chunked_body_over_the_json_limit_is_refused_by_kestrel()
    {
        await using var kestrel = new SmallLimitsHost();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var client = new HttpClient { BaseAddress = kestrel.ClientOptions.BaseAddress };
        var json = Sheets(Sheet(40, 20, "\"" + new string('a', 30) + "\""));
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports/analyze") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("MaxJsonBodyBytes", problem.RootElement.GetProperty("limit").GetString());
    }

    [Theory]
    [InlineData("""{"sheets":[null]}""")]
    [InlineData("""{"sheets":[{"name":"Sommaire","values":[null]}]}""")]
    [InlineData("""{"sheets":[{"name":"Sommaire","values":[["a"],5]}]}""")]
    [InlineData("""{"sheets":[{"name":"Sommaire","values":{"a":1}}]}""")]
    [InlineData("""{"sheets":[{"name":"Sommaire","values":[[["nested"]]]}]}""")]
    [InlineData("""{"sheets":{"name":"Sommaire"}}""")]
    public async Task Malformed_grids_are_a_400(string json)
    {
        var (status, problem) = await Post(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Requête invalide", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"sheets":[{"name":"Sommaire","values":null}]}""")]
    [InlineData("""{"sheets":[{"name":"Sommaire","values":[[1]],"numberFormat":[[5], null, ["0"]]}]}""")] // an older pane's formats: ignored
    [InlineData("""{"sheets":[{"name":"Sommaire"}]}""")]
    public async Task Missing_grids_are_read_as_empty_never_a_crash(string json)
    {
        var (status, _) = await Post(json);
        Assert.True(status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, $"got {(int)status}");
    }
}
