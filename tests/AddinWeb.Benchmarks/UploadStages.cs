using System.Diagnostics;
using AddinWeb.Attendance;
using AddinWeb.Excel;

namespace AddinWeb.Benchmarks;

/// <summary>
/// The upload path split into its stages, timed with a stopwatch and the allocation counter (dotnet-trace is not
/// available offline): where the time goes beyond ClosedXML's own open and save. Median of a few runs.
/// </summary>
public static class UploadStages
{
    public static void Print(int[] sizes, int runs = 3)
    {
        Console.WriteLine("| Connection rows | .xlsx bytes | Open | Read grid | Analyse | Render sheet | Save | Total | Open + save unchanged |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var xlsx = SyntheticWorkbook.Bytes(rows);
            var analyzer = Pipeline.CreateAnalyzer();
            var stages = Enumerable.Range(0, runs + 1).Select(_ => Run(xlsx, analyzer)).Skip(1).ToList(); // first run warms up
            string Median(int stage)
            {
                var sorted = stages.Select(s => s[stage]).OrderBy(s => s.Ms).ToList();
                var (ms, mb) = sorted[sorted.Count / 2];
                return $"{ms:N0} ms / {mb:N0} MB";
            }
            Console.WriteLine($"| {rows:N0} | {xlsx.Length:N0} | {Median(0)} | {Median(1)} | {Median(2)} | {Median(3)} | {Median(4)} | {Median(5)} | {Median(6)} |");
        }
    }

    private static (double Ms, double Mb)[] Run(byte[] xlsx, Analysis.ReportAnalyzer analyzer)
    {
        var results = new List<(double, double)>();
        var total = Measure.Start();
        var step = Measure.Start();
        using (var workbook = XlsxWorkbookLoader.Open(xlsx).Workbook!)
        {
            results.Add(step.Stop()); step = Measure.Start();
            var grid = ClosedXmlWorkbookReader.Read(workbook);
            results.Add(step.Stop()); step = Measure.Start();
            var analysis = analyzer.Analyze(grid, AttendanceOptions.Default);
            results.Add(step.Stop()); step = Measure.Start();
            ClosedXmlSheetRenderer.Render(workbook, analysis.Sheet!);
            results.Add(step.Stop()); step = Measure.Start();
            XlsxWorkbookLoader.Save(workbook);
            results.Add(step.Stop());
        }
        results.Add(total.Stop());
        var floor = Measure.Start();
        using (var workbook = XlsxWorkbookLoader.Open(xlsx).Workbook!) XlsxWorkbookLoader.Save(workbook);
        results.Add(floor.Stop());
        return results.ToArray();
    }

    private readonly record struct Measure(long Ticks, long Bytes)
    {
        public static Measure Start() => new(Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

        public (double Ms, double Mb) Stop() =>
            (Stopwatch.GetElapsedTime(Ticks).TotalMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - Bytes) / 1048576.0);
    }
}
