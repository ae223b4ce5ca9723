using AddinWeb.Reports;
using AddinWeb.Reports.BigBlueButton;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reports.BigBlueButton;

/// <summary>Reading a dashboard export the two ways it arrives: the file itself, and what Excel shows of it.</summary>
internal static class Dashboard
{
    public static readonly BbbReportSource Source = new();

    /// <summary>The upload's way: the file's bytes read as a delimited file, every cell its text.</summary>
    public static ReportReadResult FromFile(byte[] bytes, string name = "dashboard.csv")
    {
        var file = DelimitedFile.Read(bytes, name);
        Assert.True(file.IsRead, file.Refusal?.Message);
        Assert.True(Source.Recognises(file.Workbook));
        return Source.Read(file.Workbook);
    }

    public static ReportReadResult FromFile(string text, string name = "dashboard.csv") => FromFile(ExcelOpensCsv.Utf8(text), name);

    /// <summary>The task pane's way: what Excel showed, made readable once as the analyzer does.</summary>
    public static ReportReadResult FromShown(WorkbookGrid shown)
    {
        var readable = ShownWorkbook.MakeReadable(shown).Workbook;
        Assert.True(Source.Recognises(readable));
        return Source.Read(readable);
    }

    public static ReportReadResult FromExcel(byte[] bytes, ExcelLocale locale, string name = "dashboard.csv") =>
        FromShown(ExcelOpensCsv.Open(bytes, name, locale));

    public static ReportReadResult FromExcel(string text, ExcelLocale locale) => FromExcel(ExcelOpensCsv.Utf8(text), locale);

    /// <summary>A person as the tests compare them: what the engine is given.</summary>
    public sealed record Person(string Name, ParticipantRole? Role, DateTime Join, DateTime? Leave, double Minutes, int Row);

    public static List<Person> People(ReportReadResult read)
    {
        Assert.True(read.Report is not null, string.Join(" | ", read.Issues.Select(i => i.Message)));
        Assert.Empty(read.Report.Connections);
        return read.Report.Users.Select(u => new Person(u.Name, u.Role, u.Presence!.FirstJoin, u.Presence.LastLeave,
            Math.Round(u.Presence.DurationMinutes, 6), u.Source.Row)).ToList();
    }

    public static DateTime At(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second);

    public static double Minutes(int h, int m, int s) => Math.Round(h * 60 + m + s / 60.0, 6);

    public static IEnumerable<string> Codes(ReportReadResult read) => read.Issues.Select(i => i.Code);
}
