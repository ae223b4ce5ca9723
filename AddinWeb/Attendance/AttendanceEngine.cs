using AddinWeb.Reports.Text;
using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>
/// Turns connection rows into attendance per participant and session. Pure: no I/O, no clock, and the result does
/// not depend on the order of the rows. Each person's connections are sorted once and walked once, so a report of
/// a hundred thousand connections stays cheap.
/// <list type="bullet">
/// <item>People: one per email (trimmed, any case), else per name (accents, case, word order aside); see
/// <see cref="ParticipantGrouping"/>. The host of the header is the trainer (<see cref="HostMatcher"/>).</item>
/// <item>Time: the union of a person's connections (two devices at once count once); a row whose Fin is before its
/// Début counts as a connection but adds no time. Minutes in slot are that union clipped to each session.</item>
/// <item>Sessions: the slot lines, or inferred half-days (<see cref="SessionPlanner"/>).</item>
/// <item>Rate: minutes in slot over the scheduled minutes of all sessions; status and late/early flags in
/// <see cref="StatusRules"/>. Replay figures of "Sommaire" are reported apart and never count as presence.</item>
/// </list>
/// </summary>
public static class AttendanceEngine
{
    public static AttendanceResult Compute(SessionReport report, AttendanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= AttendanceOptions.Default;

        var grouping = ParticipantGrouping.Group(report);
        var people = grouping.People;
        var plan = SessionPlanner.Plan(report, people, options);
        var hosts = HostMatcher.Find(report.Header.Host, people);

        var participants = new List<ParticipantAttendance>(people.Count);
        for (var i = 0; i < people.Count; i++)
            participants.Add(Measure(people[i], hosts.Contains(i), plan, report, options));
        participants.Sort(ParticipantOrder.Instance);

        var trainees = participants.Where(p => p.Role == ParticipantRole.Trainee).ToList();
        return new AttendanceResult
        {
            Sessions = plan.Sessions,
            Participants = participants,
            Totals = new AttendanceTotals
            {
                Present = trainees.Count(p => p.Status == AttendanceStatus.Present),
                Partial = trainees.Count(p => p.Status == AttendanceStatus.Partial),
                Absent = trainees.Count(p => p.Status == AttendanceStatus.Absent),
                TraineeMinutesInSlot = Intervals.ToMinutes(trainees.Sum(p => TicksOf(p.MinutesInSlot))),
                ScheduledMinutes = Intervals.ToMinutes(plan.ScheduledTicks),
            },
            Observations = Observations.For(report, grouping, plan, hosts.Count > 0),
        };
    }

    private static ParticipantAttendance Measure(
        ParticipantRows person, bool isHost, SessionPlan plan, SessionReport report, AttendanceOptions options)
    {
        // Fin before Début: the row counts as a connection but adds no time (validation reports it).
        var live = person.Connections.FindAll(c => c.End >= c.Start);
        live.Sort(LiveOrder); // one sort without LINQ's per-person key buffers: this runs for every participant
        var intervals = live.Select(c => new TimeInterval(c.Start, c.End)).ToList();
        var union = Intervals.UnionOfSorted(intervals);

        // Rows touching each session, kept in start order so each session's union needs no further sort.
        var bySession = new List<TimeInterval>?[plan.Sessions.Count];
        foreach (var interval in intervals)
            foreach (var s in plan.Touching(interval.Start, interval.End))
                (bySession[s] ??= []).Add(interval);

        var sessions = new List<SessionAttendance>(plan.Sessions.Count);
        long ticksInSlot = 0;
        for (var s = 0; s < plan.Sessions.Count; s++)
        {
            var figures = MeasureSession(plan.Sessions[s], bySession[s], union, options);
            ticksInSlot += figures.Ticks;
            sessions.Add(figures.Attendance);
        }

        var rate = StatusRules.Rate(ticksInSlot, plan.ScheduledTicks);
        var (firstName, lastName) = ParticipantIdentity.SplitName(person.Name);
        return new ParticipantAttendance
        {
            Name = TextNormalizer.CollapseSpaces(person.Name),
            FirstName = firstName,
            LastName = lastName,
            Email = person.Email,
            Role = isHost ? ParticipantRole.Trainer : ParticipantRole.Trainee,
            Connections = person.Connections.Count,
            FirstJoin = live.Count > 0 ? live[0].Start : null,
            LastLeave = live.Count > 0 ? live.Max(c => c.End) : null,
            MinutesConnected = Intervals.ToMinutes(Intervals.TotalTicks(union)),
            MinutesInSlot = Intervals.ToMinutes(ticksInSlot),
            Rate = rate,
            Status = StatusRules.Status(rate, ticksInSlot > 0, options),
            ReplayMinutes = person.Users.Sum(u => u.ReplayMinutes),
            RecordingDownloads = person.Users.Sum(u => u.RecordingDownloads),
            LateArrival = sessions.Any(s => s.LateArrival),
            EarlyLeave = sessions.Any(s => s.EarlyLeave),
            Reconnections = Math.Max(0, union.Count - 1),
            OverlappingConnections = Intervals.AnyOverlap(intervals),
            Sessions = sessions,
            SourceRows = SourceRows(person, report),
        };
    }

    /// <summary>
    /// The person's rows, "Sommaire" first, each sheet by row. Grouping already sorted both lists by row, so the
    /// usual case is checked and copied in one pass; anything else takes the general sort.
    /// </summary>
    private static List<SourceRef> SourceRows(ParticipantRows person, SessionReport report)
    {
        var rows = new List<SourceRef>(person.Users.Count + person.Connections.Count);
        foreach (var user in person.Users) rows.Add(user.Source);
        foreach (var connection in person.Connections) rows.Add(connection.Source);

        int Rank(SourceRef r) => r.Sheet == report.SummarySheet ? 0 : r.Sheet == report.PresenceSheet ? 1 : 2;
        var ordered = true;
        for (var i = 0; i < rows.Count && ordered; i++)
        {
            var rank = Rank(rows[i]);
            ordered = rank < 2 && (i == 0 || Rank(rows[i - 1]) < rank || (Rank(rows[i - 1]) == rank && rows[i - 1].Row < rows[i].Row));
        }
        if (ordered) return rows; // strictly increasing: already distinct

        return rows.Distinct()
            .OrderBy(Rank)
            .ThenBy(r => r.Sheet, StringComparer.Ordinal)
            .ThenBy(r => r.Row)
            .ToList();
    }

    /// <summary>Start, then end, then source row: a total order (rows are unique), so the sort is deterministic.</summary>
    private static readonly Comparison<Connection> LiveOrder = (a, b) =>
    {
        var order = a.Start.CompareTo(b.Start);
        if (order == 0) order = a.End.CompareTo(b.End);
        return order != 0 ? order : a.Source.Row.CompareTo(b.Source.Row);
    };

    private static (SessionAttendance Attendance, long Ticks) MeasureSession(
        AttendanceSession session, List<TimeInterval>? touching, List<TimeInterval> union, AttendanceOptions options)
    {
        var scheduledTicks = (session.End - session.Start).Ticks;
        if (touching is null)
            return (new SessionAttendance { SessionIndex = session.Index, Status = AttendanceStatus.Absent }, 0);

        var ticks = Intervals.ClippedTicks(union, session.Start, session.End);
        var firstJoin = touching[0].Start;
        var lastLeave = touching.Max(i => i.End);
        var rate = StatusRules.Rate(ticks, scheduledTicks);
        // Late and early only make sense for someone who was there at all.
        var attended = ticks > 0;
        return (new SessionAttendance
        {
            SessionIndex = session.Index,
            Connections = touching.Count,
            FirstJoin = firstJoin,
            LastLeave = lastLeave,
            MinutesConnected = Intervals.ToMinutes(Intervals.TotalTicks(Intervals.UnionOfSorted(touching))),
            MinutesInSlot = Intervals.ToMinutes(ticks),
            Rate = rate,
            Status = StatusRules.Status(rate, attended, options),
            LateArrival = attended && StatusRules.IsLate(firstJoin, session.Start, options),
            EarlyLeave = attended && StatusRules.IsEarly(lastLeave, session.End, options),
        }, ticks);
    }

    private static long TicksOf(double minutes) => (long)Math.Round(minutes * TimeSpan.TicksPerMinute);
}
