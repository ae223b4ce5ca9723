using AddinWeb.Analysis;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Upload;
using Microsoft.AspNetCore.Http;

namespace AddinWeb.Benchmarks;

/// <summary>
/// The upload path split into its stages, with CPU time and allocations (<see cref="StageMeter"/>; dotnet-trace is not
/// available offline): where the time goes beyond the floor (opening the package and scanning its sheets). Median
/// of a few runs.
/// </summary>
public static class UploadStages
{
    public static void Print(int[] sizes, int runs = 3)
    {
        Console.WriteLine("| Connection rows | .xlsx bytes | Receive | Guard + read cells | Analyse | Write + insert sheet | Total | Floor (open + scan) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var xlsx = SyntheticWorkbook.Bytes(rows);
            var multipart = UploadBenchmarks.Multipart(xlsx);
            var analyzer = Pipeline.CreateAnalyzer();
            var reader = Pipeline.CreateUploadReader();
            var stages = Enumerable.Range(0, runs + 1).Select(_ => Run(multipart, xlsx, analyzer, reader)).Skip(1).ToList(); // first run warms up
            Console.WriteLine($"| {rows:N0} | {xlsx.Length:N0} | {string.Join(" | ", StageMeter.Medians(stages))} |");
        }
    }

    private static (double Ms, double Mb)[] Run(byte[] multipart, byte[] original, ReportAnalyzer analyzer, UploadReader reader)
    {
        GC.Collect();
        var results = new List<(double, double)>();
        var total = StageMeter.Start();
        var step = StageMeter.Start();
        var context = new DefaultHttpContext();
        context.Request.ContentType = $"multipart/form-data; boundary={UploadBenchmarks.Boundary}";
        context.Request.Body = new MemoryStream(multipart, writable: false);
        var xlsx = MultipartUpload.ReadAsync(context.Request, UploadController.FileField, Pipeline.Limits.MaxUploadBytes, CancellationToken.None)
            .GetAwaiter().GetResult().Form!.Main;
        results.Add(step.Stop()); step = StageMeter.Start();
        var (report, problem) = reader.Read(xlsx, Pipeline.Limits, CancellationToken.None);
        if (problem is not null) throw new InvalidOperationException(problem.Detail);
        results.Add(step.Stop()); step = StageMeter.Start();
        var analysis = analyzer.Analyze(report!.Grid, AttendanceOptions.Default);
        results.Add(step.Stop()); step = StageMeter.Start();
        SheetInsertion.Insert(report.Package!, analysis.Sheet!);
        results.Add(step.Stop());
        results.Add(total.Stop());
        var floor = StageMeter.Start();
        UploadBenchmarks.Scan(original);
        results.Add(floor.Stop());
        return results.ToArray();
    }
}
