namespace AddinWeb.Reports.Via;

/// <summary>The columns a session report's tables may hold, whatever the source calls them.</summary>
public enum ViaColumn
{
    Name,
    Email,
    Start,
    End,
    Connection,
    Microphone,
    Phone,
    Webcam,
    Multimedia,
    ScreenShare,
    Replay,
    RecordingDownload,
}

/// <summary>
/// Where one table of the report sits in its sheet: its header row and the letters of each recognised column, so
/// that validation can point at the exact cell (the columns may be in any order, the table anywhere in the sheet).
/// </summary>
public sealed record ViaTable(int HeaderRow, IReadOnlyDictionary<ViaColumn, string> Columns)
{
    /// <summary>Column letters, or null when the table has no such column.</summary>
    public string? Letter(ViaColumn column) => Columns.TryGetValue(column, out var letter) ? letter : null;
}

public static class ViaColumns
{
    /// <summary>The French title a user reads in the report (used in messages and as <see cref="ViaTotalRow"/> keys).</summary>
    public static string Title(ViaColumn column) => column switch
    {
        ViaColumn.Name => "Nom de l'utilisateur",
        ViaColumn.Email => "Email",
        ViaColumn.Start => "Début",
        ViaColumn.End => "Fin",
        ViaColumn.Connection => "Connexion",
        ViaColumn.Microphone => "Microphone",
        ViaColumn.Phone => "Téléphone",
        ViaColumn.Webcam => "Caméra Web",
        ViaColumn.Multimedia => "Document multimédia",
        ViaColumn.ScreenShare => "Partage d'écran",
        ViaColumn.Replay => "Connexion Revoir",
        ViaColumn.RecordingDownload => "Téléchargement d'enregistrement",
        _ => column.ToString(),
    };

    /// <summary>The column whose canonical title is <paramref name="title"/>, if any.</summary>
    public static ViaColumn? FromTitle(string title) =>
        Enum.GetValues<ViaColumn>().Cast<ViaColumn?>().FirstOrDefault(c => Title(c!.Value) == title);
}
