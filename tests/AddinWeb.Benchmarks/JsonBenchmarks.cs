using System.Text.Json;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Tests.Seed;
using BenchmarkDotNet.Attributes;

namespace AddinWeb.Benchmarks;

/// <summary>The JSON legs of <c>POST /api/reports/analyze</c>: the request in, the response out.</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private byte[] _request = null!;
    private AnalyzeResponse _response = null!;

    [Params(20, 1_000, 20_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _request = Pipeline.RequestJson(SyntheticReport.Workbook(Rows));
        var request = JsonSerializer.Deserialize<AnalyzeRequest>(_request, Pipeline.Json)!;
        _response = AnalyzeResponse.From(Pipeline.CreateAnalyzer().Analyze(request.ToWorkbook(), AttendanceOptions.Default));
    }

    [Benchmark]
    public AnalyzeRequest? ReadRequest() => JsonSerializer.Deserialize<AnalyzeRequest>(_request, Pipeline.Json);

    [Benchmark]
    public byte[] WriteResponse() => JsonSerializer.SerializeToUtf8Bytes(_response, Pipeline.Json);
}
