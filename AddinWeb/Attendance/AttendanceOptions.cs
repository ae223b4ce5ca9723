using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>
/// Thresholds a trainer may change per request (the task pane remembers them per user).
/// Defaults follow common DAFPEN practice: present at 80 % of the slot, absent under 10 %.
/// </summary>
public sealed record AttendanceOptions
{
    /// <summary>Rate (0–1) from which a participant is "Présent".</summary>
    public double PresentThreshold { get; init; } = 0.8;
    /// <summary>Rate (0–1) under which a participant is "Absent"; in between is "Partiel".</summary>
    public double AbsentThreshold { get; init; } = 0.1;
    /// <summary>Minutes after the slot start (before its end) before an arrival is late (a leave early).</summary>
    public double ToleranceMinutes { get; init; } = 10;
    /// <summary>When no slot is given, a day is split into morning and afternoon at this hour.</summary>
    public TimeOnly AfternoonStartsAt { get; init; } = new(13, 0);
    /// <summary>
    /// The scheduled slots the trainer entered: when there are any, they replace the slots the report states. Null or
    /// empty: the report's slots, else sessions inferred from the connections.
    /// </summary>
    public IReadOnlyList<ScheduledSlot>? Slots { get; init; }

    public static readonly AttendanceOptions Default = new();
}
