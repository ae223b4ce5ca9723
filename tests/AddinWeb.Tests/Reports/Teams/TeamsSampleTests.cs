using System.Text;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Teams;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.Teams.TeamsFiles;

namespace AddinWeb.Tests.Reports.Teams;

/// <summary>
/// The sample of <c>shared/platforms</c> (UTF-16 LE, tabs, dates "3/4/25, 8:58:02 AM"), from the file, re-encoded, and
/// as Excel shows it. Figures worked out by hand from the file:
/// <list type="bullet">
/// <item>summary: "Atelier numérique", 3/4/25 8:58:02 AM to 12:03:10 PM; AM/PM and no number over 12, so the dates
/// are read month first (4 March 2025) with a warning;</item>
/// <item>participants (rows 11–13): Agnès Formatrice, Organizer, 08:58:02–12:03:10, 3h 5m 8s; Martin, Bruno,
/// 09:01:05–11:58:40, 2h 41m 12s; Chloé Petit, 09:20:33–10:05:00, 44m 27s;</item>
/// <item>activities (rows 17–20): Agnès 08:58:02–12:03:10; Bruno 09:01:05–10:15:20 and 10:31:43–11:58:40; Chloé
/// 09:20:33–10:05:00.</item>
/// </list>
/// </summary>
public class TeamsSampleTests
{
    private static byte[] Sample => PlatformFiles.Bytes(PlatformFiles.TeamsSample);

    private static string SampleText => Encoding.Unicode.GetString(Sample, 2, Sample.Length - 2);

    private static DateTime March4(int h, int m, int s) => At(2025, 3, 4, h, m, s);

    private static void AssertSampleFigures(SessionReport report)
    {
        Assert.Equal(TeamsReportSource.PlatformName, report.Platform);
        Assert.Equal("Atelier numérique", report.Header.Title);
        Assert.Equal("Agnès Formatrice", report.Header.Host);
        Assert.Equal("agnes.formatrice@ac-exemple.fr", report.Header.HostEmail);
        Assert.Equal(new ScheduledSlot(March4(8, 58, 2), March4(12, 3, 10)), report.Header.Meeting);
        Assert.Empty(report.Header.Slots);

        Assert.Equal(["Agnès Formatrice", "Martin, Bruno", "Chloé Petit"], report.Users.Select(u => u.Name));
        Assert.Equal([11, 12, 13], report.Users.Select(u => u.Source.Row));
        Assert.Equal([ParticipantRole.Trainer, ParticipantRole.Trainee, ParticipantRole.Trainee], report.Users.Select(u => u.Role));
        Assert.Equal("bruno.martin@ac-exemple.fr", report.Users[1].Email);
        Assert.Equal(new PresenceSummary(March4(9, 1, 5), March4(11, 58, 40), Minutes(2, 41, 12)), report.Users[1].Presence);
        Assert.Equal(new PresenceSummary(March4(8, 58, 2), March4(12, 3, 10), Minutes(3, 5, 8)), report.Users[0].Presence);
        Assert.Equal(new PresenceSummary(March4(9, 20, 33), March4(10, 5, 0), Minutes(0, 44, 27)), report.Users[2].Presence);

        Assert.Equal([17, 18, 19, 20], report.Connections.Select(c => c.Source.Row));
        Assert.Equal(
        [
            ("Agnès Formatrice", March4(8, 58, 2), March4(12, 3, 10)),
            ("Martin, Bruno", March4(9, 1, 5), March4(10, 15, 20)),
            ("Martin, Bruno", March4(10, 31, 43), March4(11, 58, 40)),
            ("Chloé Petit", March4(9, 20, 33), March4(10, 5, 0)),
        ], report.Connections.Select(c => (c.Name, c.Start, c.End)));
        Assert.Equal(ParticipantRole.Trainer, report.Connections[0].Role);
        Assert.All(report.Connections.Skip(1), c => Assert.Equal(ParticipantRole.Trainee, c.Role));
        Assert.Equal([report.MainSheet!], report.SourceSheets);
    }

    [Fact]
    public void The_file_gives_the_hand_computed_figures_and_warns_that_the_dates_are_read_month_first()
    {
        var read = Read(FromFile(Sample, PlatformFiles.TeamsSample));

        Assert.NotNull(read.Report);
        AssertSampleFigures(read.Report!);
        Assert.Equal("teams-attendance-en", read.Report!.MainSheet);
        var warning = Assert.Single(read.Issues);
        Assert.Equal(TeamsReportSource.AmbiguousDates, warning.Code);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal(("teams-attendance-en", 4, "B"), (warning.Sheet, warning.Row, warning.Column));
        Assert.StartsWith("Feuille « teams-attendance-en », ligne 4, colonne B (Start time) : les dates de ce rapport ont été lues mois/jour", warning.Message);
    }

    [Fact]
    public void The_source_recognises_the_sample_and_is_registered_as_microsoft_teams()
    {
        var source = new TeamsReportSource();
        Assert.True(source.Recognises(FromFile(Sample, PlatformFiles.TeamsSample)));
        Assert.Equal("teams", source.Format);
        Assert.Equal("Microsoft Teams", source.Platform);
    }

    public static TheoryData<string> Encodings => ["utf16be", "utf8bom", "utf8bom-comma", "utf16-comma"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Re_encoded_or_comma_separated_the_sample_gives_the_same_figures(string how)
    {
        var text = SampleText;
        var bytes = how switch
        {
            "utf16be" => Utf16BigEndian(text),
            "utf8bom" => Utf8WithBom(text),
            "utf8bom-comma" => Utf8WithBom(CommaSeparated(text)),
            _ => Utf16(CommaSeparated(text)),
        };
        var expected = Figures(Report(FromFile(Sample, PlatformFiles.TeamsSample)));

        var report = Report(FromFile(bytes, PlatformFiles.TeamsSample));

        AssertSampleFigures(report);
        Assert.Equal(expected, Figures(report));
    }

    [Theory]
    [InlineData(ExcelLocale.English)]
    [InlineData(ExcelLocale.British)]
    [InlineData(ExcelLocale.French)]
    public void As_excel_shows_it_the_sample_gives_the_same_figures_and_fingerprint(ExcelLocale locale)
    {
        var fromFile = Report(FromFile(Sample, PlatformFiles.TeamsSample));
        var shown = Read(Shown(Sample, locale, PlatformFiles.TeamsSample));

        AssertSampleFigures(shown.Report!);
        Assert.Equal(Figures(fromFile), Figures(shown.Report!));
        Assert.Equal(TeamsReportSource.AmbiguousDates, Assert.Single(shown.Issues).Code);
        Assert.Equal(Fingerprint(fromFile), Fingerprint(shown.Report!));
    }

    [Theory]
    [InlineData(ExcelLocale.English)]
    [InlineData(ExcelLocale.British)]
    [InlineData(ExcelLocale.French)]
    public void A_comma_separated_copy_as_excel_shows_it_gives_the_same_figures(ExcelLocale locale)
    {
        // A French Excel keeps each line whole in column A (the analyzer splits them again); the others split on ','.
        // Every value is quoted: a French Excel drops the quotes of a line's first field, and only a line whose other
        // values are all quoted shows where "Martin, Bruno" ended (see WholeLineSheet).
        var bytes = Utf8WithBom(CommaSeparated(SampleText, quoteEveryValue: true));

        var shown = Report(Shown(bytes, locale, PlatformFiles.TeamsSample));

        AssertSampleFigures(shown);
        Assert.Equal(Figures(Report(FromFile(Sample, PlatformFiles.TeamsSample))), Figures(shown));
    }

    [Fact]
    public void The_workbook_libreoffice_made_as_an_american_excel_gives_the_same_figures_and_fingerprint()
    {
        var fromFile = Report(FromFile(Sample, PlatformFiles.TeamsSample));
        var shown = Report(ShownWorkbook.MakeReadable(PlatformFiles.Shown("teams-attendance-en.us-excel")).Workbook);

        AssertSampleFigures(shown);
        Assert.Equal(Figures(fromFile), Figures(shown));
        Assert.Equal(Fingerprint(fromFile), Fingerprint(shown));
    }

    [Fact]
    public void The_typed_copy_holds_dates_durations_and_the_count_as_values()
    {
        var typed = Report(FromFile(Sample, PlatformFiles.TeamsSample)).TypedSheets.Single();

        // Row 3 "Attended participants 3", row 4 the start time, row 6 the meeting's duration; row 12 Bruno's first join and duration.
        Assert.Equal(Cell.FromNumber(3), typed[2, 1]);
        Assert.Equal(Cell.FromDateTime(March4(8, 58, 2)), typed[3, 1]);
        Assert.Equal(TypedFormats.DateTime, typed.NumberFormatAt(3, 1));
        Assert.Equal(Cell.FromNumber((3 * 3600 + 5 * 60 + 8) / 86400d), typed[5, 1]);
        Assert.Equal(TypedFormats.Duration, typed.NumberFormatAt(5, 1));
        Assert.Equal(Cell.FromDateTime(March4(9, 1, 5)), typed[11, 1]);
        Assert.Equal(Cell.FromNumber((2 * 3600 + 41 * 60 + 12) / 86400d), typed[11, 3]);
        Assert.Equal(Cell.FromText("Martin, Bruno"), typed[11, 0]);
        Assert.Equal(Cell.FromDateTime(March4(10, 31, 43)), typed[18, 1]);
    }

    internal static string Fingerprint(SessionReport report) =>
        ReportFingerprint.Compute(report.TypedSheets, s => report.SheetRank(s.Name));
}
