using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>
/// What the slot form is prefilled with, so the trainer confirms or corrects rather than types: the slots the report
/// states; else the meeting's actual start and end (Teams, Zoom), to the nearest quarter of an hour, since a meeting
/// opened at 08:58 was scheduled at 09:00; else the sessions found from the connections.
/// </summary>
public static class SlotSuggestion
{
    private static readonly long Quarter = TimeSpan.FromMinutes(15).Ticks;

    public static IReadOnlyList<ScheduledSlot> For(SessionReport report, AttendanceResult attendance)
    {
        var stated = report.Header.Slots.Where(s => s.End > s.Start).Distinct().OrderBy(s => s.Start).ToList();
        if (stated.Count > 0) return stated;
        if (report.Header.Meeting is { } meeting && meeting.End > meeting.Start)
        {
            var (start, end) = (NearestQuarter(meeting.Start), NearestQuarter(meeting.End));
            return [end > start ? new ScheduledSlot(start, end) : meeting];
        }
        return attendance.Sessions.Select(s => new ScheduledSlot(s.Start, s.End)).ToList();
    }

    private static DateTime NearestQuarter(DateTime moment)
    {
        var rounded = (moment.Ticks + Quarter / 2) / Quarter * Quarter;
        return rounded <= DateTime.MaxValue.Ticks ? new DateTime(rounded, moment.Kind) : moment;
    }
}
