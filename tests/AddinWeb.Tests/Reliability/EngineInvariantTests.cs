using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Reports;
using AddinWeb.Tests.Hosting;
using AddinWeb.Tests.Seed;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;

namespace AddinWeb.Tests.Reliability;

/// <summary>
/// On random valid reports (any size, any number of connections per person, any thresholds), the figures keep their
/// meaning: time in slot ≤ slot length, time in slot ≤ time connected ≤ sum of the person's connection durations,
/// rates within [0, 1], and every connection row of the report is used by exactly one participant or reported.
/// </summary>
public sealed class EngineInvariantTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private const double Margin = 1e-6; // minutes

    private readonly ReportAnalyzer _analyzer = host.Services.GetRequiredService<ReportAnalyzer>();

    [Fact]
    public void Attendance_figures_keep_their_meaning_on_random_reports()
    {
        Gen.Select(Gen.Int[1, 150], Gen.Int[1, 6], Gen.Int, Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, 60])
            .Sample((connections, perUser, seed, a, b, tolerance) =>
            {
                var workbook = SyntheticReport.Workbook(connections, perUser, seed);
                var options = new AttendanceOptions
                {
                    PresentThreshold = Math.Max(a, b), AbsentThreshold = Math.Min(a, b), ToleranceMinutes = tolerance,
                };
                var analysis = _analyzer.Analyze(workbook, options);
                Assert.True(analysis.IsUsable, string.Join(" | ", analysis.Errors.Select(e => e.Message)));
                var report = analysis.Report!;
                var attendance = analysis.Attendance!;
                var sessions = attendance.Sessions.ToDictionary(s => s.Index);
                var scheduled = sessions.Values.Sum(s => s.ScheduledMinutes);
                var connectionsByRow = report.Connections.ToDictionary(c => c.Source);

                foreach (var p in attendance.Participants)
                {
                    Assert.InRange(p.Rate, 0, 1);
                    Assert.True(p.MinutesInSlot <= scheduled + Margin, $"{p.MinutesInSlot} in slot > {scheduled} scheduled");
                    Assert.True(p.MinutesInSlot <= p.MinutesConnected + Margin, $"{p.MinutesInSlot} in slot > {p.MinutesConnected} connected");
                    var durations = p.SourceRows.Where(connectionsByRow.ContainsKey).Select(r => connectionsByRow[r])
                        .Where(c => c.End >= c.Start).Sum(c => (c.End - c.Start).TotalMinutes);
                    Assert.True(p.MinutesConnected <= durations + Margin, $"{p.MinutesConnected} connected > {durations} of rows");
                    foreach (var s in p.Sessions)
                    {
                        Assert.InRange(s.Rate, 0, 1);
                        Assert.True(s.MinutesInSlot <= sessions[s.SessionIndex].ScheduledMinutes + Margin);
                        Assert.True(s.MinutesInSlot <= s.MinutesConnected + Margin);
                    }
                }

                // Every connection row of the sheet: used by exactly one participant, or named by an issue.
                var firstDataRow = SeedReport.PresenceHeaderRow + 1; // synthetic reports have the seed's layout
                var used = attendance.Participants.SelectMany(p => p.SourceRows).Where(r => r.Sheet == report.SourceSheets[1])
                    .GroupBy(r => r.Row).ToDictionary(g => g.Key, g => g.Count());
                for (var row = firstDataRow; row < firstDataRow + connections; row++)
                {
                    var reported = analysis.Issues.Any(i => i.Sheet == report.SourceSheets[1] && i.Row == row);
                    Assert.True(used.GetValueOrDefault(row) == 1 || (used.GetValueOrDefault(row) == 0 && reported),
                        $"row {row} used {used.GetValueOrDefault(row)} times, reported: {reported}");
                }
            }, iter: 100);
    }
}
