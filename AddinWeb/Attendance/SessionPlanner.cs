using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>
/// The sessions attendance is measured against, sorted by start, with a cheap lookup of the sessions a connection
/// touches.
/// </summary>
internal sealed class SessionPlan
{
    private readonly DateTime[] _furthestEndSoFar;

    public SessionPlan(IReadOnlyList<AttendanceSession> sessions)
    {
        Sessions = sessions;
        _furthestEndSoFar = new DateTime[sessions.Count];
        var furthest = DateTime.MinValue;
        for (var i = 0; i < sessions.Count; i++)
        {
            if (sessions[i].End > furthest) furthest = sessions[i].End;
            _furthestEndSoFar[i] = furthest;
            ScheduledTicks += (sessions[i].End - sessions[i].Start).Ticks;
        }
    }

    /// <summary>Sorted by start; their Index is their 1-based position.</summary>
    public IReadOnlyList<AttendanceSession> Sessions { get; }

    /// <summary>Length of all sessions (they never overlap).</summary>
    public long ScheduledTicks { get; }

    /// <summary>
    /// Positions of the sessions that share time with [start, end). Binary search on the running furthest end, so a
    /// connection costs O(log sessions + sessions it touches) even with overlapping slots.
    /// </summary>
    public TouchingSessions Touching(DateTime start, DateTime end)
    {
        int lo = 0, hi = Sessions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_furthestEndSoFar[mid] <= start) lo = mid + 1; else hi = mid;
        }
        return new TouchingSessions(Sessions, lo, start, end);
    }

    /// <summary>
    /// The positions <see cref="Touching"/> finds, for <c>foreach</c>: a struct, because it runs once per connection.
    /// </summary>
    public struct TouchingSessions(IReadOnlyList<AttendanceSession> sessions, int first, DateTime start, DateTime end)
    {
        private int _index = first - 1;

        public readonly TouchingSessions GetEnumerator() => this;

        public readonly int Current => _index;

        public bool MoveNext()
        {
            while (++_index < sessions.Count)
            {
                var session = sessions[_index];
                // Sorted by start: past the span's end (or, for an instant, past the instant) nothing touches it.
                if (!(session.Start < end || (end <= start && session.Start <= start))) break;
                if (Intervals.Touches(start, end, new TimeInterval(session.Start, session.End))) return true;
            }
            _index = sessions.Count;
            return false;
        }
    }
}

/// <summary>
/// Finds the sessions: the slots the trainer entered, else the report's slot lines, when there are usable ones (empty
/// ones ignored, duplicates once, overlapping ones merged); otherwise half-days inferred from the connections.
/// <para>
/// Inferred half-days: a calendar day is split at <see cref="AttendanceOptions.AfternoonStartsAt"/> into a morning
/// and an afternoon. Each live connection (or, for a person known by a summary only, their first join – last leave)
/// belongs to the half-day holding its midpoint (so a trainer staying until
/// 13:05 does not create an afternoon session, and a trainee arriving at 12:55 for the afternoon does not create a
/// morning one). A half-day with connections becomes a session whose bounds are the median first join and the
/// median last leave of the people connected in it, clipped to the half-day. Medians rather than the extreme span,
/// because one trainer setting up half an hour early, or one trainee who forgot to disconnect until the evening,
/// would otherwise mark everyone late or lower everyone's rate. With an even number of people the earlier first
/// join and the later last leave are taken (two people give their whole span). When the medians cross (people
/// who never met), the whole span of the half-day's connections is used.
/// </para>
/// </summary>
internal static class SessionPlanner
{
    public static SessionPlan Plan(SessionReport report, IReadOnlyList<PersonRows> people, AttendanceOptions options)
    {
        var (given, source) = GivenSlots(report, options);
        var slots = given
            .Where(s => s.End > s.Start)
            .Select(s => (s.Start, s.End))
            .Distinct()
            .OrderBy(s => s.Start).ThenBy(s => s.End)
            .ToList();
        if (slots.Count > 0)
            return new SessionPlan(MergeOverlapping(slots)
                .Select((s, i) => new AttendanceSession(i + 1, s.Start, s.End, source)).ToList());
        return new SessionPlan(InferHalfDays(people, options));
    }

    /// <summary>The trainer's slots when they entered any (they replace the report's), else the report's own.</summary>
    public static (IReadOnlyList<ScheduledSlot> Slots, SessionSource Source) GivenSlots(SessionReport report, AttendanceOptions options) =>
        options.Slots is { Count: > 0 } entered
            ? (entered, SessionSource.Entered)
            : (report.Header.Slots, SessionSource.Scheduled);

    /// <summary>
    /// Slot lines that overlap become one session: the same minutes cannot be scheduled (nor paid) twice. Slots
    /// that merely follow each other stay apart.
    /// </summary>
    private static List<(DateTime Start, DateTime End)> MergeOverlapping(List<(DateTime Start, DateTime End)> sortedSlots)
    {
        var merged = new List<(DateTime Start, DateTime End)>();
        foreach (var slot in sortedSlots)
        {
            if (merged.Count > 0 && slot.Start < merged[^1].End)
                merged[^1] = (merged[^1].Start, Max(merged[^1].End, slot.End));
            else
                merged.Add(slot);
        }
        return merged;
    }

    /// <summary>Usable slot lines: not empty, duplicates once.</summary>
    public static int DistinctUsableSlots(SessionReport report, AttendanceOptions options) =>
        GivenSlots(report, options).Slots.Where(s => s.End > s.Start).Select(s => (s.Start, s.End)).Distinct().Count();

    private static List<AttendanceSession> InferHalfDays(IReadOnlyList<PersonRows> people, AttendanceOptions options)
    {
        var afternoon = options.AfternoonStartsAt.ToTimeSpan();
        // Per half-day (its start), per person: first join and last leave of the connections it holds.
        var halfDays = new Dictionary<DateTime, Dictionary<int, (DateTime First, DateTime Last)>>();
        for (var p = 0; p < people.Count; p++)
        {
            foreach (var (start, end) in people[p].PresenceSpans())
            {
                if (end <= start) continue;
                var midpoint = start + (end - start) / 2;
                var halfDay = HalfDayStart(midpoint, afternoon);
                if (!halfDays.TryGetValue(halfDay, out var byPerson)) halfDays[halfDay] = byPerson = [];
                byPerson[p] = byPerson.TryGetValue(p, out var span)
                    ? (Min(span.First, start), Max(span.Last, end))
                    : (start, end);
            }
        }

        var sessions = new List<(DateTime Start, DateTime End)>();
        foreach (var (halfDayStart, byPerson) in halfDays)
        {
            var halfDayEnd = HalfDayEnd(halfDayStart, afternoon);
            var firsts = byPerson.Values.Select(v => v.First).Order().ToList();
            var lasts = byPerson.Values.Select(v => v.Last).Order().ToList();
            var start = firsts[(firsts.Count - 1) / 2];
            var end = lasts[lasts.Count / 2];
            if (end <= start) { start = firsts[0]; end = lasts[^1]; }
            start = Max(start, halfDayStart);
            end = Min(end, halfDayEnd);
            // Cannot be empty: every connection's midpoint lies in the half-day, so the whole span meets it.
            if (end <= start) { start = Max(firsts[0], halfDayStart); end = Min(lasts[^1], halfDayEnd); }
            sessions.Add((start, end));
        }
        return sessions.OrderBy(s => s.Start)
            .Select((s, i) => new AttendanceSession(i + 1, s.Start, s.End, SessionSource.HalfDay))
            .ToList();
    }

    private static DateTime HalfDayStart(DateTime moment, TimeSpan afternoon) =>
        moment.TimeOfDay >= afternoon ? moment.Date + afternoon : moment.Date;

    private static DateTime HalfDayEnd(DateTime halfDayStart, TimeSpan afternoon) =>
        halfDayStart.TimeOfDay == TimeSpan.Zero && afternoon > TimeSpan.Zero
            ? halfDayStart.Date + afternoon
            : halfDayStart.Date == DateTime.MaxValue.Date ? DateTime.MaxValue : halfDayStart.Date.AddDays(1);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
