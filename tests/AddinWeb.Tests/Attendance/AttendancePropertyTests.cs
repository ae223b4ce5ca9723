using AddinWeb.Attendance;
using AddinWeb.Reports;
using CsCheck;

namespace AddinWeb.Tests.Attendance;

/// <summary>
/// Random reports checked against a plain minute-by-minute count: with whole-minute times, the minutes a person is
/// connected are the minutes some row covers, and so on. The engine must agree exactly, whatever the rows.
/// </summary>
public class AttendancePropertyTests
{
    private const double Precision = 1e-9;
    private static readonly DateTime Day = new(2020, 11, 10);

    public sealed record Row(int Person, int Start, int Duration);
    public sealed record Slot(int Start, int Length);

    private static readonly Gen<Row> GenRow =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 2 * 1440 - 1], Gen.Int[-30, 400]).Select(t => new Row(t.Item1, t.Item2, t.Item3));
    private static readonly Gen<Slot> GenSlot =
        Gen.Select(Gen.Int[0, 2 * 1440 - 1], Gen.Int[-10, 300]).Select(t => new Slot(t.Item1, t.Item2));
    private static readonly Gen<(Row[] Rows, Slot[] Slots)> GenReport = Gen.Select(GenRow.Array[0, 40], GenSlot.Array[0, 4]);

    private static string Email(int person) => $"p{person}@x.fr";

    private static SessionReport ReportOf(Row[] rows, Slot[] slots) => new()
    {
        Platform = "Plateforme de test",
        Header = new ReportHeader
        {
            Host = "P0, Personne",
            Slots = slots.Select(s => new ScheduledSlot(Day.AddMinutes(s.Start), Day.AddMinutes(s.Start + s.Length))).ToList(),
        },
        Users = Enumerable.Range(0, 5).Where(p => p % 2 == 0).Select(p => new UserSummary
        {
            Source = new SourceRef("Sommaire", 14 + p), Name = $"Personne P{p}", Email = Email(p), ReplayMinutes = p,
        }).ToList(),
        Connections = rows.Select((r, i) => new Connection
        {
            Source = new SourceRef("Temps de connexion en présence", 11 + i),
            Name = $"Personne P{r.Person}",
            // Case and spaces vary: the same person whatever the spelling.
            Email = i % 3 == 0 ? $" P{r.Person}@X.FR " : Email(r.Person),
            Start = Day.AddMinutes(r.Start),
            End = Day.AddMinutes(r.Start + r.Duration),
        }).ToList(),
    };

    [Fact]
    public void Figures_agree_with_a_minute_by_minute_count()
    {
        GenReport.Sample(input =>
        {
            var (rows, slots) = input;
            var result = AttendanceEngine.Compute(ReportOf(rows, slots), AttendanceOptions.Default);
            var sessions = result.Sessions;

            // Sessions are chronological, disjoint and not empty.
            for (var i = 0; i < sessions.Count; i++)
            {
                Assert.Equal(i + 1, sessions[i].Index);
                Assert.True(sessions[i].End > sessions[i].Start);
                if (i > 0) Assert.True(sessions[i].Start >= sessions[i - 1].End);
            }
            var scheduled = sessions.Sum(s => s.ScheduledMinutes);
            Assert.Equal(scheduled, result.Totals.ScheduledMinutes, Precision);

            foreach (var person in result.Participants)
            {
                var id = int.Parse(person.LastName[1..]);
                var own = rows.Where(r => r.Person == id).ToList();
                var live = own.Where(r => r.Duration > 0).ToList();
                var covered = new int[3 * 1440 + 500];
                foreach (var r in live) for (var m = r.Start; m < r.Start + r.Duration; m++) covered[m + 100]++;
                bool Covered(int minute) => minute + 100 >= 0 && minute + 100 < covered.Length && covered[minute + 100] > 0;

                Assert.Equal(own.Count, person.Connections);
                Assert.Equal(covered.Count(c => c > 0), person.MinutesConnected, Precision);
                Assert.True(person.MinutesConnected <= live.Sum(r => r.Duration) + Precision);
                Assert.Equal(covered.Any(c => c > 1), person.OverlappingConnections);
                var runs = covered.Select((c, i) => c > 0 && (i == 0 || covered[i - 1] == 0)).Count(x => x);
                Assert.Equal(Math.Max(0, runs - 1), person.Reconnections);

                Assert.Equal(sessions.Count, person.Sessions.Count);
                double inSlot = 0;
                for (var s = 0; s < sessions.Count; s++)
                {
                    var from = (int)(sessions[s].Start - Day).TotalMinutes;
                    var to = (int)(sessions[s].End - Day).TotalMinutes;
                    var expected = Enumerable.Range(from, to - from).Count(Covered);
                    var figures = person.Sessions[s];
                    Assert.Equal(expected, figures.MinutesInSlot, Precision);
                    Assert.True(figures.MinutesInSlot <= sessions[s].ScheduledMinutes + Precision);
                    Assert.True(figures.MinutesInSlot <= figures.MinutesConnected + Precision);
                    Assert.InRange(figures.Rate, 0, 1);
                    inSlot += expected;
                }
                Assert.Equal(inSlot, person.MinutesInSlot, Precision);
                Assert.True(person.MinutesInSlot <= person.MinutesConnected + Precision);
                Assert.InRange(person.Rate, 0, 1);
                Assert.Equal(scheduled > 0 ? inSlot / scheduled : 0, person.Rate, Precision);
                var status = inSlot == 0 ? AttendanceStatus.Absent
                    : person.Rate >= 0.8 ? AttendanceStatus.Present
                    : person.Rate < 0.1 ? AttendanceStatus.Absent
                    : AttendanceStatus.Partial;
                Assert.Equal(status, person.Status);
                Assert.Equal(id == 0 ? ParticipantRole.Trainer : ParticipantRole.Trainee, person.Role);
                Assert.Equal(id % 2 == 0 ? id : 0, person.ReplayMinutes);
            }

            // Every row is somebody's, once.
            var sources = result.Participants.SelectMany(p => p.SourceRows).ToList();
            Assert.Equal(rows.Length + 3, sources.Count);
            Assert.Equal(sources.Count, sources.Distinct().Count());

            var trainees = result.Participants.Where(p => p.Role == ParticipantRole.Trainee).ToList();
            Assert.Equal(trainees.Count, result.Totals.Present + result.Totals.Partial + result.Totals.Absent);
            Assert.Equal(trainees.Sum(p => p.MinutesInSlot), result.Totals.TraineeMinutesInSlot, 1e-6);
        }, iter: 300);
    }

    [Fact]
    public void Row_order_does_not_change_the_result()
    {
        Gen.Select(GenReport, Gen.Int).Sample(input =>
        {
            var ((rows, slots), seed) = input;
            var report = ReportOf(rows, slots);
            var random = new Random(seed);
            var shuffled = report with
            {
                Connections = report.Connections.OrderBy(_ => random.Next()).ToList(),
                Users = report.Users.OrderBy(_ => random.Next()).ToList(),
            };
            Assert.Equal(AttendanceJson.Of(AttendanceEngine.Compute(report, AttendanceOptions.Default)),
                AttendanceJson.Of(AttendanceEngine.Compute(shuffled, AttendanceOptions.Default)));
        }, iter: 100);
    }

    [Fact]
    public void A_hundred_thousand_connections_agree_with_the_minute_count()
    {
        // Not a timing test (speed belongs in a benchmark): it shows the figures stay exact at the size of a
        // large export, and a quadratic scan would make the suite visibly slow.
        const int people = 2_000, count = 100_000;
        var random = new Random(20201110);
        var rows = Enumerable.Range(0, count)
            .Select(_ => new Row(random.Next(people), random.Next(8 * 60, 18 * 60), random.Next(-5, 120)))
            .ToArray();
        var report = new SessionReport
        {
            Platform = "Plateforme de test",
            Header = new ReportHeader
            {
                Slots = [new(Day.AddHours(9), Day.AddHours(12)), new(Day.AddHours(14), Day.AddHours(17))],
            },
            Connections = rows.Select((r, i) => new Connection
            {
                Source = new SourceRef("Temps de connexion en présence", 11 + i),
                Name = $"Personne P{r.Person}",
                Email = $"p{r.Person}@x.fr",
                Start = Day.AddMinutes(r.Start),
                End = Day.AddMinutes(r.Start + r.Duration),
            }).ToList(),
        };
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(people, result.Participants.Count);
        Assert.Equal(count, result.Participants.Sum(p => p.Connections));

        var covered = new bool[people, 24 * 60];
        foreach (var r in rows) for (var m = r.Start; m < r.Start + r.Duration; m++) covered[r.Person, m] = true;
        foreach (var person in result.Participants)
        {
            var id = int.Parse(person.LastName[1..]);
            var connected = 0; var inSlot = 0;
            for (var m = 0; m < 24 * 60; m++)
            {
                if (!covered[id, m]) continue;
                connected++;
                if (m is >= 9 * 60 and < 12 * 60 or >= 14 * 60 and < 17 * 60) inSlot++;
            }
            Assert.Equal(connected, person.MinutesConnected, Precision);
            Assert.Equal(inSlot, person.MinutesInSlot, Precision);
        }
    }
}
