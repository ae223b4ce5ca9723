using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Teams;

/// <summary>
/// The older attendance list (2020–2021): one line per event, "Full Name", "User Action" (Joined, Joined before,
/// Left), "Timestamp", no email and no role. Each person's events, in time order, pair into connections: a leave
/// closes the earliest join still open (two devices give two open joins; the union is the same either way).
/// </summary>
internal static class TeamsEventLog
{
    public const string JoinWithoutLeave = "JoinWithoutLeave";
    public const string LeaveWithoutJoin = "LeaveWithoutJoin";
    public const string UnknownAction = "UnknownAction";

    public static List<Connection> Connections(TeamsCells cells, TeamsTable table)
    {
        var nameColumn = table.Columns[TeamsColumn.Name];
        var actionColumn = table.Columns[TeamsColumn.UserAction];
        var timeColumn = table.Columns[TeamsColumn.Timestamp];
        var events = new List<(int Row, string Name, string Key, UserAction Action, DateTime At)>();
        foreach (var r in table.DataRows)
        {
            var name = TeamsCells.Text(cells.Sheet[r, nameColumn]);
            if (name.Length == 0)
            {
                cells.Issues.Add(cells.Warning(TeamsTables.NoName, r, nameColumn, cells.HeaderTitle(table, TeamsColumn.Name),
                    "cette ligne n'a pas de nom ; elle n'est pas prise en compte."));
                continue;
            }
            var actionText = TeamsCells.Text(cells.Sheet[r, actionColumn]);
            var action = TeamsVocabulary.Action(actionText);
            if (action is null)
                cells.Issues.Add(cells.Warning(UnknownAction, r, actionColumn, cells.HeaderTitle(table, TeamsColumn.UserAction),
                    "cette action n'est pas reconnue (attendu : Joined ou Left) ; la ligne n'est pas prise en compte."));
            var at = cells.Date(r, timeColumn, cells.HeaderTitle(table, TeamsColumn.Timestamp), "la ligne n'est pas prise en compte.");
            if (action is { } a && at is { } moment)
                events.Add((r, name, TextNormalizer.PersonKey(name), a, moment));
        }
        if (events.Count == 0)
            return [];

        // A join left open means the person was still there when the list was downloaded, so at least until the
        // list's last moment: that is what can be proven, and it is said.
        var last = events.Max(e => e.At);
        var connections = new List<Connection>();
        foreach (var person in events.GroupBy(e => e.Key.Length > 0 ? e.Key : e.Name))
        {
            var open = new Queue<(int Row, string Name, DateTime At)>();
            foreach (var e in person.OrderBy(e => e.At).ThenBy(e => e.Row))
            {
                if (e.Action == UserAction.Joined)
                {
                    open.Enqueue((e.Row, e.Name, e.At));
                    continue;
                }
                if (open.Count == 0)
                {
                    cells.Issues.Add(cells.Warning(LeaveWithoutJoin, e.Row, actionColumn, cells.HeaderTitle(table, TeamsColumn.UserAction),
                        "ce départ ne suit aucune arrivée de la même personne ; l'heure d'arrivée étant inconnue, aucun temps "
                        + "n'est compté pour ce départ."));
                    continue;
                }
                var join = open.Dequeue();
                connections.Add(Connection(cells, join.Row, join.Name, join.At, e.At));
            }
            foreach (var join in open)
            {
                cells.Issues.Add(cells.Warning(JoinWithoutLeave, join.Row, actionColumn, cells.HeaderTitle(table, TeamsColumn.UserAction),
                    "cette arrivée n'est suivie d'aucun départ de la même personne (encore connectée quand la liste a été "
                    + $"téléchargée ?) ; la connexion est comptée jusqu'au {TeamsCells.Moment(last)}, dernier horaire de la liste."));
                connections.Add(Connection(cells, join.Row, join.Name, join.At, last));
            }
        }
        connections.Sort((a, b) => a.Source.Row.CompareTo(b.Source.Row));
        return connections;
    }

    private static Connection Connection(TeamsCells cells, int row, string name, DateTime start, DateTime end) => new()
    {
        Source = cells.Source(row), Name = name, Start = start, End = end,
    };
}
