using AddinWeb.Attendance;
using AddinWeb.Reports;

namespace AddinWeb.Convocation;

/// <summary>
/// Turns the engine's attendance into attendance of the convened: one row per convened trainee, those who never
/// connected included (absent, no connection); the participants who were not convened keep their row, flagged, and
/// are counted apart. Trainers are never convened trainees: a list that names one is warned about. Pure.
/// </summary>
public static class ConvenedAttendance
{
    public const string TrainerListed = "ConvocationTrainerListed";

    /// <summary>The attendance with the list applied, and the warnings of the matching.</summary>
    public static (AttendanceResult Attendance, IReadOnlyList<ReportIssue> Warnings) Apply(AttendanceResult attendance, ConvocationList list)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentNullException.ThrowIfNull(list);
        var match = ConvocationMatcher.Match(list, attendance.Participants);
        var warnings = match.Warnings.ToList();

        var participants = new List<ParticipantAttendance>(attendance.Participants.Count + match.Unmatched.Count);
        for (var i = 0; i < attendance.Participants.Count; i++)
        {
            var participant = attendance.Participants[i];
            var person = match.ByParticipant[i];
            if (participant.Role == ParticipantRole.Trainer && person is not null)
                warnings.Add(ReportLocation.Warning(TrainerListed, person.Source.Sheet, person.Source.Row, null, null,
                    $"cette personne convoquée est formateur de la session ({ConvocationMatcher.Rows([participant])}) : "
                    + "elle n'est pas comptée parmi les stagiaires convoqués."));
            participants.Add(participant with
            {
                Convened = participant.Role == ParticipantRole.Trainee && person is not null,
                ConvocationRow = person?.Source,
            });
        }
        foreach (var person in match.Unmatched)
            participants.Add(NeverConnected(person, attendance.Sessions));
        participants.Sort(ConvenedOrder.Instance);

        return (attendance with { Participants = participants, Totals = Totals(participants, attendance.Totals) }, warnings);
    }

    /// <summary>A convened trainee no report row names: absent from every session, without a connection.</summary>
    private static ParticipantAttendance NeverConnected(ConvenedPerson person, IReadOnlyList<AttendanceSession> sessions) => new()
    {
        Name = person.Name,
        FirstName = person.FirstName,
        LastName = person.LastName,
        Email = person.Email,
        Role = ParticipantRole.Trainee,
        Basis = PresenceBasis.None,
        Status = AttendanceStatus.Absent,
        Sessions = sessions.Select(s => new SessionAttendance { SessionIndex = s.Index, Status = AttendanceStatus.Absent }).ToList(),
        Convened = true,
        ConvocationRow = person.Source,
    };

    /// <summary>Present, partial, absent and time in slot of the convened trainees; the others counted apart.</summary>
    private static AttendanceTotals Totals(IReadOnlyList<ParticipantAttendance> participants, AttendanceTotals engine)
    {
        int present = 0, partial = 0, absent = 0, notConvened = 0;
        long ticks = 0;
        foreach (var p in participants)
        {
            if (p.Role != ParticipantRole.Trainee) continue;
            if (p.Convened != true) { notConvened++; continue; }
            switch (p.Status)
            {
                case AttendanceStatus.Present: present++; break;
                case AttendanceStatus.Partial: partial++; break;
                default: absent++; break;
            }
            ticks = checked(ticks + (long)Math.Round(p.MinutesInSlot * TimeSpan.TicksPerMinute));
        }
        return engine with
        {
            Present = present,
            Partial = partial,
            Absent = absent,
            TraineeMinutesInSlot = Intervals.ToMinutes(ticks),
            Convened = present + partial + absent,
            NotConvened = notConvened,
        };
    }

    /// <summary>Trainers, then the convened trainees, then the others; each group in the sheet's usual order.</summary>
    private sealed class ConvenedOrder : IComparer<ParticipantAttendance>
    {
        public static readonly ConvenedOrder Instance = new();

        public int Compare(ParticipantAttendance? x, ParticipantAttendance? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var c = Group(x).CompareTo(Group(y));
            if (c != 0) return c;
            c = ParticipantOrder.Instance.Compare(x, y);
            if (c != 0) return c;
            // Never-connected rows have no report row: their list row orders them.
            return (x.ConvocationRow?.Row ?? 0).CompareTo(y.ConvocationRow?.Row ?? 0);
        }

        private static int Group(ParticipantAttendance p) =>
            p.Role == ParticipantRole.Trainer ? 0 : p.Convened == true ? 1 : 2;
    }
}
