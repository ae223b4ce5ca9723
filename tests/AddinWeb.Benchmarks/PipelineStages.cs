using System.Diagnostics;
using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.Via;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Benchmarks;

/// <summary>
/// The analyze pipeline split into its stages (reader, validation, engine, fingerprint, layout), each run alone on
/// the previous stage's output: the fastest run's wall time (the least disturbed by whatever else shares the machine)
/// and the bytes it allocates (exact, the same every run). Where the pipeline's time and memory go, and which stage
/// stops scaling linearly.
/// </summary>
public static class PipelineStages
{
    public static void Print(int[] sizes, int runs = 15)
    {
        Console.WriteLine("| Connection rows | Read | Validate | Engine | Fingerprint | Layout | Sum |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var workbook = SyntheticReport.Workbook(rows);
            var via = new ViaReportSource().ReadVia(workbook).Report!;
            var report = ViaReportSource.ToSessionReport(via);
            var issues = ViaValidator.Validate(via);
            var attendance = AttendanceEngine.Compute(report, AttendanceOptions.Default);
            var fingerprint = ViaReportSource.Fingerprint(workbook.Sheets);
            var document = new EmargementDocument(report, attendance, [.. issues, .. attendance.Observations],
                fingerprint, new DateTime(2026, 11, 29, 12, 0, 0), "bench");

            var stages = new[]
            {
                Measure(runs, () => new ViaReportSource().ReadVia(workbook)),
                Measure(runs, () => ViaValidator.Validate(via)),
                Measure(runs, () => AttendanceEngine.Compute(report, AttendanceOptions.Default)),
                Measure(runs, () => ViaReportSource.Fingerprint(workbook.Sheets)),
                Measure(runs, () => EmargementLayout.Build(document)),
            };
            var sum = (Ms: stages.Sum(s => s.Ms), Mb: stages.Sum(s => s.Mb));
            Console.WriteLine($"| {rows:N0} | {string.Join(" | ", stages.Append(sum).Select(s => $"{s.Ms:N1} ms / {s.Mb:N1} MB"))} |");
        }
    }

    private static (double Ms, double Mb) Measure(int runs, Func<object> stage)
    {
        stage(); // warm-up (JIT tiers)
        var fastest = double.MaxValue;
        long bytes = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(stage());
            fastest = Math.Min(fastest, clock.Elapsed.TotalMilliseconds);
            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return (fastest, bytes / 1048576.0);
    }
}
