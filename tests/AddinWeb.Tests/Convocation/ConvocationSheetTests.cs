using System.Text.Json;
using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Emargement;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Convocation.ConvocationSheets;

namespace AddinWeb.Tests.Convocation;

/// <summary>
/// A source for reports made by hand (the other platforms' readers are written elsewhere): it recognises a workbook
/// holding a sheet named as the report's first source sheet, and hands the report over as it is.
/// </summary>
public sealed class HandMadeSource(SessionReport report) : IReportSource
{
    public string Format => "test";
    public string Platform => report.Platform;
    public string Expected => "une feuille de test";
    public bool Recognises(WorkbookGrid workbook) => workbook.Sheets.Any(s => s.Name == report.MainSheet);
    public ReportReadResult Read(WorkbookGrid workbook) => new(report, []);

    /// <summary>The sheet this source recognises (its content is not read).</summary>
    public SheetGrid Sheet => ConvocationSheets.Sheet(report.MainSheet!, [["rapport fait à la main"]]);
}

/// <summary>The whole pipeline with a convened list: what the "Émargement" sheet shows, and that nothing changes without one.</summary>
public sealed class ConvocationSheetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 30, 0, TimeSpan.Zero);

    private static ReportAnalyzer Analyzer(IReportSource? source = null, EmargementOffice? office = null) =>
        new([source ?? new ViaReportSource()], new StoppedClock(Now), new EmargementClock("Europe/Paris"), office);

    private static WorkbookGrid SeedWith(params SheetGrid[] sheets) =>
        new([.. SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell).Sheets, .. sheets]);

    private static readonly ReportAnalysis Seed = Analyzer().Analyze(SeedWith(Gaia()), AttendanceOptions.Default);
    private static readonly LayoutProbe Sheet = new(Seed.Sheet!);

    private static int RowOf(LayoutProbe sheet, string lastName) =>
        sheet.ParticipantRows().Single(r => (string?)sheet.Cell(r, "Nom") == lastName);

    [Fact]
    public void Via_seed_sheet_lists_every_convened_trainee_then_the_uninvited()
    {
        Assert.True(Seed.IsUsable);
        var rows = Sheet.ParticipantRows();
        Assert.Equal(15, rows.Count);
        Assert.Equal(
            ["STAMMINGER", "BERNARD", "BLANC", "DA SILVA", "DURAND", "FOURNIER", "GIRARD", "LAMBERT", "LEFÈVRE", "MARTIN",
             "MOREAU", "MOREL", "PETIT", "ROUX", "FAURE"],
            rows.Select(r => (string?)Sheet.Cell(r, "Nom")));
        Assert.Equal(["Formateur", .. Enumerable.Repeat("Stagiaire", 13), "Non convoqué(e)"], rows.Select(r => (string?)Sheet.Cell(r, "Rôle")));

        var blanc = RowOf(Sheet, "BLANC");
        Assert.Equal("Sophie", Sheet.Cell(blanc, "Prénom"));
        Assert.Equal("sophie.blanc@ac-toulouse.fr", Sheet.Cell(blanc, "Email"));
        Assert.Null(Sheet.Cell(blanc, "Arrivée"));
        Assert.Equal(0.0, Sheet.Cell(blanc, "Connexions"));
        Assert.Equal(0.0, Sheet.Cell(blanc, "Temps sur le créneau"));
        Assert.Equal("Absent", Sheet.Cell(blanc, "Statut"));
        Assert.Equal("Aucune connexion : convoqué(e), absent(e) du rapport de Ma cl@sse virtuelle.", Sheet.Cell(blanc, "Observations"));
        // Léa GIRARD is in the report's "Sommaire" without a live connection: the report's own wording.
        Assert.Equal("Aucune connexion en direct.", Sheet.Cell(RowOf(Sheet, "GIRARD"), "Observations"));

        // The uninvited come last, on a pale fill.
        var faure = RowOf(Sheet, "FAURE");
        Assert.Equal(rows[^1], faure);
        Assert.Contains(Sheet.FormatsAt(faure, 1), f => f.Fill == "#FCF3E8");
        Assert.DoesNotContain(Sheet.FormatsAt(RowOf(Sheet, "ROUX"), 1), f => f.Fill == "#FCF3E8");
    }

    [Fact]
    public void Bilan_counts_the_convened_and_the_uninvited_apart_and_names_the_list()
    {
        Assert.True(Sheet.Contains("Bilan des stagiaires convoqués (les formateurs ne sont pas comptés)"));
        Assert.Equal(13.0, Sheet.ValueOf("Stagiaires convoqués"));
        Assert.Equal(6.0, Sheet.ValueOf("Stagiaires présents"));
        Assert.Equal(2.0, Sheet.ValueOf("Stagiaires partiellement présents"));
        Assert.Equal(5.0, Sheet.ValueOf("Stagiaires absents"));
        Assert.Equal(1.0, Sheet.ValueOf("Participants non convoqués"));
        Assert.Equal(Seed.Attendance!.Totals.TraineeMinutesInSlot / 1440, (double)Sheet.ValueOf("Total des convoqués sur les créneaux")!, 9);
        Assert.Equal("feuille « Convoqués » (13 personnes)", Sheet.ValueOf("Liste des convoqués"));
        Assert.False(Sheet.Contains("Stagiaires inscrits au rapport"));
        Assert.Contains(Seed.Sheet!.Values.SelectMany(r => r).OfType<string>(),
            t => t.EndsWith(ConvocationLayout.Rule, StringComparison.Ordinal));

        Assert.Equal(Seed.Convocation!.Fingerprint, Sheet.ValueOf("Empreinte de la liste des convoqués"));
        Assert.Equal("SHA-256 des cellules de la feuille « Convoqués » (16 premiers caractères)",
            Sheet.ValueOf("Calcul de l'empreinte de la liste"));
        Assert.Equal("Liste des convoqués : feuille « Convoqués », 13 personnes (trouvée dans le classeur).", Seed.Convocation.Message);
        // The seed's three findings; the list itself is clean.
        Assert.True(Sheet.Contains($"{ConvocationLayout.WarningsTitle} (3)"));
        // The report's fingerprint covers the report's sheets only: a list beside it does not change it.
        Assert.Equal(SeedSheetTests.Analyse().Fingerprint, Seed.Fingerprint);
    }

    [Fact]
    public void Without_a_list_the_sheet_is_exactly_as_before()
    {
        var alone = Analyzer().Analyze(SeedWith(), AttendanceOptions.Default);
        var notes = Analyzer().Analyze(SeedWith(ConvocationSheets.Sheet("Notes", [["Penser aux attestations"]])), AttendanceOptions.Default);
        var declined = Analyzer().Analyze(SeedWith(Gaia()), AttendanceOptions.Default, ConvocationChoice.None);

        var expected = JsonSerializer.Serialize(alone.Sheet);
        Assert.Equal(expected, JsonSerializer.Serialize(notes.Sheet));
        Assert.Equal(expected, JsonSerializer.Serialize(declined.Sheet));
        Assert.Equal(JsonSerializer.Serialize(alone.Attendance), JsonSerializer.Serialize(declined.Attendance));
        Assert.Equal(ConvocationSelection.NotFound, alone.Convocation!.Selection);
        Assert.Equal(ConvocationSelection.Declined, declined.Convocation!.Selection);
        Assert.Equal(["Convoqués"], declined.Convocation.OtherSheets);
        Assert.True(new LayoutProbe(alone.Sheet!).Contains("Stagiaires inscrits au rapport"));
    }

    [Fact]
    public void A_named_sheet_that_is_no_list_stops_the_analysis_with_its_reason()
    {
        var analysis = Analyzer().Analyze(SeedWith(Gaia()), AttendanceOptions.Default, ConvocationChoice.OfSheet(SeedReport.SummarySheetName));

        Assert.False(analysis.IsUsable);
        var error = Assert.Single(analysis.Errors);
        Assert.Equal(ConvocationFinder.SheetIsReport, error.Code);
        Assert.StartsWith("La feuille « Sommaire » est une feuille du rapport de session", error.Message);
    }

    [Fact]
    public void BigBlueButton_report_with_its_list_absentee_and_guest_rows()
    {
        var source = new HandMadeSource(NeutralReports.BigBlueButton());
        var analysis = Analyzer(source).Analyze(new WorkbookGrid([source.Sheet, NeutralReports.BigBlueButtonList()]),
            new AttendanceOptions { Slots = [NeutralReports.Slot] });
        var sheet = new LayoutProbe(analysis.Sheet!);

        var rows = sheet.ParticipantRows();
        Assert.Equal(6, rows.Count);
        var denis = RowOf(sheet, "ROUSSEAU");
        Assert.Equal(("Absent", "Stagiaire"), ((string?)sheet.Cell(denis, "Statut"), (string?)sheet.Cell(denis, "Rôle")));
        Assert.Equal("Aucune connexion : convoqué(e), absent(e) du rapport de BigBlueButton.", sheet.Cell(denis, "Observations"));
        var guest = rows[^1];
        Assert.Equal(("1", "Invité", "Non convoqué(e)"), ((string?)sheet.Cell(guest, "Nom"), (string?)sheet.Cell(guest, "Prénom"), (string?)sheet.Cell(guest, "Rôle")));
        // A summary-only row keeps its own note; the connections count stays blank.
        var bruno = RowOf(sheet, "Martin");
        Assert.StartsWith("D'après la durée totale fournie par BigBlueButton", (string?)sheet.Cell(bruno, "Observations"));
        Assert.Null(sheet.Cell(bruno, "Connexions"));
        Assert.Equal(4.0, sheet.ValueOf("Stagiaires convoqués"));
        Assert.Equal(1.0, sheet.ValueOf("Participants non convoqués"));
        Assert.Equal("feuille « Liste GAIA » (4 personnes)", sheet.ValueOf("Liste des convoqués"));
    }

    [Fact]
    public void Teams_report_the_matching_warnings_are_on_the_sheet_with_the_lists_sheet_and_rows()
    {
        var source = new HandMadeSource(NeutralReports.Teams());
        var analysis = Analyzer(source).Analyze(new WorkbookGrid([source.Sheet, NeutralReports.TeamsList()]),
            new AttendanceOptions { Slots = [NeutralReports.Slot] });
        var sheet = new LayoutProbe(analysis.Sheet!);

        var listWarnings = analysis.Issues.Where(i => i.Sheet == "Convocation").ToList();
        Assert.Equal([2, 4, 5], listWarnings.Select(i => i.Row!.Value));
        // After the report's own findings, in the list's row order.
        Assert.Equal(listWarnings, analysis.Issues.SkipWhile(i => i.Sheet != "Convocation"));
        var title = sheet.Find($"{ConvocationLayout.WarningsTitle} ({analysis.Issues.Count})").Row;
        foreach (var warning in listWarnings)
        {
            var (row, column) = sheet.Find(warning.Message);
            Assert.True(row > title);
            Assert.Equal("Convocation", sheet[row, column - 3]);
            Assert.Equal((double)warning.Row!, sheet[row, column - 1]);
        }
        Assert.Equal("Formateur", sheet.Cell(sheet.ParticipantRows()[0], "Rôle"));
        Assert.Equal(2, sheet.ParticipantRows().Count(r => (string?)sheet.Cell(r, "Rôle") == "Non convoqué(e)"));
    }

    [Fact]
    public void Reminder_names_the_eafc_by_default_and_the_configured_office_otherwise()
    {
        var deadline = new DateOnly(2020, 11, 25);
        Assert.True(Sheet.Contains(
            "À transmettre au gestionnaire de l'EAFC (ex-DAFPEN) avec la convocation, la fiche de rétribution et les "
            + "justificatifs de dépense avant le 25/11/2020"));
        Assert.Equal(EmargementLayout.Reminder(deadline), EmargementLayout.Reminder(deadline, EmargementOffice.Default));

        var office = new EmargementOffice("EAFC de l'académie de Toulouse — pôle DAFPEN", "75 rue Saint-Roch, 31400 Toulouse");
        var analysis = Analyzer(office: office).Analyze(SeedWith(), AttendanceOptions.Default);
        Assert.True(new LayoutProbe(analysis.Sheet!).Contains(
            "À transmettre au gestionnaire de formation — EAFC de l'académie de Toulouse — pôle DAFPEN, 75 rue Saint-Roch, "
            + "31400 Toulouse — avec la convocation, la fiche de rétribution et les justificatifs de dépense avant le 25/11/2020"));
        Assert.Equal("au gestionnaire de formation — DAFOR de Créteil —", new EmargementOffice("DAFOR de Créteil").Recipient);
    }

    [Theory]
    [InlineData(null, "12 rue X", "sans Emargement:Office:Name")]
    [InlineData("EAFC\nToulouse", null, "une ligne")]
    [InlineData("EAFC", "rue\r\nX", "une ligne")]
    public void An_office_the_sheet_cannot_print_is_refused(string? name, string? address, string message) =>
        Assert.Contains(new EmargementOffice(name, address).Problems(), p => p.Contains(message, StringComparison.Ordinal));
}
