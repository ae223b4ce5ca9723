using System.Text;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Teams;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reports.Teams;

/// <summary>A Teams report read the two ways it arrives: the file itself (upload) and as Excel shows it (task pane).</summary>
internal static class TeamsFiles
{
    public const string FileName = "meetingAttendanceReport.csv";

    /// <summary>What the upload reads: the file's cells as texts.</summary>
    public static WorkbookGrid FromFile(byte[] bytes, string fileName = FileName) =>
        DelimitedFile.Read(bytes, fileName).Workbook ?? throw new InvalidOperationException("The file was refused.");

    /// <summary>What the task pane reads once Excel of that locale opened the file, made readable as the analyzer does.</summary>
    public static WorkbookGrid Shown(byte[] bytes, ExcelLocale locale, string fileName = FileName) =>
        ShownWorkbook.MakeReadable(ExcelOpensCsv.Open(bytes, fileName, locale)).Workbook;

    public static ReportReadResult Read(WorkbookGrid workbook) => new TeamsReportSource().Read(workbook);

    public static SessionReport Report(WorkbookGrid workbook)
    {
        var read = Read(workbook);
        Assert.False(read.HasErrors, string.Join("\n", read.Issues.Select(i => i.Message)));
        return read.Report!;
    }

    /// <summary>Teams' own encoding: UTF-16 LE with BOM.</summary>
    public static byte[] Utf16(string text) => ExcelOpensCsv.Utf16(text);

    public static byte[] Utf16BigEndian(string text) => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)];

    public static byte[] Utf8WithBom(string text) => [0xEF, 0xBB, 0xBF, .. new UTF8Encoding(false).GetBytes(text)];

    /// <summary>
    /// The same lines, tab-separated (as Teams writes them) turned into comma-separated: with quotes where needed, or
    /// around every value (what lets a French Excel's whole lines be split back with a name holding a comma).
    /// </summary>
    public static string CommaSeparated(string tabText, bool quoteEveryValue = false) =>
        string.Join("\r\n", tabText.Split('\n').Select(l => l.TrimEnd('\r'))
            .Select(line => string.Join(",", line.Split('\t').Select(f => Quote(f, quoteEveryValue)))));

    private static string Quote(string field, bool always) =>
        (always && field.Length > 0) || field.Contains(',') || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;

    /// <summary>What the engine is given, row by row, in a form two reads can be compared on.</summary>
    public static IReadOnlyList<string> Figures(SessionReport report) =>
    [
        $"header {report.Header.Title} | {report.Header.Host} | {report.Header.HostEmail} | {report.Header.Meeting?.Start:O} | {report.Header.Meeting?.End:O} | {report.Header.Slots.Count}",
        .. report.Users.Select(u =>
            $"user {u.Source.Row} {u.Name} | {u.Email} | {u.Role} | {u.Presence?.FirstJoin:O} | {u.Presence?.LastLeave:O} | {u.Presence?.DurationMinutes:R}"),
        .. report.Connections.Select(c => $"connection {c.Source.Row} {c.Name} | {c.Email} | {c.Role} | {c.Start:O} | {c.End:O}"),
    ];

    public static DateTime At(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second);

    public static double Minutes(int h, int m, int s) => h * 60 + m + s / 60.0;
}
