using System.Text.Json;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Benchmarks;

/// <summary>
/// Bytes of the analyze request and response per connection row, and what the response is made of: the sheet's
/// values, its formats (ranges: their size must not grow with the rows) and the participants' figures.
/// </summary>
public static class PayloadSizes
{
    public static void Print(int[] sizes)
    {
        Console.WriteLine("| Connection rows | Request bytes | per row | Response bytes | per row | Sheet values | Sheet formats (runs) | Merges, heights | Participants | Issues |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rows in sizes)
        {
            var workbook = SyntheticReport.Workbook(rows);
            var request = Pipeline.RequestJson(workbook);
            var analysis = Pipeline.CreateAnalyzer().Analyze(workbook, AttendanceOptions.Default);
            var response = AnalyzeResponse.From(analysis);
            long Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Pipeline.Json).LongLength;
            var total = Bytes(response);
            var sheet = response.Sheet;
            Console.WriteLine($"| {rows:N0} | {request.Length:N0} | {request.Length / rows:N0} | {total:N0} | {total / rows:N0} "
                              + $"| {Bytes(sheet.Values):N0} | {Bytes(sheet.Formats):N0} ({sheet.Formats.Count}) "
                              + $"| {Bytes(sheet.Merges) + Bytes(sheet.RowHeights):N0} | {Bytes(response.Participants):N0} | {Bytes(response.Issues):N0} |");
        }
    }
}
