using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AddinWeb.Tests.Hosting;

public sealed class SecurityHeadersTests : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client;

    public SecurityHeadersTests(DefaultHost factory) => _client = factory.CreateClient();

    public static TheoryData<string, string, string?> Requests => new()
    {
        { "GET", "/healthz", null },
        { "GET", "/swagger/index.html", null },
        { "GET", "/swagger/v1/swagger.json", null },
        { "GET", "/swagger/index.js", null },
        { "GET", "/does-not-exist", null },
        { "GET", "/api/reports/analyze", null },                      // 405
        { "POST", "/api/reports/analyze", "{ not json" },              // 400
        { "POST", "/api/reports/analyze", """{"sheets":[]}""" },       // 422 (or 400)
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_response_carries_the_security_headers(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.SendAsync(request);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches(@"script-src 'self' https://appsforoffice\.microsoft\.com(;|$)", csp);
        Assert.Contains("frame-ancestors 'self' https://*.officeapps.live.com", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"), "X-Frame-Options would stop Office on the web from framing the pane");
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Api_answers_are_never_cached()
    {
        using var response = await _client.PostAsync("/api/reports/analyze",
            new StringContent("""{"sheets":[]}""", Encoding.UTF8, "application/json"));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Swagger_ui_runs_under_the_policy_no_inline_script()
    {
        var html = await _client.GetStringAsync("/swagger/index.html");
        var scripts = Regex.Matches(html, @"<script(?<attributes>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s =>
        {
            Assert.Contains("src=", s.Groups["attributes"].Value);
            Assert.True(string.IsNullOrWhiteSpace(s.Groups["body"].Value), "inline script would be blocked by script-src");
        });
        // Every script it loads is served by the host itself ('self').
        foreach (Match s in scripts)
        {
            var src = Regex.Match(s.Value, "src=\"(?<u>[^\"]+)\"").Groups["u"].Value;
            Assert.DoesNotContain("//", src);
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri(new Uri(_client.BaseAddress!, "/swagger/"), src))).StatusCode);
        }
    }

    [Fact]
    public async Task Health_endpoint_answers_healthy()
    {
        using var response = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : throw new Xunit.Sdk.XunitException($"Header {name} missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
}

public sealed class ConfiguredFrameAncestorsTests
{
    [Fact]
    public async Task Frame_ancestors_come_from_configuration_without_the_defaults()
    {
        await using var factory = new HostFactory(new Dictionary<string, string?>
        {
            ["Hosting:SecurityHeaders:FrameAncestors:0"] = "https://excel.example.fr",
        });
        using var response = await factory.CreateClient().GetAsync("/healthz");
        var csp = SecurityHeadersTests.Header(response, "Content-Security-Policy");
        Assert.EndsWith("frame-ancestors https://excel.example.fr", csp);
    }
}
