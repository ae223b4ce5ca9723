using AddinWeb.Excel;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Reports;

/// <summary>
/// The seed saved as a real .xlsx and read back by the upload's reader against the cells Office.js sends
/// (the task pane): same report, same fingerprint.
/// </summary>
public class UploadMatchesTaskPaneTests
{
    private static WorkbookGrid Uploaded(WorkbookGrid written) => SeedWorkbook.Read(SeedWorkbook.Bytes(written));

    private static WorkbookGrid At(WorkbookGrid grid, int row, int column) =>
        new(grid.Sheets.Select(s => s with { FirstRow = row, FirstColumn = column }).ToList());

    [Fact]
    public void Same_fingerprint_and_report_from_the_xlsx_and_from_office_js_values()
    {
        var taskPane = SeedReport.Workbook(NumberStyle.Numeric, DateStyle.SerialNumber);
        var upload = Uploaded(SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell));

        Assert.Equal(ViaReportSource.Fingerprint(taskPane.Sheets), ViaReportSource.Fingerprint(upload.Sheets));
        var fromTaskPane = new ViaReportSource().ReadVia(taskPane);
        var fromUpload = new ViaReportSource().ReadVia(upload);
        Assert.Empty(fromUpload.Issues);
        Assert.Equal(fromTaskPane.Report!.Users, fromUpload.Report!.Users);
        Assert.Equal(fromTaskPane.Report.Connections, fromUpload.Report.Connections);
    }

    [Fact]
    public void Same_fingerprint_when_the_report_does_not_start_at_A1()
    {
        var taskPane = At(SeedReport.Workbook(NumberStyle.Numeric, DateStyle.SerialNumber), 4, 3);
        var upload = Uploaded(At(SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell), 4, 3));

        Assert.Equal(ViaReportSource.Fingerprint(taskPane.Sheets), ViaReportSource.Fingerprint(upload.Sheets));
        var report = new ViaReportSource().ReadVia(upload).Report!;
        Assert.Equal(17, report.Users[0].Source.Row);
        Assert.Equal("E", report.SummaryTable!.Letter(ViaColumn.Connection));
    }
}
