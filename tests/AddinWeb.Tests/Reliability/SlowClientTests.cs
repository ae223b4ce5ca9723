using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Hosting;
using AddinWeb.Tests.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AddinWeb.Tests.Reliability;

/// <summary>
/// The attack run's starvation: clients trickling request bodies just above Kestrel's minimum rate took every
/// analysis slot, so a normal analysis waited 137 s. On real Kestrel (loopback only), with one analysis slot: the
/// slot is taken once a body is read, so tricklers never hold it; each body has its own deadline (408); one client
/// may not hold more than a few requests at once (429); and both endpoints answer 504 past the analysis timeout.
/// </summary>
public sealed class SlowClientTests
{
    private static HostFactory Kestrel(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var host = new HostFactory(settings, services);
        host.UseKestrel(0);
        host.StartServer();
        return host;
    }

    private static int Port(HostFactory host) => host.ClientOptions.BaseAddress.Port;

    [Fact]
    public async Task Four_tricklers_do_not_make_a_normal_analysis_wait_and_are_cut_at_the_body_deadline()
    {
        await using var host = Kestrel(new()
        {
            ["Hosting:RateLimiting:MaxConcurrentAnalyses"] = "1",
            ["Hosting:RateLimiting:MaxConcurrentRequestsPerClient"] = "4",
            ["Hosting:Limits:BodyReadTimeoutSeconds"] = "4",
        });
        // Four clients, each from its own loopback address, announce a large body and send a few bytes a second.
        var tricklers = Enumerable.Range(2, 4)
            .Select(i => TricklingClient.StartAsync(IPAddress.Parse($"127.0.0.{i}"), Port(host), "/api/reports/analyze",
                "application/json", declaredLength: 1_000_000, bytesPerSecond: 300, duration: TimeSpan.FromSeconds(20)))
            .ToList();
        await Task.Delay(1000); // their headers are in, their bodies arriving

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port(host)}"), Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        var (normal, _) = await AnalyzeJson.PostAsync(client, AnalyzeJson.Request(SeedReport.Workbook()));
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"a normal analysis waited {clock.Elapsed}");

        // The upload endpoint too, while they still trickle.
        using var upload = await client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(SeedWorkbook.Bytes()));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        foreach (var trickler in tricklers)
        {
            var answer = await trickler;
            Assert.StartsWith("HTTP/1.1 408", answer.StatusLine);
            Assert.Contains("BodyReadTimeoutSeconds", answer.Body);
            Assert.InRange(answer.Elapsed.TotalSeconds, 3, 12);
        }
    }

    [Fact]
    public async Task One_client_cannot_hold_more_than_its_share_of_requests()
    {
        await using var host = Kestrel(new()
        {
            ["Hosting:RateLimiting:MaxConcurrentRequestsPerClient"] = "2",
            ["Hosting:Limits:BodyReadTimeoutSeconds"] = "3",
        });
        var from = IPAddress.Parse("127.0.0.7");
        var holding = Enumerable.Range(0, 2)
            .Select(_ => TricklingClient.StartAsync(from, Port(host), "/api/reports/analyze-file", "multipart/form-data; boundary=x",
                declaredLength: 100_000, bytesPerSecond: 200, duration: TimeSpan.FromSeconds(10)))
            .ToList();
        await Task.Delay(800);
        var third = await TricklingClient.StartAsync(from, Port(host), "/api/reports/analyze-file", "multipart/form-data; boundary=x",
            declaredLength: 100_000, bytesPerSecond: 200, duration: TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 429", third.StatusLine);
        Assert.Contains("MaxConcurrentRequestsPerClient", third.Body);
        Assert.True(third.Elapsed < TimeSpan.FromSeconds(2), $"refused after {third.Elapsed}");
        Assert.Matches(@"Retry-After: \d+", third.Headers);
        foreach (var request in holding) Assert.StartsWith("HTTP/1.1 408", (await request).StatusLine);

        // Another client is served meanwhile.
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port(host)}") };
        var (other, _) = await AnalyzeJson.PostAsync(client, AnalyzeJson.Request(SeedReport.Workbook()));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Both_endpoints_answer_504_past_the_analysis_timeout()
    {
        var slow = new SlowSource(TimeSpan.FromSeconds(3));
        await using var host = new HostFactory(new Dictionary<string, string?> { ["Hosting:Limits:AnalysisTimeoutSeconds"] = "1" }, services =>
        {
            services.RemoveAll<IReportSource>();
            services.AddSingleton<IReportSource>(slow);
        });
        var client = host.CreateClient();
        var (json, _) = await AnalyzeJson.PostAsync(client, AnalyzeJson.Request(SeedReport.Workbook()));
        Assert.Equal(HttpStatusCode.GatewayTimeout, json.StatusCode);
        using var upload = await client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(SeedWorkbook.Bytes()));
        Assert.Equal(HttpStatusCode.GatewayTimeout, upload.StatusCode);
        Assert.Contains("AnalysisTimeoutSeconds", await upload.Content.ReadAsStringAsync());
    }

    private sealed class SlowSource(TimeSpan delay) : IReportSource
    {
        public string Format => "via";
        public string Platform => "Test";
        public string Expected => "rien";
        public bool Recognises(WorkbookGrid workbook) => true;

        public ReportReadResult Read(WorkbookGrid workbook)
        {
            Thread.Sleep(delay);
            return new ReportReadResult(new SessionReport { Platform = "Plateforme de test", Header = new ReportHeader() }, []);
        }
    }
}

/// <summary>
/// A bounded test client that sends an HTTP/1.1 request with a declared body and then trickles the body a few bytes
/// at a time, from a chosen loopback address. It only ever connects to loopback, sends at most
/// <c>bytesPerSecond × duration</c> bytes, and gives up after <c>duration</c> plus a margin.
/// </summary>
internal static class TricklingClient
{
    public sealed record Answer(string StatusLine, string Headers, string Body, TimeSpan Elapsed);

    public static async Task<Answer> StartAsync(IPAddress from, int port, string path, string contentType, int declaredLength,
        int bytesPerSecond, TimeSpan duration)
    {
        if (!IPAddress.IsLoopback(from)) throw new ArgumentException("Loopback only.", nameof(from));
        var clock = Stopwatch.StartNew();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        using var stream = new NetworkStream(socket, ownsSocket: false);
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {contentType}\r\nContent-Length: {declaredLength}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var response = new MemoryStream();
        var received = 0;
        var reading = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    lock (response) response.Write(buffer, 0, read);
                    Interlocked.Add(ref received, read);
                }
            }
            catch (IOException) { }
        });
        var sent = 0;
        var chunk = Math.Max(1, bytesPerSecond / 10);
        using var give = new CancellationTokenSource(duration);
        // Until the server answers (it may keep the connection open), the deadline, or the declared length.
        while (!give.IsCancellationRequested && Volatile.Read(ref received) == 0 && sent + chunk < declaredLength)
        {
            try
            {
                await stream.WriteAsync(Enumerable.Repeat((byte)' ', chunk).ToArray(), give.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                break;
            }
            sent += chunk;
            await Task.WhenAny(Task.Delay(100), reading);
        }
        while (Volatile.Read(ref received) == 0 && clock.Elapsed < duration + TimeSpan.FromSeconds(5) && !reading.IsCompleted)
            await Task.Delay(50);
        var elapsed = clock.Elapsed;
        await Task.WhenAny(reading, Task.Delay(500)); // the rest of the answer
        socket.Close();
        string text;
        lock (response) text = Encoding.UTF8.GetString(response.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = split < 0 ? text : text[..split];
        return new Answer(headers.Split("\r\n")[0], headers, split < 0 ? "" : text[(split + 4)..], elapsed);
    }
}
