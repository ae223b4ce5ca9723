using AddinWeb.Attendance;
using AddinWeb.Excel;

namespace AddinWeb.Benchmarks;

/// <summary>
/// The upload path split into its stages, with CPU time and allocations (<see cref="StageMeter"/>; dotnet-trace is not
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
            Console.WriteLine($"| {rows:N0} | {xlsx.Length:N0} | {string.Join(" | ", StageMeter.Medians(stages))} |");
        }
    }

    private static (double Ms, double Mb)[] Run(byte[] xlsx, Analysis.ReportAnalyzer analyzer)
    {
        GC.Collect();
        var results = new List<(double, double)>();
        var total = StageMeter.Start();
        var step = StageMeter.Start();
        using (var workbook = XlsxWorkbookLoader.Open(xlsx).Workbook!)
        {
            results.Add(step.Stop()); step = StageMeter.Start();
            var grid = ClosedXmlWorkbookReader.Read(workbook);
            results.Add(step.Stop()); step = StageMeter.Start();
            var analysis = analyzer.Analyze(grid, AttendanceOptions.Default);
            results.Add(step.Stop()); step = StageMeter.Start();
            ClosedXmlSheetRenderer.Render(workbook, analysis.Sheet!);
            results.Add(step.Stop()); step = StageMeter.Start();
            XlsxWorkbookLoader.Save(workbook);
            results.Add(step.Stop());
        }
        results.Add(total.Stop());
        var floor = StageMeter.Start();
        using (var workbook = XlsxWorkbookLoader.Open(xlsx).Workbook!) XlsxWorkbookLoader.Save(workbook);
        results.Add(floor.Stop());
        return results.ToArray();
    }
}
