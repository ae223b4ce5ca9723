using AddinWeb.Reports;
using AddinWeb.Reports.Teams;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.Teams.TeamsFiles;

namespace AddinWeb.Tests.Reports.Teams;

/// <summary>
/// Reports written here, each for one thing a real export does: French labels (assumed: no French sample is public),
/// no activities section, guests without email, a person in one section only, ambiguous or proven dates, the older
/// event list, an empty report, and cells that cannot be read. Figures worked out by hand in the comments.
/// </summary>
public class TeamsVariantTests
{
    /// <summary>
    /// A French Teams report on 15 March 2025 (15 proves day first): the organiser, a trainee who reconnects, and a
    /// guest without email. Labels are the ones this reader assumes for French Teams.
    /// </summary>
    internal const string French =
        "1. Résumé\r\n"
        + "Titre de la réunion\tAtelier numérique\r\n"
        + "Participants\t3\r\n"
        + "Heure de début\t15/03/2025 08:58:02\r\n"
        + "Heure de fin\t15/03/2025 12:03:10\r\n"
        + "Durée de la réunion\t3 h 5 min 8 s\r\n"
        + "Temps de présence moyen\t2 h 6 min 45 s\r\n"
        + "\r\n"
        + "2. Participants\r\n"
        + "Nom\tPremière arrivée\tDernier départ\tDurée de la réunion\tE-mail\tID du participant (UPN)\tRôle\r\n"
        + "Agnès Formatrice\t15/03/2025 08:58:02\t15/03/2025 12:03:10\t3 h 5 min 8 s\tagnes.formatrice@ac-exemple.fr\tagnes.formatrice@ac-exemple.fr\tOrganisateur\r\n"
        + "Martin, Bruno\t15/03/2025 09:01:05\t15/03/2025 11:58:40\t2 h 41 min 12 s\tbruno.martin@ac-exemple.fr\tbruno.martin@ac-exemple.fr\tParticipant\r\n"
        + "Zoé Invitée (Invité)\t15/03/2025 09:30:00\t15/03/2025 10:00:00\t30 min\t\t\tParticipant\r\n"
        + "\r\n"
        + "3. Activités pendant la réunion\r\n"
        + "Nom\tHeure d'arrivée\tHeure de départ\tDurée\tE-mail\tRôle\r\n"
        + "Agnès Formatrice\t15/03/2025 08:58:02\t15/03/2025 12:03:10\t3 h 5 min 8 s\tagnes.formatrice@ac-exemple.fr\tOrganisateur\r\n"
        + "Martin, Bruno\t15/03/2025 09:01:05\t15/03/2025 10:15:20\t1 h 14 min 15 s\tbruno.martin@ac-exemple.fr\tParticipant\r\n"
        + "Martin, Bruno\t15/03/2025 10:31:43\t15/03/2025 11:58:40\t1 h 26 min 57 s\tbruno.martin@ac-exemple.fr\tParticipant\r\n"
        + "Zoé Invitée (Invité)\t15/03/2025 09:30:00\t15/03/2025 10:00:00\t30 min\t\tParticipant\r\n";

    /// <summary>The sample's summary and participants, without the activities section (an older or trimmed download).</summary>
    internal const string WithoutActivities =
        "1. Summary\r\n"
        + "Meeting title\tAtelier numérique\r\n"
        + "Attended participants\t3\r\n"
        + "Start time\t3/4/25, 8:58:02 AM\r\n"
        + "End time\t3/4/25, 12:03:10 PM\r\n"
        + "Meeting duration\t3h 5m 8s\r\n"
        + "Average attendance time\t2h 10m 15s\r\n"
        + "\r\n"
        + "2. Participants\r\n"
        + "Name\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole\r\n"
        + "Agnès Formatrice\t3/4/25, 8:58:02 AM\t3/4/25, 12:03:10 PM\t3h 5m 8s\tagnes.formatrice@ac-exemple.fr\tagnes.formatrice@ac-exemple.fr\tOrganizer\r\n"
        + "Martin, Bruno\t3/4/25, 9:01:05 AM\t3/4/25, 11:58:40 AM\t2h 41m 12s\tbruno.martin@ac-exemple.fr\tbruno.martin@ac-exemple.fr\tAttendee\r\n"
        + "Chloé Petit\t3/4/25, 9:20:33 AM\t3/4/25, 10:05:00 AM\t44m 27s\tchloe.petit@ac-exemple.fr\tchloe.petit@ac-exemple.fr\tAttendee\r\n";

    /// <summary>The older list (2020–2021): events, month first (19 proves it), Agnès never leaves.</summary>
    internal const string EventList =
        "Full Name\tUser Action\tTimestamp\r\n"
        + "Agnès Formatrice\tJoined\t11/19/2020, 8:58:02 AM\r\n"
        + "Martin, Bruno\tJoined\t11/19/2020, 9:01:05 AM\r\n"
        + "Chloé Petit\tJoined before\t11/19/2020, 9:20:33 AM\r\n"
        + "Chloé Petit\tLeft\t11/19/2020, 10:05:00 AM\r\n"
        + "Martin, Bruno\tLeft\t11/19/2020, 10:15:20 AM\r\n"
        + "Martin, Bruno\tJoined\t11/19/2020, 10:31:43 AM\r\n"
        + "Martin, Bruno\tLeft\t11/19/2020, 11:58:40 AM\r\n";

    private static DateTime March15(int h, int m, int s) => At(2025, 3, 15, h, m, s);

    [Theory]
    [InlineData(null)]
    [InlineData(ExcelLocale.French)]
    [InlineData(ExcelLocale.English)]
    [InlineData(ExcelLocale.British)]
    public void French_labels_are_read_and_a_day_over_12_settles_the_order(ExcelLocale? locale)
    {
        // A French Excel turns "15/03/2025 08:58:02" into dates (day first, as the file); an American one cannot
        // (no month 15) and leaves texts: either way 15 March, no warning.
        var bytes = Utf16(French);
        var read = Read(locale is { } l ? Shown(bytes, l) : FromFile(bytes));

        Assert.Empty(read.Issues);
        var report = read.Report!;
        Assert.Equal("Atelier numérique", report.Header.Title);
        Assert.Equal(("Agnès Formatrice", "agnes.formatrice@ac-exemple.fr"), (report.Header.Host, report.Header.HostEmail));
        Assert.Equal(new ScheduledSlot(March15(8, 58, 2), March15(12, 3, 10)), report.Header.Meeting);
        Assert.Equal([ParticipantRole.Trainer, ParticipantRole.Trainee, ParticipantRole.Trainee], report.Users.Select(u => u.Role));
        // The guest: no email, named as written, with the presence its row gives (30 minutes).
        var guest = report.Users[2];
        Assert.Equal(("Zoé Invitée (Invité)", null), (guest.Name, guest.Email));
        Assert.Equal(new PresenceSummary(March15(9, 30, 0), March15(10, 0, 0), 30), guest.Presence);
        Assert.Equal(
        [
            (17, March15(8, 58, 2), March15(12, 3, 10)),
            (18, March15(9, 1, 5), March15(10, 15, 20)),
            (19, March15(10, 31, 43), March15(11, 58, 40)),
            (20, March15(9, 30, 0), March15(10, 0, 0)),
        ], report.Connections.Select(c => (c.Source.Row, c.Start, c.End)));
        Assert.Null(report.Connections[3].Email);
        Assert.Equal(Figures(Report(FromFile(bytes))), Figures(report));
    }

    [Fact]
    public void Section_titles_in_another_case_and_headers_in_another_order_are_found()
    {
        var text = PlatformText()
            .Replace("3. In-Meeting Activities", "3. in-meeting activities")
            .Replace("2. Participants", "2. PARTICIPANTS")
            .Replace("Name\tJoin time\tLeave time\tDuration\tEmail\tRole", "Role\tEmail\tName\tLeave time\tJoin time\tDuration");
        var lines = text.Split('\n').ToList();
        // Move the activities' columns to follow the new header: Role, Email, Name, Leave, Join, Duration.
        for (var i = lines.FindIndex(l => l.StartsWith("Role\t")) + 1; i < lines.Count && lines[i].Trim().Length > 0; i++)
        {
            var f = lines[i].TrimEnd('\r').Split('\t');
            lines[i] = string.Join('\t', f[5], f[4], f[0], f[2], f[1], f[3]) + "\r";
        }

        var report = Report(FromFile(Utf16(string.Join('\n', lines))));

        Assert.Equal(Figures(Report(FromFile(PlatformFiles.Bytes(PlatformFiles.TeamsSample)))), Figures(report));
    }

    [Fact]
    public void Without_activities_each_participant_has_the_summary_of_its_row()
    {
        var read = Read(FromFile(Utf16(WithoutActivities)));

        var report = read.Report!;
        Assert.Empty(report.Connections);
        Assert.Equal(
        [
            new PresenceSummary(At(2025, 3, 4, 8, 58, 2), At(2025, 3, 4, 12, 3, 10), Minutes(3, 5, 8)),
            new PresenceSummary(At(2025, 3, 4, 9, 1, 5), At(2025, 3, 4, 11, 58, 40), Minutes(2, 41, 12)),
            new PresenceSummary(At(2025, 3, 4, 9, 20, 33), At(2025, 3, 4, 10, 5, 0), Minutes(0, 44, 27)),
        ], report.Users.Select(u => u.Presence));
        Assert.Equal(TeamsReportSource.AmbiguousDates, Assert.Single(read.Issues).Code);
    }

    [Fact]
    public void A_row_with_neither_name_nor_email_is_said_and_not_counted_in_either_section()
    {
        // One row in each section whose name and email are empty.
        var text = PlatformText()
            .Replace("2. Participants\r\nName\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole\r\n",
                "2. Participants\r\nName\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole\r\n"
                + "\t3/4/25, 9:00:00 AM\t3/4/25, 9:30:00 AM\t30m\t\t\tAttendee\r\n")
            + "\t3/4/25, 11:00:00 AM\t3/4/25, 11:30:00 AM\t30m\t\tAttendee\r\n";

        var read = Read(FromFile(Utf16(text)));

        var noName = read.Issues.Where(i => i.Code == TeamsTables.NoName).ToList();
        Assert.Equal(2, noName.Count);
        Assert.All(noName, i => Assert.Contains("ni nom ni adresse électronique", i.Message));
        Assert.Equal(3, read.Report!.Users.Count);
        Assert.Equal(4, read.Report.Connections.Count);
    }

    [Fact]
    public void A_person_in_one_section_only_is_kept_from_that_section()
    {
        // Chloé is only in the participants (her activities row removed); a late guest is only in the activities.
        var text = PlatformText()
            .Replace("Chloé Petit\t3/4/25, 9:20:33 AM\t3/4/25, 10:05:00 AM\t44m 27s\tchloe.petit@ac-exemple.fr\tAttendee", "")
            + "Guest Late\t3/4/25, 11:00:00 AM\t3/4/25, 11:30:00 AM\t30m\t\tAttendee\r\n";

        var report = Report(FromFile(Utf16(text)));

        var chloe = report.Users.Single(u => u.Name == "Chloé Petit");
        Assert.Equal(Minutes(0, 44, 27), chloe.Presence!.DurationMinutes);
        Assert.DoesNotContain(report.Connections, c => c.Name == "Chloé Petit");
        var guest = Assert.Single(report.Connections, c => c.Name == "Guest Late");
        Assert.Equal((At(2025, 3, 4, 11, 0, 0), At(2025, 3, 4, 11, 30, 0), (string?)null), (guest.Start, guest.End, guest.Email));
        Assert.DoesNotContain(report.Users, u => u.Name == "Guest Late");
    }

    [Fact]
    public void The_older_event_list_pairs_joins_and_leaves_and_ends_an_open_join_at_the_last_moment()
    {
        var read = Read(FromFile(Utf16(EventList)));

        var report = read.Report!;
        DateTime Nov19(int h, int m, int s) => At(2020, 11, 19, h, m, s);
        // Agnès joined at 8:58:02 and never left: counted to 11:58:40, the list's last moment, and said so.
        Assert.Equal(
        [
            (2, "Agnès Formatrice", Nov19(8, 58, 2), Nov19(11, 58, 40)),
            (3, "Martin, Bruno", Nov19(9, 1, 5), Nov19(10, 15, 20)),
            (4, "Chloé Petit", Nov19(9, 20, 33), Nov19(10, 5, 0)),
            (7, "Martin, Bruno", Nov19(10, 31, 43), Nov19(11, 58, 40)),
        ], report.Connections.Select(c => (c.Source.Row, c.Name, c.Start, c.End)));
        Assert.Empty(report.Users);
        Assert.Null(report.Header.Host);
        Assert.Equal(
            [(TeamsReportSource.NoOrganizer, 1, (string?)null), (TeamsEventLog.JoinWithoutLeave, 2, "B")],
            read.Issues.Select(i => (i.Code, i.Row!.Value, i.Column)).OrderBy(i => i.Item2));
        Assert.Contains("comptée jusqu'au 19/11/2020 à 11:58:40", read.Issues.Single(i => i.Code == TeamsEventLog.JoinWithoutLeave).Message);
    }

    [Theory]
    [InlineData(ExcelLocale.French)]
    [InlineData(ExcelLocale.English)]
    [InlineData(ExcelLocale.British)]
    public void The_event_list_as_excel_shows_it_gives_the_same_connections(ExcelLocale locale)
    {
        // Without the comma after the date, an American Excel turns every timestamp into a date (19 November: day
        // over 12, as the file); the others cannot (no month 19) and leave texts.
        var bytes = Utf16(EventList.Replace("2020, ", "2020 "));

        var shown = Read(Shown(bytes, locale));

        Assert.Equal(Figures(Report(FromFile(Utf16(EventList)))), Figures(shown.Report!));
        Assert.Equal([TeamsEventLog.JoinWithoutLeave, TeamsReportSource.NoOrganizer], shown.Issues.Select(i => i.Code).Order());
    }

    [Fact]
    public void A_leave_without_a_join_in_the_event_list_is_said_and_not_counted()
    {
        var read = Read(FromFile(Utf16(EventList + "Zoé Autre\tLeft\t11/19/2020, 11:00:00 AM\r\n")));

        var issue = Assert.Single(read.Issues, i => i.Code == TeamsEventLog.LeaveWithoutJoin);
        Assert.Equal((9, "B"), (issue.Row, issue.Column));
        Assert.DoesNotContain(read.Report!.Connections, c => c.Name == "Zoé Autre");
    }

    [Fact]
    public void Dates_with_am_pm_and_no_day_over_12_are_read_month_first_with_a_warning()
    {
        var read = Read(FromFile(Utf16(WithoutActivities)));

        Assert.Equal(At(2025, 3, 4, 8, 58, 2), read.Report!.Header.Meeting!.Start);
        var warning = Assert.Single(read.Issues);
        Assert.Equal((TeamsReportSource.AmbiguousDates, 4, "B"), (warning.Code, warning.Row, warning.Column));
        Assert.Contains("mois/jour", warning.Message);
    }

    [Fact]
    public void One_date_over_12_anywhere_in_the_file_settles_every_date_of_it()
    {
        // Only the summary's end, 3/14/25, proves month first; one file is one locale, so every 3/4 is 4 March and
        // nothing is left to warn about.
        var text = WithoutActivities.Replace("End time\t3/4/25, 12:03:10 PM", "End time\t3/14/25, 12:03:10 PM");

        var read = Read(FromFile(Utf16(text)));

        Assert.Empty(read.Issues);
        Assert.Equal(At(2025, 3, 4, 9, 1, 5), read.Report!.Users[1].Presence!.FirstJoin);
        Assert.Equal(At(2025, 3, 14, 12, 3, 10), read.Report.Header.Meeting!.End);
    }

    [Fact]
    public void An_empty_report_is_an_error_pointing_at_the_participants_header()
    {
        var text = "1. Summary\r\nMeeting title\tAtelier\r\nAttended participants\t0\r\nStart time\t3/4/25, 8:58:02 AM\r\n"
            + "End time\t3/4/25, 8:58:10 AM\r\n\r\n2. Participants\r\n"
            + "Name\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole\r\n\r\n"
            + "3. In-Meeting Activities\r\nName\tJoin time\tLeave time\tDuration\tEmail\tRole\r\n";

        var read = Read(FromFile(Utf16(text)));

        Assert.Null(read.Report);
        var error = Assert.Single(read.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal((TeamsReportSource.EmptyReport, 8), (error.Code, error.Row));
        Assert.StartsWith("Feuille « meetingAttendanceReport », ligne 8 : le rapport ne contient aucun participant", error.Message);
    }

    [Fact]
    public void A_header_that_neither_its_titles_nor_its_columns_explain_is_an_error_naming_what_was_looked_for()
    {
        // The participants lose their "Last leave" column: the header is not one this reader knows, and the rows
        // show a single column of dates, so neither the titles nor the content give the leave.
        var lines = WithoutActivities.Split("\r\n").Select((line, i) => i is >= 9 and <= 12
            ? string.Join('\t', line.Split('\t').Where((_, c) => c != 2))
            : line);

        var read = Read(FromFile(Utf16(string.Join("\r\n", lines))));

        Assert.Null(read.Report);
        var error = Assert.Single(read.Issues);
        Assert.Equal((IssueSeverity.Error, TeamsReportSource.MissingColumns, 10), (error.Severity, error.Code, error.Row));
        Assert.Contains("il manque « Last leave / Dernier départ »", error.Message);
    }

    [Fact]
    public void Headers_in_words_this_reader_does_not_know_are_read_by_what_their_columns_hold()
    {
        // Another translation than the one assumed: the sections are found by their titles, the columns by their
        // content (a name, two date-times, a duration, addresses, a role), and the trainer is told to check.
        var text = French
            .Replace("Nom\tPremière arrivée\tDernier départ\tDurée de la réunion\tE-mail\tID du participant (UPN)\tRôle",
                "Nom\tPremière entrée\tDernière sortie\tTemps passé\tAdresse\tIdentifiant\tFonction")
            .Replace("Nom\tHeure d'arrivée\tHeure de départ\tDurée\tE-mail\tRôle", "Personne\tEntrée\tSortie\tTemps\tAdresse\tFonction");

        var read = Read(FromFile(Utf16(text)));

        Assert.Equal(Figures(Report(FromFile(Utf16(French)))), Figures(read.Report!));
        Assert.Equal([(TeamsReportSource.ColumnsInferred, 10), (TeamsReportSource.ColumnsInferred, 16)],
            read.Issues.Select(i => (i.Code, i.Row!.Value)));
        Assert.Contains("Name / Nom en colonne A, First join / Première arrivée en colonne B", read.Issues[0].Message);
    }

    [Fact]
    public void Without_activities_the_participants_need_their_duration()
    {
        var text = WithoutActivities.Replace("\tIn-meeting duration\t", "\tTemps\t");

        var error = Assert.Single(Read(FromFile(Utf16(text))).Issues);

        Assert.Equal(TeamsReportSource.MissingColumns, error.Code);
        Assert.Contains("il manque « In-meeting duration / Durée de la réunion »", error.Message);
    }

    [Fact]
    public void Unreadable_cells_leave_before_join_and_an_unknown_role_are_warnings_naming_the_cell()
    {
        var text = PlatformText()
            // Bruno's second activity: leave before join; Chloé's activity: a join that is no date; Chloé's role unknown.
            .Replace("Martin, Bruno\t3/4/25, 10:31:43 AM\t3/4/25, 11:58:40 AM", "Martin, Bruno\t3/4/25, 11:58:40 AM\t3/4/25, 10:31:43 AM")
            .Replace("Chloé Petit\t3/4/25, 9:20:33 AM\t3/4/25, 10:05:00 AM\t44m 27s\tchloe.petit@ac-exemple.fr\tAttendee",
                "Chloé Petit\tsoon\t3/4/25, 10:05:00 AM\t44m 27s\tchloe.petit@ac-exemple.fr\tSpectator");

        var read = Read(FromFile(Utf16(text)));

        Assert.False(read.HasErrors);
        var found = read.Issues.Where(i => i.Code != TeamsReportSource.AmbiguousDates)
            .Select(i => (i.Code, i.Row!.Value, i.Column)).OrderBy(i => i.Item2).ThenBy(i => i.Column).ToList();
        Assert.Equal(
        [
            (TeamsTables.LeaveBeforeJoin, 19, "C"),
            (TeamsCells.UnreadableDate, 20, "B"),
            (TeamsTables.UnknownRole, 20, "F"),
        ], found);
        var unreadable = read.Issues.Single(i => i.Code == TeamsCells.UnreadableDate);
        Assert.StartsWith("Feuille « meetingAttendanceReport », ligne 20, colonne B (Join time) : cette date est illisible", unreadable.Message);
        Assert.DoesNotContain("Chloé", string.Join(" ", read.Issues.Select(i => i.Message)));
        // The row whose leave precedes its join is kept (it counts no time); the unreadable one is not a connection.
        Assert.Equal([17, 18, 19], read.Report!.Connections.Select(c => c.Source.Row));
    }

    [Fact]
    public void An_activity_without_leave_runs_to_the_meetings_end_and_is_said()
    {
        var text = PlatformText().Replace("Chloé Petit\t3/4/25, 9:20:33 AM\t3/4/25, 10:05:00 AM\t44m 27s\tchloe.petit@ac-exemple.fr\tAttendee",
            "Chloé Petit\t3/4/25, 9:20:33 AM\t\t\tchloe.petit@ac-exemple.fr\tAttendee");

        var read = Read(FromFile(Utf16(text)));

        var chloe = read.Report!.Connections.Single(c => c.Name == "Chloé Petit");
        Assert.Equal(At(2025, 3, 4, 12, 3, 10), chloe.End);
        var warning = Assert.Single(read.Issues, i => i.Code == TeamsTables.LeaveMissing);
        Assert.Equal((20, "C"), (warning.Row, warning.Column));
    }

    [Fact]
    public void A_second_report_pasted_below_the_first_is_said_and_not_mixed_in()
    {
        // The sample's 20 lines twice: the second copy's participants header is row 30, its activities header row 36.
        var read = Read(FromFile(Utf16(PlatformText() + PlatformText())));

        Assert.Equal(Figures(Report(FromFile(PlatformFiles.Bytes(PlatformFiles.TeamsSample)))), Figures(read.Report!));
        Assert.Equal([30, 36], read.Issues.Where(i => i.Code == TeamsReportSource.SectionIgnored).Select(i => i.Row!.Value));
    }

    [Theory]
    [InlineData("Co-organizer", ParticipantRole.Trainer)]
    [InlineData("Coorganisateur", ParticipantRole.Trainer)]
    [InlineData("Presenter", ParticipantRole.Trainee)]
    [InlineData("Présentateur", ParticipantRole.Trainee)]
    public void A_co_organiser_is_a_trainer_a_presenter_a_trainee_and_the_host_stays_the_organiser(string role, ParticipantRole expected)
    {
        var text = PlatformText().Replace("chloe.petit@ac-exemple.fr\tAttendee", $"chloe.petit@ac-exemple.fr\t{role}");

        var report = Report(FromFile(Utf16(text)));

        Assert.Equal(expected, report.Users.Single(u => u.Name == "Chloé Petit").Role);
        Assert.Equal(expected, report.Connections.Single(c => c.Name == "Chloé Petit").Role);
        Assert.Equal("Agnès Formatrice", report.Header.Host);
    }

    [Fact]
    public void Other_platforms_files_are_not_taken_for_teams()
    {
        var source = new TeamsReportSource();
        foreach (var name in new[] { PlatformFiles.ZoomSample, PlatformFiles.ZoomVariant, PlatformFiles.BbbSample, PlatformFiles.BbbVariant })
        {
            Assert.False(source.Recognises(FromFile(PlatformFiles.Bytes(name), name)), name);
            Assert.False(source.Recognises(Shown(PlatformFiles.Bytes(name), ExcelLocale.English, name)), name);
        }
        Assert.False(source.Recognises(SeedReport.Workbook(NumberStyle.Numeric, DateStyle.SerialNumber)));
    }

    [Fact]
    public void The_older_list_and_the_no_activities_file_are_recognised()
    {
        var source = new TeamsReportSource();
        Assert.True(source.Recognises(FromFile(Utf16(EventList))));
        Assert.True(source.Recognises(FromFile(Utf16(WithoutActivities))));
        Assert.True(source.Recognises(FromFile(Utf16(French))));
    }

    /// <summary>The sample's text with CRLF line ends.</summary>
    internal static string PlatformText()
    {
        var bytes = PlatformFiles.Bytes(PlatformFiles.TeamsSample);
        return System.Text.Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2).Replace("\r\n", "\n").Replace("\n", "\r\n");
    }
}
