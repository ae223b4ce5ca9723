using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Tabular;

namespace AddinWeb.Reports.Teams;

/// <summary>
/// Reads a Microsoft Teams meeting attendance report (the .csv Teams downloads: UTF-16, tab-separated), from the file
/// or as Excel shows it. The current format has a summary, the participants (first join, last leave, in-meeting
/// duration, role) and the in-meeting activities (one row per join); the older one a row per join or leave event.
/// The activities give the connections; a participant without any is measured from its participants row (a
/// summary). The organiser (and co-organisers) are trainers; the header's host is the organiser.
/// </summary>
public sealed class TeamsReportSource : IReportSource
{
    public const string PlatformName = "Microsoft Teams";

    public const string MissingColumns = "MissingColumns";
    public const string NoTable = "NoParticipantsSection";
    public const string EmptyReport = "EmptyReport";
    public const string AmbiguousDates = "AmbiguousDates";
    public const string NoOrganizer = "NoOrganizer";
    public const string UnreadableMeeting = "UnreadableMeeting";
    public const string ColumnsInferred = "ColumnsInferred";
    public const string SectionIgnored = "SectionIgnored";

    /// <summary>Recognition looks at the top of each sheet only: the participants header or the events' comes early.</summary>
    private const int RecognitionRows = 200;

    public string Format => "teams";

    public string Platform => PlatformName;

    public string Expected =>
        "le rapport de présence d'une réunion (fichier .csv téléchargé depuis la réunion, onglet « Présence ») : "
        + "sections « Summary » / « Résumé », « Participants » (Name, First join, Last leave, In-meeting duration, Email, "
        + "Role) et « In-Meeting Activities » (Name, Join time, Leave time), ou l'ancienne liste (Full Name, User Action, "
        + "Timestamp)";

    public bool Recognises(WorkbookGrid workbook) => TeamsSheet(workbook) is not null;

    public ReportReadResult Read(WorkbookGrid workbook)
    {
        var issues = new List<ReportIssue>();
        if (TeamsSheet(workbook) is not { } sheet)
        {
            issues.Add(new ReportIssue(IssueSeverity.Error, NoTable,
                $"Aucune feuille de ce classeur n'est un rapport de présence Microsoft Teams. Attendu : {Expected}."));
            return new ReportReadResult(null, issues);
        }
        var layout = TeamsLayout.Of(sheet);
        var report = ReadSheet(sheet, layout, issues);
        return new ReportReadResult(issues.Any(i => i.Severity == IssueSeverity.Error) ? null : report, issues);
    }

    private static SheetGrid? TeamsSheet(WorkbookGrid workbook) =>
        workbook.Sheets.FirstOrDefault(s => TeamsLayout.Of(s, RecognitionRows).LooksLikeTeams);

    private static SessionReport? ReadSheet(SheetGrid sheet, TeamsLayout layout, List<ReportIssue> issues)
    {
        var participants = layout.Table(TeamsSection.Participants);
        var activities = layout.Table(TeamsSection.Activities);
        var events = participants is null && activities is null ? layout.Table(TeamsSection.Events) : null;
        if (!CheckTables(sheet, layout, participants, activities, events, issues))
            return null;
        // One report has one table of each kind: another one (two reports pasted into one sheet, say) is not mixed in.
        foreach (var extra in layout.Tables.Where(t => t != participants && t != activities && t != events))
            issues.Add(ReportLocation.Warning(SectionIgnored, sheet.Name, sheet.ExcelRow(extra.HeaderRow), null, null,
                $"ce tableau « {SectionName(extra.Kind)} » s'ajoute à celui déjà lu plus haut (ou à un rapport d'un autre "
                + "format) ; il n'est pas pris en compte. Analysez chaque rapport de présence séparément."));
        foreach (var table in new[] { participants, activities }.OfType<TeamsTable>().Where(t => t.ColumnsInferred))
            issues.Add(ReportLocation.Warning(ColumnsInferred, sheet.Name, sheet.ExcelRow(table.HeaderRow), null, null,
                $"les titres des colonnes de la section « {SectionName(table.Kind)} » ne sont pas reconnus ; les colonnes "
                + $"ont été déduites de leur contenu ({InferredColumns(sheet, table)}). Vérifiez-les sur la feuille produite."));

        var dates = DateCells.Of(DateColumns(sheet, layout, participants, activities, events).ToArray());
        var typed = new TypedSheetBuilder(sheet);
        var cells = new TeamsCells(sheet, dates, typed, issues);
        WarnIfAmbiguous(cells, layout, participants, activities, events, dates);

        var header = Summary(cells, layout);
        var users = participants is null ? [] : TeamsTables.Participants(cells, participants);
        var connections = new List<Connection>();
        if (activities is not null)
        {
            var latest = Latest(users, header.Meeting);
            connections = TeamsTables.Activities(cells, activities,
                (start, latestConnection) => OpenEnd(start, header.Meeting, Max(latest, latestConnection)));
        }
        if (events is not null)
        {
            connections = TeamsEventLog.Connections(cells, events);
            if (connections.Count > 0)
                issues.Add(ReportLocation.Warning(NoOrganizer, sheet.Name, sheet.ExcelRow(events.HeaderRow), null, null,
                    "cette liste de présence (ancien format de Teams) n'indique ni l'organisateur ni les rôles : aucun "
                    + "participant n'y est désigné comme formateur. Vérifiez la feuille produite : le formateur y figure "
                    + "parmi les stagiaires."));
        }

        if (users.Count == 0 && connections.Count == 0)
        {
            var table = participants ?? activities ?? events!;
            issues.Add(ReportLocation.Error(EmptyReport, sheet.Name, sheet.ExcelRow(table.HeaderRow), null,
                "le rapport ne contient aucun participant lisible : il n'y a rien à émarger. Téléchargez à nouveau le "
                + "rapport de présence une fois la réunion terminée (onglet « Présence » de la réunion dans Teams)."));
            return null;
        }

        header = WithHost(cells, header, participants, activities);
        return new SessionReport
        {
            Platform = PlatformName,
            Header = header,
            Users = users,
            Connections = connections,
            SourceSheets = [sheet.Name],
            TypedSheets = [typed.Build()],
        };
    }

    /// <summary>Each table found has its required columns; a section whose header cannot be read is an error.</summary>
    private static bool CheckTables(SheetGrid sheet, TeamsLayout layout, TeamsTable? participants, TeamsTable? activities,
        TeamsTable? events, List<ReportIssue> issues)
    {
        var ok = true;
        foreach (var table in new[] { participants, activities, events })
        {
            if (table is null) continue;
            var required = TeamsLayout.Required(table.Kind);
            // Without activities, the participants' duration is the only measure of presence; with them it is optional.
            if (table.Kind == TeamsSection.Participants && activities is not null)
                required = required.Where(c => c != TeamsColumn.InMeetingDuration).ToArray();
            var missing = required.Where(c => !table.Columns.ContainsKey(c)).ToList();
            if (missing.Count == 0) continue;
            ok = false;
            issues.Add(ReportLocation.Error(MissingColumns, sheet.Name, sheet.ExcelRow(table.HeaderRow), null,
                $"l'en-tête de la section « {SectionName(table.Kind)} » est incomplet : colonnes attendues "
                + $"{Titles(required)} ; il manque {Titles(missing)}."));
        }
        foreach (var header in layout.Incomplete)
        {
            // A section whose table was read anyway (a second title, say) needs no error.
            if ((header.Kind == TeamsSection.Participants ? participants : activities) is not null) continue;
            ok = false;
            var required = TeamsLayout.Required(header.Kind);
            issues.Add(ReportLocation.Error(MissingColumns, sheet.Name, sheet.ExcelRow(header.Row), null,
                $"la ligne sous le titre de la section « {SectionName(header.Kind)} » n'est pas un en-tête lisible : "
                + $"colonnes attendues {Titles(required)} ; il manque {Titles(required.Where(c => !header.Found.Contains(c)))}."));
        }
        if (ok && participants is null && activities is null && events is null)
        {
            ok = false;
            issues.Add(ReportLocation.Error(NoTable, sheet.Name, null, null,
                "ce rapport Teams n'a ni section « Participants » ni section « In-Meeting Activities » (ni liste "
                + "d'événements Full Name, User Action, Timestamp) : il n'y a rien à émarger. Téléchargez le rapport "
                + "de présence complet depuis la réunion (onglet « Présence »)."));
        }
        return ok;
    }

    private static IEnumerable<IEnumerable<Cell>> DateColumns(SheetGrid sheet, TeamsLayout layout, TeamsTable? participants,
        TeamsTable? activities, TeamsTable? events)
    {
        var summary = new[] { SummaryField.StartTime, SummaryField.EndTime }
            .Select(layout.Line).OfType<SummaryLine>().Select(l => sheet[l.Row, l.ValueColumn]).ToList();
        yield return summary;
        foreach (var (table, column) in new[]
        {
            (participants, TeamsColumn.FirstJoin), (participants, TeamsColumn.LastLeave),
            (activities, TeamsColumn.JoinTime), (activities, TeamsColumn.LeaveTime), (events, TeamsColumn.Timestamp),
        })
            if (table is not null && table.Columns.TryGetValue(column, out var c))
                yield return table.DataRows.Select(r => sheet[r, c]);
    }

    private static void WarnIfAmbiguous(TeamsCells cells, TeamsLayout layout, TeamsTable? participants,
        TeamsTable? activities, TeamsTable? events, DateCells dates)
    {
        if (!dates.IsAmbiguous) return;
        // The warning points at the first date the trainer can check: the meeting's start, else a table's first date column.
        int row; int? column; string? title;
        if (layout.Line(SummaryField.StartTime) is { } start)
            (row, column, title) = (start.Row, start.ValueColumn, TeamsCells.Text(cells.Sheet[start.Row, start.ValueColumn - 1]));
        else
        {
            var (table, dateColumn) = participants is not null ? (participants, TeamsColumn.FirstJoin)
                : activities is not null ? (activities, TeamsColumn.JoinTime) : (events!, TeamsColumn.Timestamp);
            (row, column, title) = (table.HeaderRow, table.Columns[dateColumn], cells.HeaderTitle(table, dateColumn));
        }
        var order = dates.Texts.Order == DayMonthOrder.DayFirst ? "jour/mois (15/11 = 15 novembre)" : "mois/jour (3/4 = 4 mars)";
        cells.Issues.Add(cells.Warning(AmbiguousDates, row, column, title,
            $"les dates de ce rapport ont été lues {order}, d'après la façon dont les heures sont écrites ; rien dans le "
            + "fichier ne permet de trancher. Vérifiez la date de la réunion sur la feuille produite, et saisissez le "
            + "créneau prévu."));
    }

    /// <summary>The summary's title and the meeting's start and end (the actual meeting, not a scheduled slot).</summary>
    private static ReportHeader Summary(TeamsCells cells, TeamsLayout layout)
    {
        var sheet = cells.Sheet;
        string? title = null;
        if (layout.Line(SummaryField.Title) is { } titleLine && TeamsCells.Text(sheet[titleLine.Row, titleLine.ValueColumn]) is { Length: > 0 } text)
            title = text;
        if (layout.Line(SummaryField.AttendedParticipants) is { } count)
            cells.Count(count.Row, count.ValueColumn);
        foreach (var field in new[] { SummaryField.MeetingDuration, SummaryField.AverageAttendance })
            if (layout.Line(field) is { } line)
                cells.Duration(line.Row, line.ValueColumn, Label(sheet, line), consequence: null);

        DateTime? Moment(SummaryField field) => layout.Line(field) is { } line
            ? cells.Date(line.Row, line.ValueColumn, Label(sheet, line),
                "l'heure de la réunion n'est pas reprise (saisissez le créneau prévu).")
            : null;
        var start = Moment(SummaryField.StartTime);
        var end = Moment(SummaryField.EndTime);
        ScheduledSlot? meeting = null;
        if (start is { } s && end is { } e)
        {
            if (e >= s)
                meeting = new ScheduledSlot(s, e);
            else
                cells.Issues.Add(cells.Warning(UnreadableMeeting, layout.Line(SummaryField.EndTime)!.Row,
                    layout.Line(SummaryField.EndTime)!.ValueColumn, Label(sheet, layout.Line(SummaryField.EndTime)!),
                    "la fin de la réunion précède son début ; ces heures ne sont pas reprises (saisissez le créneau prévu)."));
        }
        return new ReportHeader { Title = title, Meeting = meeting };
    }

    private static string Label(SheetGrid sheet, SummaryLine line) => TeamsCells.Text(sheet[line.Row, line.ValueColumn - 1]);

    /// <summary>The host: the first organiser of the participants, else of the activities.</summary>
    private static ReportHeader WithHost(TeamsCells cells, ReportHeader header, TeamsTable? participants, TeamsTable? activities)
    {
        foreach (var table in new[] { participants, activities })
        {
            if (table is null) continue;
            foreach (var r in table.DataRows)
            {
                if (!TeamsTables.IsOrganizer(cells, table, r)) continue;
                var name = table.Columns.TryGetValue(TeamsColumn.Name, out var n) ? TeamsCells.Text(cells.Sheet[r, n]) : "";
                var email = table.Columns.TryGetValue(TeamsColumn.Email, out var m) ? TeamsCells.Text(cells.Sheet[r, m]) : "";
                if (name.Length == 0 && email.Length == 0) continue;
                return header with { Host = name.Length > 0 ? name : null, HostEmail = email.Length > 0 ? email : null };
            }
        }
        return header;
    }

    /// <summary>The latest moment the participants and the meeting show, for a connection left open.</summary>
    private static DateTime? Latest(List<UserSummary> users, ScheduledSlot? meeting)
    {
        DateTime? latest = meeting?.End;
        foreach (var user in users)
            if (user.Presence is { } p)
                foreach (var moment in new[] { p.FirstJoin, p.LastLeave })
                    if (moment is { } m && (latest is null || m > latest)) latest = m;
        return latest;
    }

    private static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static (DateTime End, string Why) OpenEnd(DateTime start, ScheduledSlot? meeting, DateTime? latest)
    {
        if (meeting is { } m && m.End >= start)
            return (m.End, "fin de la réunion indiquée dans le résumé");
        if (latest is { } l && l >= start)
            return (l, "dernier horaire du rapport");
        return (start, "son heure d'arrivée, faute d'autre horaire");
    }

    private static string SectionName(TeamsSection kind) => kind switch
    {
        TeamsSection.Participants => "Participants",
        TeamsSection.Activities => "In-Meeting Activities",
        TeamsSection.Events => "Full Name / User Action / Timestamp",
        _ => "Summary",
    };

    private static string InferredColumns(SheetGrid sheet, TeamsTable table) =>
        string.Join(", ", table.Columns.OrderBy(c => c.Value)
            .Select(c => $"{TeamsVocabulary.Title(c.Key)} en colonne {sheet.ExcelColumn(c.Value)}"));

    private static string Titles(IEnumerable<TeamsColumn> columns) =>
        string.Join(", ", columns.Select(c => $"« {TeamsVocabulary.Title(c)} »"));
}
