using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests;

/// <summary>
/// The real host on 127.0.0.1 (Kestrel, a free port) and one headless Debian chromium, shared by a test class.
/// Playwright's own browser download is never used: there is no internet on CI, the browser is the one on PATH.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>()
        .WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            // Plain HTTP on loopback: the browser tests are about the pages, not the certificate.
            host.UseSetting("Hosting:HttpsRedirection", "false");
            // A free port on loopback, so parallel runs (and a developer's own host) never collide.
            host.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        });

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            AcceptDownloads = true,
            Locale = "fr-FR",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>Debian's chromium (apt-get install chromium), found on PATH; CHROMIUM_PATH overrides.</summary>
    private static string FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(configured)) return configured;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            foreach (var name in new[] { "chromium", "chromium-browser" })
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        throw new InvalidOperationException(
            "Chromium introuvable : installez-le (apt-get install -y chromium) ou indiquez CHROMIUM_PATH.");
    }
}
