using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Benchmarks;
using AddinWeb.Tests.Seed;
using BenchmarkDotNet.Running;

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

BenchmarkSwitcher.FromAssembly(typeof(Pipeline).Assembly).Run(args);
