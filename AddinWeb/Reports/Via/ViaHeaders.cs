using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Via;

/// <summary>A header row found in a sheet: its row index in the grid and the grid column index of each column.</summary>
internal sealed record HeaderMatch(int RowIndex, IReadOnlyDictionary<ViaColumn, int> Columns);

/// <summary>
/// The column titles of the Via tables and the synonyms real exports and hand edits use. Headers are compared by
/// <see cref="TextNormalizer.HeaderKey"/>: case, accents, spaces, ’ vs ', hyphens and a trailing ':' do not matter.
/// </summary>
internal static class ViaHeaders
{
    public static readonly ViaColumn[] SummaryRequired = [ViaColumn.Name, ViaColumn.Email, ViaColumn.Connection];

    public static readonly ViaColumn[] SummaryColumns =
    [
        ViaColumn.Name, ViaColumn.Email, ViaColumn.Connection, ViaColumn.Microphone, ViaColumn.Phone,
        ViaColumn.Webcam, ViaColumn.Multimedia, ViaColumn.ScreenShare, ViaColumn.Replay,
        ViaColumn.RecordingDownload,
    ];

    public static readonly ViaColumn[] PresenceRequired =
        [ViaColumn.Name, ViaColumn.Email, ViaColumn.Start, ViaColumn.End];

    public static readonly ViaColumn[] PresenceColumns =
    [
        ViaColumn.Name, ViaColumn.Email, ViaColumn.Start, ViaColumn.End, ViaColumn.Connection,
        ViaColumn.Microphone, ViaColumn.Phone, ViaColumn.Webcam, ViaColumn.Multimedia,
        ViaColumn.ScreenShare,
    ];

    private static readonly Dictionary<string, ViaColumn> Synonyms = Build(new()
    {
        [ViaColumn.Name] =
        [
            "Nom de l'utilisateur", "Nom d'utilisateur", "Nom utilisateur", "Utilisateur", "Nom", "Nom complet",
            "Participant", "Nom du participant", "Nom et prénom", "Nom prénom", "Prénom nom", "Prénom et nom",
        ],
        [ViaColumn.Email] =
        [
            "Email", "E-mail", "Mail", "Courriel", "Mél", "Adresse électronique", "Adresse e-mail", "Adresse email",
            "Adresse mail", "Adresse courriel", "Adresse de courriel", "Adresse de messagerie",
        ],
        [ViaColumn.Start] =
        [
            "Début", "Date de début", "Heure de début", "Date et heure de début", "Début de connexion", "Date début",
            "Début de la connexion", "Arrivée", "Entrée",
        ],
        [ViaColumn.End] =
        [
            "Fin", "Date de fin", "Heure de fin", "Date et heure de fin", "Fin de connexion", "Date fin",
            "Fin de la connexion", "Départ", "Sortie",
        ],
        [ViaColumn.Connection] =
            ["Connexion", "Durée", "Durée de connexion", "Temps de connexion", "Connexion en direct", "Durée de la connexion"],
        [ViaColumn.Microphone] = ["Microphone", "Micro"],
        [ViaColumn.Phone] = ["Téléphone", "Tél", "Tel"],
        [ViaColumn.Webcam] = ["Caméra Web", "Caméra", "Webcam", "Web cam", "Web-cam"],
        [ViaColumn.Multimedia] =
            ["Document multimédia", "Documents multimédia", "Documents multimédias", "Document multimedia", "Multimédia"],
        [ViaColumn.ScreenShare] = ["Partage d'écran", "Partage écran", "Partage de l'écran", "Partages d'écran"],
        [ViaColumn.Replay] = ["Connexion Revoir", "Revoir", "Connexion en différé", "Différé", "Connexions Revoir"],
        [ViaColumn.RecordingDownload] =
        [
            "Téléchargement d'enregistrement", "Téléchargements d'enregistrement",
            "Téléchargement de l'enregistrement", "Téléchargements d'enregistrements", "Téléchargement",
        ],
    });

    private static Dictionary<string, ViaColumn> Build(Dictionary<ViaColumn, string[]> byColumn)
    {
        var map = new Dictionary<string, ViaColumn>(StringComparer.Ordinal);
        foreach (var (column, titles) in byColumn)
            foreach (var title in titles)
                map[TextNormalizer.HeaderKey(title)] = column;
        return map;
    }

    /// <summary>Looks titles up by a key written on the stack: the name cell of every data row is checked.</summary>
    private static readonly Dictionary<string, ViaColumn>.AlternateLookup<ReadOnlySpan<char>> SynonymsBySpan =
        Synonyms.GetAlternateLookup<ReadOnlySpan<char>>();

    public static ViaColumn? Recognise(Cell cell) => cell.Kind == CellKind.Text ? Recognise(cell.Text) : null;

    public static ViaColumn? Recognise(string? text)
    {
        Span<char> key = stackalloc char[TextNormalizer.StackChars];
        var found = TextNormalizer.TryWriteHeaderKey(text, key, out var length)
            ? SynonymsBySpan.TryGetValue(key[..length], out var column)
            : Synonyms.TryGetValue(TextNormalizer.HeaderKey(text), out column);
        return found ? column : null;
    }

    /// <summary>The recognised columns of one row (first occurrence wins), restricted to <paramref name="allowed"/>.</summary>
    public static Dictionary<ViaColumn, int> Columns(IReadOnlyList<Cell> row, IReadOnlyCollection<ViaColumn> allowed)
    {
        var columns = new Dictionary<ViaColumn, int>();
        for (var c = 0; c < row.Count; c++)
            if (Recognise(row[c]) is { } column && allowed.Contains(column))
                columns.TryAdd(column, c);
        return columns;
    }

    /// <summary>
    /// The first row holding every required column; otherwise null, with the row that came closest (most
    /// recognised columns, at least two, so that a title or data row is never mistaken for a header).
    /// </summary>
    public static HeaderMatch? Find(SheetGrid sheet, IReadOnlyCollection<ViaColumn> required,
        IReadOnlyCollection<ViaColumn> allowed, out HeaderMatch? bestCandidate)
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
