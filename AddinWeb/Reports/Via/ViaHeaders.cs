using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Via;

/// <summary>A header row found in a sheet: its row index in the grid and the grid column index of each column.</summary>
internal sealed record HeaderMatch(int RowIndex, IReadOnlyDictionary<ReportColumn, int> Columns);

/// <summary>
/// The column titles of the Via tables and the synonyms real exports and hand edits use. Headers are compared by
/// <see cref="TextNormalizer.HeaderKey"/>: case, accents, spaces, ’ vs ', hyphens and a trailing ':' do not matter.
/// </summary>
internal static class ViaHeaders
{
    public static readonly ReportColumn[] SummaryRequired = [ReportColumn.Name, ReportColumn.Email, ReportColumn.Connection];

    public static readonly ReportColumn[] SummaryColumns =
    [
        ReportColumn.Name, ReportColumn.Email, ReportColumn.Connection, ReportColumn.Microphone, ReportColumn.Phone,
        ReportColumn.Webcam, ReportColumn.Multimedia, ReportColumn.ScreenShare, ReportColumn.Replay,
        ReportColumn.RecordingDownload,
    ];

    public static readonly ReportColumn[] PresenceRequired =
        [ReportColumn.Name, ReportColumn.Email, ReportColumn.Start, ReportColumn.End];

    public static readonly ReportColumn[] PresenceColumns =
    [
        ReportColumn.Name, ReportColumn.Email, ReportColumn.Start, ReportColumn.End, ReportColumn.Connection,
        ReportColumn.Microphone, ReportColumn.Phone, ReportColumn.Webcam, ReportColumn.Multimedia,
        ReportColumn.ScreenShare,
    ];

    private static readonly Dictionary<string, ReportColumn> Synonyms = Build(new()
    {
        [ReportColumn.Name] =
        [
            "Nom de l'utilisateur", "Nom d'utilisateur", "Nom utilisateur", "Utilisateur", "Nom", "Nom complet",
            "Participant", "Nom du participant", "Nom et prénom", "Nom prénom", "Prénom nom", "Prénom et nom",
        ],
        [ReportColumn.Email] =
        [
            "Email", "E-mail", "Mail", "Courriel", "Mél", "Adresse électronique", "Adresse e-mail", "Adresse email",
            "Adresse mail", "Adresse courriel", "Adresse de courriel", "Adresse de messagerie",
        ],
        [ReportColumn.Start] =
        [
            "Début", "Date de début", "Heure de début", "Date et heure de début", "Début de connexion", "Date début",
            "Début de la connexion", "Arrivée", "Entrée",
        ],
        [ReportColumn.End] =
        [
            "Fin", "Date de fin", "Heure de fin", "Date et heure de fin", "Fin de connexion", "Date fin",
            "Fin de la connexion", "Départ", "Sortie",
        ],
        [ReportColumn.Connection] =
            ["Connexion", "Durée", "Durée de connexion", "Temps de connexion", "Connexion en direct", "Durée de la connexion"],
        [ReportColumn.Microphone] = ["Microphone", "Micro"],
        [ReportColumn.Phone] = ["Téléphone", "Tél", "Tel"],
        [ReportColumn.Webcam] = ["Caméra Web", "Caméra", "Webcam", "Web cam", "Web-cam"],
        [ReportColumn.Multimedia] =
            ["Document multimédia", "Documents multimédia", "Documents multimédias", "Document multimedia", "Multimédia"],
        [ReportColumn.ScreenShare] = ["Partage d'écran", "Partage écran", "Partage de l'écran", "Partages d'écran"],
        [ReportColumn.Replay] = ["Connexion Revoir", "Revoir", "Connexion en différé", "Différé", "Connexions Revoir"],
        [ReportColumn.RecordingDownload] =
        [
            "Téléchargement d'enregistrement", "Téléchargements d'enregistrement",
            "Téléchargement de l'enregistrement", "Téléchargements d'enregistrements", "Téléchargement",
        ],
    });

    private static Dictionary<string, ReportColumn> Build(Dictionary<ReportColumn, string[]> byColumn)
    {
        var map = new Dictionary<string, ReportColumn>(StringComparer.Ordinal);
        foreach (var (column, titles) in byColumn)
            foreach (var title in titles)
                map[TextNormalizer.HeaderKey(title)] = column;
        return map;
    }

    /// <summary>Looks titles up by a key written on the stack: the name cell of every data row is checked.</summary>
    private static readonly Dictionary<string, ReportColumn>.AlternateLookup<ReadOnlySpan<char>> SynonymsBySpan =
        Synonyms.GetAlternateLookup<ReadOnlySpan<char>>();

    public static ReportColumn? Recognise(Cell cell) => cell.Kind == CellKind.Text ? Recognise(cell.Text) : null;

    public static ReportColumn? Recognise(string? text)
    {
        Span<char> key = stackalloc char[TextNormalizer.StackChars];
        var found = TextNormalizer.TryWriteHeaderKey(text, key, out var length)
            ? SynonymsBySpan.TryGetValue(key[..length], out var column)
            : Synonyms.TryGetValue(TextNormalizer.HeaderKey(text), out column);
        return found ? column : null;
    }

    /// <summary>The recognised columns of one row (first occurrence wins), restricted to <paramref name="allowed"/>.</summary>
    public static Dictionary<ReportColumn, int> Columns(IReadOnlyList<Cell> row, IReadOnlyCollection<ReportColumn> allowed)
    {
        var columns = new Dictionary<ReportColumn, int>();
        for (var c = 0; c < row.Count; c++)
            if (Recognise(row[c]) is { } column && allowed.Contains(column))
                columns.TryAdd(column, c);
        return columns;
    }

    /// <summary>
    /// The first row holding every required column; otherwise null, with the row that came closest (most
    /// recognised columns, at least two, so that a title or data row is never mistaken for a header).
    /// </summary>
    public static HeaderMatch? Find(SheetGrid sheet, IReadOnlyCollection<ReportColumn> required,
        IReadOnlyCollection<ReportColumn> allowed, out HeaderMatch? bestCandidate)
    {
        bestCandidate = null;
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var columns = Columns(sheet.Rows[r], allowed);
            if (columns.Count == 0)
                continue;
            var match = new HeaderMatch(r, columns);
            if (required.All(columns.ContainsKey))
                return match;
            if (columns.Count >= 2 && columns.Count > (bestCandidate?.Columns.Count ?? 0))
                bestCandidate = match;
        }
        return null;
    }
}
