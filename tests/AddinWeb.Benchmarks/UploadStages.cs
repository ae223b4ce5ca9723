using AddinWeb.Upload;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Excel;
using Microsoft.AspNetCore.Http;

namespace AddinWeb.Benchmarks;

/// <summary>
/// The upload path split into its stages, with CPU time and allocations (<see cref="StageMeter"/>; dotnet-trace is not
/// available offline): where the time goes beyond ClosedXML's own open and save. Median of a few runs.
/// </summary>
public static class UploadStages
{
    public static void Print(int[] sizes, int runs = 3)
    {
        Console.WriteLine("| Connection rows | .xlsx bytes | Receive | Open | Read grid | Analyse | Render sheet | Save | Total | Open + save unchanged |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var xlsx = SyntheticWorkbook.Bytes(rows);
            var multipart = UploadBenchmarks.Multipart(xlsx);
            var analyzer = Pipeline.CreateAnalyzer();
            var guard = Pipeline.CreateGuard();
            var stages = Enumerable.Range(0, runs + 1).Select(_ => Run(multipart, analyzer, guard)).Skip(1).ToList(); // first run warms up
            Console.WriteLine($"| {rows:N0} | {xlsx.Length:N0} | {string.Join(" | ", StageMeter.Medians(stages))} |");
        }
    }

    private static (double Ms, double Mb)[] Run(byte[] multipart, Analysis.ReportAnalyzer analyzer, XlsxPackageGuard guard)
    {
        GC.Collect();
        var results = new List<(double, double)>();
        var total = StageMeter.Start();
        var step = StageMeter.Start();
        // Receive: the multipart body read into memory and the package guard, as the controller does.
        var context = new DefaultHttpContext();
        context.Request.ContentType = $"multipart/form-data; boundary={UploadBenchmarks.Boundary}";
        context.Request.Body = new MemoryStream(multipart, writable: false);
        var xlsx = MultipartUpload.ReadAsync(context.Request, UploadController.FileField, CancellationToken.None)
            .GetAwaiter().GetResult().Form!.File;
        if (guard.Check(new MemoryStream(xlsx, writable: false)) is not null) throw new InvalidOperationException("Refused upload.");
        results.Add(step.Stop()); step = StageMeter.Start();
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
