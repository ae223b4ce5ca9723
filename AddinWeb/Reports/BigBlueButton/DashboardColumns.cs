using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.BigBlueButton;

/// <summary>The fixed columns of the dashboard's users table (the poll columns that follow have no fixed title).</summary>
public enum DashboardColumn
{
    Name,
    Moderator,
    ActivityScore,
    TalkTime,
    WebcamTime,
    Messages,
    Reactions,
    PollVotes,
    RaiseHands,
    Join,
    Left,
    Duration,
}

/// <summary>A header row found in a sheet.</summary>
/// <param name="RowIndex">Its row index in the grid.</param>
/// <param name="Columns">The grid column index of each fixed column found (the first of a title).</param>
/// <param name="FrenchLabels">True when some title is one only the French translation uses ("Rejoindre", "Quitté"):
/// the dashboard then ran in a French browser, whose dates are day first.</param>
internal sealed record DashboardHeader(int RowIndex, IReadOnlyDictionary<DashboardColumn, int> Columns, bool FrenchLabels)
{
    public int Index(DashboardColumn column) => Columns.TryGetValue(column, out var index) ? index : -1;
}

/// <summary>
/// The titles the dashboard writes, in the languages of its locale files (English is the fallback of every label,
/// so a French file may keep "Activity Score" and "Duration" in English, and a failed locale load leaves them all
/// English), compared by <see cref="TextNormalizer.HeaderKey"/>: case, accents and spaces do not matter.
/// </summary>
internal static class DashboardColumns
{
    public static readonly DashboardColumn[] Required =
        [DashboardColumn.Name, DashboardColumn.Moderator, DashboardColumn.Join, DashboardColumn.Left, DashboardColumn.Duration];

    /// <summary>Columns no other export names so: one of them among three recognised titles makes a dashboard header.</summary>
    private static readonly HashSet<DashboardColumn> Distinctive =
    [
        DashboardColumn.Moderator, DashboardColumn.ActivityScore, DashboardColumn.TalkTime, DashboardColumn.WebcamTime,
        DashboardColumn.PollVotes, DashboardColumn.RaiseHands, DashboardColumn.Join, DashboardColumn.Left,
    ];

    private static readonly Dictionary<DashboardColumn, string[]> English = new()
    {
        [DashboardColumn.Name] = ["Name", "User"],
        [DashboardColumn.Moderator] = ["Moderator"],
        [DashboardColumn.ActivityScore] = ["Activity Score"],
        [DashboardColumn.TalkTime] = ["Talk Time"],
        [DashboardColumn.WebcamTime] = ["Webcam Time"],
        [DashboardColumn.Messages] = ["Messages"],
        [DashboardColumn.Reactions] = ["Reactions", "Emojis"],
        [DashboardColumn.PollVotes] = ["Poll Votes", "Answers"],
        [DashboardColumn.RaiseHands] = ["Raise Hands"],
        [DashboardColumn.Join] = ["Join"],
        [DashboardColumn.Left] = ["Left"],
        [DashboardColumn.Duration] = ["Duration"],
    };

    private static readonly Dictionary<DashboardColumn, string[]> French = new()
    {
        [DashboardColumn.Name] = ["Nom", "Utilisateur"],
        [DashboardColumn.Moderator] = ["Modérateur"],
        [DashboardColumn.ActivityScore] = ["Résultats pour l'activité", "Score d'activité"],
        [DashboardColumn.TalkTime] = ["Temps de conversation", "Temps de parole"],
        [DashboardColumn.WebcamTime] = ["Temps de partage de caméra", "Temps de webcam"],
        [DashboardColumn.Messages] = ["Messages"],
        [DashboardColumn.Reactions] = ["Réactions", "Émojis"],
        [DashboardColumn.PollVotes] = ["Votes du sondage", "Réponses"],
        [DashboardColumn.RaiseHands] = ["Mains levées"],
        [DashboardColumn.Join] = ["Rejoindre", "Rejoint"],
        [DashboardColumn.Left] = ["Quitté"],
        [DashboardColumn.Duration] = ["Durée"],
    };

    /// <summary>German and Spanish, from the same locale files: recognised, but they say nothing of the date order.</summary>
    private static readonly Dictionary<DashboardColumn, string[]> Others = new()
    {
        [DashboardColumn.Name] = ["Nombre"],
        [DashboardColumn.Moderator] = ["Moderador"],
        [DashboardColumn.ActivityScore] = ["Aktivitätswert", "Puntuación de la actividad"],
        [DashboardColumn.TalkTime] = ["Redezeit", "Tiempo de conversación"],
        [DashboardColumn.WebcamTime] = ["Webcamzeit", "Tiempo de uso de cámara web"],
        [DashboardColumn.Messages] = ["Nachrichten", "Mensajes"],
        [DashboardColumn.Reactions] = ["Reaktionen", "Reacciones"],
        [DashboardColumn.PollVotes] = ["Abstimmungen", "Votos en la encuesta"],
        [DashboardColumn.RaiseHands] = ["Gehobene Hände", "Manos levantadas"],
        [DashboardColumn.Join] = ["Teilnahme", "Accedió"],
        [DashboardColumn.Left] = ["Verlassen", "Salió"],
        [DashboardColumn.Duration] = ["Dauer", "Duración"],
    };

    /// <summary>The name the dashboard gives the last row, which holds anonymous poll answers and no person.</summary>
    private static readonly HashSet<string> AnonymousNames =
        new[] { "Anonymous", "Anonyme", "Anonym", "Anónimo/a", "Anónimo" }.Select(TextNormalizer.HeaderKey).ToHashSet();

    private static readonly Dictionary<string, DashboardColumn> Titles = BuildTitles();

    /// <summary>Keys only the French translation writes ("Messages" is English too, "Réactions" is "Reactions").</summary>
    private static readonly HashSet<string> FrenchOnly = French.Values.SelectMany(t => t).Select(TextNormalizer.HeaderKey)
        .Except(English.Values.Concat(Others.Values).SelectMany(t => t).Select(TextNormalizer.HeaderKey)).ToHashSet();

    private static Dictionary<string, DashboardColumn> BuildTitles()
    {
        var titles = new Dictionary<string, DashboardColumn>(StringComparer.Ordinal);
        foreach (var language in new[] { English, French, Others })
            foreach (var (column, texts) in language)
                foreach (var text in texts)
                    titles[TextNormalizer.HeaderKey(text)] = column;
        return titles;
    }

    /// <summary>The French title a trainer reads in messages (as a French dashboard writes it).</summary>
    public static string Title(DashboardColumn column) => column switch
    {
        DashboardColumn.ActivityScore => "Activity Score",
        DashboardColumn.Duration => "Duration",
        _ => French[column][0],
    };

    /// <summary>The English title, for messages about a header that is missing.</summary>
    public static string EnglishTitle(DashboardColumn column) => English[column][0];

    public static bool IsAnonymousName(string? text) => AnonymousNames.Contains(TextNormalizer.HeaderKey(text));

    public static DashboardColumn? Recognise(Cell cell) =>
        cell.Kind == CellKind.Text && Titles.TryGetValue(TextNormalizer.HeaderKey(cell.Text), out var column) ? column : null;

    /// <summary>Rows looked at for the header: it is the first line of the export, after a few blank ones at most.</summary>
    private const int HeaderSearchRows = 30;

    /// <summary>
    /// The first row (among the first few) that reads as the dashboard's header, complete or not: three recognised
    /// titles, one of them the dashboard's own. The first occurrence of a title wins: poll questions come after the
    /// fixed columns, and a question that happens to read "Join" must not move a column.
    /// </summary>
    public static DashboardHeader? Find(SheetGrid sheet)
    {
        for (var r = 0; r < Math.Min(sheet.Rows.Count, HeaderSearchRows); r++)
        {
            var row = sheet.Rows[r];
            var columns = new Dictionary<DashboardColumn, int>();
            var french = false;
            for (var c = 0; c < row.Count; c++)
            {
                if (Recognise(row[c]) is not { } column || !columns.TryAdd(column, c))
                    continue;
                french |= FrenchOnly.Contains(TextNormalizer.HeaderKey(row[c].Text));
            }
            if (columns.Count >= 3 && columns.Keys.Any(Distinctive.Contains))
                return new DashboardHeader(r, columns, french);
        }
        return null;
    }
}
