using AddinWeb.Convocation;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using static AddinWeb.Tests.Convocation.ConvocationSheets;

namespace AddinWeb.Tests.Convocation;

public sealed class ConvocationReaderTests
{
    [Fact]
    public void Gaia_list_is_found_under_its_title_lines_and_extra_columns_are_ignored()
    {
        var list = ConvocationReader.Read(Gaia())!;

        Assert.Equal("Convoqués", list.Sheet);
        Assert.Equal(5, list.Columns.HeaderRow);
        Assert.Equal((1, 2, 6), (list.Columns.LastName, list.Columns.FirstName, list.Columns.Email));
        Assert.Equal(GaiaLastNames, list.People.Select(p => p.LastName));
        Assert.Equal(Enumerable.Range(6, 13), list.People.Select(p => p.Source.Row));
        Assert.All(list.People, p => Assert.Equal("Convoqués", p.Source.Sheet));
        var martin = list.People[1];
        Assert.Equal(("Louis", "LOUIS.MARTIN@AC-TOULOUSE.FR", "Louis MARTIN"), (martin.FirstName, martin.Email, martin.Name));
        Assert.Null(list.People[2].Email);
        Assert.Empty(list.Issues);
    }

    [Fact]
    public void One_name_column_is_cut_at_the_capitals_and_by_the_headers_order()
    {
        var list = ConvocationReader.Read(OneNameColumn())!;

        Assert.Equal(1, list.Columns.HeaderRow);
        Assert.Equal(NameOrder.LastFirst, list.Columns.FullNameOrder);
        Assert.Equal(
            [("DURAND", "Camille"), ("LEFÈVRE", "Chloé"), ("DE LA FONTAINE", "Jean-Pierre"), ("moreau", "ines")],
            list.People.Select(p => (p.LastName, p.FirstName)));
        Assert.Equal("Camille.Durand@ac-toulouse.fr", list.People[0].Email);
    }

    [Theory]
    [InlineData("DURAND Camille", NameOrder.Unknown, "DURAND", "Camille")]
    [InlineData("Camille DURAND", NameOrder.Unknown, "DURAND", "Camille")]
    [InlineData("Jean-Pierre DE LA FONTAINE", NameOrder.LastFirst, "DE LA FONTAINE", "Jean-Pierre")]
    [InlineData("camille durand", NameOrder.FirstLast, "durand", "camille")]
    [InlineData("camille durand", NameOrder.LastFirst, "camille", "durand")]
    [InlineData("DURAND CAMILLE", NameOrder.Unknown, "DURAND", "CAMILLE")]
    [InlineData("DURAND", NameOrder.Unknown, "DURAND", "")]
    public void Split_of_a_single_name_cell(string cell, NameOrder order, string lastName, string firstName) =>
        Assert.Equal((lastName, firstName), ConvocationNames.Split(cell, order));

    [Fact]
    public void Usage_name_is_preferred_to_the_birth_name_and_rows_are_excel_rows_of_a_used_range_not_at_a1()
    {
        var list = ConvocationReader.Read(UsageAndBirthNames())!;

        Assert.Equal(5, list.Columns.HeaderRow);
        Assert.Equal(1, list.Columns.LastName); // "Nom d'usage", not "Nom de famille"
        Assert.Equal([6, 7], list.People.Select(p => p.Source.Row));
        Assert.Equal("MARTIN", list.People[0].LastName);
        // No usage name: the row is kept on its email; the birth-name column is not read in its place.
        Assert.Equal(("", "Zoé", "zoe.faure@ac-toulouse.fr"), (list.People[1].LastName, list.People[1].FirstName, list.People[1].Email));
    }

    [Theory]
    [InlineData("Nom", "Prénom", "Email")]
    [InlineData("NOM ", "PRENOM", "E-mail")]
    [InlineData("Nom :", "Prénom(s)", "Courriel")]
    [InlineData("Nom de famille", "prénom", "Adresse électronique")]
    [InlineData("Nom*", "Prénom*", "Mél.")]
    [InlineData("Nom usuel", "Prénom usuel", "Adresse mail professionnelle")]
    public void Header_labels_are_read_by_meaning(string lastName, string firstName, string email)
    {
        var sheet = Sheet("Liste", [["Titre"], [lastName, firstName, email], ["DURAND", "Camille", "camille.durand@x.fr"]]);
        var list = ConvocationReader.Read(sheet)!;
        Assert.Equal((2, 0, 1, 2), (list.Columns.HeaderRow, list.Columns.LastName, list.Columns.FirstName, list.Columns.Email));
        Assert.Single(list.People);
    }

    [Theory]
    [InlineData("NOM Prénom", NameOrder.LastFirst)]
    [InlineData("Nom, prénom", NameOrder.LastFirst)]
    [InlineData("Nom et prénom", NameOrder.LastFirst)]
    [InlineData("Prénom NOM", NameOrder.FirstLast)]
    [InlineData("Identité", NameOrder.Unknown)]
    [InlineData("Stagiaire", NameOrder.Unknown)]
    public void A_single_name_column_is_recognised(string header, NameOrder order)
    {
        var list = ConvocationReader.Read(Sheet("Liste", [[header], ["DURAND Camille"]]))!;
        Assert.Equal((0, order), (list.Columns.FullName, list.Columns.FullNameOrder));
        Assert.Equal("DURAND", list.People[0].LastName);
    }

    [Fact]
    public void Work_email_is_preferred_to_a_personal_one()
    {
        var list = ConvocationReader.Read(Sheet("Liste",
            [["Nom", "Prénom", "Mél personnel", "Mél académique"], ["DURAND", "Camille", "cam@gmail.com", "camille.durand@ac-toulouse.fr"]]))!;
        Assert.Equal("camille.durand@ac-toulouse.fr", list.People[0].Email);
    }

    [Theory]
    [InlineData("Nom de l'établissement", "Discipline")]          // a name column of something else
    [InlineData("Prénom", "Discipline")]                          // a first name alone identifies nobody
    [InlineData("Nom", "Discipline")]                             // a last name needs a first name or an email
    [InlineData("Mél", "UAI")]
    public void Sheets_that_do_not_head_a_list_are_not_lists(string first, string second) =>
        Assert.Null(ConvocationReader.Read(Sheet("Feuil2", [[first, second], ["x", "y"]])));

    [Fact]
    public void Header_is_looked_for_in_the_first_forty_rows_only()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new object?[] { $"ligne {i}" }).ToList();
        rows.Add(["Nom", "Prénom"]);
        rows.Add(["DURAND", "Camille"]);
        Assert.Null(ConvocationReader.Read(Sheet("Liste", rows)));
    }

    [Fact]
    public void Unusable_rows_are_reported_by_sheet_row_and_column_without_personal_data()
    {
        var sheet = Sheet("Convoqués",
        [
            ["Liste du module"],
            ["Civilité", "Nom", "Prénom", "Courriel", "UAI"],
            ["Mme", "DURAND", "Camille", "camille.durand@ac-toulouse.fr", "0310001A"],
            ["M.", null, null, null, "0310002B"],                              // 4: nobody
            ["M.", null, "Louis", null, null],                                // 5: a first name alone
            [null, "Total : 12 stagiaires", null, null, null],                // 6: a footer
            ["M.", "BERNARD", "Hugo", "hugo.bernard(at)ac-toulouse.fr", null], // 7: unreadable email, kept by name
            [null, 44000.0, "Léa", null, null],                               // 8: a number as a name
            ["Mme", "Durand", "camille", "Camille.Durand@ac-toulouse.fr", null], // 9: listed twice (email)
            ["M.", "BERNARD", "Hugo", null, null],                            // 10: listed twice (name)
            ["M.", "PETIT", "Jules", "jules.petit@ac-toulouse.fr", null],
            ["M.", "PETIT", "Jules", "jules.petit2@ac-toulouse.fr", null],     // 12: homonym, or twice
            [null, null, null, null, null],
        ]);

        var list = ConvocationReader.Read(sheet)!;

        Assert.Equal(["DURAND", "BERNARD", "PETIT", "PETIT"], list.People.Select(p => p.LastName));
        Assert.Null(list.People[1].Email);
        Assert.Equal(
        [
            (ConvocationReader.RowWithoutName, 4, "B"),
            (ConvocationReader.RowWithoutName, 5, "B"),
            (ConvocationReader.NotAName, 6, "B"),
            (ConvocationReader.NotAnEmail, 7, "D"),
            (ConvocationReader.NotAName, 8, "B"),
            (ConvocationReader.ListedTwice, 9, "D"),
            (ConvocationReader.ListedTwice, 10, "B"),
            (ConvocationReader.SameNameTwice, 12, "B"),
        ], list.Issues.Select(i => (i.Code, i.Row!.Value, i.Column!)));
        Assert.All(list.Issues, i =>
        {
            Assert.Equal(IssueSeverity.Warning, i.Severity);
            Assert.Equal("Convoqués", i.Sheet);
            Assert.StartsWith($"Feuille « Convoqués », ligne {i.Row}, colonne {i.Column} (", i.Message);
            foreach (var personal in new[] { "DURAND", "Camille", "Louis", "BERNARD", "Hugo", "hugo.bernard", "Léa", "PETIT", "Jules", "Total", "44000" })
                Assert.DoesNotContain(personal, i.Message, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains("déjà donnée ligne 3", list.Issues.Single(i => i.Row == 9).Message);
        Assert.Contains("même nom que la ligne 7", list.Issues.Single(i => i.Row == 10).Message);
    }

    [Fact]
    public void Finder_takes_the_first_list_that_is_not_a_report_sheet_nor_an_emargement_sheet()
    {
        var report = new SessionReport { Platform = "Test", Header = new(), SourceSheets = ["Nom"] };
        // A report sheet that heads like a list, an Émargement sheet made earlier, then two lists.
        var reportSheet = Sheet("Nom", [["Nom", "Prénom"], ["DURAND", "Camille"]]);
        var emargement = Sheet("Émargement", [[EmargementLayout.SheetTitle], [], ["N°", "Nom", "Prénom", "Email"], [1.0, "DURAND", "Camille", "c@x.fr"]]);
        var empty = Sheet("Feuil3", [["Nom", "Prénom", "Mél"]]);
        var workbook = new WorkbookGrid([reportSheet, emargement, empty, OneNameColumn("Liste A"), Gaia("Liste B")]);

        var found = ConvocationFinder.Find(workbook, report, ConvocationChoice.Automatic);

        Assert.Equal("Liste A", found.List!.Sheet);
        Assert.Equal(ConvocationSelection.Found, found.Summary.Selection);
        Assert.Equal(["Liste B"], found.Summary.OtherSheets);
        Assert.Equal(4, found.Summary.People);
        Assert.Equal("Liste des convoqués : feuille « Liste A », 4 personnes (trouvée dans le classeur).", found.Summary.Message);
        Assert.Matches("^[0-9a-f]{16}$", found.Summary.Fingerprint);
    }

    [Fact]
    public void Finder_says_when_the_workbook_holds_no_list()
    {
        var report = new SessionReport { Platform = "Test", Header = new(), SourceSheets = ["Sommaire"] };
        var found = ConvocationFinder.Find(new WorkbookGrid([Sheet("Sommaire", [["Nom", "Prénom"]]), Sheet("Notes", [["À faire"]])]),
            report, ConvocationChoice.Automatic);
        Assert.Null(found.List);
        Assert.False(found.Summary.HasList);
        Assert.Equal(ConvocationSelection.NotFound, found.Summary.Selection);
        Assert.StartsWith("Aucune liste des convoqués dans le classeur", found.Summary.Message);
        Assert.Empty(found.Issues);
    }

    [Theory]
    [InlineData("Absente", ConvocationFinder.SheetMissing)]
    [InlineData("Sommaire", ConvocationFinder.SheetIsReport)]
    [InlineData("Émargement", ConvocationFinder.SheetIsReport)]
    [InlineData("Notes", ConvocationFinder.NoHeader)]
    [InlineData("Vide", ConvocationFinder.NoPeople)]
    public void A_named_sheet_that_cannot_serve_is_an_error_that_says_why(string sheet, string code)
    {
        var report = new SessionReport { Platform = "Test", Header = new(), SourceSheets = ["Sommaire"] };
        var workbook = new WorkbookGrid(
        [
            Sheet("Sommaire", [["Nom", "Prénom"], ["DURAND", "Camille"]]),
            Sheet("Émargement", [[EmargementLayout.SheetTitle]]),
            Sheet("Notes", [["À faire"]]),
            Sheet("Vide", [["Nom", "Prénom"]]),
            Gaia(),
        ]);

        var found = ConvocationFinder.Find(workbook, report, ConvocationChoice.OfSheet(sheet));

        var error = Assert.Single(found.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(code, error.Code);
        Assert.Contains($"« {sheet} »", error.Message);
        Assert.Null(found.List);
    }

    [Fact]
    public void A_named_sheet_is_taken_even_when_another_comes_first_and_blank_means_no_list()
    {
        var report = new SessionReport { Platform = "Test", Header = new(), SourceSheets = ["Sommaire"] };
        var workbook = new WorkbookGrid([Sheet("Sommaire", [["x"]]), OneNameColumn("Liste A"), Gaia("Liste B")]);

        var chosen = ConvocationFinder.Find(workbook, report, ConvocationChoice.FromOption("Liste B"));
        Assert.Equal(("Liste B", ConvocationSelection.Chosen, 13), (chosen.List!.Sheet, chosen.Summary.Selection, chosen.Summary.People));
        Assert.Equal(["Liste A"], chosen.Summary.OtherSheets);

        var none = ConvocationFinder.Find(workbook, report, ConvocationChoice.FromOption(""));
        Assert.Null(none.List);
        Assert.Equal(ConvocationSelection.Declined, none.Summary.Selection);
        Assert.Equal(["Liste A", "Liste B"], none.Summary.OtherSheets);
    }
}
