using AddinWeb.Attendance;
using AddinWeb.Reports;
using CsCheck;

namespace AddinWeb.Tests.Attendance;

/// <summary>
/// A summary (first join, last leave, duration) is what a platform keeps of someone's connections. Whatever those
/// connections were, the time they really spent within the slots, as the exact engine counts it from the
/// connections, must lie between the certain figure and the maximum the engine gives from the summary alone: the
/// sheet prints the certain one, so it must never overstate.
/// </summary>
public class SummaryPropertyTests
{
    private const double Precision = 1e-6;
    private static readonly DateTime Day = new(2025, 3, 4);

    private static readonly Gen<(int Start, int Length)[]> GenConnections =
        Gen.Select(Gen.Int[0, 1439], Gen.Int[1, 300]).Array[1, 6];
    private static readonly Gen<(int Start, int Length)[]> GenSlots =
        Gen.Select(Gen.Int[0, 1439], Gen.Int[1, 400]).Array[0, 3];

    private static SessionReport Report(IEnumerable<Connection> connections, IEnumerable<UserSummary> users,
        (int Start, int Length)[] slots) => new()
    {
        Platform = "Plateforme de test",
        SourceSheets = ["Rapport"],
        Header = new ReportHeader
        {
            Slots = slots.Select(s => new ScheduledSlot(Day.AddMinutes(s.Start), Day.AddMinutes(s.Start + s.Length))).ToList(),
        },
        Connections = connections.ToList(),
        Users = users.ToList(),
    };

    [Fact]
    public void The_exact_time_in_slot_lies_between_the_certain_figure_and_the_maximum()
    {
        Gen.Select(GenConnections, GenSlots).Sample((connections, slots) =>
        {
            var rows = connections.Select((c, i) => new Connection
            {
                Source = new SourceRef("Rapport", 2 + i), Name = "Anne AUBRY",
                Start = Day.AddMinutes(c.Start), End = Day.AddMinutes(c.Start + c.Length),
            }).ToList();
            var exactResult = AttendanceEngine.Compute(Report(rows, [], slots), AttendanceOptions.Default);
            var exact = Assert.Single(exactResult.Participants);
            // The same sessions both ways (without slots, the inferred ones would follow each kind of row).
            var sameSessions = new AttendanceOptions { Slots = exactResult.Sessions.Select(s => new ScheduledSlot(s.Start, s.End)).ToList() };

            // What the platform would keep of these connections: first join, last leave, time connected.
            var summary = new PresenceSummary(rows.Min(r => r.Start), rows.Max(r => r.End), exact.MinutesConnected);
            var user = new UserSummary { Source = new SourceRef("Rapport", 2), Name = "Anne AUBRY", Presence = summary };
            var result = AttendanceEngine.Compute(Report([], [user], slots), sameSessions);
            var bounded = Assert.Single(result.Participants);

            Assert.Equal(exact.MinutesConnected, bounded.MinutesConnected, Precision);
            Assert.InRange(exact.MinutesInSlot, bounded.MinutesInSlot - Precision, bounded.MinutesInSlotMax + Precision);
            Assert.True(bounded.Rate <= exact.Rate + Precision);
            for (var s = 0; s < exact.Sessions.Count; s++)
                Assert.InRange(exact.Sessions[s].MinutesInSlot,
                    bounded.Sessions[s].MinutesInSlot - Precision, bounded.Sessions[s].MinutesInSlotMax + Precision);
            // One connection is its own summary: the range closes on the exact figure.
            if (rows.Count == 1)
                Assert.Equal(exact.MinutesInSlot, bounded.MinutesInSlot, Precision);
        });
    }
}
