using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Benchmarks;
using AddinWeb.Tests.Seed;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

if (args is ["fp"])
{
    foreach (var n in new[] { 20, 1000 })
        foreach (var d in Enum.GetValues<DateStyle>())
            Console.WriteLine($"{n} {d} {AddinWeb.Reports.ReportFingerprint.Compute(SyntheticReport.Workbook(n, dates: d).Sheets)}");
    foreach (var ns in Enum.GetValues<NumberStyle>())
        foreach (var d in Enum.GetValues<DateStyle>())
            Console.WriteLine($"seed {ns} {d} {AddinWeb.Reports.ReportFingerprint.Compute(SeedReport.Workbook(ns, d).Sheets)}");
    return;
}

// "pipeline-stages" splits the analyze pipeline the same way (CPU time and allocations per stage).
if (args is ["pipeline-stages", .. var pipelineSizes])
{
    PipelineStages.Print(pipelineSizes.Length > 0 ? pipelineSizes.Select(int.Parse).ToArray() : [20, 1_000, 20_000, 100_000]);
    return;
}

// "stages" times each stage of the upload path (where it spends beyond ClosedXML's open and save).
if (args is ["stages", .. var stageSizes])
{
    UploadStages.Print(stageSizes.Length > 0 ? stageSizes.Select(int.Parse).ToArray() : [20, 1_000, 20_000]);
    return;
}

// "sizes" prints the request and response bytes per connection row for each report size; anything else is
// handed to BenchmarkDotNet (e.g. --filter '*Pipeline*').
if (args is ["sizes"])
{
    Console.WriteLine("| Connection rows | Request bytes | Bytes/row | Response bytes | Bytes/row | Layout values bytes |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var rows in new[] { 20, 1_000, 20_000, 100_000 })
    {
        var workbook = SyntheticReport.Workbook(rows);
        var request = Pipeline.RequestJson(workbook);
        var analysis = Pipeline.CreateAnalyzer().Analyze(workbook, AttendanceOptions.Default);
        var response = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(AnalyzeResponse.From(analysis), Pipeline.Json);
        var values = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(analysis.Sheet!.Values, Pipeline.Json);
        Console.WriteLine($"| {rows:N0} | {request.Length:N0} | {request.Length / rows:N0} | {response.Length:N0} | {response.Length / rows:N0} | {values.Length:N0} |");
    }
    return;
}

// One ShortRun-style job (1 launch, 3 warm-up and 3 measured iterations), run in this process (no generated
// project to build, which takes minutes on a busy two-core machine), keeps the whole suite within about fifteen
// minutes. Pass --job (e.g. --job medium) for BenchmarkDotNet's own out-of-process jobs instead.
IConfig config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
if (!args.Contains("--job") && !args.Contains("-j"))
    config = config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
BenchmarkSwitcher.FromAssembly(typeof(Pipeline).Assembly).Run(args, config);
