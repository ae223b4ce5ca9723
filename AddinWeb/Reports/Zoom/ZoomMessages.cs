namespace AddinWeb.Reports.Zoom;

/// <summary>
/// What the Zoom reader tells the trainer about the report as a whole, in French: each text follows the location
/// prefix (<see cref="ReportLocation"/>) and says what to do, usually how to download the report again.
/// </summary>
internal static class ZoomMessages
{
    /// <summary>Zoom's own name for the option that adds the meeting header to the export.</summary>
    private const string WithMeetingData = "« Exporter avec les données de la réunion »";

    public static string MissingColumns(IEnumerable<ZoomColumn> missing) =>
        "la ligne d'en-tête du tableau des participants est incomplète : il manque "
        + string.Join(", ", missing.Select(ColumnNames)) + ". Téléchargez à nouveau le rapport des participants "
        + "depuis Zoom (Rapports, Utilisation, nombre de participants, Exporter) sans en retirer de colonne.";

    public static string NoTable() =>
        "le tableau des participants est introuvable. En-têtes attendus : "
        + string.Join(", ", ZoomLayout.Required.Select(ColumnNames)) + ", avec « Duration (Minutes) » ou « Guest ».";

    /// <summary>« Join Time » (ou « Heure d'arrivée »): both titles, since headers follow the account's language.</summary>
    public static string ColumnNames(ZoomColumn column) =>
        $"« {ZoomColumns.Title(column)} » (ou « {ZoomColumns.FrenchTitle(column)} »)";

    public const string NoParticipant =
        "le tableau des participants ne contient aucune ligne : ce rapport ne permet pas d'établir la feuille "
        + "d'émargement. Vérifiez que la réunion choisie dans Zoom est la bonne et téléchargez à nouveau son rapport "
        + "des participants.";

    public const string UniqueUsersWithoutTimes =
        "ce rapport des participants uniques ne donne que la durée totale de chacun, sans heure d'arrivée ni de "
        + "départ, et sans l'en-tête de la réunion qui en donnerait le début et la fin : il ne permet pas de savoir "
        + $"qui était présent sur le créneau. Téléchargez-le à nouveau avec l'option {WithMeetingData}, ou sans "
        + "l'option « Afficher les utilisateurs uniques ».";

    public const string HostUnknown =
        "le rapport ne comporte pas l'en-tête de la réunion, qui désigne l'hôte ; tous les participants sont donc "
        + "comptés comme stagiaires. Pour que l'hôte soit reconnu comme formateur, téléchargez le rapport des "
        + $"participants avec l'option {WithMeetingData}.";

    /// <summary>The waiting-room rows by their numbers, the first ten only when there are more.</summary>
    public static string WaitingRoom(IReadOnlyList<int> rows)
    {
        var which = rows.Count switch
        {
            1 => $"la ligne {rows[0]} indique",
            <= 10 => $"les lignes {string.Join(", ", rows.SkipLast(1))} et {rows[^1]} indiquent",
            _ => $"{rows.Count} lignes (les lignes {string.Join(", ", rows.Take(10))}…) indiquent",
        };
        return $"{which} un temps passé en salle d'attente, avant d'être admis dans la réunion : ce temps n'est pas "
            + "compté comme présence.";
    }

    public const string UnreadableMeetingTime =
        "cette heure n'est pas une date lisible (attendu par exemple : 11/19/2021 9:54:15 AM) ; l'heure réelle de la "
        + "réunion ne pourra pas être proposée comme créneau.";
}
