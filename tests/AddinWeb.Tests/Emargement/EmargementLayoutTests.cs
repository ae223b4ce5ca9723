using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;

namespace AddinWeb.Tests.Emargement;

public sealed class EmargementLayoutTests
{
    private static readonly LayoutProbe Seed = new(EmargementLayout.Build(Documents.Seed()));

    private static readonly string[] SingleSessionHeaders =
    [
        "N°", "Nom", "Prénom", "Email", "Rôle", "Arrivée", "Départ", "Connexions", "Temps connecté",
        "Temps sur le créneau", "Taux", "Statut", "Différé", "Observations",
    ];

    [Fact]
    public void Title_block_names_the_training_reference_trainer_platform_and_source()
    {
        Assert.Equal("Feuille d'émargement — classe virtuelle", Seed.At("A1"));
        Assert.Equal("DU CINEMA A LA VIDEO : LA DANSE SORT DU CADRE", Seed.At("A2"));
        Assert.Equal("20A0160236", Seed.ValueOf("Référence PAF"));
        Assert.Equal("68653", Seed.ValueOf("Numéro de module"));
        Assert.Equal("Stamminger, Elsa", Seed.ValueOf("Formateur (hôte)"));
        Assert.Equal("Ma cl@sse virtuelle", Seed.ValueOf("Plateforme"));
        Assert.Equal("généré le 10/11/2020 à 19:38", Seed.ValueOf("Rapport source"));
        Assert.Equal("du 31/10/2020 au 10/11/2020", Seed.ValueOf("Période du rapport"));
        Assert.Equal("mardi 10 novembre 2020, 14:00 à 16:30", Seed.ValueOf("Date et créneau"));

        var (row, column) = Seed.CellOfValue("Durée prévue");
        Assert.Equal(150 / 1440.0, (double)Seed[row, column]!, 9);
        Assert.Equal("[h]:mm", Seed.NumberFormat(row, column));
        // Module and reference stay text: "68653" is an identifier, not a quantity.
        Assert.Equal("@", Seed.NumberFormat(Seed.CellOfValue("Numéro de module").Row, Seed.CellOfValue("Numéro de module").Column));
    }

    [Fact]
    public void Table_has_the_official_columns_and_is_frozen_and_repeated_on_each_page()
    {
        Assert.Equal(SingleSessionHeaders, Seed.Headers);
        Assert.Equal(Seed.HeaderRow, Seed.Layout.FrozenRows);
        Assert.Equal($"${Seed.HeaderRow}:${Seed.HeaderRow}", Seed.Layout.Print.TitleRows);
        Assert.Equal(SingleSessionHeaders.Length, Seed.Layout.ColumnWidths.Count);
        Assert.All(Seed.Layout.ColumnWidths, w => Assert.InRange(w, 4, 45));
        Assert.All(Seed.Layout.Values, row => Assert.Equal(SingleSessionHeaders.Length, row.Count));
    }

    [Fact]
    public void One_row_per_participant_in_the_engine_order_with_native_values()
    {
        var rows = Seed.ParticipantRows();
        Assert.Equal(5, rows.Count);
        Assert.Equal(new[] { "STAMMINGER", "LAMBERT", "MOREAU", "PETIT", "GIRARD" }, rows.Select(r => Seed.Cell(r, "Nom")));
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5 }, rows.Select(r => (double)Seed.Cell(r, "N°")!));
        Assert.Equal(new[] { "Formateur", "Stagiaire", "Stagiaire", "Stagiaire", "Stagiaire" }, rows.Select(r => Seed.Cell(r, "Rôle")));

        var elsa = rows[0];
        Assert.Equal("Elsa", Seed.Cell(elsa, "Prénom"));
        Assert.Equal("elsa.stamminger@ac-toulouse.fr", Seed.Cell(elsa, "Email"));
        Assert.Equal(Documents.At("13:39:50").ToOADate(), Seed.Cell(elsa, "Arrivée"));
        Assert.Equal(Documents.At("16:50:34").ToOADate(), Seed.Cell(elsa, "Départ"));
        Assert.Equal(2.0, Seed.Cell(elsa, "Connexions"));
        Assert.Equal(190.7333 / 1440, (double)Seed.Cell(elsa, "Temps connecté")!, 12);
        Assert.Equal(150 / 1440.0, (double)Seed.Cell(elsa, "Temps sur le créneau")!, 12);
        Assert.Equal(1.0, Seed.Cell(elsa, "Taux"));
        Assert.Equal("Présent", Seed.Cell(elsa, "Statut"));

        var jules = rows[3];
        Assert.Equal("Partiel", Seed.Cell(jules, "Statut"));
        Assert.Equal(71.4667 / 150, (double)Seed.Cell(jules, "Taux")!, 12);

        var lea = rows[4];
        Assert.Null(Seed.Cell(lea, "Arrivée"));
        Assert.Null(Seed.Cell(lea, "Départ"));
        Assert.Equal(0.0, Seed.Cell(lea, "Connexions"));
        Assert.Equal("Absent", Seed.Cell(lea, "Statut"));
        Assert.Equal(12.5 / 1440, (double)Seed.Cell(lea, "Différé")!, 12);
    }

    [Theory]
    [InlineData("Arrivée", "dd/mm/yyyy hh:mm")]
    [InlineData("Départ", "dd/mm/yyyy hh:mm")]
    [InlineData("Connexions", "0")]
    [InlineData("Temps connecté", "[h]:mm")]
    [InlineData("Temps sur le créneau", "[h]:mm")]
    [InlineData("Taux", "0.0%")]
    [InlineData("Différé", "[h]:mm")]
    [InlineData("Nom", "@")]
    [InlineData("Email", "@")]
    public void Each_column_has_its_number_format_as_one_range_over_the_table(string header, string format)
    {
        var column = Seed.Column(header);
        var rows = Seed.ParticipantRows();
        Assert.All(rows, r => Assert.Equal(format, Seed.NumberFormat(r, column)));
        var address = LayoutProbe.Address(rows[0], column) + ":" + LayoutProbe.Address(rows[^1], column);
        Assert.Contains(Seed.Layout.Formats, f => f.Range == address && f.NumberFormat == format);
        // Compact: formats do not grow with the number of participants.
        Assert.True(Seed.Layout.Formats.Count < 80, $"{Seed.Layout.Formats.Count} format runs");
    }

    [Fact]
    public void Observations_say_in_plain_words_what_a_manager_would_ask()
    {
        var rows = Seed.ParticipantRows();
        Assert.Equal("Connexions simultanées (plusieurs appareils ou onglets), comptées une seule fois.", Seed.Cell(rows[0], "Observations"));
        Assert.Null(Seed.Cell(rows[1], "Observations"));
        Assert.Equal("1 reconnexion après une coupure.", Seed.Cell(rows[2], "Observations"));
        Assert.Equal("Départ à 15:11 (fin du créneau à 16:30) ; connexions simultanées (plusieurs appareils ou onglets), comptées une seule fois.",
            Seed.Cell(rows[3], "Observations"));
        Assert.Equal("Aucune connexion en direct.", Seed.Cell(rows[4], "Observations"));
    }

    [Fact]
    public void Late_arrival_names_the_time_and_the_slot_start()
    {
        var late = Documents.Participant("Zoé", "FAURE", ParticipantRole.Trainee, Documents.At("14:25:00"), Documents.At("16:30:00"), 1, 125, 125, AttendanceStatus.Present);
        late = late with { LateArrival = true, Sessions = [late.Sessions[0] with { LateArrival = true }] };
        var probe = new LayoutProbe(EmargementLayout.Build(Documents.Seed([late])));
        Assert.Equal("Arrivée à 14:25 (début du créneau à 14:00).", probe.Cell(probe.ParticipantRows()[0], "Observations"));
    }

    [Fact]
    public void Totals_count_trainees_only_and_sum_their_time_in_slot()
    {
        Assert.Equal(2.0, Seed.ValueOf("Stagiaires présents"));
        Assert.Equal(1.0, Seed.ValueOf("Stagiaires partiellement présents"));
        Assert.Equal(1.0, Seed.ValueOf("Stagiaires absents"));
        Assert.Equal(4.0, Seed.ValueOf("Stagiaires inscrits au rapport"));
        var (row, column) = Seed.CellOfValue("Total des stagiaires sur les créneaux");
        Assert.Equal((150 + 141.45 + 71.4667) / 1440, (double)Seed[row, column]!, 12);
        Assert.Equal("[h]:mm", Seed.NumberFormat(row, column));
        Assert.True(row > Seed.ParticipantRows()[^1]);
    }

    [Fact]
    public void Footer_has_date_made_version_fingerprint_deadline_and_signature()
    {
        var (made, madeColumn) = Seed.CellOfValue("Feuille établie le");
        Assert.Equal(Documents.CreatedAt.ToOADate(), Seed[made, madeColumn]);
        Assert.Equal("dd/mm/yyyy hh:mm", Seed.NumberFormat(made, madeColumn));
        Assert.Equal("Émargement 1.2.3", Seed.ValueOf("Version de l'outil"));
        Assert.Equal(Documents.Fingerprint, Seed.ValueOf("Empreinte du rapport source"));
        Assert.True(Seed.Contains(
            "À transmettre au gestionnaire de l'EAFC (ex-DAFPEN) avec la convocation, la fiche de rétribution et les justificatifs "
            + "de dépense avant le 25/11/2020"));
        var certified = Seed.Find("Certifié exact").Row;
        Assert.True(certified > made);
        Assert.Equal("Stamminger, Elsa", Seed.ValueOf("Nom du formateur"));
        Assert.True(Seed.Find("Date").Row > certified);
        Assert.True(Seed.Find("Signature").Row > Seed.Find("Date").Row);
    }

    [Fact]
    public void Print_setup_is_a4_landscape_one_page_wide_with_page_numbers()
    {
        var print = Seed.Layout.Print;
        Assert.Equal(PageOrientation.Landscape, print.Orientation);
        Assert.Equal(PaperType.A4, print.PaperSize);
        Assert.Equal(1, print.FitToPagesWide);
        Assert.Equal(0, print.FitToPagesTall);
        Assert.Equal("Page &P / &N", print.CenterFooter);
        Assert.Equal($"A1:N{Seed.Layout.RowCount}", print.PrintArea);
        Assert.Contains(Documents.Fingerprint, print.RightFooter);
        Assert.Equal("Émargement — PAF 20A0160236-68653", print.LeftFooter);
    }

    [Fact]
    public void Warnings_are_listed_under_the_table_with_their_sheet_and_row()
    {
        var warnings = new[]
        {
            new ReportIssue(IssueSeverity.Warning, "total-mismatch", "Feuille « Sommaire », ligne 27, colonne C : le total ne correspond pas.", "Sommaire", 27, "C"),
            new ReportIssue(IssueSeverity.Warning, "inferred", "Feuille « Sommaire » : créneau déduit.", "Sommaire"),
        };
        var probe = new LayoutProbe(EmargementLayout.Build(Documents.Seed(warnings: warnings)));
        var title = probe.Find("Points d'attention relevés dans le rapport source (2)").Row;
        Assert.True(title > probe.ParticipantRows()[^1]);
        var first = probe.Find(warnings[0].Message);
        Assert.Equal("Sommaire", probe[first.Row, 2]);
        Assert.Equal(27.0, probe[first.Row, 4]);
        Assert.Equal(1.0, probe[first.Row, 1]);
        var second = probe.Find(warnings[1].Message);
        Assert.Equal(first.Row + 1, second.Row);
        Assert.Null(probe[second.Row, 4]);

        Assert.True(Seed.Contains("Points d'attention relevés dans le rapport source : aucun"));
    }

    [Fact]
    public void Several_sessions_get_one_column_each_plus_the_total()
    {
        var probe = new LayoutProbe(EmargementLayout.Build(Documents.TwoDays()));
        var headers = probe.Headers;
        Assert.Equal(
            ["N°", "Nom", "Prénom", "Email", "Rôle", "Arrivée", "Départ", "Connexions", "Temps connecté",
             "10/11/2020\nmatin", "12/11/2020\n14:00–17:00", "Total sur les créneaux",
             "Taux", "Statut", "Différé", "Observations"],
            headers);
        var rows = probe.ParticipantRows();
        Assert.Equal(3, rows.Count);
        var adam = rows[1];
        Assert.Equal(150 / 1440.0, (double)probe.Cell(adam, "10/11/2020\nmatin")!, 12);
        Assert.Equal(180 / 1440.0, (double)probe.Cell(adam, "12/11/2020\n14:00–17:00")!, 12);
        Assert.Equal(330 / 1440.0, (double)probe.Cell(adam, "Total sur les créneaux")!, 12);
        Assert.Equal("[h]:mm", probe.NumberFormat(adam, probe.Column("10/11/2020\nmatin")));
        Assert.Equal("10/11/2020 matin : arrivée à 09:30 (début du créneau à 09:00).", probe.Cell(adam, "Observations"));

        Assert.StartsWith("mardi 10 novembre 2020, 09:00 à 12:00 (matin", (string)probe.ValueOf("Créneau 1")!);
        Assert.Equal("jeudi 12 novembre 2020, 14:00 à 17:00", probe.ValueOf("Créneau 2"));
        Assert.Equal(2.0, probe.ValueOf("Nombre de créneaux"));
        Assert.Equal(360 / 1440.0, (double)probe.ValueOf("Durée prévue totale")!, 12);
        // Deadline counts from the last session day.
        Assert.True(probe.Contains(EmargementLayout.Reminder(new DateOnly(2020, 11, 27))));
        Assert.Equal(16, probe.Layout.ColumnWidths.Count);
    }

    [Fact]
    public void Observations_follow_the_sessions_order_whatever_order_the_figures_come_in()
    {
        var document = Documents.TwoDays();
        var adam = document.Attendance.Participants[1];
        var late = adam.Sessions.Select(s => s with { LateArrival = true }).ToArray();
        var inOrder = new LayoutProbe(EmargementLayout.Build(Documents.TwoDays(adam with { Sessions = late })));
        var reversed = new LayoutProbe(EmargementLayout.Build(Documents.TwoDays(adam with { Sessions = late.Reverse().ToArray() })));
        var expected = "10/11/2020 matin : arrivée à 09:30 (début du créneau à 09:00) ; "
            + "12/11/2020 14:00–17:00 : arrivée à 14:00 (début du créneau à 14:00).";
        Assert.Equal(expected, inOrder.Cell(inOrder.ParticipantRows()[1], "Observations"));
        Assert.Equal(expected, reversed.Cell(reversed.ParticipantRows()[1], "Observations"));
    }

    [Fact]
    public void Formula_looking_text_stays_a_string_value()
    {
        var odd = Documents.Participant("@admin", "=HYPERLINK(\"http://x.example\",\"clic\")", ParticipantRole.Trainee,
            Documents.At("14:00:00"), Documents.At("16:30:00"), 1, 150, 150, AttendanceStatus.Present, email: "+33@x");
        var probe = new LayoutProbe(EmargementLayout.Build(Documents.Seed([odd with { FirstName = "-" }])));
        var row = probe.ParticipantRows()[0];
        Assert.Equal("=HYPERLINK(\"http://x.example\",\"clic\")", probe.Cell(row, "Nom"));
        Assert.Equal("-", probe.Cell(row, "Prénom"));
        Assert.Equal("+33@x", probe.Cell(row, "Email"));
        Assert.Equal("@", probe.NumberFormat(row, probe.Column("Nom")));
    }

    [Fact]
    public void A_report_without_anyone_still_gives_a_complete_sheet()
    {
        var probe = new LayoutProbe(EmargementLayout.Build(Documents.Seed([])));
        Assert.True(probe.Contains("Aucun participant dans le rapport."));
        Assert.Empty(probe.ParticipantRows());
        Assert.Equal(0.0, probe.ValueOf("Stagiaires présents"));
        Assert.True(probe.Contains(EmargementLayout.Reminder(new DateOnly(2020, 11, 25))));
    }

    [Fact]
    public void Layout_values_are_only_json_primitives()
    {
        Assert.All(Seed.Layout.Values.SelectMany(r => r), v => Assert.True(v is null or string or double or bool, v?.GetType().Name));
        var json = System.Text.Json.JsonSerializer.Serialize(Seed.Layout);
        Assert.Contains("\"Values\"", json);
        Assert.DoesNotContain("RowCount", json);
    }
}
