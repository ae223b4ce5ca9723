using AddinWeb.Attendance;
using AddinWeb.Reports;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Attendance;

/// <summary>
/// The engine on the user's own example. Every expected figure is worked out by hand from the seed's times (shown
/// in the comments), never by the engine's own code.
/// </summary>
public class SeedAttendanceTests
{
    private const double Precision = 1e-9;
    private static readonly AttendanceResult Result = AttendanceEngine.Compute(SeedSessionReport.Build(), AttendanceOptions.Default);

    private static ParticipantAttendance Person(string name) => Result.Participants.Single(p => p.Name == name);
    private static DateTime At(string time) => SeedReport.ParseDate("10/11/2020 " + time);
    private static double Minutes(int h, int m, int s) => h * 60 + m + s / 60.0;

    [Fact]
    public void One_session_the_slot_of_the_header()
    {
        var session = Assert.Single(Result.Sessions);
        Assert.Equal(new AttendanceSession(1, At("14:00:00"), At("16:30:00"), SessionSource.Scheduled), session);
        Assert.Equal(150, session.ScheduledMinutes);
    }

    [Fact]
    public void Thirteen_people_one_per_email_both_sheets_merged()
    {
        Assert.Equal(13, Result.Participants.Count);
        Assert.Equal(SeedReport.SummaryRows.Select(r => r.Email).Order(), Result.Participants.Select(p => p.Email).Order());
        Assert.Equal(17, Result.Participants.Sum(p => p.Connections));
    }

    [Fact]
    public void Host_is_the_only_trainer_and_comes_first()
    {
        var trainer = Assert.Single(Result.Participants, p => p.Role == ParticipantRole.Trainer);
        Assert.Equal("Elsa STAMMINGER", trainer.Name);
        Assert.Same(trainer, Result.Participants[0]);
    }

    [Fact]
    public void Trainees_sorted_by_last_name_accents_aside()
    {
        string[] expected =
        [
            "Elsa STAMMINGER", "Hugo BERNARD", "Camille DURAND", "Zoé FAURE", "Manon FOURNIER", "Léa GIRARD",
            "Adam LAMBERT", "Chloé LEFÈVRE", "Louis MARTIN", "Inès MOREAU", "Théo MOREL", "Jules PETIT", "Nathan ROUX",
        ];
        Assert.Equal(expected, Result.Participants.Select(p => p.Name));
    }

    [Fact]
    public void Host_on_two_overlapping_devices_counted_once()
    {
        // Rows 11 (13:39:50–15:27:57) and 15 (13:42:19–16:50:34) overlap: union 13:39:50–16:50:34 = 3 h 10 min 44 s,
        // not the 108,12 + 188,24 the rows add up to.
        var elsa = Person("Elsa STAMMINGER");
        Assert.Equal(("Elsa", "STAMMINGER"), (elsa.FirstName, elsa.LastName));
        Assert.Equal(2, elsa.Connections);
        Assert.True(elsa.OverlappingConnections);
        Assert.Equal(0, elsa.Reconnections);
        Assert.Equal(Minutes(3, 10, 44), elsa.MinutesConnected, Precision);
        Assert.Equal(150, elsa.MinutesInSlot, Precision);
        Assert.Equal(1, elsa.Rate);
        Assert.Equal(AttendanceStatus.Present, elsa.Status);
        Assert.Equal(At("13:39:50"), elsa.FirstJoin);
        Assert.Equal(At("16:50:34"), elsa.LastLeave);
        Assert.False(elsa.LateArrival);
        Assert.False(elsa.EarlyLeave);
    }

    [Fact]
    public void Leaves_and_comes_back()
    {
        // 13:44:59–14:11:45 (26 min 46 s) then 14:40:06–16:40:43 (2 h 0 min 37 s).
        // In slot: 14:00:00–14:11:45 (11 min 45 s) + 14:40:06–16:30:00 (1 h 49 min 54 s) = 121,65 min; 121,65 / 150.
        var ines = Person("Inès MOREAU");
        Assert.Equal(2, ines.Connections);
        Assert.Equal(1, ines.Reconnections);
        Assert.False(ines.OverlappingConnections);
        Assert.Equal(Minutes(0, 26, 46) + Minutes(2, 0, 37), ines.MinutesConnected, Precision);
        Assert.Equal(Minutes(0, 11, 45) + Minutes(1, 49, 54), ines.MinutesInSlot, Precision);
        Assert.Equal(121.65, ines.MinutesInSlot, Precision);
        Assert.Equal(121.65 / 150, ines.Rate, Precision);
        Assert.Equal(AttendanceStatus.Present, ines.Status);
        Assert.Equal(At("13:44:59"), ines.FirstJoin);
        Assert.Equal(At("16:40:43"), ines.LastLeave);
        Assert.False(ines.LateArrival);
        Assert.False(ines.EarlyLeave);
    }

    [Fact]
    public void Leaves_early_with_tiny_connections_inside_the_main_one()
    {
        // 13:42:21–15:11:28 holds the three short rows (14:41:08–14:41:27, 14:41:46–14:42:09, 14:42:25–14:42:58).
        // In slot 14:00:00–15:11:28 = 71 min 28 s; rate 71,4667 / 150 = 47,6 %: partial, left before 16:20.
        var jules = Person("Jules PETIT");
        Assert.Equal(4, jules.Connections);
        Assert.Equal(0, jules.Reconnections);
        Assert.True(jules.OverlappingConnections);
        Assert.Equal(Minutes(1, 29, 7), jules.MinutesConnected, Precision);
        Assert.Equal(Minutes(1, 11, 28), jules.MinutesInSlot, Precision);
        Assert.Equal(Minutes(1, 11, 28) / 150, jules.Rate, Precision);
        Assert.Equal(AttendanceStatus.Partial, jules.Status);
        Assert.Equal(At("15:11:28"), jules.LastLeave);
        Assert.True(jules.EarlyLeave);
        Assert.False(jules.LateArrival);
    }

    [Fact]
    public void Just_under_eighty_percent_is_partial()
    {
        // 13:41:59–13:51:26 overlaps 13:47:44–15:59:23: union 13:41:59–15:59:23 = 2 h 17 min 24 s.
        // In slot 14:00:00–15:59:23 = 119,3833 min = 79,59 % of 150.
        var hugo = Person("Hugo BERNARD");
        Assert.True(hugo.OverlappingConnections);
        Assert.Equal(137.4, hugo.MinutesConnected, Precision);
        Assert.Equal(Minutes(1, 59, 23), hugo.MinutesInSlot, Precision);
        Assert.Equal(AttendanceStatus.Partial, hugo.Status);
        Assert.True(hugo.EarlyLeave);

        // The first row ends before 14:00: it does not touch the session.
        var session = Assert.Single(hugo.Sessions);
        Assert.Equal(1, session.Connections);
        Assert.Equal(At("13:47:44"), session.FirstJoin);
        Assert.Equal(Minutes(2, 11, 39), session.MinutesConnected, Precision);
        Assert.Equal(Minutes(1, 59, 23), session.MinutesInSlot, Precision);
    }

    [Theory]
    [InlineData("Camille DURAND", "13:47:53", "16:42:10", 2, 54, 17)]
    [InlineData("Adam LAMBERT", "13:41:19", "16:38:28", 2, 57, 9)]
    [InlineData("Chloé LEFÈVRE", "13:40:00", "16:40:49", 3, 0, 49)]
    [InlineData("Zoé FAURE", "13:48:47", "16:37:44", 2, 48, 57)]
    public void Early_arrivals_clipped_to_the_slot(string name, string first, string last, int h, int m, int s)
    {
        var person = Person(name);
        Assert.Equal(Minutes(h, m, s), person.MinutesConnected, Precision);
        Assert.Equal(150, person.MinutesInSlot, Precision);
        Assert.True(person.MinutesConnected > person.MinutesInSlot);
        Assert.Equal(1, person.Rate);
        Assert.Equal(AttendanceStatus.Present, person.Status);
        Assert.Equal(At(first), person.FirstJoin);
        Assert.Equal(At(last), person.LastLeave);
        Assert.False(person.LateArrival);
        Assert.False(person.EarlyLeave);
    }

    [Theory]
    [InlineData("Léa GIRARD")]
    [InlineData("Nathan ROUX")]
    [InlineData("Théo MOREL")]
    public void Only_in_Sommaire_is_absent(string name)
    {
        var person = Person(name);
        Assert.Equal(0, person.Connections);
        Assert.Null(person.FirstJoin);
        Assert.Null(person.LastLeave);
        Assert.Equal(0, person.MinutesConnected);
        Assert.Equal(0, person.MinutesInSlot);
        Assert.Equal(0, person.Rate);
        Assert.Equal(AttendanceStatus.Absent, person.Status);
        Assert.False(person.LateArrival);
        Assert.False(person.EarlyLeave);
        var session = Assert.Single(person.Sessions);
        Assert.Equal(new SessionAttendance { SessionIndex = 1, Status = AttendanceStatus.Absent }, session);
        Assert.Equal([new SourceRef(SeedReport.SummarySheetName, SeedSessionReport.SummaryRowOf(name))], person.SourceRows);
    }

    [Fact]
    public void Totals_count_trainees_only()
    {
        // Present: Durand, Martin, Lefèvre, Lambert, Fournier, Faure (150 min each) and Moreau (121,65).
        // Partial: Bernard (119,3833), Petit (71,4667). Absent: Girard, Roux, Morel. The host is not counted.
        Assert.Equal(7, Result.Totals.Present);
        Assert.Equal(2, Result.Totals.Partial);
        Assert.Equal(3, Result.Totals.Absent);
        Assert.Equal(6 * 150 + 121.65 + Minutes(1, 59, 23) + Minutes(1, 11, 28), Result.Totals.TraineeMinutesInSlot, Precision);
        Assert.Equal(1212.5, Result.Totals.TraineeMinutesInSlot, Precision);
        Assert.Equal(150, Result.Totals.ScheduledMinutes);
    }

    [Fact]
    public void Source_rows_of_both_sheets_in_order()
    {
        var ines = Person("Inès MOREAU");
        Assert.Equal(
        [
            new SourceRef(SeedReport.SummarySheetName, 18),
            new SourceRef(SeedReport.PresenceSheetName, 17),
            new SourceRef(SeedReport.PresenceSheetName, 23),
        ], ines.SourceRows);

        // Every row of both sheets belongs to exactly one person: nothing dropped, nothing counted twice.
        var all = Result.Participants.SelectMany(p => p.SourceRows).ToList();
        Assert.Equal(13 + 17, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(14, 13), all.Where(r => r.Sheet == SeedReport.SummarySheetName).Select(r => r.Row).Order());
        Assert.Equal(Enumerable.Range(11, 17), all.Where(r => r.Sheet == SeedReport.PresenceSheetName).Select(r => r.Row).Order());
    }

    [Fact]
    public void Session_figures_equal_the_participant_figures_with_one_slot()
    {
        foreach (var person in Result.Participants)
        {
            var session = Assert.Single(person.Sessions);
            Assert.Equal(person.MinutesInSlot, session.MinutesInSlot, Precision);
            Assert.Equal(person.Rate, session.Rate, Precision);
            Assert.Equal(person.Status, session.Status);
            Assert.Equal(person.LateArrival, session.LateArrival);
            Assert.Equal(person.EarlyLeave, session.EarlyLeave);
        }
    }

    [Fact]
    public void No_observation_on_a_clean_report()
    {
        Assert.Empty(Result.Observations);
    }

    [Fact]
    public void Same_result_whatever_the_row_order()
    {
        var report = SeedSessionReport.Build();
        var shuffled = report with
        {
            Users = report.Users.Reverse().ToList(),
            Connections = report.Connections.OrderBy(c => c.End).ThenByDescending(c => c.Source.Row).ToList(),
        };
        Assert.Equal(AttendanceJson.Of(Result), AttendanceJson.Of(AttendanceEngine.Compute(shuffled, AttendanceOptions.Default)));
    }
}
