using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AddinWeb.Api;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;

// Load run: the real host (a separate process, as deployed) on 127.0.0.1, a bounded number of analyses of the
// seed report and of a 5,000-connection report at 32 concurrent clients. Prints throughput, latency percentiles,
// errors and the host's memory (resident set: at start, peak, and after the run once idle).
//   dotnet run -c Release --project tests/load/LoadRun -- --host <AddinWeb.dll> [--requests 2000] [--clients 32]
//       [--big-every 10] [--big-connections 5000] [--rounds 2]

var arguments = Args.Parse(args);
var hostDll = Path.GetFullPath(arguments.Get("host", "AddinWeb/bin/Release/net10.0/AddinWeb.dll"));
var requests = int.Parse(arguments.Get("requests", "2000"));
var clients = int.Parse(arguments.Get("clients", "32"));
var bigEvery = int.Parse(arguments.Get("big-every", "10"));
var bigConnections = int.Parse(arguments.Get("big-connections", "5000"));
var rounds = int.Parse(arguments.Get("rounds", "2"));
if (!File.Exists(hostDll)) return Fail($"Host not built: {hostDll} (run tests/load/run.sh, which builds it).");

var json = ApiServices.ConfigureJson(new JsonSerializerOptions(JsonSerializerDefaults.Web));
string Body(WorkbookGrid workbook) => JsonSerializer.Serialize(new
{
    sheets = workbook.Sheets.Select(s => new { name = s.Name, address = $"'{s.Name}'!A1", values = s.Rows }),
}, json);
var seedBody = Encoding.UTF8.GetBytes(Body(SeedReport.Workbook()));
var bigBody = Encoding.UTF8.GetBytes(Body(SyntheticReport.Workbook(bigConnections)));

var port = FreePort();
var start = new ProcessStartInfo("dotnet", [hostDll, "--urls", $"http://127.0.0.1:{port}"])
{
    WorkingDirectory = Path.GetDirectoryName(hostDll)!,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    Environment =
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Hosting__HttpsRedirection"] = "false",
        // Every client of the run shares 127.0.0.1: the per-client limits would (rightly) refuse them.
        ["Hosting__RateLimiting__PermitLimit"] = "100000000",
        ["Hosting__RateLimiting__MaxConcurrentRequestsPerClient"] = "0",
        ["Logging__LogLevel__Default"] = "Warning",
    },
};
using var host = Process.Start(start)!;
host.OutputDataReceived += (_, _) => { };
host.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[host] {e.Data}"); };
host.BeginOutputReadLine();
host.BeginErrorReadLine();

try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromMinutes(5),
    };
    if (!await WaitHealthy(http)) return Fail("The host did not answer /healthz within 60 s.");

    // Warm-up (JIT, first allocations) outside the figures, as a deployed host would be.
    for (var i = 0; i < 20; i++) await Post(http, i % 5 == 0 ? bigBody : seedBody);
    await Task.Delay(2000);
    var startRss = Memory.Rss(host.Id);

    var totalErrors = 0;
    for (var round = 1; round <= rounds; round++)
    {
        Console.WriteLine($"Round {round}/{rounds}");
        var peakRss = startRss;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, Memory.Rss(host.Id));
                await Task.Delay(20);
            }
        });

        var results = new (bool Big, double Milliseconds, int Status)[requests];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var big = bigEvery > 0 && i % bigEvery == 0;
                var watch = Stopwatch.StartNew();
                var status = await Post(http, big ? bigBody : seedBody);
                results[i] = (big, watch.Elapsed.TotalMilliseconds, status);
            }
        })));
        var elapsed = clock.Elapsed;
        sampling.Cancel();
        await sampler;

        // After the burst: quiet traffic (one seed analysis every 200 ms for 30 s, as a calm afternoon). The GC only
        // runs when something allocates; these small analyses let it shrink the heap it grew during the burst.
        var settledRss = Memory.Rss(host.Id);
        for (var i = 0; i < 150; i++)
        {
            await Post(http, seedBody);
            await Task.Delay(200);
        }
        var afterRss = Memory.Rss(host.Id);
        var collected = Memory.InduceFullGc(host.Id);
        await Task.Delay(2000);
        var afterGcRss = Memory.Rss(host.Id);
        var highWater = Memory.HighWater(host.Id);

        var errors = results.Count(r => r.Status != 200);
        Console.WriteLine($"Load run: {requests} analyses, {clients} concurrent clients, every {bigEvery}th one a {bigConnections:N0}-connection report");
        Console.WriteLine($"  seed report body {seedBody.Length / 1024.0:0.0} KB, large report body {bigBody.Length / 1024.0 / 1024.0:0.0} MB; {Environment.ProcessorCount} CPU");
        Console.WriteLine($"  duration {elapsed.TotalSeconds:0.00} s, throughput {requests / elapsed.TotalSeconds:0.0} req/s");
        Console.WriteLine($"  errors {errors}" + (errors > 0
            ? " (" + string.Join(", ", results.Where(r => r.Status != 200).GroupBy(r => r.Status).Select(g => $"{g.Count()}×{g.Key}")) + ")"
            : ""));
        Report("all", results.Select(r => r.Milliseconds));
        Report("seed", results.Where(r => !r.Big).Select(r => r.Milliseconds));
        Report($"{bigConnections / 1000}k connections", results.Where(r => r.Big).Select(r => r.Milliseconds));
        Console.WriteLine($"  host memory (RSS): before round 1 {Mb(startRss)}, peak {Mb(Math.Max(peakRss, highWater))}, "
            + $"end of burst {Mb(settledRss)}, after 30 s of quiet traffic {Mb(afterRss)}, "
            + (collected ? $"after one induced full GC {Mb(afterGcRss)}" : "(full GC could not be induced)"));
        Console.WriteLine($"  machine load average at the end: {LoadAverage()}");
        totalErrors += errors;
    }
        return totalErrors == 0 ? 0 : 1;
}
finally
{
    if (!host.HasExited) host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
}

static async Task<int> Post(HttpClient http, byte[] body)
{
    using var content = new ByteArrayContent(body);
    content.Headers.ContentType = new("application/json");
    try
    {
        using var response = await http.PostAsync("/api/reports/analyze", content);
        await response.Content.CopyToAsync(Stream.Null);
        return (int)response.StatusCode;
    }
    catch (HttpRequestException)
    {
        return 0;
    }
}

static async Task<bool> WaitHealthy(HttpClient http)
{
    for (var i = 0; i < 600; i++)
    {
        try
        {
            if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return true;
        }
        catch (HttpRequestException) { }
        await Task.Delay(100);
    }
    return false;
}

static void Report(string label, IEnumerable<double> milliseconds)
{
    var sorted = milliseconds.Order().ToArray();
    if (sorted.Length == 0) return;
    double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    Console.WriteLine($"  latency {label,-16} n={sorted.Length,5}  p50 {P(0.50),7:0.0} ms  p90 {P(0.90),7:0.0} ms  p99 {P(0.99),7:0.0} ms  max {sorted[^1],7:0.0} ms");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MB";

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

/// <summary>Resident memory of the host process, from /proc (Linux) or the process API elsewhere.</summary>
static class Memory
{
    public static long Rss(int pid) => Read(pid, "VmRSS:") ?? Process.GetProcessById(pid).WorkingSet64;

    /// <summary>One full blocking GC in the host, induced through an EventPipe session (GCHeapCollect keyword).</summary>
    public static bool InduceFullGc(int pid)
    {
        try
        {
            var client = new Microsoft.Diagnostics.NETCore.Client.DiagnosticsClient(pid);
            const long GcKeyword = 0x1, GcHeapCollectKeyword = 0x800000;
            using var session = client.StartEventPipeSession(
                [new Microsoft.Diagnostics.NETCore.Client.EventPipeProvider("Microsoft-Windows-DotNETRuntime",
                    System.Diagnostics.Tracing.EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)],
                requestRundown: false);
            var drain = Task.Run(() => session.EventStream.CopyTo(Stream.Null));
            Thread.Sleep(3000);
            session.Stop();
            drain.Wait(TimeSpan.FromSeconds(10));
            return true;
        }
        catch (Exception e) when (e is Microsoft.Diagnostics.NETCore.Client.ServerNotAvailableException or IOException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Peak resident memory since the process started (Linux), 0 elsewhere.</summary>
    public static long HighWater(int pid) => Read(pid, "VmHWM:") ?? Process.GetProcessById(pid).PeakWorkingSet64;

    private static long? Read(int pid, string field)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
    }
}

sealed record Args(Dictionary<string, string> Values)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        return new Args(values);
    }

    public string Get(string name, string fallback) => Values.GetValueOrDefault(name, fallback);
}
