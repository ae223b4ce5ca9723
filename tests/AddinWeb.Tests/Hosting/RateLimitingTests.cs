using System.Net;
using System.Text.Json;

namespace AddinWeb.Tests.Hosting;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after_in_french()
    {
        await using var factory = new HostFactory(new Dictionary<string, string?>
        {
            ["Hosting:RateLimiting:PermitLimit"] = "3",
            ["Hosting:RateLimiting:WindowSeconds"] = "60",
        });
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);

        using var refused = await client.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Trop de requêtes", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("Réessayez dans", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("PermitLimit", problem.RootElement.GetProperty("limit").GetString());
        Assert.True(refused.Headers.Contains("Content-Security-Policy"));

        // Load balancers keep polling the health endpoint.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>The attack run saw Retry-After: 60 while requests were accepted again after 28 s.</summary>
    [Fact]
    public async Task Retry_after_is_the_time_left_in_the_window()
    {
        await using var factory = new HostFactory(new Dictionary<string, string?>
        {
            ["Hosting:RateLimiting:PermitLimit"] = "2",
            ["Hosting:RateLimiting:WindowSeconds"] = "5",
        });
        var client = factory.CreateClient();
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        using var refused = await client.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 3); // 2.5 s left, not the whole 5 s window
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(retryAfter, problem.RootElement.GetProperty("retryAfterSeconds").GetInt32());

        await Task.Delay(TimeSpan.FromSeconds(retryAfter + 0.2));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
    }

    [Fact]
    public async Task Rate_limiting_can_be_switched_off()
    {
        await using var factory = new HostFactory(new Dictionary<string, string?>
        {
            ["Hosting:RateLimiting:Enabled"] = "false",
            ["Hosting:RateLimiting:PermitLimit"] = "1",
        });
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
    }
}
