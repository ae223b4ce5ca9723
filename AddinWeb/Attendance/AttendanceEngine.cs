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
        // Out-of-bounds settings are refused by the API; a direct caller gets the same bounds (OptionRules).
        options = OptionRules.WithinBounds(options ?? AttendanceOptions.Default);

        var grouping = ParticipantGrouping.Group(report);
        var people = grouping.People;
        var plan = SessionPlanner.Plan(report, people, options);
        var hosts = HostMatcher.Find(report.Header.Host, people, grouping.NameKeys);

        var scratch = new Scratch(plan);
        var participants = new List<ParticipantAttendance>(people.Count);
        for (var i = 0; i < people.Count; i++)
            participants.Add(Measure(people[i], hosts.Contains(i), plan, report, options, scratch));
        participants.Sort(ParticipantOrder.Instance);

        int present = 0, partial = 0, absent = 0;
        long traineeTicksInSlot = 0;
        foreach (var trainee in participants)
        {
            if (trainee.Role != ParticipantRole.Trainee) continue;
            switch (trainee.Status)
            {
                case AttendanceStatus.Present: present++; break;
                case AttendanceStatus.Partial: partial++; break;
                case AttendanceStatus.Absent: absent++; break;
            }
            traineeTicksInSlot = checked(traineeTicksInSlot + TicksOf(trainee.MinutesInSlot));
        }
        return new AttendanceResult
        {
            Sessions = plan.Sessions,
            Participants = participants,
            Totals = new AttendanceTotals
            {
                Present = present,
                Partial = partial,
                Absent = absent,
                TraineeMinutesInSlot = Intervals.ToMinutes(traineeTicksInSlot),
                ScheduledMinutes = Intervals.ToMinutes(plan.ScheduledTicks),
            },
            Observations = Observations.For(report, grouping, plan, hosts.Count > 0),
        };
    }

    /// <summary>
    /// Working lists reused from one person to the next (a large report has tens of thousands of people), and the
    /// figures of a session nobody's connection touched, the same for everyone.
    /// </summary>
    private sealed class Scratch(SessionPlan plan)
    {
        public readonly List<TimeInterval> Intervals = [];
        public readonly List<TimeInterval> Union = [];
        public readonly SessionTally[] Tallies = new SessionTally[plan.Sessions.Count];
        public readonly SessionAttendance[] Untouched = plan.Sessions
            .Select(s => new SessionAttendance { SessionIndex = s.Index, Status = AttendanceStatus.Absent }).ToArray();
    }

    /// <summary>A person's connections that touch one session, added in start order.</summary>
    private struct SessionTally
    {
        public int Connections;
        public DateTime FirstJoin;
        public DateTime LastLeave;
        /// <summary>Union of these connections alone (time connected around the session).</summary>
        public Intervals.UnionLength Union;

        public void Add(TimeInterval connection)
        {
            if (Connections++ == 0) { FirstJoin = connection.Start; LastLeave = connection.End; }
            else if (connection.End > LastLeave) LastLeave = connection.End;
            Union.Add(connection);
        }
    }

    private static ParticipantAttendance Measure(ParticipantRows person, bool isHost, SessionPlan plan,
        SessionReport report, AttendanceOptions options, Scratch scratch)
    {
        // Fin before Début: the row counts as a connection but adds no time (validation reports it).
        var intervals = scratch.Intervals;
        intervals.Clear();
        foreach (var connection in person.Connections)
            if (connection.End >= connection.Start) intervals.Add(new TimeInterval(connection.Start, connection.End));
        intervals.Sort(StartThenEnd);
        var union = Intervals.UnionOfSorted(intervals, scratch.Union);

        // Each session's connections arrive in start order, so its union is summed on the way, without a list.
        var tallies = scratch.Tallies;
        Array.Clear(tallies);
        foreach (var interval in intervals)
            foreach (var s in plan.Touching(interval.Start, interval.End))
                tallies[s].Add(interval);

        var sessions = new SessionAttendance[plan.Sessions.Count];
        long ticksInSlot = 0;
        bool lateArrival = false, earlyLeave = false;
        for (var s = 0; s < sessions.Length; s++)
        {
            if (tallies[s].Connections == 0)
            {
                sessions[s] = scratch.Untouched[s];
                continue;
            }
            var session = plan.Sessions[s];
            var ticks = Intervals.ClippedTicks(union, session.Start, session.End);
            ticksInSlot += ticks;
            sessions[s] = MeasureSession(session, tallies[s], ticks, options);
            lateArrival |= sessions[s].LateArrival;
            earlyLeave |= sessions[s].EarlyLeave;
        }

        var rate = StatusRules.Rate(ticksInSlot, plan.ScheduledTicks);
        var name = TextNormalizer.CollapseSpaces(person.Name);
        var (firstName, lastName) = ParticipantIdentity.SplitCollapsedName(name);
        double replayMinutes = 0, recordingDownloads = 0;
        foreach (var user in person.Users)
        {
            replayMinutes += user.ReplayMinutes;
            recordingDownloads += user.RecordingDownloads;
        }
        return new ParticipantAttendance
        {
            Name = name,
            FirstName = firstName,
            LastName = lastName,
            Email = person.Email,
            Role = isHost ? ParticipantRole.Trainer : ParticipantRole.Trainee,
            Connections = person.Connections.Count,
            FirstJoin = intervals.Count > 0 ? intervals[0].Start : null,
            LastLeave = intervals.Count > 0 ? LatestEnd(intervals) : null,
            MinutesConnected = Intervals.ToMinutes(Intervals.TotalTicks(union)),
            MinutesInSlot = Intervals.ToMinutes(ticksInSlot),
            Rate = rate,
            Status = StatusRules.Status(rate, ticksInSlot > 0, options),
            ReplayMinutes = replayMinutes,
            RecordingDownloads = recordingDownloads,
            LateArrival = lateArrival,
            EarlyLeave = earlyLeave,
            Reconnections = Math.Max(0, union.Count - 1),
            OverlappingConnections = Intervals.AnyOverlap(intervals),
            Sessions = sessions,
            SourceRows = SourceRows(person, report),
        };
    }

    private static DateTime LatestEnd(List<TimeInterval> intervals)
    {
        var latest = intervals[0].End;
        foreach (var interval in intervals)
            if (interval.End > latest) latest = interval.End;
        return latest;
    }

    /// <summary>
    /// The person's rows, "Sommaire" first, each sheet by row. Grouping already sorted both lists by row, so the
    /// usual case is checked and copied in one pass; anything else takes the general sort.
    /// </summary>
    private static SourceRef[] SourceRows(ParticipantRows person, SessionReport report)
    {
        var rows = new SourceRef[person.Users.Count + person.Connections.Count];
        for (var i = 0; i < person.Users.Count; i++) rows[i] = person.Users[i].Source;
        for (var i = 0; i < person.Connections.Count; i++) rows[person.Users.Count + i] = person.Connections[i].Source;

        var ordered = true;
        for (var i = 0; i < rows.Length && ordered; i++)
        {
            var rank = Rank(rows[i], report);
            var previousRank = i == 0 ? -1 : Rank(rows[i - 1], report);
            ordered = rank < 2 && (previousRank < rank || (previousRank == rank && rows[i - 1].Row < rows[i].Row));
        }
        return ordered ? rows : Sorted(rows, report); // strictly increasing: already distinct
    }

    private static SourceRef[] Sorted(SourceRef[] rows, SessionReport report) =>
        rows.Distinct()
            .OrderBy(r => Rank(r, report))
            .ThenBy(r => r.Sheet, StringComparer.Ordinal)
            .ThenBy(r => r.Row)
            .ToArray();

    private static int Rank(SourceRef row, SessionReport report) =>
        row.Sheet == report.SummarySheet ? 0 : row.Sheet == report.PresenceSheet ? 1 : 2;

    /// <summary>
    /// Start, then end. Two connections equal on both are the same interval, so the order of the intervals (and
    /// every figure) does not depend on the order of the rows.
    /// </summary>
    private static readonly Comparison<TimeInterval> StartThenEnd = (a, b) =>
    {
        var order = a.Start.CompareTo(b.Start);
        return order != 0 ? order : a.End.CompareTo(b.End);
    };

    private static SessionAttendance MeasureSession(
        AttendanceSession session, SessionTally touching, long ticks, AttendanceOptions options)
    {
        var scheduledTicks = (session.End - session.Start).Ticks;
        var rate = StatusRules.Rate(ticks, scheduledTicks);
        // Late and early only make sense for someone who was there at all.
        var attended = ticks > 0;
        return new SessionAttendance
        {
            SessionIndex = session.Index,
            Connections = touching.Connections,
            FirstJoin = touching.FirstJoin,
            LastLeave = touching.LastLeave,
            MinutesConnected = Intervals.ToMinutes(touching.Union.Ticks),
            MinutesInSlot = Intervals.ToMinutes(ticks),
            Rate = rate,
            Status = StatusRules.Status(rate, attended, options),
            LateArrival = attended && StatusRules.IsLate(touching.FirstJoin, session.Start, options),
            EarlyLeave = attended && StatusRules.IsEarly(touching.LastLeave, session.End, options),
        };
    }

    private static long TicksOf(double minutes) => (long)Math.Round(minutes * TimeSpan.TicksPerMinute);
}
