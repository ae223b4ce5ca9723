using AddinWeb.Reports;

namespace AddinWeb.Attendance;

public enum AttendanceStatus { Present, Partial, Absent }

/// <summary>What a participant's figures rest on.</summary>
public enum PresenceBasis
{
    /// <summary>Connection rows with their times: the figures are exact.</summary>
    Connections,
    /// <summary>
    /// Only first join, last leave and total duration (a dashboard or a participants list): the time within
    /// the slots is known to lie between <see cref="ParticipantAttendance.MinutesInSlot"/> (the certain figure, the
    /// one the status and rate use) and <see cref="ParticipantAttendance.MinutesInSlotMax"/>.
    /// </summary>
    Summary,
    /// <summary>Listed by the report without any presence (a Via summary row without presence rows): absent.</summary>
    None,
}

/// <summary>How a session's bounds were found.</summary>
public enum SessionSource
{
    /// <summary>A slot line of the report ("10 novembre - 14:00 à 16:30").</summary>
    Scheduled,
    /// <summary>No slot line: a calendar half-day that holds connections (morning before 13:00, afternoon after).</summary>
    HalfDay,
    /// <summary>A slot the trainer entered (task pane, upload page or API option): it replaces the report's.</summary>
    Entered,
}

/// <summary>
/// One session (a slot, or a half-day) attendance is computed against. <see cref="Index"/> is its 1-based number in
/// chronological order; participants' <see cref="ParticipantAttendance.Sessions"/> come in the same order.
/// </summary>
public sealed record AttendanceSession(int Index, DateTime Start, DateTime End, SessionSource Source)
{
    public double ScheduledMinutes => (End - Start).TotalMinutes;
}

/// <summary>A participant's figures for one session.</summary>
public sealed record SessionAttendance
{
    public required int SessionIndex { get; init; }
    public int Connections { get; init; }
    public DateTime? FirstJoin { get; init; }
    public DateTime? LastLeave { get; init; }
    /// <summary>Union of the participant's connections that touch this session, in minutes.</summary>
    public double MinutesConnected { get; init; }
    /// <summary>Union clipped to the session's bounds, in minutes; for a summary, the certain (least) figure.</summary>
    public double MinutesInSlot { get; init; }
    /// <summary>The most the time within the session can be: <see cref="MinutesInSlot"/> itself when connections give it exactly.</summary>
    public double MinutesInSlotMax { get; init; }
    public double Rate { get; init; }
    public AttendanceStatus Status { get; init; }
    public bool LateArrival { get; init; }
    public bool EarlyLeave { get; init; }
}

/// <summary>One person's attendance over the whole report, traceable to the rows it was computed from.</summary>
public sealed record ParticipantAttendance
{
    /// <summary>Name as the report writes it ("Prénom NOM").</summary>
    public required string Name { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string? Email { get; init; }
    public ParticipantRole Role { get; init; }
    /// <summary>Whether the figures come from connection rows (exact) or from a summary (a range).</summary>
    public PresenceBasis Basis { get; init; }
    /// <summary>Live connection rows of this participant.</summary>
    public int Connections { get; init; }
    public DateTime? FirstJoin { get; init; }
    public DateTime? LastLeave { get; init; }
    /// <summary>
    /// Union of all live connections, in minutes (two devices at once count once); for a summary, the duration the
    /// platform states.
    /// </summary>
    public double MinutesConnected { get; init; }
    /// <summary>
    /// Union clipped to the sessions, summed over sessions, in minutes. For a summary, the certain figure: the least
    /// the time within the sessions can be (the duration minus the part of first join – last leave outside them).
    /// </summary>
    public double MinutesInSlot { get; init; }
    /// <summary>
    /// The most the time within the sessions can be: equal to <see cref="MinutesInSlot"/> for connection rows; for a
    /// summary, the least of the duration and the part of first join – last leave within the sessions.
    /// </summary>
    public double MinutesInSlotMax { get; init; }
    /// <summary>Minutes in slot / scheduled minutes of all sessions (0–1).</summary>
    public double Rate { get; init; }
    public AttendanceStatus Status { get; init; }
    /// <summary>Minutes of replay (Via's "Connexion Revoir"): reported apart, never presence.</summary>
    public double ReplayMinutes { get; init; }
    /// <summary>Recording downloads (Via's "Téléchargement d'enregistrement").</summary>
    public double RecordingDownloads { get; init; }
    /// <summary>Late on at least one session.</summary>
    public bool LateArrival { get; init; }
    /// <summary>Left early on at least one session.</summary>
    public bool EarlyLeave { get; init; }
    /// <summary>Times the participant came back after a gap (connections that do not overlap the previous ones).</summary>
    public int Reconnections { get; init; }
    /// <summary>Two connections at the same time (two devices, or a duplicate tab).</summary>
    public bool OverlappingConnections { get; init; }
    public IReadOnlyList<SessionAttendance> Sessions { get; init; } = [];
    /// <summary>Source rows (every source sheet) this participant's figures come from.</summary>
    public IReadOnlyList<SourceRef> SourceRows { get; init; } = [];
    /// <summary>
    /// Counted as a convened trainee: true for a trainee the convened list names (one who never connected too), false
    /// for a trainee it does not name and for every trainer; null when no list was given.
    /// </summary>
    public bool? Convened { get; init; }
    /// <summary>The convened list's row this participant was matched to (or made from); null when none.</summary>
    public SourceRef? ConvocationRow { get; init; }
}

/// <summary>
/// Counts are of trainees only: the trainer is paid on another form. With a convened list, present, partial, absent
/// and the time in slot are of the convened trainees, and the trainees who were not convened are counted apart.
/// </summary>
public sealed record AttendanceTotals
{
    public int Present { get; init; }
    public int Partial { get; init; }
    public int Absent { get; init; }
    /// <summary>Sum of trainees' minutes in slot.</summary>
    public double TraineeMinutesInSlot { get; init; }
    public double ScheduledMinutes { get; init; }
    /// <summary>Convened trainees (connected or not); null when no list was given.</summary>
    public int? Convened { get; init; }
    /// <summary>Trainees who connected without being convened; null when no list was given.</summary>
    public int? NotConvened { get; init; }
}

public sealed record AttendanceResult
{
    public IReadOnlyList<AttendanceSession> Sessions { get; init; } = [];
    /// <summary>Trainers first, then trainees by last name, first name.</summary>
    public IReadOnlyList<ParticipantAttendance> Participants { get; init; } = [];
    public required AttendanceTotals Totals { get; init; }
    /// <summary>
    /// What the engine decided on its own and a manager should know (sessions inferred, host not found, an email-less
    /// row that could not be attributed): warnings in the same form as validation's, pointing at sheets and rows.
    /// </summary>
    public IReadOnlyList<ReportIssue> Observations { get; init; } = [];
}
