namespace AddinWeb.Reports.Teams;

/// <summary>
/// The rows of the current format's two tables: "2. Participants" (one listing row per person, with first join, last
/// leave and in-meeting duration) and "3. In-Meeting Activities" (one connection per join).
/// </summary>
internal static class TeamsTables
{
    public const string LeaveBeforeJoin = "LeaveBeforeJoin";
    public const string LeaveMissing = "LeaveMissing";
    public const string UnknownRole = "UnknownRole";
    public const string NoName = "NoName";
    public const string DurationColumnMissing = "DurationColumnMissing";

    /// <summary>
    /// Each participants row lists the person, with its role and, when its first join and duration read, its
    /// presence summary. The engine measures a summary only for someone without connection rows, so every row can
    /// carry its own: the reader need not decide who has activities.
    /// </summary>
    public static List<UserSummary> Participants(TeamsCells cells, TeamsTable table)
    {
        var users = new List<UserSummary>(table.DataRows.Count);
        var columns = table.Columns;
        int? Col(TeamsColumn c) => columns.TryGetValue(c, out var i) ? i : null;
        foreach (var r in table.DataRows)
        {
            if (Person(cells, table, r) is not var (name, email)) continue;
            const string noPresence = "la présence de cette personne ne peut pas être calculée d'après cette ligne.";
            var join = cells.Date(r, Col(TeamsColumn.FirstJoin), cells.HeaderTitle(table, TeamsColumn.FirstJoin), noPresence);
            var leave = cells.Date(r, Col(TeamsColumn.LastLeave), cells.HeaderTitle(table, TeamsColumn.LastLeave),
                "le départ est tenu pour inconnu.");
            var duration = cells.Duration(r, Col(TeamsColumn.InMeetingDuration),
                cells.HeaderTitle(table, TeamsColumn.InMeetingDuration), noPresence);
            if (join is { } j && leave is { } l && l < j)
                cells.Issues.Add(cells.Warning(LeaveBeforeJoin, r, Col(TeamsColumn.LastLeave),
                    cells.HeaderTitle(table, TeamsColumn.LastLeave),
                    "le dernier départ précède la première arrivée ; aucun temps de présence n'est retenu pour cette ligne."));
            users.Add(new UserSummary
            {
                Source = cells.Source(r),
                Name = name,
                Email = email,
                Role = Role(cells, table, r),
                Presence = join is { } first && duration is { } d
                    ? new PresenceSummary(first, leave, d.TotalMinutes)
                    : null,
            });
        }
        return users;
    }

    /// <summary>
    /// Each activities row is one connection. A row whose leave is empty (still connected when the report was
    /// made) is counted up to <paramref name="openEnd"/>'s answer for its start and the latest end of the other rows:
    /// the meeting's end or the report's last moment, and said so.
    /// </summary>
    public static List<Connection> Activities(TeamsCells cells, TeamsTable table, Func<DateTime, DateTime?, (DateTime End, string Why)> openEnd)
    {
        var connections = new List<Connection>(table.DataRows.Count);
        var columns = table.Columns;
        int? Col(TeamsColumn c) => columns.TryGetValue(c, out var i) ? i : null;
        var pending = new List<(int Row, Connection Connection)>();
        foreach (var r in table.DataRows)
        {
            if (Person(cells, table, r) is not var (name, email)) continue;
            var role = Role(cells, table, r);
            var notCounted = "cette connexion n'est pas comptée.";
            var join = cells.Date(r, Col(TeamsColumn.JoinTime), cells.HeaderTitle(table, TeamsColumn.JoinTime), notCounted);
            var leaveColumn = Col(TeamsColumn.LeaveTime)!.Value;
            var leaveEmpty = cells.Sheet[r, leaveColumn].IsEmpty;
            var leave = cells.Date(r, leaveColumn, cells.HeaderTitle(table, TeamsColumn.LeaveTime), notCounted);
            cells.Duration(r, Col(TeamsColumn.Duration), cells.HeaderTitle(table, TeamsColumn.Duration), consequence: null);
            if (join is not { } start || (leave is null && !leaveEmpty))
                continue;
            var connection = new Connection
            {
                Source = cells.Source(r), Name = name, Email = email, Role = role, Start = start, End = leave ?? start,
            };
            if (leave is { } end && end < start)
                cells.Issues.Add(cells.Warning(LeaveBeforeJoin, r, leaveColumn, cells.HeaderTitle(table, TeamsColumn.LeaveTime),
                    "l'heure de départ précède l'heure d'arrivée ; cette connexion ne compte aucun temps de présence."));
            if (leave is null)
                pending.Add((r, connection));
            else
                connections.Add(connection);
        }
        DateTime? latest = connections.Count == 0 ? null : connections.Max(c => c.End > c.Start ? c.End : c.Start);
        foreach (var (row, connection) in pending)
        {
            var (end, why) = openEnd(connection.Start, latest);
            cells.Issues.Add(cells.Warning(LeaveMissing, row, Col(TeamsColumn.LeaveTime), cells.HeaderTitle(table, TeamsColumn.LeaveTime),
                $"l'heure de départ est vide (personne encore connectée quand le rapport a été produit ?) ; la connexion est "
                + $"comptée jusqu'au {TeamsCells.Moment(end)}, {why}."));
            connections.Add(connection with { End = end });
        }
        connections.Sort((a, b) => a.Source.Row.CompareTo(b.Source.Row));
        return connections;
    }

    /// <summary>The row's name and email; null, said in a warning, when it has neither (the row is not counted).</summary>
    private static (string Name, string? Email)? Person(TeamsCells cells, TeamsTable table, int row)
    {
        var name = Name(cells, table, row);
        var email = Email(cells, table, row);
        if (name.Length > 0 || email is not null) return (name, email);
        cells.Issues.Add(cells.Warning(NoName, row, table.Columns.TryGetValue(TeamsColumn.Name, out var i) ? i : null,
            cells.HeaderTitle(table, TeamsColumn.Name),
            "cette ligne n'a ni nom ni adresse électronique ; elle n'est pas prise en compte."));
        return null;
    }

    private static string Name(TeamsCells cells, TeamsTable table, int row) =>
        table.Columns.TryGetValue(TeamsColumn.Name, out var c) ? TeamsCells.Text(cells.Sheet[row, c]) : "";

    private static string? Email(TeamsCells cells, TeamsTable table, int row) =>
        table.Columns.TryGetValue(TeamsColumn.Email, out var c) && TeamsCells.Text(cells.Sheet[row, c]) is { Length: > 0 } email
            ? email
            : null;

    /// <summary>The row's role; a word this reader does not know leaves it to the engine (a trainee unless named host), with a warning.</summary>
    private static ParticipantRole? Role(TeamsCells cells, TeamsTable table, int row)
    {
        if (!table.Columns.TryGetValue(TeamsColumn.Role, out var c) || TeamsCells.Text(cells.Sheet[row, c]) is not { Length: > 0 } text)
            return null;
        if (TeamsVocabulary.Role(text) is { } role)
            return role;
        cells.Issues.Add(cells.Warning(UnknownRole, row, c, cells.HeaderTitle(table, TeamsColumn.Role),
            "ce rôle n'est pas reconnu (attendu : Organizer, Co-organizer, Presenter ou Attendee) ; la personne est "
            + "comptée comme stagiaire."));
        return null;
    }

    /// <summary>True when the row's role is the organiser's own.</summary>
    public static bool IsOrganizer(TeamsCells cells, TeamsTable table, int row) =>
        table.Columns.TryGetValue(TeamsColumn.Role, out var c) && TeamsVocabulary.IsOrganizer(TeamsCells.Text(cells.Sheet[row, c]));
}
