using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.BigBlueButton.Dashboard;

namespace AddinWeb.Tests.Reports.BigBlueButton;

/// <summary>What the reader says of files it cannot fully use: French, pointing at the cell, never quoting a name.</summary>
public class BbbIssueTests
{
    private const string Header = "Nom,Modérateur,Activity Score,Temps de conversation,Rejoindre,Quitté,Duration";

    private static string Row(params string[] values) => string.Join(",", values.Select(v => $"\"{v}\""));

    private static string File(params string[] rows) => string.Join("\r\n", [Header, .. rows]);

    private static ReportIssue Only(ReportReadResult read, string code) => Assert.Single(read.Issues, i => i.Code == code);

    [Fact]
    public void Only_the_header_and_the_anonymous_answers_is_an_empty_report_error()
    {
        foreach (var read in new[]
                 {
                     FromFile(File(Row("Anonyme", "", "", "", "", "", ""))),
                     FromExcel(File(Row("Anonyme", "", "", "", "", "", "")), ExcelLocale.English),
                     FromFile(Header + "\r\n"),
                 })
        {
            Assert.Null(read.Report);
            var error = Assert.Single(read.Issues);
            Assert.Equal(("EmptyReport", IssueSeverity.Error, 1), (error.Code, error.Severity, error.Row));
            Assert.StartsWith("Feuille « dashboard », ligne 1 : le tableau de bord ne contient aucun participant", error.Message);
        }
    }

    [Fact]
    public void Unreadable_cells_are_warned_at_their_cell_and_the_row_left_out()
    {
        var read = FromFile(File(
            Row("Léa Petit", "FALSE", "3,5", "-", "hier matin", "14/03/2025 10:00:00", "01:00:00"),
            Row("Marc Durand", "FALSE", "1", "-", "14/03/2025 09:00:00", "14/03/2025 10:00:00", "une heure"),
            Row("Inès Moreau", "FALSE", "1", "-", "14/03/2025 09:00:00", "le soir", "01:00:00"),
            Row("", "FALSE", "1", "-", "14/03/2025 09:00:00", "14/03/2025 10:00:00", "01:00:00"),
            Row("Jean Dupont", "FALSE", "1", "-", "", "14/03/2025 10:00:00", "01:00:00"),
            Row("Zoé Roux", "FALSE", "1", "-", "14/03/2025 09:00:00", "14/03/2025 10:00:00", "01:00:00")));

        Assert.Equal("Zoé Roux", Assert.Single(read.Report!.Users).Name);
        Assert.Equal(
        [
            ("UnreadableDate", 2, "E"), ("UnreadableDuration", 3, "G"), ("UnreadableDate", 4, "F"),
            ("RowWithoutName", 5, "A"), ("UnreadableDate", 6, "E"),
        ], read.Issues.Select(i => (i.Code, i.Row!.Value, i.Column!)));
        Assert.All(read.Issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
        Assert.Equal("Feuille « dashboard », ligne 2, colonne E (Rejoindre) : la valeur n'est pas une date lisible (attendu : "
            + "une date comme 04/03/2025 08:57:41 ou 3/4/2025, 08:57:41 AM) ; la ligne n'est pas prise en compte.", read.Issues[0].Message);
        Assert.Equal("Feuille « dashboard », ligne 3, colonne G (Duration) : la valeur n'est pas une durée lisible (attendu : "
            + "heures:minutes:secondes, par exemple 02:41:12) ; la ligne n'est pas prise en compte.", read.Issues[1].Message);
        Assert.Equal("Feuille « dashboard », ligne 6, colonne E (Rejoindre) : la date est absente ; la ligne n'est pas prise en compte.",
            read.Issues[4].Message);
        Assert.All(read.Issues, i => Assert.DoesNotContain("Léa", i.Message));
    }

    [Fact]
    public void Every_row_unreadable_is_an_error_after_the_rows_warnings()
    {
        var read = FromFile(File(Row("Léa Petit", "FALSE", "0", "-", "hier", "14/03/2025 10:00:00", "01:00:00")));

        Assert.Null(read.Report);
        Assert.Equal(["UnreadableDate", "EmptyReport"], Codes(read));
        Assert.Contains("aucune ligne de participant n'a pu être lue", read.Issues[1].Message);
    }

    [Fact]
    public void Counts_and_scores_that_do_not_read_are_no_issue()
    {
        // Not attendance (older exports even wrote counts under the wrong headers): never checked.
        var read = FromFile(File(Row("Léa Petit", "FALSE", "beaucoup", "n/a", "14/03/2025 09:00:00", "14/03/2025 10:00:00", "01:00:00")));

        Assert.Single(read.Report!.Users);
        Assert.Empty(read.Issues);
    }

    [Fact]
    public void An_unreadable_moderator_flag_is_warned_and_read_as_a_trainee()
    {
        var read = FromFile(File(Row("Léa Petit", "peut-être", "0", "-", "14/03/2025 09:00:00", "14/03/2025 10:00:00", "01:00:00")));

        Assert.Equal(ParticipantRole.Trainee, Assert.Single(read.Report!.Users).Role);
        var warning = Only(read, "UnreadableFlag");
        Assert.Equal("Feuille « dashboard », ligne 2, colonne B (Modérateur) : la valeur n'est ni TRUE ni FALSE ; la personne "
            + "est comptée comme stagiaire.", warning.Message);
    }

    [Fact]
    public void A_leave_before_the_join_is_warned_and_the_row_left_out()
    {
        var read = FromFile(File(
            Row("Léa Petit", "FALSE", "0", "-", "14/03/2025 10:00:00", "14/03/2025 09:00:00", "01:00:00"),
            Row("Zoé Roux", "FALSE", "0", "-", "14/03/2025 09:00:00", "14/03/2025 10:00:00", "01:00:00")));

        Assert.Equal("Zoé Roux", Assert.Single(read.Report!.Users).Name);
        var warning = Only(read, "LeaveBeforeJoin");
        Assert.Equal((2, "F"), (warning.Row, warning.Column));
        Assert.Contains("le départ est antérieur à l'arrivée (colonne E)", warning.Message);
    }

    [Fact]
    public void A_duration_under_24_hours_over_a_longer_span_may_lack_whole_days()
    {
        // The dashboard writes durations as the time of day of a timestamp: 26 h connected is written 02:00:00.
        var read = FromFile(File(
            Row("Léa Petit", "TRUE", "0", "-", "13/03/2025 09:00:00", "14/03/2025 12:00:00", "02:00:00"),
            Row("Zoé Roux", "FALSE", "0", "-", "13/03/2025 09:00:00", "14/03/2025 12:00:00", "26:00:00")));

        Assert.Equal(2, read.Report!.Users.Count);
        var warning = Only(read, "DurationMayLackDays");
        Assert.Equal((2, "G"), (warning.Row, warning.Column));
    }

    [Fact]
    public void A_header_without_the_left_and_duration_columns_is_an_error_that_names_them()
    {
        var read = FromFile("Nom,Modérateur,Activity Score,Rejoindre\r\n\"Léa Petit\",\"FALSE\",\"0\",\"14/03/2025 09:00:00\"\r\n");

        Assert.Null(read.Report);
        var error = Assert.Single(read.Issues);
        Assert.Equal(("MissingHeader", IssueSeverity.Error, 1), (error.Code, error.Severity, error.Row));
        Assert.Equal("Feuille « dashboard », ligne 1 : la ligne d'en-tête du tableau de bord est incomplète : il manque "
            + "« Quitté » (Left), « Duration ». En-têtes attendus : « Nom » (Name), « Modérateur » (Moderator), "
            + "« Rejoindre » (Join), « Quitté » (Left), « Duration ». Téléchargez de nouveau les données depuis le tableau "
            + "de bord, sans retirer de colonne.", error.Message);
    }

    [Theory]
    [InlineData("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest")] // Zoom
    [InlineData("Name,First Join,Last Leave,In-Meeting Duration,Email,Participant ID (UPN),Role")] // Teams
    [InlineData("Nom,Prénom,Messages,Durée")]
    public void Other_exports_are_not_taken_for_a_dashboard(string header)
    {
        var sheet = new SheetGrid("x", [header.Split(',').Select(Cell.FromText).ToList()]);
        Assert.False(Source.Recognises(new WorkbookGrid([sheet])));
    }

    [Fact]
    public void The_expected_shape_is_said_in_french()
    {
        Assert.Equal("un fichier .csv du tableau de bord d'activité (« Télécharger les données de la séance »), aux colonnes "
            + "« Nom » (Name), « Modérateur » (Moderator), « Rejoindre » (Join), « Quitté » (Left), « Duration »", Source.Expected);
    }
}
