namespace AddinWeb.Reports.Via;

/// <summary>One row of "Sommaire": a user's totals over the period, in decimal minutes.</summary>
public sealed record ViaUserRow
{
    public required SourceRef Source { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    /// <summary>"Connexion": live connection minutes.</summary>
    public double ConnectionMinutes { get; init; }
    public double? MicrophoneMinutes { get; init; }
    public double? PhoneMinutes { get; init; }
    public double? WebcamMinutes { get; init; }
    public double? MultimediaMinutes { get; init; }
    public double? ScreenShareMinutes { get; init; }
    /// <summary>"Connexion Revoir": minutes spent watching the recording (replay, never presence).</summary>
    public double ReplayMinutes { get; init; }
    /// <summary>"Téléchargement d'enregistrement": recording downloads (replay, never presence).</summary>
    public double RecordingDownloads { get; init; }
}

/// <summary>One row of "Temps de connexion en présence": a live connection, local wall-clock times.</summary>
public sealed record ViaConnectionRow
{
    public required SourceRef Source { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public required DateTime Start { get; init; }
    public required DateTime End { get; init; }
    /// <summary>"Connexion" column, decimal minutes, as the report states it.</summary>
    public double? DurationMinutes { get; init; }
    public double? MicrophoneMinutes { get; init; }
    public double? PhoneMinutes { get; init; }
    public double? WebcamMinutes { get; init; }
    public double? MultimediaMinutes { get; init; }
    public double? ScreenShareMinutes { get; init; }
}

/// <summary>
/// A "Total :" row: kept to check the column sums, never a person. Keys are the canonical column titles of
/// <see cref="ViaColumns.Title"/> ("Connexion", "Caméra Web", …), whatever the source header said.
/// </summary>
public sealed record ViaTotalRow(SourceRef Source, IReadOnlyDictionary<string, double> ColumnTotals)
{
    /// <summary>Column letters by column title, so a mismatch can name the cell.</summary>
    public IReadOnlyDictionary<string, string> ColumnLetters { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A Via report as its two sheets hold it, every figure kept: what <see cref="ViaValidator"/> checks (totals, the
/// "Sommaire" against the presence rows) before <see cref="ViaReportSource"/> hands the platform-neutral
/// <see cref="SessionReport"/> on.
/// </summary>
public sealed record ViaReport
{
    public required ReportHeader Header { get; init; }
    public IReadOnlyList<ViaUserRow> Users { get; init; } = [];
    public IReadOnlyList<ViaConnectionRow> Connections { get; init; } = [];
    public IReadOnlyList<ViaTotalRow> Totals { get; init; } = [];
    /// <summary>Names of the source sheets as they are in the workbook (summary sheet, presence sheet).</summary>
    public string SummarySheet { get; init; } = ViaSheets.SummaryName;
    public string PresenceSheet { get; init; } = ViaSheets.PresenceName;
    /// <summary>Where the "Sommaire" table sits (header row, column letters); null when not read from a grid.</summary>
    public ViaTable? SummaryTable { get; init; }
    /// <summary>Where the presence table sits (header row, column letters); null when not read from a grid.</summary>
    public ViaTable? PresenceTable { get; init; }
}

/// <summary>What the Via reader returns: the report when it could be read, and every issue it found on the way.</summary>
public sealed record ViaReadResult(ViaReport? Report, IReadOnlyList<ReportIssue> Issues)
{
    public bool HasErrors => Report is null || Issues.Any(i => i.Severity == IssueSeverity.Error);
}
