using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Via;
using AddinWeb.Reports.Zoom;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.Zoom.ZoomRead;

namespace AddinWeb.Tests.Reports.Zoom;

/// <summary>
/// Zoom exports written here (French and mixed headers, reconnections, guests, no meeting header, unique users, bad
/// cells), each read from the file and as a French and an American Excel show it.
/// </summary>
public class ZoomVariantTests
{
    private const string Meeting =
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n"
        + "81234567890,Atelier numérique,11/19/2021 08:58:02 AM,11/19/2021 12:03:10 PM,agnes.formatrice@ac-exemple.fr,186,3\r\n"
        + ",,,,,,\r\n";

    private const string Table =
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,In Waiting Room,Recording Consent\r\n";

    private static string Row(string name, string email, string join, string leave, string minutes, string guest = "No") =>
        $"{name},{email},11/19/2021 {join},11/19/2021 {leave},{minutes},{guest},No,Yes\r\n";

    public enum View { File, FrenchExcel, EnglishExcel }

    public static TheoryData<View> Views => new() { View.File, View.FrenchExcel, View.EnglishExcel };

    private static ReportReadResult Read(string text, View view) => view switch
    {
        View.File => File(text),
        View.FrenchExcel => AsExcelShows(text, ExcelLocale.French),
        _ => AsExcelShows(text, ExcelLocale.English),
    };

    private static void SameEveryWay(string text)
    {
        var file = Report(File(text));
        foreach (var locale in new[] { ExcelLocale.French, ExcelLocale.English })
        {
            var shown = Report(AsExcelShows(text, locale));
            Assert.Equal(Rows(file), Rows(shown));
            Assert.Equal(file.Header, shown.Header);
            Assert.Equal(Fingerprint(file), Fingerprint(shown));
        }
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void French_headers_and_day_first_dates_are_read(View view)
    {
        // Titles a French account is assumed to write; "19/11/2021" proves day first.
        const string text =
            "ID de réunion,Sujet,Heure de début,Heure de fin,E-mail de l'utilisateur,Durée (minutes),Participants\r\n"
            + "81234567890,Atelier numérique,19/11/2021 08:58:02,19/11/2021 12:03:10,agnes.formatrice@ac-exemple.fr,186,2\r\n"
            + "\r\n"
            + "Nom (nom d'origine),E-mail de l'utilisateur,Heure d'arrivée,Heure de départ,Durée (minutes),Invité\r\n"
            + "Agnès Formatrice,agnes.formatrice@ac-exemple.fr,19/11/2021 08:58:02,19/11/2021 12:03:10,186,Non\r\n"
            + "Bruno Martin,bruno.martin@ac-exemple.fr,01/12/2021 09:01:05,01/12/2021 10:15:20,75,Oui\r\n";
        var read = Read(text, view);
        var report = Report(read);

        Assert.Empty(read.Issues);
        Assert.Equal("Atelier numérique", report.Header.Title);
        Assert.Equal("agnes.formatrice@ac-exemple.fr", report.Header.HostEmail);
        Assert.Equal(new ScheduledSlot(At(2021, 11, 19, 8, 58, 2), At(2021, 11, 19, 12, 3, 10)), report.Header.Meeting);
        // "01/12/2021" is 1 December, by the proof the other dates give.
        Assert.Equal(
        [
            ("Agnès Formatrice", At(2021, 11, 19, 8, 58, 2), At(2021, 11, 19, 12, 3, 10)),
            ("Bruno Martin", At(2021, 12, 1, 9, 1, 5), At(2021, 12, 1, 10, 15, 20)),
        ], report.Connections.Select(c => (c.Name, c.Start, c.End)));
        SameEveryWay(text);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Mixed_titles_in_any_order_with_extra_columns(View view)
    {
        const string text =
            "Heure d'arrivée,Nom,Recording Consent,User Email,Leave Time,Guest,Durée (minutes)\r\n"
            + "11/19/2021 09:01:05 AM,Bruno Martin,Yes,bruno.martin@ac-exemple.fr,11/19/2021 10:15:20 AM,Yes,75\r\n";
        var report = Report(Read(text, view));

        var bruno = Assert.Single(report.Connections);
        Assert.Equal(("Bruno Martin", "bruno.martin@ac-exemple.fr", At(2021, 11, 19, 9, 1, 5), At(2021, 11, 19, 10, 15, 20)),
            (bruno.Name, bruno.Email, bruno.Start, bruno.End));
        Assert.Equal(2, bruno.Source.Row);
        SameEveryWay(text);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Reconnections_overlaps_and_guests_without_email_are_one_connection_per_row(View view)
    {
        var text = Meeting + Table
            + Row("Agnès Formatrice", "agnes.formatrice@ac-exemple.fr", "08:58:02 AM", "12:03:10 PM", "186")
            + Row("\"Martin, Bruno\"", "bruno.martin@ac-exemple.fr", "09:01:05 AM", "10:15:20 AM", "75", "Yes")
            + Row("\"Martin, Bruno\"", "bruno.martin@ac-exemple.fr", "10:12:00 AM", "11:58:40 AM", "107", "Yes")
            + Row("Chloé Petit", "", "09:20:33 AM", "10:05:00 AM", "45", "Yes")
            + Row("Chloé Petit", "", "10:30:00 AM", "01:15:00 PM", "165", "Yes");
        var report = Report(Read(text, view));

        Assert.Equal(
        [
            (5, "Agnès Formatrice", "agnes.formatrice@ac-exemple.fr", At(2021, 11, 19, 8, 58, 2), At(2021, 11, 19, 12, 3, 10)),
            (6, "Martin, Bruno", "bruno.martin@ac-exemple.fr", At(2021, 11, 19, 9, 1, 5), At(2021, 11, 19, 10, 15, 20)),
            (7, "Martin, Bruno", "bruno.martin@ac-exemple.fr", At(2021, 11, 19, 10, 12, 0), At(2021, 11, 19, 11, 58, 40)),
            (8, "Chloé Petit", (string?)null, At(2021, 11, 19, 9, 20, 33), At(2021, 11, 19, 10, 5, 0)),
            (9, "Chloé Petit", (string?)null, At(2021, 11, 19, 10, 30, 0), At(2021, 11, 19, 13, 15, 0)),
        ], report.Connections.Select(c => (c.Source.Row, c.Name, c.Email, c.Start, c.End)));
        SameEveryWay(text);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Without_the_meeting_header_no_host_is_known_and_the_trainer_is_told_how_to_get_it(View view)
    {
        var text = Table + Row("Bruno Martin", "bruno.martin@ac-exemple.fr", "09:01:05 AM", "10:15:20 AM", "75");
        var read = Read(text, view);
        var report = Report(read);

        Assert.Equal(new ReportHeader(), report.Header);
        Assert.Single(report.Connections);
        var warning = Assert.Single(read.Issues);
        Assert.Equal(("HostUnknown", IssueSeverity.Warning, null), (warning.Code, warning.Severity, warning.Row));
        Assert.StartsWith($"Feuille « participants_81234567890 » : le rapport ne comporte pas l'en-tête de la réunion", warning.Message);
        Assert.Contains("« Exporter avec les données de la réunion »", warning.Message);
        SameEveryWay(text);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Unique_users_rows_are_summaries_with_their_total_minutes(View view)
    {
        var text = Meeting
            + "Name (Original Name),User Email,Join Time,Leave Time,Total Duration (Minutes),Guest\r\n"
            + "Agnès Formatrice,agnes.formatrice@ac-exemple.fr,11/19/2021 08:58:02 AM,11/19/2021 12:03:10 PM,186,No\r\n"
            + "\"Martin, Bruno\",bruno.martin@ac-exemple.fr,11/19/2021 09:01:05 AM,11/19/2021 11:58:40 AM,160,Yes\r\n"
            + "Chloé Petit,,11/19/2021 09:20:33 AM,11/19/2021 10:05:00 AM,\"44,5\",Yes\r\n";
        var report = Report(Read(text, view));

        Assert.Empty(report.Connections);
        Assert.Equal(
        [
            (5, "Agnès Formatrice", new PresenceSummary(At(2021, 11, 19, 8, 58, 2), At(2021, 11, 19, 12, 3, 10), 186)),
            (6, "Martin, Bruno", new PresenceSummary(At(2021, 11, 19, 9, 1, 5), At(2021, 11, 19, 11, 58, 40), 160)),
            (7, "Chloé Petit", new PresenceSummary(At(2021, 11, 19, 9, 20, 33), At(2021, 11, 19, 10, 5, 0), 44.5)),
        ], report.Users.Select(u => (u.Source.Row, u.Name, u.Presence!)));
        SameEveryWay(text);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Unique_users_without_times_are_framed_by_the_meeting(View view)
    {
        // The four columns Zoom gives with "unique users" ticked: each total lies somewhere in the meeting,
        // 08:58:02 to 12:03:10.
        var text = Meeting
            + "Name (Original Name),User Email,Total Duration (Minutes),Guest\r\n"
            + "Agnès Formatrice,agnes.formatrice@ac-exemple.fr,186,No\r\n"
            + "\"Martin, Bruno\",bruno.martin@ac-exemple.fr,160,Yes\r\n";
        var read = Read(text, view);
        var report = Report(read);

        Assert.Empty(read.Issues);
        var meeting = new PresenceSummary(At(2021, 11, 19, 8, 58, 2), At(2021, 11, 19, 12, 3, 10), 0);
        Assert.Equal(
        [
            ("Agnès Formatrice", meeting with { DurationMinutes = 186 }),
            ("Martin, Bruno", meeting with { DurationMinutes = 160 }),
        ], report.Users.Select(u => (u.Name, u.Presence!)));
        SameEveryWay(text);
    }

    [Fact]
    public void Unique_users_without_times_nor_meeting_header_are_refused_with_the_way_out()
    {
        var read = File("Name (Original Name),User Email,Total Duration (Minutes),Guest\r\n"
            + "Bruno Martin,bruno.martin@ac-exemple.fr,160,Yes\r\n");

        Assert.Null(read.Report);
        var error = Assert.Single(read.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(("UniqueUsersWithoutTimes", 1), (error.Code, error.Row));
        Assert.Contains("« Exporter avec les données de la réunion »", error.Message);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Time_in_the_waiting_room_is_no_presence_and_is_said_once(View view)
    {
        var text = Meeting + Table
            + "Bruno Martin,bruno.martin@ac-exemple.fr,11/19/2021 08:50:00 AM,11/19/2021 09:01:00 AM,11,Yes,Yes,Yes\r\n"
            + Row("Bruno Martin", "bruno.martin@ac-exemple.fr", "09:01:05 AM", "10:15:20 AM", "75")
            + "Chloé Petit,,11/19/2021 09:10:00 AM,11/19/2021 09:40:00 AM,30,Yes,Yes,Yes\r\n";
        var read = Read(text, view);
        var report = Report(read);

        var bruno = Assert.Single(report.Connections);
        Assert.Equal((6, At(2021, 11, 19, 9, 1, 5)), (bruno.Source.Row, bruno.Start));
        // Chloé was never admitted: still listed, with no time.
        Assert.Equal([(5, "Bruno Martin", (PresenceSummary?)null), (7, "Chloé Petit", null)],
            report.Users.Select(u => (u.Source.Row, u.Name, u.Presence)));
        var warning = Assert.Single(read.Issues);
        Assert.Equal("Feuille « participants_81234567890 », ligne 4, colonne G (In Waiting Room) : les lignes 5 et 7 "
            + "indiquent un temps passé en salle d'attente, avant d'être admis dans la réunion : ce temps n'est pas "
            + "compté comme présence.", warning.Message);
        SameEveryWay(text);
    }

    [Fact]
    public void Many_waiting_room_rows_are_counted_and_the_first_ten_named()
    {
        var text = Table + string.Concat(Enumerable.Range(1, 12).Select(i =>
            $"Personne {i},,11/19/2021 08:50:00 AM,11/19/2021 09:00:00 AM,10,Yes,Yes,No\r\n"));
        var read = File(text);

        Assert.Equal(12, Report(read).Users.Count(u => u.Presence is null));
        var warning = Assert.Single(read.Issues, i => i.Code == "WaitingRoom");
        Assert.EndsWith("(In Waiting Room) : 12 lignes (les lignes 2, 3, 4, 5, 6, 7, 8, 9, 10, 11…) indiquent un temps "
            + "passé en salle d'attente, avant d'être admis dans la réunion : ce temps n'est pas compté comme présence.",
            warning.Message);
    }

    [Fact]
    public void The_meeting_header_settles_the_order_of_the_tables_dates()
    {
        // "03/04/2021" alone could be either; the header's "11/19/2021" proves month first: 4 March, no warning.
        var read = File(Meeting + Table
            + "Bruno Martin,bruno.martin@ac-exemple.fr,03/04/2021 09:01:05 AM,03/04/2021 10:15:20 AM,75,Yes,No,Yes\r\n");
        Assert.Empty(read.Issues);
        Assert.Equal(At(2021, 3, 4, 9, 1, 5), Report(read).Connections.Single().Start);
    }

    [Fact]
    public void An_unreadable_meeting_time_is_named_and_no_meeting_is_suggested()
    {
        var read = File(Meeting.Replace("11/19/2021 12:03:10 PM", "plus tard") + Table
            + Row("Bruno Martin", "bruno.martin@ac-exemple.fr", "09:01:05 AM", "10:15:20 AM", "75"));
        var report = Report(read);

        Assert.Null(report.Header.Meeting);
        var warning = Assert.Single(read.Issues);
        Assert.Equal(("UnreadableDate", 2, "D"), (warning.Code, warning.Row, warning.Column));
        Assert.StartsWith("Feuille « participants_81234567890 », ligne 2, colonne D (End Time) : cette heure n'est pas une date lisible", warning.Message);
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_reads_the_same_every_way()
    {
        // Zoom writes UTF-8 with or without a BOM; with one, Excel decodes it right (no mojibake to repair).
        var bytes = PlatformFiles.Bytes(PlatformFiles.ZoomVariant);
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. bytes];
        var plain = Report(File(bytes));
        foreach (var read in new[] { File(withBom), AsExcelShows(withBom, ExcelLocale.French), AsExcelShows(withBom, ExcelLocale.English) })
        {
            var report = Report(read);
            Assert.Equal(Rows(plain), Rows(report));
            Assert.Equal("Atelier, numérique", report.Header.Title);
            Assert.Equal(Fingerprint(plain), Fingerprint(report));
        }
    }

    [Fact]
    public void Rows_are_the_ones_excel_shows_when_the_used_range_starts_lower()
    {
        // The task pane sends the used range: here it starts on row 3 (two blank rows above the meeting header).
        var sheet = DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.ZoomVariant), PlatformFiles.ZoomVariant).Sheet! with { FirstRow = 3 };
        var read = new ZoomReportSource().Read(new WorkbookGrid([sheet]));

        Assert.Equal([7, 8, 9, 10], Report(read).Connections.Select(c => c.Source.Row));
    }

    [Fact]
    public void A_report_without_participant_is_refused_with_its_reason()
    {
        var read = File(Meeting + Table);

        Assert.Null(read.Report);
        var error = Assert.Single(read.Issues);
        Assert.Equal(("NoParticipant", IssueSeverity.Error, 4), (error.Code, error.Severity, error.Row));
        Assert.StartsWith("Feuille « participants_81234567890 », ligne 4 : le tableau des participants ne contient aucune ligne", error.Message);
    }

    [Fact]
    public void A_table_without_its_times_is_refused_naming_what_was_looked_for()
    {
        var read = File("Name (Original Name),User Email,Duration (Minutes),Guest\r\nBruno Martin,bruno.martin@ac-exemple.fr,75,Yes\r\n");

        Assert.Null(read.Report);
        var error = Assert.Single(read.Issues);
        Assert.Equal(("MissingHeader", 1), (error.Code, error.Row));
        Assert.Equal("Feuille « participants_81234567890 », ligne 1 : la ligne d'en-tête du tableau des participants est "
            + "incomplète : il manque « Join Time » (ou « Heure d'arrivée »), « Leave Time » (ou « Heure de départ »). "
            + "Téléchargez à nouveau le rapport des participants depuis Zoom (Rapports, Utilisation, nombre de "
            + "participants, Exporter) sans en retirer de colonne.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Bad_cells_are_named_by_sheet_row_and_column_and_their_person_stays_listed(View view)
    {
        var text = Meeting + Table
            + Row("Agnès Formatrice", "agnes.formatrice@ac-exemple.fr", "08:58:02 AM", "12:03:10 PM", "186")
            + "Bruno Martin,bruno.martin@ac-exemple.fr,bientôt,11/19/2021 10:15:20 AM,75,Yes,No,Yes\r\n"
            + Row("Chloé Petit", "chloe.petit@ac-exemple.fr", "10:05:00 AM", "09:20:33 AM", "45")
            + Row("David Roux", "david.roux@ac-exemple.fr", "09:00:00 AM", "09:30:00 AM", "trente")
            + Row("Emma Leroy", "emma.leroy@ac-exemple.fr", "09:00:00 AM", "09:30:00 AM", "75");
        var read = Read(text, view);
        var report = Report(read);

        Assert.Equal(
        [
            ("UnreadableDate", 6, "C", "Feuille « participants_81234567890 », ligne 6, colonne C (Join Time) : cette heure "
                + "d'arrivée n'est pas une date lisible (attendu par exemple : 11/19/2021 9:54:15 AM) ; la ligne est gardée "
                + "sans temps de présence."),
            ("EndBeforeStart", 7, "D", "Feuille « participants_81234567890 », ligne 7, colonne D (Leave Time) : l'heure "
                + "de départ (19/11/2021 09:20:33) est antérieure à l'heure d'arrivée (19/11/2021 10:05:00) ; cette ligne "
                + "n'ajoute aucun temps de présence."),
            ("UnreadableDuration", 8, "E", "Feuille « participants_81234567890 », ligne 8, colonne E (Duration (Minutes)) : "
                + "cette durée n'est pas un nombre de minutes lisible ; elle n'est pas prise en compte."),
            ("DurationMismatch", 9, "E", "Feuille « participants_81234567890 », ligne 9, colonne E (Duration (Minutes)) : "
                + "la durée indiquée (1 h 15) ne correspond pas au temps écoulé entre l'heure d'arrivée et l'heure de "
                + "départ (30 min) ; le calcul retient ces heures. Vérifiez-les."),
        ], read.Issues.Select(i => (i.Code, i.Row!.Value, i.Column!, i.Message)));
        Assert.All(read.Issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
        // Bruno's row cannot be timed: he is listed without time rather than left out.
        var bruno = Assert.Single(report.Users);
        Assert.Equal(("Bruno Martin", 6, null), (bruno.Name, bruno.Source.Row, bruno.Presence));
        Assert.Equal([5, 7, 8, 9], report.Connections.Select(c => c.Source.Row));
    }

    [Fact]
    public void Rounded_up_minutes_are_not_remarked_on()
    {
        // 09:01:05–10:15:20 is 74 min 15 s, written 75; 10:12:00–11:58:40 is 106 min 40 s, written 107.
        var read = File(Table
            + Row("Bruno Martin", "bruno.martin@ac-exemple.fr", "09:01:05 AM", "10:15:20 AM", "75")
            + Row("Bruno Martin", "bruno.martin@ac-exemple.fr", "10:12:00 AM", "11:58:40 AM", "107"));
        Assert.Equal(["HostUnknown"], Codes(read));
    }

    [Fact]
    public void Other_platforms_exports_are_not_taken_for_zoom()
    {
        var source = new ZoomReportSource();
        foreach (var name in new[] { PlatformFiles.BbbSample, PlatformFiles.TeamsSample, PlatformFiles.BbbVariant })
            Assert.False(source.Recognises(DelimitedFile.Read(PlatformFiles.Bytes(name), name).Workbook!), name);
        Assert.False(source.Recognises(SeedReport.Workbook()));
        // A table of Teams' shape: name, join and leave times, a duration without unit, no guest column.
        var teamsLike = DelimitedFile.Read(ExcelOpensCsv.Utf8("Name,Join time,Leave time,Duration,Email,Role\r\n"
            + "Bruno Martin,3/4/25 9:01:05 AM,3/4/25 10:15:20 AM,1h 14m 15s,bruno.martin@ac-exemple.fr,Attendee\r\n"), "x.csv");
        Assert.False(source.Recognises(teamsLike.Workbook!));
        // And a Zoom report is not taken for Via's.
        Assert.False(new ViaReportSource().Recognises(DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.ZoomSample), "x.csv").Workbook!));
    }

    [Fact]
    public void A_workbook_with_other_sheets_is_read_from_the_sheet_holding_the_table()
    {
        var zoom = DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.ZoomVariant), PlatformFiles.ZoomVariant).Sheet!;
        var other = new SheetGrid("Convoqués", [[Cell.FromText("Nom"), Cell.FromText("Prénom")]]);
        var report = Report(new ZoomReportSource().Read(new WorkbookGrid([other, zoom])));

        Assert.Equal(["zoom-variant-en"], report.SourceSheets);
        Assert.Equal(4, report.Connections.Count);
    }
}
