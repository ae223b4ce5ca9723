namespace AddinWeb.BrowserTests;

public sealed class HostSmokeTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Chromium_reaches_the_host_health_endpoint()
    {
        var page = await host.NewPageAsync();
        var response = await page.GotoAsync("/healthz");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("Healthy", await page.InnerTextAsync("body"));
    }
}
