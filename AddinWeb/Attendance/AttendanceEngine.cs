using AddinWeb.Reports.Text;
using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>
/// Turns a report's rows into attendance per participant and session. Pure: no I/O, no clock, and the result does
/// not depend on the order of the rows. Each person's connections are sorted once and walked once, so a report of
/// a hundred thousand connections stays cheap.
/// <list type="bullet">
/// <item>People: one per email (trimmed, any case), else per name (accents, case, word order aside); see
/// <see cref="ParticipantGrouping"/>. Trainers: anyone a row says is one (moderator, organiser), and the
/// organiser the header names (<see cref="HostMatcher"/>).</item>
/// <item>Time: the union of a person's connections (two devices at once count once); a row whose end is before its
/// start counts as a connection but adds no time. Minutes in slot are that union clipped to each session. A person
/// with no connection row but a summary (first join, last leave, duration) gets the certain figure and its upper
/// bound (<see cref="SummaryPresence"/>).</item>
/// <item>Sessions: the slots the trainer entered, else the report's, else inferred half-days
/// (<see cref="SessionPlanner"/>).</item>
/// <item>Rate: minutes in slot over the scheduled minutes of all sessions; status and late/early flags in
/// <see cref="StatusRules"/>. Replay figures are reported apart and never count as presence.</item>
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
        var hosts = HostMatcher.Find(report.Header.Host, report.Header.HostEmail, people, grouping.NameKeys);
        var reportEnd = ReportEnd(report);

        var scratch = new Scratch(plan);
        var participants = new List<ParticipantAttendance>(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var role = hosts.Contains(i) || person.StatedRole == ParticipantRole.Trainer
                ? ParticipantRole.Trainer : ParticipantRole.Trainee;
            participants.Add(person.Connections.Count == 0 && person.Users.Any(u => u.Presence is not null)
                ? MeasureSummary(person, role, plan, report, options, reportEnd)
                : Measure(person, role, plan, report, options, scratch));
        }
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
            Observations = Observations.For(report, grouping, plan, options, hosts.Count > 0, reportEnd),
        };
    }

    /// <summary>
    /// The last moment the report shows (a connection's end, a leave, a join plus its duration): where a summary
    /// whose leave is unknown (still connected when the report was made) is taken to end at the latest.
    /// </summary>
    internal static DateTime ReportEnd(SessionReport report)
    {
        var end = DateTime.MinValue;
        foreach (var connection in report.Connections)
        {
            if (connection.End > end) end = connection.End;
            if (connection.Start > end) end = connection.Start;
        }
        foreach (var user in report.Users)
        {
            if (user.Presence is not { } presence) continue;
            var last = presence.LastLeave ?? SummaryPresence.AddMinutes(presence.FirstJoin, presence.DurationMinutes);
            if (last > end) end = last;
        }
        return end;
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

    private static ParticipantAttendance Measure(PersonRows person, ParticipantRole role, SessionPlan plan,
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
        var minutesInSlot = Intervals.ToMinutes(ticksInSlot);
        return Identity(person, role, report) with
        {
            Basis = person.Connections.Count > 0 ? PresenceBasis.Connections : PresenceBasis.None,
            Connections = person.Connections.Count,
            FirstJoin = intervals.Count > 0 ? intervals[0].Start : null,
            LastLeave = intervals.Count > 0 ? LatestEnd(intervals) : null,
            MinutesConnected = Intervals.ToMinutes(Intervals.TotalTicks(union)),
            MinutesInSlot = minutesInSlot,
            MinutesInSlotMax = minutesInSlot,
            Rate = rate,
            Status = StatusRules.Status(rate, ticksInSlot > 0, options),
            LateArrival = lateArrival,
            EarlyLeave = earlyLeave,
            Reconnections = Math.Max(0, union.Count - 1),
            OverlappingConnections = Intervals.AnyOverlap(intervals),
            Sessions = sessions,
        };
    }

    /// <summary>
    /// A person known only by summaries (first join, last leave, duration): the certain time within each session and
    /// within them all, its upper bound, and arrival and leave checked against the sessions' bounds.
    /// </summary>
    private static ParticipantAttendance MeasureSummary(PersonRows person, ParticipantRole role, SessionPlan plan,
        SessionReport report, AttendanceOptions options, DateTime reportEnd)
    {
        var spans = new List<SummaryPresence.Span>();
        DateTime? lastLeave = DateTime.MinValue;
        foreach (var user in person.Users)
        {
            if (user.Presence is not { } presence) continue;
            spans.Add(SummaryPresence.Settle(presence, reportEnd));
            // The person's last leave is known only when every one of their summaries states one.
            lastLeave = lastLeave is { } known && presence.LastLeave is { } leave ? (leave > known ? leave : known) : null;
        }
        var firstJoin = spans.Min(s => s.Join);
        var windows = plan.Sessions.Select(s => new TimeInterval(s.Start, s.End)).ToList();
        var (certain, most) = SummaryPresence.Within(spans, windows);

        var sessions = new SessionAttendance[plan.Sessions.Count];
        bool lateArrival = false, earlyLeave = false;
        for (var s = 0; s < sessions.Length; s++)
        {
            var session = plan.Sessions[s];
            var (sessionCertain, sessionMost) = SummaryPresence.Within(spans, [windows[s]]);
            var sessionRate = StatusRules.Rate(sessionCertain, (session.End - session.Start).Ticks);
            // Late or early only for someone who may have been there; then the summary's own bounds say it for sure.
            var there = sessionMost > 0;
            var late = there && firstJoin > session.Start && StatusRules.IsLate(firstJoin, session.Start, options);
            var early = there && lastLeave is { } leave && leave < session.End && StatusRules.IsEarly(leave, session.End, options);
            lateArrival |= late;
            earlyLeave |= early;
            sessions[s] = new SessionAttendance
            {
                SessionIndex = session.Index,
                FirstJoin = there ? firstJoin : null,
                LastLeave = there ? lastLeave : null,
                MinutesConnected = Intervals.ToMinutes(sessionMost),
                MinutesInSlot = Intervals.ToMinutes(sessionCertain),
                MinutesInSlotMax = Intervals.ToMinutes(sessionMost),
                Rate = sessionRate,
                Status = StatusRules.Status(sessionRate, sessionCertain > 0, options),
                LateArrival = late,
                EarlyLeave = early,
            };
        }

        var rate = StatusRules.Rate(certain, plan.ScheduledTicks);
        return Identity(person, role, report) with
        {
            Basis = PresenceBasis.Summary,
            FirstJoin = firstJoin,
            LastLeave = lastLeave,
            MinutesConnected = Intervals.ToMinutes(SummaryPresence.ConnectedTicks(spans)),
            MinutesInSlot = Intervals.ToMinutes(certain),
            MinutesInSlotMax = Intervals.ToMinutes(most),
            Rate = rate,
            Status = StatusRules.Status(rate, certain > 0, options),
            LateArrival = lateArrival,
            EarlyLeave = earlyLeave,
            Sessions = sessions,
        };
    }

    /// <summary>Who the person is and where their rows are, with replay figures: what both kinds of measure share.</summary>
    private static ParticipantAttendance Identity(PersonRows person, ParticipantRole role, SessionReport report)
    {
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
            Role = role,
            ReplayMinutes = replayMinutes,
            RecordingDownloads = recordingDownloads,
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
    /// The person's rows, listing rows first, each sheet in the report's order and by row. Grouping already sorted
    /// both lists by row, so the usual case (Via: the summary sheet, then the presence sheet) is checked and copied in one
    /// pass; anything else takes the general sort.
    /// </summary>
    private static SourceRef[] SourceRows(PersonRows person, SessionReport report)
    {
        var rows = new SourceRef[person.Users.Count + person.Connections.Count];
        for (var i = 0; i < person.Users.Count; i++) rows[i] = person.Users[i].Source;
        for (var i = 0; i < person.Connections.Count; i++) rows[person.Users.Count + i] = person.Connections[i].Source;

        var ordered = true;
        for (var i = 0; i < rows.Length && ordered; i++)
        {
            var rank = Rank(rows[i], report);
            var previousRank = i == 0 ? -1 : Rank(rows[i - 1], report);
            ordered = rank < report.SourceSheets.Count
                && (previousRank < rank || (previousRank == rank && rows[i - 1].Row < rows[i].Row));
        }
        return ordered ? rows : Sorted(rows, report); // strictly increasing: already distinct
    }

    private static SourceRef[] Sorted(SourceRef[] rows, SessionReport report) =>
        rows.Distinct()
            .OrderBy(r => Rank(r, report))
            .ThenBy(r => r.Sheet, StringComparer.Ordinal)
            .ThenBy(r => r.Row)
            .ToArray();

    private static int Rank(SourceRef row, SessionReport report) => report.SheetRank(row.Sheet);

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
            MinutesInSlotMax = Intervals.ToMinutes(ticks),
            Rate = rate,
            Status = StatusRules.Status(rate, attended, options),
            LateArrival = attended && StatusRules.IsLate(touching.FirstJoin, session.Start, options),
            EarlyLeave = attended && StatusRules.IsEarly(touching.LastLeave, session.End, options),
        };
    }

    private static long TicksOf(double minutes) => (long)Math.Round(minutes * TimeSpan.TicksPerMinute);
}
