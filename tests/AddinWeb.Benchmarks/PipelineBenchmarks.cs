using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using BenchmarkDotNet.Attributes;

namespace AddinWeb.Benchmarks;

/// <summary>Reader + validation + engine + layout on an already parsed request (what the controller calls).</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private WorkbookGrid _workbook = null!;
    private ReportAnalyzer _analyzer = null!;

    [Params(20, 1_000, 20_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workbook = SyntheticReport.Workbook(Rows);
        _analyzer = Pipeline.CreateAnalyzer();
        if (!_analyzer.Analyze(_workbook, AttendanceOptions.Default).IsUsable)
            throw new InvalidOperationException("The synthetic report must be usable.");
    }

    [Benchmark]
    public ReportAnalysis Analyze() => _analyzer.Analyze(_workbook, AttendanceOptions.Default);
}
