using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Emargement;

/// <summary>
/// Hand-made documents for the layout tests: the seed's title block with attendance figures written out by hand,
/// so the layout is tested on its own, whatever the engine computes.
/// </summary>
public static class Documents
{
    public static readonly DateTime SlotStart = new(2020, 11, 10, 14, 0, 0);
    public static readonly DateTime SlotEnd = new(2020, 11, 10, 16, 30, 0);
    public static readonly DateTime CreatedAt = new(2026, 11, 29, 13, 5, 0);
    public const string Fingerprint = "0123456789abcdef";

    public static ReportHeader SeedHeader => new()
    {
        Title = SeedReport.Title,
        PafReference = SeedReport.PafReference,
        ModuleNumber = SeedReport.ModuleNumber,
        Host = SeedReport.Host,
        Period = new ReportPeriod(new DateOnly(2020, 10, 31), new DateOnly(2020, 11, 10)),
        GeneratedAt = new DateTime(2020, 11, 10, 19, 38, 0),
        Slots = [new ScheduledSlot(SlotStart, SlotEnd)],
        Organisation = ["SVI eSolutions", "Pôle National Foad"],
        TimeZoneLabel = "France",
    };

    public static DateTime At(string time) => DateTime.ParseExact("10/11/2020 " + time, "dd/MM/yyyy HH:mm:ss", null);

    public static ParticipantAttendance Participant(string first, string last, ParticipantRole role,
        DateTime? join, DateTime? leave, int connections, double connected, double inSlot, AttendanceStatus status,
        string? email = null) => new()
    {
        Name = $"{first} {last}",
        FirstName = first,
        LastName = last,
        Email = email ?? $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@ac-toulouse.fr",
        Role = role,
        Connections = connections,
        FirstJoin = join,
        LastLeave = leave,
        MinutesConnected = connected,
        MinutesInSlot = inSlot,
        Rate = inSlot / 150,
        Status = status,
        Sessions = connections == 0 ? [] :
        [
            new SessionAttendance
            {
                SessionIndex = 1, Connections = connections, FirstJoin = join, LastLeave = leave,
                MinutesConnected = connected, MinutesInSlot = inSlot, Rate = inSlot / 150, Status = status,
            },
        ],
    };

    /// <summary>Five people of the seed, the trainer first: a clean row, a reconnection, an early leave, no connection.</summary>
    public static EmargementDocument Seed(IReadOnlyList<ParticipantAttendance>? participants = null, IReadOnlyList<ReportIssue>? warnings = null)
    {
        var elsa = Participant("Elsa", "STAMMINGER", ParticipantRole.Trainer, At("13:39:50"), At("16:50:34"), 2,
            190.7333, 150, AttendanceStatus.Present) with { OverlappingConnections = true };
        var adam = Participant("Adam", "LAMBERT", ParticipantRole.Trainee, At("13:41:19"), At("16:38:28"), 1,
            177.15, 150, AttendanceStatus.Present);
        var ines = Participant("Inès", "MOREAU", ParticipantRole.Trainee, At("13:44:59"), At("16:40:43"), 2,
            147.3833, 141.45, AttendanceStatus.Present) with { Reconnections = 1 };
        var jules = Participant("Jules", "PETIT", ParticipantRole.Trainee, At("13:42:21"), At("15:11:28"), 4,
            89.1167, 71.4667, AttendanceStatus.Partial) with
        {
            EarlyLeave = true,
            OverlappingConnections = true,
        };
        jules = jules with { Sessions = [jules.Sessions[0] with { EarlyLeave = true }] };
        var lea = Participant("Léa", "GIRARD", ParticipantRole.Trainee, null, null, 0, 0, 0, AttendanceStatus.Absent)
            with { ReplayMinutes = 12.5 };

        var people = participants ?? [elsa, adam, ines, jules, lea];
        var trainees = people.Where(p => p.Role == ParticipantRole.Trainee).ToList();
        var attendance = new AttendanceResult
        {
            Sessions = [new AttendanceSession(1, SlotStart, SlotEnd, SessionSource.Scheduled)],
            Participants = people,
            Totals = new AttendanceTotals
            {
                Present = trainees.Count(p => p.Status == AttendanceStatus.Present),
                Partial = trainees.Count(p => p.Status == AttendanceStatus.Partial),
                Absent = trainees.Count(p => p.Status == AttendanceStatus.Absent),
                TraineeMinutesInSlot = trainees.Sum(p => p.MinutesInSlot),
                ScheduledMinutes = 150,
            },
        };
        var report = new SessionReport { Platform = "Ma cl@sse virtuelle", Header = SeedHeader };
        return new EmargementDocument(report, attendance, warnings ?? [], Fingerprint, CreatedAt, "1.2.3");
    }

    /// <summary>Two days without slot lines: a morning on 10/11 and an afternoon on 12/11, found from connections.</summary>
    /// <param name="adam">Replaces the second participant (Adam LAMBERT) when given.</param>
    public static EmargementDocument TwoDays(ParticipantAttendance? adam = null)
    {
        var morning = new AttendanceSession(1, new DateTime(2020, 11, 10, 9, 0, 0), new DateTime(2020, 11, 10, 12, 0, 0), SessionSource.HalfDay);
        var afternoon = new AttendanceSession(2, new DateTime(2020, 11, 12, 14, 0, 0), new DateTime(2020, 11, 12, 17, 0, 0), SessionSource.Scheduled);
        ParticipantAttendance Person(string first, string last, ParticipantRole role, double am, double pm, bool lateAm = false) => new()
        {
            Name = $"{first} {last}", FirstName = first, LastName = last, Email = $"{first}@x.fr", Role = role,
            Connections = 2, FirstJoin = morning.Start, LastLeave = afternoon.End,
            MinutesConnected = am + pm, MinutesInSlot = am + pm, Rate = (am + pm) / 360,
            Status = (am + pm) / 360 >= 0.8 ? AttendanceStatus.Present : AttendanceStatus.Partial,
            LateArrival = lateAm,
            Sessions =
            [
                new SessionAttendance { SessionIndex = 1, Connections = 1, MinutesInSlot = am, LateArrival = lateAm,
                    FirstJoin = morning.Start.AddMinutes(180 - am), LastLeave = morning.End },
                new SessionAttendance { SessionIndex = 2, Connections = 1, MinutesInSlot = pm,
                    FirstJoin = afternoon.Start, LastLeave = afternoon.End },
            ],
        };
        var people = new[]
        {
            Person("Elsa", "STAMMINGER", ParticipantRole.Trainer, 180, 180),
            adam ?? Person("Adam", "LAMBERT", ParticipantRole.Trainee, 150, 180, lateAm: true),
            Person("Zoé", "FAURE", ParticipantRole.Trainee, 60, 90),
        };
        var attendance = new AttendanceResult
        {
            Sessions = [morning, afternoon],
            Participants = people,
            Totals = new AttendanceTotals { Present = 1, Partial = 1, TraineeMinutesInSlot = 480, ScheduledMinutes = 360 },
        };
        var header = SeedHeader with
        {
            Slots = [new ScheduledSlot(afternoon.Start, afternoon.End)],
            Period = new ReportPeriod(new DateOnly(2020, 11, 1), new DateOnly(2020, 11, 12)),
        };
        return new EmargementDocument(new SessionReport { Platform = "Ma cl@sse virtuelle", Header = header }, attendance, [], Fingerprint, CreatedAt, "1.2.3");
    }
}
