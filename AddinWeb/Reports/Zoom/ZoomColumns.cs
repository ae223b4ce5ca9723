using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Zoom;

/// <summary>The columns of the participants table that the reader uses; any other column is ignored.</summary>
internal enum ZoomColumn
{
    /// <summary>"Name (Original Name)": the name shown in the meeting, the account's name in brackets when renamed.</summary>
    Name,
    Email,
    Join,
    Leave,
    /// <summary>"Duration (Minutes)" of one row (one join), rounded up by Zoom.</summary>
    Duration,
    /// <summary>"Total Duration (Minutes)": "unique users" ticked at download, one row per person.</summary>
    TotalDuration,
    Guest,
}

/// <summary>The labels of the meeting header (a label row, then its value row) that the reader uses.</summary>
internal enum MeetingLabel
{
    MeetingId,
    Topic,
    Start,
    End,
    /// <summary>"User Email": the host's account.</summary>
    HostEmail,
    /// <summary>"User Name" in some exports: the host's name.</summary>
    HostName,
    Duration,
    Participants,
}

/// <summary>
/// Titles as Zoom writes them in English accounts, and the French titles a French account is assumed to write (no
/// French export was available: they are the interface's likely wording). Compared by
/// <see cref="TextNormalizer.HeaderKey"/>, which drops case, accents and a bracketed unit, so "Duration (Minutes)",
/// "Durée (minutes)" and "duree" are one title, and "Name (Original Name)" is "name".
/// </summary>
internal static class ZoomColumns
{
    private static readonly Dictionary<string, ZoomColumn> TableTitles = Build(new Dictionary<ZoomColumn, string[]>
    {
        [ZoomColumn.Name] = ["Name (Original Name)", "Name", "Nom (nom d'origine)", "Nom (nom original)", "Nom", "Participant"],
        [ZoomColumn.Email] = ["User Email", "Email", "E-mail de l'utilisateur", "Adresse e-mail de l'utilisateur", "E-mail", "Adresse e-mail", "Courriel"],
        [ZoomColumn.Join] = ["Join Time", "Heure d'arrivée", "Heure de connexion", "Heure d'entrée", "Heure de participation"],
        [ZoomColumn.Leave] = ["Leave Time", "Heure de départ", "Heure de déconnexion", "Heure de sortie"],
        [ZoomColumn.Duration] = ["Duration (Minutes)", "Durée (minutes)"],
        [ZoomColumn.TotalDuration] = ["Total Duration (Minutes)", "Durée totale (minutes)"],
        [ZoomColumn.Guest] = ["Guest", "Invité"],
    });

    private static readonly Dictionary<string, MeetingLabel> MeetingTitles = Build(new Dictionary<MeetingLabel, string[]>
    {
        [MeetingLabel.MeetingId] = ["Meeting ID", "ID de réunion", "ID de la réunion", "Identifiant de réunion", "Identifiant de la réunion"],
        [MeetingLabel.Topic] = ["Topic", "Sujet", "Thème"],
        [MeetingLabel.Start] = ["Start Time", "Heure de début"],
        [MeetingLabel.End] = ["End Time", "Heure de fin"],
        [MeetingLabel.HostEmail] = ["User Email", "E-mail de l'utilisateur", "Adresse e-mail de l'utilisateur"],
        [MeetingLabel.HostName] = ["User Name", "Host Name", "Host", "Nom de l'utilisateur", "Nom de l'hôte", "Hôte"],
        [MeetingLabel.Duration] = ["Duration (Minutes)", "Durée (minutes)"],
        [MeetingLabel.Participants] = ["Participants"],
    });

    private static Dictionary<string, T> Build<T>(Dictionary<T, string[]> byColumn) where T : notnull
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (column, titles) in byColumn)
            foreach (var title in titles)
                map[TextNormalizer.HeaderKey(title)] = column;
        return map;
    }

    /// <summary>The table columns of one row (first occurrence wins), by grid column index.</summary>
    public static Dictionary<ZoomColumn, int> TableColumns(IReadOnlyList<Cell> row) => Columns(row, TableTitles);

    /// <summary>The meeting header labels of one row (first occurrence wins), by grid column index.</summary>
    public static Dictionary<MeetingLabel, int> MeetingColumns(IReadOnlyList<Cell> row) => Columns(row, MeetingTitles);

    private static Dictionary<T, int> Columns<T>(IReadOnlyList<Cell> row, Dictionary<string, T> titles) where T : notnull
    {
        var columns = new Dictionary<T, int>();
        for (var c = 0; c < row.Count; c++)
            if (row[c].Kind == CellKind.Text && titles.TryGetValue(TextNormalizer.HeaderKey(row[c].Text), out var column))
                columns.TryAdd(column, c);
        return columns;
    }

    /// <summary>
    /// True when a duration title gives its unit in minutes, as only Zoom's does ("Duration (Minutes)"): Teams writes
    /// "Duration" with "1h 2m 3s" values, so a table with the other columns but not this nor "Guest" is not Zoom's.
    /// </summary>
    public static bool InMinutes(Cell title) =>
        title.Kind == CellKind.Text && TextNormalizer.Key(title.Text).Contains("minute", StringComparison.Ordinal);

    /// <summary>English titles, for messages saying what was looked for.</summary>
    public static string Title(ZoomColumn column) => column switch
    {
        ZoomColumn.Name => "Name (Original Name)",
        ZoomColumn.Email => "User Email",
        ZoomColumn.Join => "Join Time",
        ZoomColumn.Leave => "Leave Time",
        ZoomColumn.Duration => "Duration (Minutes)",
        ZoomColumn.TotalDuration => "Total Duration (Minutes)",
        ZoomColumn.Guest => "Guest",
        _ => column.ToString(),
    };

    /// <summary>The French titles assumed for a French account, beside the English ones in messages.</summary>
    public static string FrenchTitle(ZoomColumn column) => column switch
    {
        ZoomColumn.Name => "Nom (nom d'origine)",
        ZoomColumn.Email => "E-mail de l'utilisateur",
        ZoomColumn.Join => "Heure d'arrivée",
        ZoomColumn.Leave => "Heure de départ",
        ZoomColumn.Duration => "Durée (minutes)",
        ZoomColumn.TotalDuration => "Durée totale (minutes)",
        ZoomColumn.Guest => "Invité",
        _ => column.ToString(),
    };
}
