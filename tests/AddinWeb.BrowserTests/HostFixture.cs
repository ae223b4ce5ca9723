using AddinWeb.BrowserTests.TaskPane;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests;

/// <summary>
/// The real host on 127.0.0.1 (Kestrel, a free port) and one headless Debian chromium, shared by a test class.
/// Playwright's own browser download is never used: there is no internet on CI, the browser is the one on PATH.
/// The clock is fixed (<see cref="Now"/>) so that two analyses of the same report give the same sheet.
/// </summary>
public class HostFixture : IAsyncLifetime
{
    /// <summary>The host's "now" in the browser tests (UTC).</summary>
    public static readonly DateTimeOffset Now = new(2020, 11, 12, 9, 30, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;

    public HostFixture() => _factory = new WebApplicationFactory<Program>()
        .WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            // Plain HTTP on loopback: the browser tests are about the pages, not the certificate.
            host.UseSetting("Hosting:HttpsRedirection", "false");
            host.UseSetting("Addin:PublicUrl", "https://emargement.ac-exemple.fr/complement");
            host.ConfigureTestServices(services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedTimeProvider(Now)));
                services.AddSingleton<IStartupFilter>(new ExcelDoubleSeeds.Endpoint(Seeds));
                ConfigureServices(services);
            });
        });

    private IPlaywright? _playwright;

    /// <summary>What a fixture of its own adds to the host (a report source made up for its tests).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>Workbooks for the Excel double, served to the page by this host (big ones are slow through Playwright).</summary>
    public ExcelDoubleSeeds Seeds { get; } = new();

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A free port on loopback (UseKestrel(0) would fall back to the default port 5000, shared by parallel classes).
        _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
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

    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress.ToString();
        options.AcceptDownloads = true;
        options.Locale = "fr-FR";
        var context = await Browser.NewContextAsync(options);
        // CI machines have two cores shared by the host, chromium and the test runner: be patient, not flaky.
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>The host's services (its analyzer, with the fixed clock).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>A client of the same host, for the API calls a test compares the task pane with.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

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

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
