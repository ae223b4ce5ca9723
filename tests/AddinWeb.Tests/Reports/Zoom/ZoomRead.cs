using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Zoom;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reports.Zoom;

/// <summary>A Zoom report read the two ways it arrives: the file itself (upload), or what an Excel shows of it (task pane).</summary>
internal static class ZoomRead
{
    public const string FileName = "participants_81234567890.csv";

    public static ReportReadResult File(byte[] bytes, string name = FileName)
    {
        var read = DelimitedFile.Read(bytes, name);
        Assert.True(read.IsRead, read.Refusal?.Message);
        return Source(read.Workbook!);
    }

    public static ReportReadResult File(string text, string name = FileName) => File(ExcelOpensCsv.Utf8(text), name);

    /// <summary>What the task pane sends, made readable as <c>ReportAnalyzer</c> does before any source looks at it.</summary>
    public static ReportReadResult Shown(WorkbookGrid shown) => Source(ShownWorkbook.MakeReadable(shown).Workbook);

    public static ReportReadResult AsExcelShows(byte[] bytes, ExcelLocale locale, string name = FileName) =>
        Shown(ExcelOpensCsv.Open(bytes, name, locale));

    public static ReportReadResult AsExcelShows(string text, ExcelLocale locale, string name = FileName) =>
        AsExcelShows(ExcelOpensCsv.Utf8(text), locale, name);

    private static ReportReadResult Source(WorkbookGrid workbook)
    {
        var source = new ZoomReportSource();
        Assert.True(source.Recognises(workbook), "not recognised as a Zoom report");
        return source.Read(workbook);
    }

    public static SessionReport Report(ReportReadResult read)
    {
        Assert.False(read.HasErrors, string.Join("\n", read.Issues.Select(i => i.Message)));
        return read.Report!;
    }

    /// <summary>Everything a participant's figures rest on, row by row, for comparing two readings.</summary>
    public static List<string> Rows(SessionReport report) =>
    [
        .. report.Connections.Select(c => $"C {c.Source.Row} {c.Name} | {c.Email} | {c.Role} | {c.Start:O} | {c.End:O}"),
        .. report.Users.Select(u => $"U {u.Source.Row} {u.Name} | {u.Email} | {u.Role} | {u.Presence}"),
    ];

    public static string Fingerprint(SessionReport report) => ReportFingerprint.Compute(report.TypedSheets, _ => 0);

    public static DateTime At(int year, int month, int day, int h, int m, int s) => new(year, month, day, h, m, s);

    public static IEnumerable<string> Codes(ReportReadResult read) => read.Issues.Select(i => i.Code);
}
