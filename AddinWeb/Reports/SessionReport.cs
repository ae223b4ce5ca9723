namespace AddinWeb.Reports;

/// <summary>Where a figure comes from: the sheet name as it is in the workbook and its 1-based Excel row.</summary>
public readonly record struct SourceRef(string Sheet, int Row);

/// <summary>The report's period ("31 octobre 2020 au 10 novembre 2020"), both days included.</summary>
public sealed record ReportPeriod(DateOnly Start, DateOnly End);

/// <summary>A scheduled slot ("10 novembre - 14:00 à 16:30"), in the report's local wall-clock time.</summary>
public sealed record ScheduledSlot(DateTime Start, DateTime End)
{
    public double Minutes => (End - Start).TotalMinutes;
}

/// <summary>The title block of a report. Every field may be missing in a real export.</summary>
public sealed record ReportHeader
{
    public string? Title { get; init; }
    /// <summary>PAF reference, e.g. "20A0160236".</summary>
    public string? PafReference { get; init; }
    /// <summary>Module number, e.g. "68653".</summary>
    public string? ModuleNumber { get; init; }
    /// <summary>Host as written in the report, e.g. "Stamminger, Elsa".</summary>
    public string? Host { get; init; }
    public ReportPeriod? Period { get; init; }
    public DateTime? GeneratedAt { get; init; }
    public IReadOnlyList<ScheduledSlot> Slots { get; init; } = [];
    /// <summary>Organisation lines at the top ("SVI eSolutions", "Pôle National Foad").</summary>
    public IReadOnlyList<string> Organisation { get; init; } = [];
    /// <summary>Time zone label of the presence sheet ("France"); times are kept as the report gives them.</summary>
    public string? TimeZoneLabel { get; init; }
}

/// <summary>One row of "Sommaire": a user's totals over the period, in decimal minutes.</summary>
public sealed record UserSummary
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
public sealed record Connection
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
/// <see cref="ReportColumns.Title"/> ("Connexion", "Caméra Web", …), whatever the source header said.
/// </summary>
public sealed record TotalRow(SourceRef Source, IReadOnlyDictionary<string, double> ColumnTotals)
{
    /// <summary>Column letters by column title, so a mismatch can name the cell.</summary>
    public IReadOnlyDictionary<string, string> ColumnLetters { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A session report independent of its source format: what every reader produces and what validation and the
/// attendance engine consume.
/// </summary>
public sealed record SessionReport
{
    public required ReportHeader Header { get; init; }
    public IReadOnlyList<UserSummary> Users { get; init; } = [];
    public IReadOnlyList<Connection> Connections { get; init; } = [];
    public IReadOnlyList<TotalRow> Totals { get; init; } = [];
    /// <summary>Names of the source sheets as they are in the workbook (summary sheet, presence sheet).</summary>
    public string SummarySheet { get; init; } = "Sommaire";
    public string PresenceSheet { get; init; } = "Temps de connexion en présence";
    /// <summary>Where the "Sommaire" table sits (header row, column letters); null when not read from a grid.</summary>
    public ReportTable? SummaryTable { get; init; }
    /// <summary>Where the presence table sits (header row, column letters); null when not read from a grid.</summary>
    public ReportTable? PresenceTable { get; init; }
}

/// <summary>What a reader returns: the report when it could be read, and every issue it found on the way.</summary>
public sealed record ReportReadResult(SessionReport? Report, IReadOnlyList<ReportIssue> Issues)
{
    public bool HasErrors => Report is null || Issues.Any(i => i.Severity == IssueSeverity.Error);
}

/// <summary>
/// A source adapter: turns one export format into a <see cref="SessionReport"/>. Via is the first; another
/// platform's export plugs in beside it without touching validation or the engine.
/// </summary>
public interface IReportSource
{
    /// <summary>Short name of the format, e.g. "via".</summary>
    string Format { get; }

    /// <summary>True when the workbook looks like this format (its sheets are there), errors or not.</summary>
    bool Recognises(Grid.WorkbookGrid workbook);

    ReportReadResult Read(Grid.WorkbookGrid workbook);
}
