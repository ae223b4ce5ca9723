using System.Text.Json;
using AddinWeb.Analysis;
using AddinWeb.Api;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;

namespace AddinWeb.Benchmarks;

/// <summary>The production pipeline and JSON settings, built without the web host.</summary>
public static class Pipeline
{
    public static readonly JsonSerializerOptions Json = ApiServices.ConfigureJson(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static ReportAnalyzer CreateAnalyzer() =>
        new([new ViaReportSource()], TimeProvider.System, new EmargementClock("Europe/Paris"));

    /// <summary>The request body the task pane would send for this workbook.</summary>
    public static byte[] RequestJson(WorkbookGrid workbook) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            sheets = workbook.Sheets.Select(s => new { name = s.Name, address = $"'{s.Name}'!A1", values = s.Rows }),
        }, Json);
}
