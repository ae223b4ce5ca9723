using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.GridEdits;

namespace AddinWeb.Tests.Reports;

/// <summary>The warnings a DAFPEN manager would raise, on the seed's own figures.</summary>
public class ReportValidatorTests
{
    private const string Presence = "Temps de connexion en présence";
    private static readonly ViaReportSource Source = new();

    /// <summary>The three Sommaire users with live minutes and no presence row: Léa GIRARD, Nathan ROUX, Théo MOREL.</summary>
    private static readonly (string, string, int?, string?)[] SeedWarnings =
    [
        ("NoPresenceRows", "Sommaire", 21, "C"),
        ("NoPresenceRows", "Sommaire", 22, "C"),
        ("NoPresenceRows", "Sommaire", 24, "C"),
    ];

    private static IReadOnlyList<ReportIssue> Validate(SheetGrid summary, SheetGrid presence)
    {
        var read = Source.ReadVia(Book(summary, presence));
        Assert.Empty(read.Issues);
        var issues = ViaValidator.Validate(read.Report!);
        Assert.All(issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
        AssertNoPersonalData(issues);
        Assert.All(issues, i => Assert.StartsWith($"Feuille « {i.Sheet} », ligne {i.Row}, colonne {i.Column} (", i.Message));
        return issues;
    }

    private static (string, string, int?, string?)[] Where(IEnumerable<ReportIssue> issues) =>
        issues.Select(i => (i.Code, i.Sheet!, i.Row, i.Column)).OrderBy(x => x.Item2).ThenBy(x => x.Row).ToArray();

    private static (string, string, int?, string?)[] SeedAnd(params (string, string, int?, string?)[] more) =>
        SeedWarnings.Concat(more).OrderBy(x => x.Item2).ThenBy(x => x.Item3).ToArray();

    public static TheoryData<NumberStyle, DateStyle> AllStyles() => ViaSeedReadTests.AllStyles();

    [Theory]
    [MemberData(nameof(AllStyles))]
    public void The_seed_only_warns_about_the_three_users_without_presence_rows(NumberStyle numbers, DateStyle dates)
    {
        var issues = Validate(SeedReport.SummarySheet(numbers), SeedReport.PresenceSheet(numbers, dates));

        Assert.Equal(SeedWarnings, Where(issues));
        Assert.All(issues, i => Assert.Contains("aucune ligne pour cette personne dans la feuille « Temps de connexion en présence »", i.Message));
        Assert.Contains("165,62 min de connexion", issues[0].Message);
    }

    [Fact]
    public void End_before_start()
    {
        var presence = SeedReport.PresenceSheet(dates: DateStyle.Text).WithText(10, 3, "10/11/2020 13:00:00");

        var issues = Validate(SeedReport.SummarySheet(), presence);

        Assert.Equal(SeedAnd(("EndBeforeStart", Presence, 11, "D")), Where(issues));
        Assert.Contains("la fin de connexion (10/11/2020 13:00:00) est antérieure au début (10/11/2020 13:39:50)",
            issues.Single(i => i.Code == "EndBeforeStart").Message);
    }

    [Theory]
    [InlineData("178,76", true)]   // Fin − Début = 178,70: 0,06 off
    [InlineData("178,64", true)]
    [InlineData("178,74", false)]  // 0,04 off: rounding, not an error
    [InlineData("178,66", false)]
    public void Connexion_differing_from_end_minus_start(string stated, bool warns)
    {
        var presence = SeedReport.PresenceSheet(NumberStyle.FrenchText).WithText(11, 4, stated);

        var issues = Validate(SeedReport.SummarySheet(), presence);

        Assert.Equal(warns ? SeedAnd(("DurationMismatch", Presence, 12, "E")) : SeedWarnings, Where(issues));
        if (warns)
            Assert.Contains($"la durée indiquée ({stated} min) diffère de Fin − Début (178,70 min)",
                issues.Single(i => i.Code == "DurationMismatch").Message);
    }

    [Fact]
    public void Total_not_matching_its_column()
    {
        var summary = SeedReport.SummarySheet().WithCell(26, 2, Cell.FromNumber(2600));
        var presence = SeedReport.PresenceSheet().WithCell(27, 7, Cell.FromNumber(2590.07));

        var issues = Validate(summary, presence);

        Assert.Equal(SeedAnd(("TotalMismatch", "Sommaire", 27, "C"), ("TotalMismatch", Presence, 28, "H")), Where(issues));
        var summaryIssue = issues.Single(i => i.Code == "TotalMismatch" && i.Sheet == "Sommaire");
        Assert.Contains("colonne C (Connexion)", summaryIssue.Message);
        Assert.Contains("le total indiqué (2600,00) ne correspond pas à la somme des 13 lignes lues (2593,61) ; écart de 6,39", summaryIssue.Message);
        Assert.Contains("colonne H (Caméra Web)", issues.Single(i => i.Sheet == Presence).Message);
    }

    [Fact]
    public void Total_off_by_rounding_only_is_accepted()
    {
        var summary = SeedReport.SummarySheet().WithCell(26, 2, Cell.FromNumber(2593.65));

        Assert.Equal(SeedWarnings, Where(Validate(summary, SeedReport.PresenceSheet())));
    }

    [Fact]
    public void Rows_without_email_are_matched_by_name()
    {
        // Camille DURAND: Sommaire row 14, presence row 20 (tenth connection), both without email.
        var summary = SeedReport.SummarySheet().WithCell(13, 1, Cell.Empty);
        var presence = SeedReport.PresenceSheet().WithText(19, 1, " ").WithText(19, 0, "durand  camille");

        var issues = Validate(summary, presence);

        Assert.Equal(SeedAnd(("MissingEmail", "Sommaire", 14, "B"), ("MissingEmail", Presence, 20, "B")), Where(issues));
        Assert.Contains("adresse électronique absente", issues.First(i => i.Code == "MissingEmail").Message);
    }

    [Fact]
    public void Email_match_ignores_case_and_spaces()
    {
        var presence = SeedReport.PresenceSheet().WithText(19, 1, "  Camille.Durand@AC-Toulouse.fr ").WithText(19, 0, "C. D.");

        Assert.Equal(SeedWarnings, Where(Validate(SeedReport.SummarySheet(), presence)));
    }

    [Fact]
    public void Connection_outside_the_report_period()
    {
        var presence = SeedReport.PresenceSheet(dates: DateStyle.Text)
            .WithText(12, 2, "11/11/2020 13:41:19").WithText(12, 3, "11/11/2020 16:38:28") // Adam, the day after the period
            .WithText(13, 3, "11/11/2020 13:51:26");                                      // Hugo, ends the day after

        var issues = Validate(SeedReport.SummarySheet(), presence);

        Assert.Equal(SeedAnd(("OutsidePeriod", Presence, 13, "C"), ("DurationMismatch", Presence, 14, "E"), ("OutsidePeriod", Presence, 14, "D")),
            Where(issues));
        Assert.Contains("connexion le 11/11/2020, hors de la période du rapport (du 31/10/2020 au 10/11/2020)",
            issues.First(i => i.Code == "OutsidePeriod").Message);
    }

    [Fact]
    public void The_period_days_are_inclusive()
    {
        var presence = SeedReport.PresenceSheet(dates: DateStyle.Text)
            .WithText(12, 2, "31/10/2020 13:41:19").WithText(12, 3, "31/10/2020 16:38:28");

        Assert.Equal(SeedWarnings, Where(Validate(SeedReport.SummarySheet(), presence)));
    }

    [Fact]
    public void Live_connections_adding_up_to_more_than_the_sommaire_connexion()
    {
        // Camille DURAND (row 14) has one presence row of 174,28 min; her Sommaire now says 170.
        var summary = SeedReport.SummarySheet().WithCell(13, 2, Cell.FromNumber(170)).WithCell(26, 2, Cell.FromNumber(2589.33));

        var issues = Validate(summary, SeedReport.PresenceSheet());

        Assert.Equal(SeedAnd(("PresenceExceedsSummary", "Sommaire", 14, "C")), Where(issues));
        Assert.Contains("(ligne 20) totalisent 174,28 min, plus que sa « Connexion » de 170,00 min",
            issues.Single(i => i.Code == "PresenceExceedsSummary").Message);
    }

    [Fact]
    public void Live_connections_summed_over_several_rows()
    {
        // Elsa STAMMINGER (row 20): 108,12 + 188,24 = 296,36 min live; Sommaire lowered to 296,30.
        var summary = SeedReport.SummarySheet().WithCell(19, 2, Cell.FromNumber(296.30)).WithCell(26, 2, Cell.FromNumber(2370.79));

        var issues = Validate(summary, SeedReport.PresenceSheet());

        Assert.Equal(SeedAnd(("PresenceExceedsSummary", "Sommaire", 20, "C")), Where(issues));
        Assert.Contains("(lignes 11, 15) totalisent 296,36 min", issues.Single(i => i.Code == "PresenceExceedsSummary").Message);
    }

    [Fact]
    public void A_sommaire_user_with_zero_minutes_and_no_presence_row_is_not_queried()
    {
        var summary = SeedReport.SummarySheet().WithCell(20, 2, Cell.FromNumber(0)).WithCell(26, 2, Cell.FromNumber(2427.99));

        Assert.Equal(SeedWarnings.Where(w => w.Item3 != 21).ToArray(), Where(Validate(summary, SeedReport.PresenceSheet())));
    }

    [Fact]
    public void A_presence_row_of_someone_absent_from_sommaire()
    {
        var presence = SeedReport.PresenceSheet().WithText(10, 0, "Paul INCONNU").WithText(10, 1, "paul.inconnu@ac-toulouse.fr");

        var issues = Validate(SeedReport.SummarySheet(), presence);

        Assert.Equal(SeedAnd(("PresenceWithoutSummary", Presence, 11, "A")), Where(issues));
        var issue = issues.Single(i => i.Code == "PresenceWithoutSummary");
        Assert.DoesNotContain("Paul", issue.Message);
        Assert.DoesNotContain("inconnu", issue.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Column_letters_follow_the_table_wherever_it_is()
    {
        var summary = SeedReport.SummarySheet().At(3, 2).WithCell(13, 1, Cell.Empty);

        var issues = ViaValidator.Validate(Source.ReadVia(Book(summary, SeedReport.PresenceSheet())).Report!);

        var issue = issues.Single(i => i.Code == "MissingEmail");
        Assert.Equal(("Sommaire", 16, "C"), (issue.Sheet!, issue.Row, issue.Column));
        Assert.Equal("D", issues.First(i => i.Code == "NoPresenceRows").Column);
    }
}
