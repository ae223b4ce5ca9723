namespace AddinWeb.Reports;

/// <summary>The columns a session report's tables may hold, whatever the source calls them.</summary>
public enum ReportColumn
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
public sealed record ReportTable(int HeaderRow, IReadOnlyDictionary<ReportColumn, string> Columns)
{
    /// <summary>Column letters, or null when the table has no such column.</summary>
    public string? Letter(ReportColumn column) => Columns.TryGetValue(column, out var letter) ? letter : null;
}

public static class ReportColumns
{
    /// <summary>The French title a user reads in the report (used in messages and as <see cref="TotalRow"/> keys).</summary>
    public static string Title(ReportColumn column) => column switch
    {
        ReportColumn.Name => "Nom de l'utilisateur",
        ReportColumn.Email => "Email",
        ReportColumn.Start => "Début",
        ReportColumn.End => "Fin",
        ReportColumn.Connection => "Connexion",
        ReportColumn.Microphone => "Microphone",
        ReportColumn.Phone => "Téléphone",
        ReportColumn.Webcam => "Caméra Web",
        ReportColumn.Multimedia => "Document multimédia",
        ReportColumn.ScreenShare => "Partage d'écran",
        ReportColumn.Replay => "Connexion Revoir",
        ReportColumn.RecordingDownload => "Téléchargement d'enregistrement",
        _ => column.ToString(),
    };

    /// <summary>The column whose canonical title is <paramref name="title"/>, if any.</summary>
    public static ReportColumn? FromTitle(string title) =>
        Enum.GetValues<ReportColumn>().Cast<ReportColumn?>().FirstOrDefault(c => Title(c!.Value) == title);
}
