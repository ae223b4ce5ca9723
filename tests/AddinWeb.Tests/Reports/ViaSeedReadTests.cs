using AddinWeb.Reports;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reports;

/// <summary>The user's own example report, read in every way its cells can reach the reader.</summary>
public class ViaSeedReadTests
{
    private static readonly ViaReportSource Source = new();

    public static TheoryData<NumberStyle, DateStyle> AllStyles()
    {
        var data = new TheoryData<NumberStyle, DateStyle>();
        foreach (var n in Enum.GetValues<NumberStyle>())
            foreach (var d in Enum.GetValues<DateStyle>())
                data.Add(n, d);
        return data;
    }

    private static ViaReport Read(NumberStyle n = NumberStyle.Numeric, DateStyle d = DateStyle.SerialNumber)
    {
        var result = Source.ReadVia(SeedReport.Workbook(n, d));
        Assert.Empty(result.Issues);
        Assert.False(result.HasErrors);
        return result.Report!;
    }

    [Theory]
    [MemberData(nameof(AllStyles))]
    public void Seed_reads_the_same_whatever_the_number_and_date_styles(NumberStyle numbers, DateStyle dates)
    {
        var report = Read(numbers, dates);
        var reference = Read();

        Assert.Equal(13, report.Users.Count);
        Assert.Equal(17, report.Connections.Count);
        Assert.Equal(2, report.Totals.Count);
        Assert.Equal(reference.Header with { Slots = [], Organisation = [] }, report.Header with { Slots = [], Organisation = [] });
        Assert.Equal(reference.Header.Slots, report.Header.Slots);
        Assert.Equal(reference.Header.Organisation, report.Header.Organisation);
        Assert.Equal(reference.Users, report.Users);
        Assert.Equal(reference.Connections, report.Connections);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(reference.Totals[i].Source, report.Totals[i].Source);
            Assert.Equal(reference.Totals[i].ColumnTotals, report.Totals[i].ColumnTotals);
        }
    }

    [Fact]
    public void Header_fields_are_exact()
    {
        var header = Read().Header;

        Assert.Equal(SeedReport.Title, header.Title);
        Assert.Equal("20A0160236", header.PafReference);
        Assert.Equal("68653", header.ModuleNumber);
        Assert.Equal("Stamminger, Elsa", header.Host);
        Assert.Equal(new ReportPeriod(new DateOnly(2020, 10, 31), new DateOnly(2020, 11, 10)), header.Period);
        Assert.Equal(new DateTime(2020, 11, 10, 19, 38, 0), header.GeneratedAt);
        var slot = Assert.Single(header.Slots);
        Assert.Equal(new DateTime(2020, 11, 10, 14, 0, 0), slot.Start);
        Assert.Equal(new DateTime(2020, 11, 10, 16, 30, 0), slot.End);
        Assert.Equal(150, slot.Minutes);
        Assert.Equal(["SVI eSolutions", "Pôle National Foad"], header.Organisation);
        Assert.Equal("France", header.TimeZoneLabel);
    }

    [Fact]
    public void Users_carry_the_seed_figures_and_their_excel_rows()
    {
        var report = Read(NumberStyle.FrenchText);

        for (var i = 0; i < SeedReport.SummaryRows.Count; i++)
        {
            var expected = SeedReport.SummaryRows[i];
            var user = report.Users[i];
            Assert.Equal(new SourceRef("Sommaire", 14 + i), user.Source);
            Assert.Equal(expected.Name, user.Name);
            Assert.Equal(expected.Email, user.Email);
            Assert.Equal(SeedReport.ParseFigure(expected.Figures[0]), user.ConnectionMinutes);
            Assert.Equal(SeedReport.ParseFigure(expected.Figures[1]), user.MicrophoneMinutes);
            Assert.Equal(SeedReport.ParseFigure(expected.Figures[3]), user.WebcamMinutes);
            Assert.Equal(SeedReport.ParseFigure(expected.Figures[5]), user.ScreenShareMinutes);
            Assert.Equal(0, user.ReplayMinutes);
            Assert.Equal(0, user.RecordingDownloads);
        }
        Assert.Equal(519.12, report.Users.Single(u => u.Name == "Elsa STAMMINGER").ConnectionMinutes);
    }

    [Fact]
    public void Connections_carry_local_wall_clock_times_to_the_second()
    {
        var report = Read(d: DateStyle.SerialNumber);

        for (var i = 0; i < SeedReport.PresenceRows.Count; i++)
        {
            var expected = SeedReport.PresenceRows[i];
            var connection = report.Connections[i];
            Assert.Equal(new SourceRef("Temps de connexion en présence", 11 + i), connection.Source);
            Assert.Equal(SeedReport.ParseDate(expected.Start), connection.Start);
            Assert.Equal(SeedReport.ParseDate(expected.End), connection.End);
            Assert.Equal(DateTimeKind.Unspecified, connection.Start.Kind);
            Assert.Equal(0, connection.Start.Millisecond);
            Assert.Equal(SeedReport.ParseFigure(expected.Figures[0]), connection.DurationMinutes);
        }
        Assert.Equal(new DateTime(2020, 11, 10, 13, 39, 50), report.Connections[0].Start);
        Assert.Equal(108.12, report.Connections[0].DurationMinutes);
    }

    [Fact]
    public void Total_rows_are_checks_not_people()
    {
        var report = Read();

        Assert.DoesNotContain(report.Users, u => u.Name.StartsWith("Total"));
        var summaryTotal = report.Totals.Single(t => t.Source.Sheet == "Sommaire");
        Assert.Equal(27, summaryTotal.Source.Row);
        Assert.Equal(2593.61, summaryTotal.ColumnTotals["Connexion"]);
        Assert.Equal("C", summaryTotal.ColumnLetters["Connexion"]);
        Assert.Equal(3395.56, summaryTotal.ColumnTotals["Caméra Web"]);
        Assert.Equal(0, summaryTotal.ColumnTotals["Téléchargement d'enregistrement"]);
        var presenceTotal = report.Totals.Single(t => t.Source.Sheet == "Temps de connexion en présence");
        Assert.Equal(28, presenceTotal.Source.Row);
        Assert.Equal(1734.52, presenceTotal.ColumnTotals["Connexion"]);
        Assert.Equal("E", presenceTotal.ColumnLetters["Connexion"]);
        Assert.Equal(6, presenceTotal.ColumnTotals.Count);
    }

    [Fact]
    public void Tables_are_located()
    {
        var report = Read();

        Assert.Equal(13, report.SummaryTable!.HeaderRow);
        Assert.Equal("C", report.SummaryTable.Letter(ViaColumn.Connection));
        Assert.Equal("J", report.SummaryTable.Letter(ViaColumn.RecordingDownload));
        Assert.Equal(10, report.PresenceTable!.HeaderRow);
        Assert.Equal("D", report.PresenceTable.Letter(ViaColumn.End));
        Assert.Null(report.PresenceTable.Letter(ViaColumn.Replay));
    }

    [Fact]
    public void Recognises_a_workbook_with_either_via_sheet_only()
    {
        Assert.True(Source.Recognises(SeedReport.Workbook()));
        Assert.True(Source.Recognises(GridEdits.Book(SeedReport.SummarySheet())));
        Assert.True(Source.Recognises(GridEdits.Book(SeedReport.PresenceSheet())));
        Assert.False(Source.Recognises(GridEdits.Book(SeedReport.SummarySheet().Renamed("Feuil1"))));
        Assert.False(Source.Recognises(GridEdits.Book()));
    }
}
