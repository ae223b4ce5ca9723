using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AddinWeb.Tests.Hosting;

/// <summary>
/// The real application in memory (TestServer), environment "Testing", plain HTTP, with settings overridden per
/// test class and every log line captured at Trace level.
/// </summary>
public class HostFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    public HostFactory(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services = null,
        string environment = "Testing")
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        _environment = environment;
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Generous limits so that the suite's own traffic never hits the rate limiter by accident.</summary>
    public static Dictionary<string, string?> Defaults() => new()
    {
        ["Hosting:HttpsRedirection"] = "false",
        ["Hosting:RateLimiting:PermitLimit"] = "1000000",
        ["Hosting:RateLimiting:MaxConcurrentRequestsPerClient"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in Defaults().Concat(_settings).GroupBy(p => p.Key).Select(g => g.Last()))
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            // Provider-specific rules win over appsettings' "Microsoft.AspNetCore": "Warning": this provider sees all.
            logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            logging.AddProvider(Logs);
        });
        if (_services is not null) builder.ConfigureServices(_services);
    }
}

/// <summary>The host with the default test settings, shared by a test class.</summary>
public sealed class DefaultHost() : HostFactory(null);

/// <summary>Every log line the host writes, formatted with its exception, for the privacy tests.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"scope {category}: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            lines.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {structured} {exception}");
        }
    }
}
