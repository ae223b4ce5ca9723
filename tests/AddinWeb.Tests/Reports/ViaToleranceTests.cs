using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.GridEdits;

namespace AddinWeb.Tests.Reports;

/// <summary>What real exports and hand edits do to the sheets: renamed tabs, moved tables, other headers.</summary>
public class ViaToleranceTests
{
    private static readonly ViaReportSource Source = new();
    private static readonly ViaReport Reference = Source.ReadVia(SeedReport.Workbook()).Report!;

    private static ViaReport ReadClean(WorkbookGrid workbook)
    {
        var result = Source.ReadVia(workbook);
        Assert.Empty(result.Issues);
        return result.Report!;
    }

    private static void AssertSameContent(ViaReport report)
    {
        Assert.Equal(Reference.Users.Select(u => u with { Source = default }), report.Users.Select(u => u with { Source = default }));
        Assert.Equal(Reference.Connections.Select(c => c with { Source = default }),
            report.Connections.Select(c => c with { Source = default }));
        Assert.Equal(Reference.Header.Title, report.Header.Title);
        Assert.Equal(Reference.Header.Slots, report.Header.Slots);
        Assert.Equal(Reference.Header.Period, report.Header.Period);
        Assert.Equal(Reference.Header.Host, report.Header.Host);
        Assert.Equal(2, report.Totals.Count);
    }

    [Theory]
    [InlineData("sommaire", "temps de connexion en presence")]
    [InlineData("  SOMMAIRE ", "Temps  de connexion en PRÉSENCE")]
    [InlineData("Sommaire", "Temps\u00A0de connexion en présence ")]
    [InlineData("Sommaire", "Temps de connexion en pre\u0301sence")] // decomposed accent
    public void Sheets_are_found_whatever_case_accents_and_spaces(string summaryName, string presenceName)
    {
        var report = ReadClean(Book(
            SeedReport.SummarySheet().Renamed(summaryName),
            SeedReport.PresenceSheet().Renamed(presenceName)));

        AssertSameContent(report);
        Assert.Equal(summaryName, report.SummarySheet);
        Assert.Equal(presenceName, report.PresenceSheet);
        Assert.Equal(summaryName, report.Users[0].Source.Sheet);
    }

    [Fact]
    public void Other_sheets_are_ignored_in_any_position()
    {
        var other = new SheetGrid("Émargement", [Row("Nom", "Email", "Connexion"), Row("X", "y@z.fr", "12")]);
        var report = ReadClean(Book(other, SeedReport.PresenceSheet(), new SheetGrid("Feuil1", []), SeedReport.SummarySheet()));

        AssertSameContent(report);
    }

    [Fact]
    public void Header_titles_tolerate_case_accents_spaces_apostrophes_and_colons()
    {
        var summary = SeedReport.SummarySheet();
        string[] headers =
        [
            "NOM DE L’UTILISATEUR", " e-mail :", "connexion", "MICROPHONE", "telephone", "Camera  web",
            "Document multimedia", "Partage d’écran :", "Connexion\u00A0revoir", "Téléchargement d’enregistrement",
        ];
        for (var c = 0; c < headers.Length; c++)
            summary = summary.WithText(12, c, headers[c]);
        var presence = SeedReport.PresenceSheet()
            .WithText(9, 0, "Utilisateur").WithText(9, 1, "Courriel").WithText(9, 2, "DÉBUT :").WithText(9, 3, "fin");

        var report = ReadClean(Book(summary, presence));

        AssertSameContent(report);
        Assert.Equal(Reference.Totals[0].ColumnTotals, report.Totals[0].ColumnTotals);
    }

    [Theory]
    [InlineData("Adresse électronique")]
    [InlineData("Adresse e-mail")]
    [InlineData("Mail")]
    public void Email_synonyms_are_recognised(string title)
    {
        var report = ReadClean(Book(SeedReport.SummarySheet().WithText(12, 1, title), SeedReport.PresenceSheet().WithText(9, 1, title)));

        Assert.Equal("camille.durand@ac-toulouse.fr", report.Users[0].Email);
    }

    [Fact]
    public void Columns_may_come_in_any_order()
    {
        // Sommaire: Connexion first, then Email, Nom, and the rest reversed.
        int[] summaryOrder = [2, 1, 0, 9, 8, 7, 6, 5, 4, 3];
        // Presence: Fin, Connexion, Nom, Début, Email, then the others.
        int[] presenceOrder = [3, 4, 0, 2, 1, 5, 6, 7, 8, 9];
        var summary = SeedReport.SummarySheet().WithColumnsReordered(12, summaryOrder);
        var presence = SeedReport.PresenceSheet(NumberStyle.FrenchText, DateStyle.Text).WithColumnsReordered(9, presenceOrder);

        var report = ReadClean(Book(summary, presence));

        AssertSameContent(report);
        Assert.Equal("A", report.SummaryTable!.Letter(ViaColumn.Connection));
        Assert.Equal("A", report.PresenceTable!.Letter(ViaColumn.End));
        Assert.Equal("A", report.Totals[0].ColumnLetters["Connexion"]);
        Assert.Equal("B", report.Totals[1].ColumnLetters["Connexion"]);
    }

    [Fact]
    public void Extra_blank_rows_and_title_lines_move_the_tables_and_their_row_numbers()
    {
        var blank = Row();
        var summary = SeedReport.SummarySheet()
            .WithRowsInserted(0, blank, blank, Row("Rapport exporté par la plateforme"))
            .WithRowsInserted(3 + 13 + 5, blank, Row("", "  "), blank); // inside the user rows, after the 5th user
        var presence = SeedReport.PresenceSheet().WithRowsInserted(9, blank, blank);

        var report = ReadClean(Book(summary, presence));

        AssertSameContent(report);
        Assert.Equal(16, report.SummaryTable!.HeaderRow);
        Assert.Equal(17, report.Users[0].Source.Row);
        Assert.Equal(21, report.Users[4].Source.Row);
        Assert.Equal(25, report.Users[5].Source.Row);
        Assert.Equal(33, report.Totals[0].Source.Row);
        Assert.Equal(12, report.PresenceTable!.HeaderRow);
        Assert.Equal(13, report.Connections[0].Source.Row);
        Assert.Equal("Rapport exporté par la plateforme", report.Header.Organisation[0]);
    }

    [Fact]
    public void A_grid_offset_from_A1_keeps_the_excel_row_and_column_numbers()
    {
        var summary = SeedReport.SummarySheet().At(firstRow: 3, firstColumn: 2);
        var presence = SeedReport.PresenceSheet().At(firstRow: 5, firstColumn: 4)
            .WithText(12, 2, "pas une date"); // Début of the third connection, Excel row 5 + 12 = 17, column D + 2 = F

        var result = Source.ReadVia(Book(summary, presence));

        var report = result.Report!;
        Assert.Equal(15, report.SummaryTable!.HeaderRow);
        Assert.Equal("B", report.SummaryTable.Letter(ViaColumn.Name));
        Assert.Equal("D", report.SummaryTable.Letter(ViaColumn.Connection));
        Assert.Equal(16, report.Users[0].Source.Row);
        Assert.Equal(29, report.Totals[0].Source.Row);
        Assert.Equal("D", report.Totals[0].ColumnLetters["Connexion"]);
        Assert.Equal(14, report.PresenceTable!.HeaderRow);
        Assert.Equal(15, report.Connections[0].Source.Row);
        Assert.Equal(16, report.Connections[1].Source.Row);
        Assert.Equal(18, report.Connections[2].Source.Row); // the third (row 17) is unreadable and reported

        var issue = Assert.Single(result.Issues);
        Assert.Equal(("UnreadableDate", "Temps de connexion en présence", 17, "F"), (issue.Code, issue.Sheet, issue.Row, issue.Column));
        Assert.StartsWith("Feuille « Temps de connexion en présence », ligne 17, colonne F (Début) : ", issue.Message);
    }

    [Fact]
    public void Title_lines_split_over_cells_or_placed_elsewhere_are_read()
    {
        var summary = SeedReport.SummarySheet()
            .WithText(4, 0, "").WithText(4, 2, "31 octobre 2020").WithText(4, 3, "au").WithText(4, 4, "10 novembre 2020")
            .WithText(6, 0, "").WithText(6, 1, "10 novembre").WithText(6, 2, "–").WithText(6, 3, "14h00 à 16h30")
            .WithText(10, 0, "Hôte : Stamminger, Elsa").WithText(10, 1, "")
            .WithText(8, 0, "").WithText(8, 3, SeedReport.TitleLine);

        var report = ReadClean(Book(summary, SeedReport.PresenceSheet()));

        Assert.Equal(Reference.Header, report.Header with { Organisation = Reference.Header.Organisation, Slots = Reference.Header.Slots });
        Assert.Equal(Reference.Header.Slots, report.Header.Slots);
        Assert.Equal("Stamminger, Elsa", report.Header.Host);
    }

    [Fact]
    public void Numbers_with_thousands_separators_and_dots_read_the_same()
    {
        var summary = SeedReport.SummarySheet(NumberStyle.FrenchText)
            .WithText(26, 2, "2\u202F593,61")   // narrow NBSP
            .WithText(26, 5, "3\u00A0395,56")   // NBSP
            .WithText(13, 2, "174.28")
            .WithText(13, 5, " 283,35 ");

        var report = ReadClean(Book(summary, SeedReport.PresenceSheet()));

        Assert.Equal(2593.61, report.Totals[0].ColumnTotals["Connexion"]);
        Assert.Equal(3395.56, report.Totals[0].ColumnTotals["Caméra Web"]);
        Assert.Equal(174.28, report.Users[0].ConnectionMinutes);
        Assert.Equal(283.35, report.Users[0].WebcamMinutes);
    }

    [Theory]
    [InlineData("10/11/2020 13:39:50")]
    [InlineData("10/11/2020\u00A013:39:50")]
    [InlineData(" 2020-11-10 13:39:50 ")]
    [InlineData("2020-11-10T13:39:50")]
    public void Date_texts_in_several_shapes_read_the_same(string text)
    {
        var presence = SeedReport.PresenceSheet().WithText(10, 2, text);

        var report = ReadClean(Book(SeedReport.SummarySheet(), presence));

        Assert.Equal(new DateTime(2020, 11, 10, 13, 39, 50), report.Connections[0].Start);
    }

    [Fact]
    public void Date_text_without_seconds_is_read_to_the_minute()
    {
        var presence = SeedReport.PresenceSheet().WithText(10, 2, "10/11/2020 13:39").WithText(10, 4, "108,3");

        var report = ReadClean(Book(SeedReport.SummarySheet(), presence));

        Assert.Equal(new DateTime(2020, 11, 10, 13, 39, 0), report.Connections[0].Start);
    }

    [Fact]
    public void Presence_without_a_connexion_column_is_still_read()
    {
        var presence = SeedReport.PresenceSheet().WithText(9, 4, "Colonne inconnue");

        var result = Source.ReadVia(Book(SeedReport.SummarySheet(), presence));

        Assert.Empty(result.Issues);
        Assert.All(result.Report!.Connections, c => Assert.Null(c.DurationMinutes));
        Assert.Null(result.Report.PresenceTable!.Letter(ViaColumn.Connection));
    }

    [Fact]
    public void A_repeated_header_row_inside_the_table_is_not_a_person()
    {
        var summary = SeedReport.SummarySheet().WithRowsInserted(20, Row(SeedReport.SummaryHeaders));

        var report = ReadClean(Book(summary, SeedReport.PresenceSheet()));

        Assert.Equal(13, report.Users.Count);
        Assert.Equal(22, report.Users[7].Source.Row);
    }

    [Theory]
    [InlineData("Total")]
    [InlineData("TOTAL :")]
    [InlineData("  total: ")]
    [InlineData("Total\u00A0:")]
    public void Total_rows_are_recognised_in_any_case_and_spacing(string label)
    {
        var summary = SeedReport.SummarySheet().WithText(26, 0, label);

        var report = ReadClean(Book(summary, SeedReport.PresenceSheet()));

        Assert.Equal(13, report.Users.Count);
        Assert.Equal(2593.61, report.Totals[0].ColumnTotals["Connexion"]);
    }
}
