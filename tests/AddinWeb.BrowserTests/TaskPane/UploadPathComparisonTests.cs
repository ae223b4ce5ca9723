using AddinWeb.Upload;
using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.BrowserTests.TaskPane;
using AddinWeb.Excel;
using AddinWeb.Reports.Grid;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;

namespace AddinWeb.BrowserTests;

/// <summary>
/// The two ways to the sheet give the same values: the task pane painting the layout with Office.js, and the
/// upload page's path (what POST /api/reports/emargement.xlsx does) on the same report as an .xlsx file.
/// </summary>
public sealed class UploadPathComparisonTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_task_pane_sheet_has_the_values_of_the_uploaded_workbook_sheet()
    {
        // The upload path, in process: the example .xlsx read by the upload's reader, analysed by the host's analyzer
        // (same clock), the sheet inserted into the package, then opened as Excel would (here by ClosedXML).
        var repository = Path.GetFullPath(Path.Combine(OfficeJsRoutes.TestsDirectory, "..", ".."));
        var example = await File.ReadAllBytesAsync(Path.Combine(repository, "AddinWeb", "wwwroot", "examples", "rapport-exemple-via.xlsx"));
        WorkbookGrid grid;
        using (var package = SpreadsheetPackage.Open(example))
            grid = SpreadsheetGridReader.Read(package, new GridReadLimits(64, 250_000, 512, 32_767));
        var analysis = host.Services.GetRequiredService<ReportAnalyzer>().Analyze(grid, AttendanceOptions.Default);
        Assert.True(analysis.IsUsable);
        using var saved = new MemoryStream(SheetInsertion.Insert(example, analysis.Sheet!));
        using var workbook = new XLWorkbook(saved);
        var closedXml = ValuesOf(workbook.Worksheet("Émargement"));

        // The same report, as Excel holds it once opened (the seed the .xlsx example was made from).
        var pane = await TaskPanePage.OpenAsync(host, WorkbookSeed.SeedReport());
        await pane.WaitForAnalysisAsync();
        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Failure.IsHiddenAsync(), await pane.Failure.InnerTextAsync());

        var painted = AnalyzeApi.ActualValues(await pane.DoubleJsonAsync("sheet('Émargement')"));
        AnalyzeApi.AssertSameValues(closedXml, painted, tolerance: 1e-9);
        Assert.Empty(pane.Errors);
    }

    /// <summary>Cell values as Office.js reads them: dates and times as serial numbers, blanks as "".</summary>
    private static List<List<object>> ValuesOf(IXLWorksheet sheet)
    {
        var used = sheet.RangeUsed();
        var rows = new List<List<object>>();
        if (used is null) return rows;
        var lastRow = used.LastRow().RowNumber();
        var lastColumn = used.LastColumn().ColumnNumber();
        for (var r = 1; r <= lastRow; r++)
        {
            var row = new List<object>();
            for (var c = 1; c <= lastColumn; c++)
            {
                var value = sheet.Cell(r, c).Value;
                row.Add(value switch
                {
                    null => "",
                    string s => s,
                    double d => d,
                    int i => (double)i,
                    bool b => b,
                    DateTime t => t.ToOADate(),
                    TimeSpan span => span.TotalDays,
                    var other => Convert.ToDouble(other, System.Globalization.CultureInfo.InvariantCulture),
                });
            }
            rows.Add(row);
        }
        return rows;
    }
}
