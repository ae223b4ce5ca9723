namespace AddinWeb.Tests.Hosting;

public sealed class CorsTests
{
    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/reports/analyze");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    [Fact]
    public async Task Cors_is_closed_by_default()
    {
        await using var factory = new DefaultHost();
        using var response = await factory.CreateClient().SendAsync(Preflight("https://evil.example"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Configured_origins_and_only_those_are_allowed()
    {
        await using var factory = new HostFactory(new Dictionary<string, string?>
        {
            ["Hosting:Cors:AllowedOrigins:0"] = "https://pane.ac-toulouse.fr",
        });
        var client = factory.CreateClient();
        using var allowed = await client.SendAsync(Preflight("https://pane.ac-toulouse.fr"));
        Assert.Equal("https://pane.ac-toulouse.fr", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var other = await client.SendAsync(Preflight("https://evil.example"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
