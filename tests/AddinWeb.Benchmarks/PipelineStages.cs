using System.Diagnostics;
using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.Validation;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Benchmarks;

/// <summary>
/// The analyze pipeline split into its stages (reader, validation, engine, fingerprint, layout), with the CPU time
/// of this process (steadier than wall time when other work shares the machine) and the bytes allocated: where the
/// pipeline's time and memory go. Median of a few runs.
/// </summary>
public static class PipelineStages
{
    public static void Print(int[] sizes, int runs = 5)
    {
        Console.WriteLine("| Connection rows | Read | Validate | Engine | Fingerprint | Layout | Total |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var workbook = SyntheticReport.Workbook(rows);
            var stages = Enumerable.Range(0, runs + 1).Select(_ => Run(workbook)).Skip(1).ToList();
            var cells = Enumerable.Range(0, stages[0].Length).Select(stage =>
            {
                var sorted = stages.Select(s => s[stage]).OrderBy(s => s.Ms).ToList();
                var (ms, mb) = sorted[sorted.Count / 2];
                return $"{ms:N0} ms / {mb:N1} MB";
            });
            Console.WriteLine($"| {rows:N0} | {string.Join(" | ", cells)} |");
        }
    }

    private static (double Ms, double Mb)[] Run(Reports.Grid.WorkbookGrid workbook)
    {
        GC.Collect();
        var results = new List<(double, double)>();
        var total = Measure.Start();
        var step = Measure.Start();
        var report = new ViaReportSource().Read(workbook).Report!;
        results.Add(step.Stop()); step = Measure.Start();
        var issues = ReportValidator.Validate(report);
        results.Add(step.Stop()); step = Measure.Start();
        var attendance = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        results.Add(step.Stop()); step = Measure.Start();
        var fingerprint = ReportFingerprint.Compute(workbook.Sheets);
        results.Add(step.Stop()); step = Measure.Start();
        EmargementLayout.Build(new EmargementDocument(report, attendance, [.. issues, .. attendance.Observations],
            fingerprint, DateTime.Now, "bench"));
        results.Add(step.Stop());
        results.Add(total.Stop());
        return results.ToArray();
    }

    private readonly record struct Measure(TimeSpan Cpu, long Bytes)
    {
        public static Measure Start() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetAllocatedBytesForCurrentThread());

        public (double Ms, double Mb) Stop() =>
            ((Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalMilliseconds,
             (GC.GetAllocatedBytesForCurrentThread() - Bytes) / 1048576.0);
    }
}
