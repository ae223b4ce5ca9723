using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.GridEdits;

namespace AddinWeb.Tests.Reports;

/// <summary>Errors (the workbook cannot be used) and the reader's warnings (a row that cannot be read).</summary>
public class ViaReaderIssueTests
{
    private const string Presence = "Temps de connexion en présence";
    private static readonly ViaReportSource Source = new();

    [Fact]
    public void A_missing_presence_sheet_is_an_error_naming_it_and_listing_the_sheets_found()
    {
        var result = Source.ReadVia(Book(SeedReport.SummarySheet(), new SheetGrid("Émargement", [])));

        Assert.True(result.HasErrors);
        Assert.Null(result.Report);
        var error = Assert.Single(result.Issues);
        Assert.Equal((IssueSeverity.Error, "MissingSheet"), (error.Severity, error.Code));
        Assert.Contains("« Temps de connexion en présence » est introuvable", error.Message);
        Assert.Contains("Feuilles présentes : « Sommaire », « Émargement »", error.Message);
    }

    [Fact]
    public void A_workbook_with_neither_sheet_gives_one_error_per_missing_sheet()
    {
        var result = Source.ReadVia(Book(new SheetGrid("Feuil1", [Row("a", "b")])));

        Assert.Equal(["MissingSheet", "MissingSheet"], result.Issues.Select(i => i.Code));
        Assert.Contains("« Sommaire » est introuvable", result.Issues[0].Message);
        Assert.Contains("« Temps de connexion en présence » est introuvable", result.Issues[1].Message);
        Assert.All(result.Issues, i => Assert.Contains("Feuilles présentes : « Feuil1 »", i.Message));
    }

    [Fact]
    public void A_missing_header_says_which_sheet_what_was_expected_and_what_was_found()
    {
        var summary = SeedReport.SummarySheet().WithText(12, 1, "Identifiant");

        var result = Source.ReadVia(Book(summary, SeedReport.PresenceSheet()));

        Assert.True(result.HasErrors);
        var error = Assert.Single(result.Issues);
        Assert.Equal((IssueSeverity.Error, "MissingHeader", "Sommaire", 13), (error.Severity, error.Code, error.Sheet, error.Row));
        Assert.StartsWith("Feuille « Sommaire », ligne 13 : la ligne d'en-tête du tableau est incomplète.", error.Message);
        Assert.Contains("En-têtes attendus : « Nom de l'utilisateur », « Email », « Connexion »", error.Message);
        Assert.Contains("Trouvé à la place : « Nom de l'utilisateur », « Identifiant », « Connexion »", error.Message);
        Assert.Contains("il manque « Email »", error.Message);
        AssertNoPersonalData(result.Issues);
    }

    [Fact]
    public void A_presence_header_without_fin_is_an_error_on_that_sheet()
    {
        var presence = SeedReport.PresenceSheet().WithText(9, 3, "Sortie prévue").At(4, 1);

        var result = Source.ReadVia(Book(SeedReport.SummarySheet(), presence));

        var error = Assert.Single(result.Issues);
        Assert.Equal(("MissingHeader", Presence, 13), (error.Code, error.Sheet, error.Row));
        Assert.Contains("« Nom de l'utilisateur », « Email », « Début », « Fin »", error.Message);
        Assert.Contains("il manque « Fin »", error.Message);
    }

    [Fact]
    public void A_sheet_without_any_header_like_row_never_quotes_its_rows()
    {
        // Only data rows and titles: no row has two recognised titles.
        var presence = SeedReport.PresenceSheet().WithRowRemoved(9);

        var result = Source.ReadVia(Book(SeedReport.SummarySheet(), presence));

        var error = Assert.Single(result.Issues);
        Assert.Equal(("MissingHeader", Presence, (int?)null), (error.Code, error.Sheet, error.Row));
        Assert.Contains("Aucune ligne de la feuille ne ressemble à cette ligne d'en-tête", error.Message);
        AssertNoPersonalData(result.Issues);
        Assert.DoesNotContain("13:39", error.Message);
    }

    [Fact]
    public void Both_missing_headers_are_reported_together()
    {
        var result = Source.ReadVia(Book(SeedReport.SummarySheet().WithText(12, 2, "?"), SeedReport.PresenceSheet().WithText(9, 2, "?")));

        Assert.Equal([("MissingHeader", "Sommaire"), ("MissingHeader", Presence)], result.Issues.Select(i => (i.Code, i.Sheet!)));
    }

    [Fact]
    public void A_row_without_name_is_reported_and_not_used()
    {
        var summary = SeedReport.SummarySheet().WithText(15, 0, " ");

        var result = Source.ReadVia(Book(summary, SeedReport.PresenceSheet()));

        Assert.False(result.HasErrors);
        Assert.Equal(12, result.Report!.Users.Count);
        Assert.DoesNotContain(result.Report.Users, u => u.Source.Row == 16);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueSeverity.Warning, "RowWithoutName", "Sommaire", 16, "A"), (issue.Severity, issue.Code, issue.Sheet, issue.Row, issue.Column));
        Assert.StartsWith("Feuille « Sommaire », ligne 16, colonne A (Nom de l'utilisateur) : ", issue.Message);
        AssertNoPersonalData(result.Issues);
    }

    [Theory]
    [InlineData(2, "UnreadableDate", "C", "n'est pas une date lisible")]
    [InlineData(3, "UnreadableDate", "D", "n'est pas une date lisible")]
    public void An_unreadable_date_is_reported_and_the_row_not_used(int column, string code, string letter, string wording)
    {
        var presence = SeedReport.PresenceSheet().WithText(12, column, "camille.durand@ac-toulouse.fr");

        var result = Source.ReadVia(Book(SeedReport.SummarySheet(), presence));

        Assert.Equal(16, result.Report!.Connections.Count);
        Assert.DoesNotContain(result.Report.Connections, c => c.Source.Row == 13);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((code, Presence, 13, letter), (issue.Code, issue.Sheet!, issue.Row, issue.Column));
        Assert.Contains(wording, issue.Message);
        Assert.Contains("la ligne n'est pas prise en compte", issue.Message);
        AssertNoPersonalData(result.Issues);
    }

    [Fact]
    public void A_blank_date_is_reported_as_missing()
    {
        var presence = SeedReport.PresenceSheet().WithCell(10, 3, Cell.Empty);

        var result = Source.ReadVia(Book(SeedReport.SummarySheet(), presence));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("UnreadableDate", 11, "D"), (issue.Code, issue.Row, issue.Column));
        Assert.Contains("la date est absente", issue.Message);
    }

    [Fact]
    public void An_unreadable_sommaire_connexion_is_reported_and_the_row_not_used()
    {
        var summary = SeedReport.SummarySheet(NumberStyle.FrenchText).WithText(14, 2, "176;65");

        var result = Source.ReadVia(Book(summary, SeedReport.PresenceSheet()));

        Assert.Equal(12, result.Report!.Users.Count);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("UnreadableNumber", "Sommaire", 15, "C"), (issue.Code, issue.Sheet!, issue.Row, issue.Column));
        Assert.Contains("(Connexion)", issue.Message);
        Assert.Contains("la ligne n'est pas prise en compte", issue.Message);
    }

    [Fact]
    public void An_unreadable_optional_figure_is_reported_and_the_rest_of_the_row_used()
    {
        var presence = SeedReport.PresenceSheet().WithText(11, 4, "n/a").WithText(11, 7, "abc");

        var result = Source.ReadVia(Book(SeedReport.SummarySheet(), presence));

        Assert.Equal(17, result.Report!.Connections.Count);
        var connection = result.Report.Connections.Single(c => c.Source.Row == 12);
        Assert.Null(connection.DurationMinutes);
        Assert.Null(connection.WebcamMinutes);
        Assert.Equal(22.24, connection.MicrophoneMinutes);
        Assert.Equal([("UnreadableNumber", 12, "E"), ("UnreadableNumber", 12, "H")],
            result.Issues.Select(i => (i.Code, i.Row!.Value, i.Column!)));
        Assert.All(result.Issues, i => Assert.Contains("le reste de la ligne est pris en compte", i.Message));
    }

    [Fact]
    public void An_unreadable_total_is_reported_and_not_checked()
    {
        var summary = SeedReport.SummarySheet().WithText(26, 3, "#VALEUR!");

        var result = Source.ReadVia(Book(summary, SeedReport.PresenceSheet()));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("UnreadableNumber", "Sommaire", 27, "D"), (issue.Code, issue.Sheet!, issue.Row, issue.Column));
        Assert.Contains("le total n'est pas un nombre lisible", issue.Message);
        Assert.False(result.Report!.Totals[0].ColumnTotals.ContainsKey("Microphone"));
    }

    [Fact]
    public void Every_non_blank_row_is_used_or_reported()
    {
        var stray = Row("Document généré automatiquement");
        var summary = SeedReport.SummarySheet().WithRowsInserted(27, Row(), stray);
        var presence = SeedReport.PresenceSheet().WithRowsInserted(15, Row("", "", "", ""), Row("", "x@y.fr", "", "", "3"));

        var result = Source.ReadVia(Book(summary, presence));

        var report = result.Report!;
        Assert.Equal(13, report.Users.Count);
        Assert.Equal(17, report.Connections.Count);
        // The stray line under the total cannot be a user (no Connexion); the half-filled presence row has no name.
        Assert.Contains(result.Issues, i => (i.Code, i.Sheet, i.Row) == ("UnreadableNumber", "Sommaire", 29));
        Assert.Contains(result.Issues, i => (i.Code, i.Sheet, i.Row) == ("RowWithoutName", Presence, 17));
        AssertNoPersonalData(result.Issues);

        var usedOrReported = report.Users.Select(u => (u.Source.Sheet, u.Source.Row))
            .Concat(report.Connections.Select(c => (c.Source.Sheet, c.Source.Row)))
            .Concat(report.Totals.Select(t => (t.Source.Sheet, t.Source.Row)))
            .Concat(result.Issues.Select(i => (i.Sheet!, i.Row!.Value)))
            .ToHashSet();
        foreach (var (sheet, table) in new[] { (summary, report.SummaryTable!), (presence, report.PresenceTable!) })
            for (var r = table.HeaderRow; r < sheet.Rows.Count; r++)
                if (!sheet.Rows[r].All(c => c.IsEmpty))
                    Assert.Contains((sheet.Name, sheet.ExcelRow(r)), usedOrReported);
    }

    [Fact]
    public void A_slot_line_with_an_impossible_date_is_reported()
    {
        var summary = SeedReport.SummarySheet().WithText(6, 0, "").WithText(6, 2, "31 novembre - 14:00 à 16:30");

        var result = Source.ReadVia(Book(summary, SeedReport.PresenceSheet()));

        Assert.Empty(result.Report!.Header.Slots);
        var issue = result.Issues.Single(i => i.Code == "UnreadableSlot");
        Assert.Equal(("Sommaire", 7, "C"), (issue.Sheet!, issue.Row, issue.Column));
    }
}
