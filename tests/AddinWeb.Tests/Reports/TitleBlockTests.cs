using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.GridEdits;

namespace AddinWeb.Tests.Reports;

/// <summary>The lines above the Sommaire table, in the shapes real reports and hand edits give them.</summary>
public class TitleBlockTests
{
    private static readonly ViaReportSource Source = new();

    /// <summary>The seed with its Sommaire title block replaced by <paramref name="lines"/> (one row each).</summary>
    private static ViaReadResult ReadWithTitle(params string[][] lines)
    {
        var summary = SeedReport.SummarySheet();
        var rows = lines.Select(l => (IReadOnlyList<Cell>)l.Select(Cell.FromText).ToList())
            .Concat(summary.Rows.Skip(SeedReport.SummaryHeaderRow - 1)).ToList();
        var presence = SeedReport.PresenceSheet();
        // The presence sheet repeats the period: drop it so that the Sommaire lines alone decide.
        presence = presence.WithText(4, 0, "").WithText(5, 0, "");
        return Source.ReadVia(Book(summary with { Rows = rows }, presence));
    }

    private static ReportHeader Header(params string[][] lines) => ReadWithTitle(lines).Report!.Header;

    [Theory]
    [InlineData("31 octobre 2020 au 10 novembre 2020", 2020, 10, 31, 2020, 11, 10)]
    [InlineData("Du 1er décembre 2020 au 3 février 2021", 2020, 12, 1, 2021, 2, 3)]
    [InlineData("1er decembre 2020 au 3 fevrier 2021", 2020, 12, 1, 2021, 2, 3)]
    [InlineData("28 DÉCEMBRE au 5 JANVIER 2021", 2020, 12, 28, 2021, 1, 5)]
    [InlineData("du 15 août 2021 au 20 août 2021", 2021, 8, 15, 2021, 8, 20)]
    [InlineData("Période : 02/03/2021 au 04/03/2021", 2021, 3, 2, 2021, 3, 4)]
    public void Period_is_read_with_french_months(string line, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var header = Header([line]);

        Assert.Equal(new ReportPeriod(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2)), header.Period);
    }

    [Theory]
    [InlineData("Généré le 10 novembre 2020 à 19:38", 2020, 11, 10, 19, 38)]
    [InlineData("GENERE LE 1er mars 2021 a 08h05", 2021, 3, 1, 8, 5)]
    [InlineData("Généré le : 10/11/2020 19:38", 2020, 11, 10, 19, 38)]
    public void Generation_stamp_is_read(string line, int y, int mo, int d, int h, int mi)
    {
        Assert.Equal(new DateTime(y, mo, d, h, mi, 0), Header([line]).GeneratedAt);
    }

    [Theory]
    [InlineData("10 novembre - 14:00 à 16:30", 2020, 11, 10, 14, 0, 16, 30)]
    [InlineData("10 novembre – 14h00 à 16h30", 2020, 11, 10, 14, 0, 16, 30)]
    [InlineData("mardi 10 novembre 2020 : 14h à 16h30", 2020, 11, 10, 14, 0, 16, 30)]
    [InlineData("1er novembre - 9:00 - 12:00", 2020, 11, 1, 9, 0, 12, 0)]
    [InlineData("10/11 - 14:00 à 16:30", 2020, 11, 10, 14, 0, 16, 30)]
    public void Slot_line_takes_its_year_from_the_period(string line, int y, int mo, int d, int h1, int m1, int h2, int m2)
    {
        var header = Header(["31 octobre 2020 au 10 novembre 2020"], [line]);

        var slot = Assert.Single(header.Slots);
        Assert.Equal(new ScheduledSlot(new DateTime(y, mo, d, h1, m1, 0), new DateTime(y, mo, d, h2, m2, 0)), slot);
    }

    [Fact]
    public void Slots_across_a_year_boundary_get_the_right_years()
    {
        var header = Header(["28 décembre 2020 au 5 janvier 2021"], ["30 décembre - 09:00 à 12:00"], ["4 janvier - 14:00 à 17:00"]);

        Assert.Equal(
            [
                new ScheduledSlot(new DateTime(2020, 12, 30, 9, 0, 0), new DateTime(2020, 12, 30, 12, 0, 0)),
                new ScheduledSlot(new DateTime(2021, 1, 4, 14, 0, 0), new DateTime(2021, 1, 4, 17, 0, 0)),
            ],
            header.Slots);
    }

    [Fact]
    public void Several_slots_on_one_line_or_several_lines()
    {
        var header = Header(["9 novembre 2020 au 10 novembre 2020"], ["9 novembre - 09:00 à 12:00 et 13h30 à 16h30"], ["10 novembre - 09:00 à 12:00"]);

        Assert.Equal(
            [
                new ScheduledSlot(new DateTime(2020, 11, 9, 9, 0, 0), new DateTime(2020, 11, 9, 12, 0, 0)),
                new ScheduledSlot(new DateTime(2020, 11, 9, 13, 30, 0), new DateTime(2020, 11, 9, 16, 30, 0)),
                new ScheduledSlot(new DateTime(2020, 11, 10, 9, 0, 0), new DateTime(2020, 11, 10, 12, 0, 0)),
            ],
            header.Slots);
    }

    [Fact]
    public void Without_a_period_the_slot_year_comes_from_the_generation_stamp()
    {
        var header = Header(["Généré le 10 novembre 2020 à 19:38"], ["10 novembre - 14:00 à 16:30"]);

        Assert.Equal(new DateTime(2020, 11, 10, 14, 0, 0), Assert.Single(header.Slots).Start);
    }

    [Theory]
    [InlineData("DU CINEMA A LA VIDEO : LA DANSE SORT DU CADRE (REF. PAF 20A0160236-68653)", "DU CINEMA A LA VIDEO : LA DANSE SORT DU CADRE", "20A0160236", "68653")]
    [InlineData("Danse et vidéo (Réf. PAF 21A0160111 - 70001)", "Danse et vidéo", "21A0160111", "70001")]
    [InlineData("Danse et vidéo (ref paf 21a0160111)", "Danse et vidéo", "21A0160111", null)]
    [InlineData("Danse et vidéo – REF. PAF 21A0160111-70001", "Danse et vidéo", "21A0160111", "70001")]
    [InlineData("Les réfugiées et la danse", "Les réfugiées et la danse", null, null)]
    public void Activity_title_and_reference(string line, string title, string? reference, string? module)
    {
        var header = Header(["SVI eSolutions"], ["Sommaire"], [line]);

        Assert.Equal(title, header.Title);
        Assert.Equal(reference, header.PafReference);
        Assert.Equal(module, header.ModuleNumber);
        Assert.Equal(["SVI eSolutions"], header.Organisation);
    }

    [Theory]
    [InlineData("Hôte|Stamminger, Elsa")]
    [InlineData("Hôte :||Stamminger, Elsa")]
    [InlineData("Hôte : Stamminger, Elsa")]
    [InlineData("HOTE: Stamminger, Elsa")]
    [InlineData("|Hôte|Stamminger,|Elsa")]
    public void Host_in_the_next_cell_or_the_same_cell(string cells)
    {
        var header = Header(["Sommaire"], [SeedReport.TitleLine], cells.Split('|'));

        Assert.Equal("Stamminger, Elsa", header.Host);
        Assert.Equal(SeedReport.Title, header.Title);
    }

    [Fact]
    public void A_report_without_title_block_is_read_with_an_empty_header()
    {
        var result = ReadWithTitle();

        Assert.Empty(result.Issues);
        Assert.Null(result.Report!.Header.Title);
        Assert.Null(result.Report.Header.Period);
        Assert.Empty(result.Report.Header.Slots);
        Assert.Equal(13, result.Report.Users.Count);
    }

    [Fact]
    public void Time_zone_label_comes_from_the_presence_sheet()
    {
        var presence = SeedReport.PresenceSheet().WithText(7, 0, "Fuseau horaire : Europe/Paris");

        var report = Source.ReadVia(Book(SeedReport.SummarySheet(), presence)).Report!;

        Assert.Equal("Europe/Paris", report.Header.TimeZoneLabel);
    }
}
