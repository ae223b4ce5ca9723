using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.Validation;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Benchmarks;

/// <summary>
/// The analyze pipeline split into its stages (reader, validation, engine, fingerprint, layout), with CPU time and
/// allocations (<see cref="StageMeter"/>): where the pipeline's time and memory go. Median of a few runs.
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
            Console.WriteLine($"| {rows:N0} | {string.Join(" | ", StageMeter.Medians(stages))} |");
        }
    }

    private static (double Ms, double Mb)[] Run(Reports.Grid.WorkbookGrid workbook)
    {
        GC.Collect();
        var results = new List<(double, double)>();
        var total = StageMeter.Start();
        var step = StageMeter.Start();
        var report = new ViaReportSource().Read(workbook).Report!;
        results.Add(step.Stop()); step = StageMeter.Start();
        var issues = ReportValidator.Validate(report);
        results.Add(step.Stop()); step = StageMeter.Start();
        var attendance = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        results.Add(step.Stop()); step = StageMeter.Start();
        var fingerprint = ReportFingerprint.Compute(workbook.Sheets);
        results.Add(step.Stop()); step = StageMeter.Start();
        EmargementLayout.Build(new EmargementDocument(report, attendance, [.. issues, .. attendance.Observations],
            fingerprint, DateTime.Now, "bench"));
        results.Add(step.Stop());
        results.Add(total.Stop());
        return results.ToArray();
    }
}
