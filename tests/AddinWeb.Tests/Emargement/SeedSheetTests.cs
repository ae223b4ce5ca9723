using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Excel;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Emargement;

/// <summary>A clock stopped at one instant, so "Feuille établie le" is known.</summary>
public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// The whole pipeline on the seed report: reader → validation → engine → layout → ClosedXML workbook. The expected
/// figures are worked out here from the seed's own connection times, against the 14:00–16:30 slot.
/// </summary>
public sealed class SeedSheetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 30, 0, TimeSpan.Zero); // 13:30 in Paris

    internal static ReportAnalysis Analyse(AttendanceOptions? options = null) =>
        new ReportAnalyzer([new ViaReportSource()], new StoppedClock(Now), new EmargementClock("Europe/Paris"))
            .Analyze(SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell), options ?? AttendanceOptions.Default);

    private static readonly ReportAnalysis Analysis = Analyse();
    private static readonly LayoutProbe Sheet = new(Analysis.Sheet!);

    private static readonly string[] ExpectedOrder =
    [
        "STAMMINGER", "BERNARD", "DURAND", "FAURE", "FOURNIER", "GIRARD", "LAMBERT", "LEFÈVRE", "MARTIN",
        "MOREAU", "MOREL", "PETIT", "ROUX",
    ];

    private int Row(string lastName) => Sheet.ParticipantRows()[Array.IndexOf(ExpectedOrder, lastName)];

    [Fact]
    public void Title_block_comes_from_the_report()
    {
        Assert.True(Analysis.IsUsable);
        Assert.Equal(EmargementLayout.SheetTitle, Sheet.At("A1"));
        Assert.Equal(SeedReport.Title, Sheet.At("A2"));
        Assert.Equal("20A0160236", Sheet.ValueOf("Référence PAF"));
        Assert.Equal("68653", Sheet.ValueOf("Numéro de module"));
        Assert.Equal("Stamminger, Elsa", Sheet.ValueOf("Formateur (hôte)"));
        Assert.Equal("Ma cl@sse virtuelle", Sheet.ValueOf("Plateforme"));
        Assert.Equal("généré le 10/11/2020 à 19:38", Sheet.ValueOf("Rapport source"));
        Assert.Equal("du 31/10/2020 au 10/11/2020", Sheet.ValueOf("Période du rapport"));
        Assert.Equal("mardi 10 novembre 2020, 14:00 à 16:30", Sheet.ValueOf("Date et créneau"));
        Assert.Equal(150 / 1440.0, (double)Sheet.ValueOf("Durée prévue")!, 12);
    }

    [Fact]
    public void Trainer_first_then_trainees_by_last_name_with_native_values()
    {
        var rows = Sheet.ParticipantRows();
        Assert.Equal(ExpectedOrder, rows.Select(r => Sheet.Cell(r, "Nom")));
        Assert.Equal("Formateur", Sheet.Cell(rows[0], "Rôle"));
        Assert.All(rows.Skip(1), r => Assert.Equal("Stagiaire", Sheet.Cell(r, "Rôle")));

        var elsa = Row("STAMMINGER");
        Assert.Equal("Elsa", Sheet.Cell(elsa, "Prénom"));
        Assert.Equal("elsa.stamminger@ac-toulouse.fr", Sheet.Cell(elsa, "Email"));
        Assert.Equal(SeedReport.ParseDate("10/11/2020 13:39:50").ToOADate(), Sheet.Cell(elsa, "Arrivée"));
        Assert.Equal(SeedReport.ParseDate("10/11/2020 16:50:34").ToOADate(), Sheet.Cell(elsa, "Départ"));
        Assert.Equal(2.0, Sheet.Cell(elsa, "Connexions"));
        // Two devices at once: 13:39:50 → 16:50:34 counted once.
        Assert.Equal((3 * 60 + 10 + 44 / 60.0) / 1440, (double)Sheet.Cell(elsa, "Temps connecté")!, 9);
        Assert.Equal(150 / 1440.0, (double)Sheet.Cell(elsa, "Temps sur le créneau")!, 9);
        Assert.Contains("Connexions simultanées", (string)Sheet.Cell(elsa, "Observations")!);

        // Away from 14:11:45 to 14:40:06: 11.75 + 109.9 minutes in the slot.
        var ines = Row("MOREAU");
        Assert.Equal(121.65 / 1440, (double)Sheet.Cell(ines, "Temps sur le créneau")!, 9);
        Assert.Equal(121.65 / 150, (double)Sheet.Cell(ines, "Taux")!, 9);
        Assert.Equal("Présent", Sheet.Cell(ines, "Statut"));
        Assert.Contains("1 reconnexion", (string)Sheet.Cell(ines, "Observations")!);

        // Leaves at 15:11:28: 71.47 minutes of the slot, partial, early leave.
        var jules = Row("PETIT");
        Assert.Equal((71 + 28 / 60.0) / 1440, (double)Sheet.Cell(jules, "Temps sur le créneau")!, 9);
        Assert.Equal("Partiel", Sheet.Cell(jules, "Statut"));
        Assert.Contains("Départ à 15:11 (fin du créneau à 16:30)", (string)Sheet.Cell(jules, "Observations")!);

        // Only in "Sommaire": no live connection, absent.
        var lea = Row("GIRARD");
        Assert.Null(Sheet.Cell(lea, "Arrivée"));
        Assert.Equal(0.0, Sheet.Cell(lea, "Connexions"));
        Assert.Equal(0.0, Sheet.Cell(lea, "Taux"));
        Assert.Equal("Absent", Sheet.Cell(lea, "Statut"));
        Assert.Equal("Aucune connexion en direct.", Sheet.Cell(lea, "Observations"));
    }

    [Fact]
    public void Totals_count_seven_present_two_partial_three_absent()
    {
        Assert.Equal(7.0, Sheet.ValueOf("Stagiaires présents"));
        Assert.Equal(2.0, Sheet.ValueOf("Stagiaires partiellement présents"));
        Assert.Equal(3.0, Sheet.ValueOf("Stagiaires absents"));
        Assert.Equal(12.0, Sheet.ValueOf("Stagiaires inscrits au rapport"));
        // 6 × 150 (full slot) + Inès 121.65 + Hugo 119.38 (until 15:59:23) + Jules 71.47 = 1,212.5 minutes.
        Assert.Equal(1212.5 / 1440, (double)Sheet.ValueOf("Total des stagiaires sur les créneaux")!, 9);
    }

    [Fact]
    public void Footer_has_the_fingerprint_the_deadline_and_the_date_made_in_paris_time()
    {
        Assert.Matches("^[0-9a-f]{16}$", Analysis.Fingerprint);
        Assert.Equal(Analysis.Fingerprint, Sheet.ValueOf("Empreinte du rapport source"));
        Assert.Contains(Analysis.Fingerprint!, Analysis.Sheet!.Print.RightFooter);
        Assert.True(Sheet.Contains(
            "À transmettre au gestionnaire de l'EAFC (ex-DAFPEN) avec la convocation, la fiche de rétribution et les justificatifs "
            + "de dépense avant le 25/11/2020"));
        Assert.Equal(new DateTime(2026, 11, 29, 13, 30, 0).ToOADate(), (double)Sheet.ValueOf("Feuille établie le")!, 9);
        // The three people only in "Sommaire" are what validation flags: listed with their sheet and row.
        var title = Sheet.Find("Points d'attention relevés dans le rapport source (3)").Row;
        Assert.True(title > Sheet.ParticipantRows()[^1]);
        foreach (var (row, offset) in new[] { (21, 2), (22, 3), (24, 4) })
        {
            Assert.Equal("Sommaire", Sheet[title + offset, 2]);
            Assert.Equal((double)row, Sheet[title + offset, 4]);
            Assert.StartsWith($"Feuille « Sommaire », ligne {row}, colonne C", (string)Sheet[title + offset, 5]!);
        }
        Assert.True(Sheet.Contains("Présent : au moins 80 % du temps prévu passé sur les créneaux ; absent : moins de 10 % ; "
            + "partiel entre les deux. Arrivée tardive ou départ anticipé : plus de 10 min après le début ou avant la fin "
            + "d'un créneau. Le temps en différé (enregistrement) n'est jamais compté comme présence."));
    }

    [Fact]
    public void The_thresholds_chosen_by_the_trainer_are_stated_on_the_sheet()
    {
        var probe = new LayoutProbe(Analyse(AttendanceOptions.Default with { PresentThreshold = 0.75 }).Sheet!);
        Assert.Contains(probe.Layout.Values.SelectMany(r => r).OfType<string>(), s => s.StartsWith("Présent : au moins 75 % "));
        Assert.Equal(8.0, probe.ValueOf("Stagiaires présents")); // Hugo's 79.6 % now counts
    }

    [Fact]
    public void Seed_workbook_gets_the_sheet_with_native_cells_and_unchanged_sources()
    {
        // The upload's path: the seed .xlsx read, analysed, the sheet inserted into the package; then opened by ClosedXML.
        var uploaded = SeedWorkbook.Bytes();
        using var original = new XLWorkbook(new MemoryStream(uploaded));
        var before = original.Worksheets.ToDictionary(s => s.Name, WorkbookSnapshot.Of);
        var analysis = new ReportAnalyzer([new ViaReportSource()], new StoppedClock(Now), new EmargementClock("Europe/Paris"))
            .Analyze(SeedWorkbook.Read(uploaded), AttendanceOptions.Default);
        Assert.Equal(Analysis.Fingerprint, analysis.Fingerprint);
        using var reopened = new XLWorkbook(new MemoryStream(AddinWeb.Upload.SheetInsertion.Insert(uploaded, analysis.Sheet!)));

        foreach (var (name, cells) in before) Assert.Equal(cells, WorkbookSnapshot.Of(reopened.Worksheet(name)));
        var sheet = reopened.Worksheet("Émargement");
        var elsa = Row("STAMMINGER");
        var arrival = sheet.Cell(elsa, Sheet.Column("Arrivée"));
        Assert.Equal(XLDataType.DateTime, arrival.DataType);
        Assert.Equal(SeedReport.ParseDate("10/11/2020 13:39:50"), arrival.GetDateTime());
        var total = Sheet.CellOfValue("Total des stagiaires sur les créneaux");
        Assert.Equal(1212.5 / 1440, WorkbookSnapshot.Number(sheet.Cell(total.Row, total.Column)), 9);
        Assert.Equal("[h]:mm", sheet.Cell(total.Row, total.Column).Style.NumberFormat.Format);
        Assert.Equal("0.0%", sheet.Cell(elsa, Sheet.Column("Taux")).Style.NumberFormat.Format);
    }

    [Fact]
    public void Two_days_without_a_slot_line_give_one_column_per_half_day_and_their_total()
    {
        // The seed without its slot line, every connection played again two days later: two afternoons.
        var seed = SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell);
        var summary = seed.Sheets[0] with
        {
            Rows = seed.Sheets[0].Rows.Select(r => r.Count > 0 && r[0].Text == "10 novembre - 14:00 à 16:30" ? [] : r).ToList(),
        };
        var presence = seed.Sheets[1];
        var connections = presence.Rows.Skip(SeedReport.PresenceHeaderRow).Take(SeedReport.PresenceRows.Count).ToList();
        var later = connections.Select(r => (IReadOnlyList<AddinWeb.Reports.Grid.Cell>)r
            .Select((c, i) => i is 2 or 3 ? AddinWeb.Reports.Grid.Cell.FromDateTime(c.DateTime.AddDays(2)) : c).ToList());
        presence = presence with
        {
            Rows = [.. presence.Rows.Take(SeedReport.PresenceHeaderRow), .. connections, .. later,
                .. presence.Rows.Skip(SeedReport.PresenceHeaderRow + SeedReport.PresenceRows.Count)],
        };
        var analysis = new ReportAnalyzer([new ViaReportSource()], new StoppedClock(Now), new EmargementClock("Europe/Paris"))
            .Analyze(new AddinWeb.Reports.Grid.WorkbookGrid([summary, presence]), AttendanceOptions.Default);
        Assert.True(analysis.IsUsable, string.Join(" ", analysis.Errors.Select(e => e.Message)));
        Assert.Equal(2, analysis.Attendance!.Sessions.Count);

        var probe = new LayoutProbe(analysis.Sheet!);
        Assert.Equal("10/11/2020\naprès-midi", probe.Headers[9]);
        Assert.Equal("12/11/2020\naprès-midi", probe.Headers[10]);
        Assert.Equal("Total sur les créneaux", probe.Headers[11]);
        Assert.Equal("Taux", probe.Headers[12]);
        Assert.Equal(13, probe.ParticipantRows().Count);
        foreach (var row in probe.ParticipantRows())
        {
            var day1 = (double)probe[row, 10]!;
            var day2 = (double)probe[row, 11]!;
            Assert.Equal(day1 + day2, (double)probe[row, 12]!, 12);
            Assert.Equal("[h]:mm", probe.NumberFormat(row, 10));
        }
        Assert.Contains("après-midi, horaires déduits des connexions", (string)probe.ValueOf("Créneau 1")!);
        Assert.Contains("après-midi, horaires déduits des connexions", (string)probe.ValueOf("Créneau 2")!);
        Assert.Equal(2.0, probe.ValueOf("Nombre de créneaux"));
        Assert.True(probe.Contains(EmargementLayout.Reminder(new DateOnly(2020, 11, 27))));
        // The engine's own finding (sessions inferred) is listed with validation's warnings.
        var inferred = analysis.Attendance.Observations.Single(o => o.Message.Contains("déduites des connexions"));
        Assert.Single(probe.Layout.Values.SelectMany(r => r).OfType<string>(), s => s == inferred.Message);
    }
}
