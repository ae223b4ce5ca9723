using System.Text;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AddinWeb.Tests.Reliability;

/// <summary>A client that disconnects mid-analysis stops the work at the next stage.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task A_client_that_disconnects_stops_the_analysis()
    {
        var source = new GatedSource();
        var clock = new ProbeClock();
        await using var factory = new HostFactory(null, services: services =>
        {
            services.RemoveAll<IReportSource>();
            services.AddSingleton<IReportSource>(source);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
        var client = factory.CreateClient();
        using var disconnect = new CancellationTokenSource();
        var sending = client.PostAsync("/api/reports/analyze",
            new StringContent("""{"sheets":[{"name":"Sommaire","values":[["x"]]}]}""", Encoding.UTF8, "application/json"),
            disconnect.Token);

        Assert.True(source.Started.Wait(TimeSpan.FromSeconds(10)), "the analysis should have started");
        disconnect.Cancel();
        await Task.Delay(200);
        source.Release.Set();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        // The stage after reading must not run: the sheet's "made on" date (the last stage) is never asked for.
        Assert.True(source.Finished.Wait(TimeSpan.FromSeconds(10)));
        await Task.Delay(300);
        Assert.Equal(0, clock.Calls);
        Assert.DoesNotContain(factory.Logs.Lines, l => l.StartsWith("Error"));
    }

    private sealed class GatedSource : IReportSource
    {
        public ManualResetEventSlim Started { get; } = new();
        public ManualResetEventSlim Release { get; } = new();
        public ManualResetEventSlim Finished { get; } = new();
        public string Format => "via";
        public string Platform => "Test";
        public string Expected => "rien";
        public bool Recognises(WorkbookGrid workbook) => true;

        public ReportReadResult Read(WorkbookGrid workbook)
        {
            Started.Set();
            Release.Wait(TimeSpan.FromSeconds(10));
            Finished.Set();
            return new ReportReadResult(new SessionReport { Platform = "Plateforme de test", Header = new ReportHeader() }, []);
        }
    }

    private sealed class ProbeClock : TimeProvider
    {
        private int _calls;
        public int Calls => Volatile.Read(ref _calls);

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Increment(ref _calls);
            return base.GetUtcNow();
        }
    }
}
