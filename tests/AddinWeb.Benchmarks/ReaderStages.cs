using System.Diagnostics;
using AddinWeb.Reports;
using AddinWeb.Reports.Validation;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Benchmarks;

/// <summary>
/// The reader, the validator and the fingerprint alone, many runs each: bytes allocated (exact, the same every
/// run) and the fastest run's wall time, which is the least disturbed by whatever else shares the machine.
/// </summary>
public static class ReaderStages
{
    public static void Print(int[] sizes, int runs = 15)
    {
        Console.WriteLine("| Connection rows | Read | Validate | Fingerprint |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var workbook = SyntheticReport.Workbook(rows);
            var report = new ViaReportSource().Read(workbook).Report!;
            var read = Measure(runs, () => new ViaReportSource().Read(workbook));
            var validate = Measure(runs, () => ReportValidator.Validate(report));
            var fingerprint = Measure(runs, () => ReportFingerprint.Compute(workbook.Sheets));
            Console.WriteLine($"| {rows:N0} | {read} | {validate} | {fingerprint} |");
        }
    }

    private static string Measure(int runs, Func<object> stage)
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
        return $"{fastest:N0} ms / {bytes / 1048576.0:N1} MB";
    }
}
