using AddinWeb.Reports.Grid;

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

/// <summary>A participant's role in the session, as the platform states it (host, moderator, organiser) or as found.</summary>
public enum ParticipantRole { Trainee, Trainer }

/// <summary>
/// The session as the report describes it, whatever the platform. Every field may be missing in a real export.
/// </summary>
public sealed record ReportHeader
{
    public string? Title { get; init; }
    /// <summary>PAF reference, e.g. "20A0160236".</summary>
    public string? PafReference { get; init; }
    /// <summary>Module number, e.g. "68653".</summary>
    public string? ModuleNumber { get; init; }
    /// <summary>
    /// The organiser (Via's host, Teams' organiser, Zoom's meeting host) as the report writes them, e.g.
    /// "Stamminger, Elsa". The people whose name (or email, <see cref="HostEmail"/>) matches are trainers.
    /// </summary>
    public string? Host { get; init; }
    /// <summary>The organiser's email when the report gives it (Zoom's meeting header).</summary>
    public string? HostEmail { get; init; }
    public ReportPeriod? Period { get; init; }
    public DateTime? GeneratedAt { get; init; }
    /// <summary>Scheduled slots the report states (Via's slot lines); most platforms state none.</summary>
    public IReadOnlyList<ScheduledSlot> Slots { get; init; } = [];
    /// <summary>
    /// When the meeting actually ran, as the platform recorded it (Teams' and Zoom's start and end): not a scheduled
    /// slot, but what the trainer is offered to start from when entering it.
    /// </summary>
    public ScheduledSlot? Meeting { get; init; }
    /// <summary>Organisation lines at the top ("SVI eSolutions", "Pôle National Foad").</summary>
    public IReadOnlyList<string> Organisation { get; init; } = [];
    /// <summary>Time zone label of the report ("France"); times are kept as the report gives them.</summary>
    public string? TimeZoneLabel { get; init; }
}

/// <summary>
/// What a report says of one person's presence when it has no per-connection times (a BBB dashboard,
/// Teams' participants section): first join, last leave and total time connected. What such a row proves within a
/// slot is a range, not a figure (see the attendance engine).
/// </summary>
/// <param name="FirstJoin">First join, local wall-clock time.</param>
/// <param name="LastLeave">Last leave; null when the person was still connected when the report was made.</param>
/// <param name="DurationMinutes">Time connected over all the person's connections, in minutes.</param>
public sealed record PresenceSummary(DateTime FirstJoin, DateTime? LastLeave, double DurationMinutes);

/// <summary>
/// One row that lists a person: a row of Via's summary sheet, a BBB dashboard row, Teams' participants section, a Zoom
/// "unique users" row. Its presence figures are <see cref="Presence"/> when the platform gives no connection rows.
/// </summary>
public sealed record UserSummary
{
    public required SourceRef Source { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    /// <summary>The role the row states (moderator, organiser, host flag); null when the platform states none.</summary>
    public ParticipantRole? Role { get; init; }
    /// <summary>First join, last leave and duration, when the row gives them.</summary>
    public PresenceSummary? Presence { get; init; }
    /// <summary>Minutes spent watching the recording (replay, never presence).</summary>
    public double ReplayMinutes { get; init; }
    /// <summary>Recording downloads (replay, never presence).</summary>
    public double RecordingDownloads { get; init; }
}

/// <summary>One live connection (Via's presence rows, Teams' in-meeting activities, Zoom's rows), local wall-clock times.</summary>
public sealed record Connection
{
    public required SourceRef Source { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    /// <summary>The role the row states; null when the platform states none.</summary>
    public ParticipantRole? Role { get; init; }
    public required DateTime Start { get; init; }
    public required DateTime End { get; init; }
}

/// <summary>
/// A session report independent of its platform: what every source produces and what the attendance engine, the
/// layout and the API consume. A person may have listing rows (<see cref="Users"/>), connection rows
/// (<see cref="Connections"/>) or both; the engine merges them by email, else by name.
/// </summary>
public sealed record SessionReport
{
    /// <summary>The platform's name as users know it (each source's <see cref="IReportSource.Platform"/>), shown on the sheet.</summary>
    public required string Platform { get; init; }
    public required ReportHeader Header { get; init; }
    public IReadOnlyList<UserSummary> Users { get; init; } = [];
    public IReadOnlyList<Connection> Connections { get; init; } = [];
    /// <summary>
    /// The workbook's sheets the report was read from, as they are named there, in the order their rows are listed
    /// (warnings, source rows): what the fingerprint covers.
    /// </summary>
    public IReadOnlyList<string> SourceSheets { get; init; } = [];

    /// <summary>
    /// The source sheets with native values (dates as dates, durations as durations), made by a reader of a
    /// delimited file with <see cref="Tabular.TypedSheetBuilder"/>: what the workbook returned for a .csv upload
    /// holds beside the "Émargement" sheet (see that builder for how to write them). A reader fills it whichever way
    /// the export came (the file itself or as Excel showed it), typing every column it understands, so that the
    /// fingerprint, computed on it, is the same both ways. Empty when the source was a workbook already (Via): its
    /// own sheets are fingerprinted and returned as they came.
    /// </summary>
    public IReadOnlyList<SheetGrid> TypedSheets { get; init; } = [];

    /// <summary>Position of a sheet in <see cref="SourceSheets"/>; other sheets come after them.</summary>
    public int SheetRank(string? sheet)
    {
        for (var i = 0; i < SourceSheets.Count; i++)
            if (SourceSheets[i] == sheet) return i;
        return SourceSheets.Count;
    }

    /// <summary>The sheet messages about the whole report point at: the first source sheet.</summary>
    public string? MainSheet => SourceSheets.Count > 0 ? SourceSheets[0] : null;
}

/// <summary>What a source returns: the report when it could be read, and every issue it found on the way.</summary>
/// <param name="Report">The report, or null when it could not be read.</param>
/// <param name="Issues">The reader's findings and the source's own checks (validation is per platform).</param>
public sealed record ReportReadResult(SessionReport? Report, IReadOnlyList<ReportIssue> Issues)
{
    public bool HasErrors => Report is null || Issues.Any(i => i.Severity == IssueSeverity.Error);
}

/// <summary>
/// A source adapter: turns one platform's export into a <see cref="SessionReport"/>, with its own checks. Each lives
/// in a folder of its own under <c>Reports/</c> and is registered in <c>Analysis/AnalysisServices</c>; nothing else
/// names a platform.
/// </summary>
public interface IReportSource
{
    /// <summary>Short name of the format, e.g. "via", "bbb": the API's <c>format</c>.</summary>
    string Format { get; }

    /// <summary>The platform's name as users know it, as the sheet prints it ("Plateforme : …").</summary>
    string Platform { get; }

    /// <summary>
    /// What this source looks for, in French, for the message shown when no source recognises a workbook, e.g.
    /// "un classeur .xlsx aux feuilles « … » et « … »".
    /// </summary>
    string Expected { get; }

    /// <summary>True when the workbook looks like this format (its sheets or header rows are there), errors or not.</summary>
    bool Recognises(WorkbookGrid workbook);

    ReportReadResult Read(WorkbookGrid workbook);
}
