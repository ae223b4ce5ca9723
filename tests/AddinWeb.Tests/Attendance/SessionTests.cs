using AddinWeb.Reports;
using AddinWeb.Attendance;

namespace AddinWeb.Tests.Attendance;

/// <summary>Several slot lines, and inferred half-days when the report gives none.</summary>
public class SessionTests
{
    private const double Precision = 1e-9;
    private static DateTime At(string text) => ReportBuilder.At(text);
    private static ParticipantAttendance Person(AttendanceResult result, string lastName) =>
        result.Participants.Single(p => p.LastName == lastName);

    [Fact]
    public void Several_slots_give_per_session_figures()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 17:00") // given out of order: sessions are chronological
            .Slot("10/11 09:00", "10/11 12:00")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 08:55", "10/11 12:05")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 14:20", "10/11 16:00")
            .Connect("Bruno BLANC", "b@x.fr", "10/11 09:15", "10/11 12:00")
            .Connect("Chloé CARON", "c@x.fr", "10/11 08:00", "10/11 18:00")
            .Connect("Denis DUMAS", "d@x.fr", "10/11 12:30", "10/11 13:30")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);

        Assert.Equal(
        [
            new AttendanceSession(1, At("10/11 09:00"), At("10/11 12:00"), SessionSource.Scheduled),
            new AttendanceSession(2, At("10/11 14:00"), At("10/11 17:00"), SessionSource.Scheduled),
        ], result.Sessions);
        Assert.Equal(360, result.Totals.ScheduledMinutes);

        // Anne: whole morning (180 of 180), afternoon 14:20–16:00 (100 of 180): late and early on the afternoon.
        var anne = Person(result, "AUBRY");
        Assert.Equal(new SessionAttendance
        {
            SessionIndex = 1, Connections = 1, FirstJoin = At("10/11 08:55"), LastLeave = At("10/11 12:05"),
            MinutesConnected = 190, MinutesInSlot = 180, MinutesInSlotMax = 180, Rate = 1, Status = AttendanceStatus.Present,
        }, anne.Sessions[0]);
        var afternoon = anne.Sessions[1];
        Assert.Equal((2, 1, 100.0), (afternoon.SessionIndex, afternoon.Connections, afternoon.MinutesInSlot));
        Assert.Equal(100.0 / 180, afternoon.Rate, Precision);
        Assert.Equal(AttendanceStatus.Partial, afternoon.Status);
        Assert.True(afternoon.LateArrival);
        Assert.True(afternoon.EarlyLeave);
        Assert.Equal(280, anne.MinutesInSlot, Precision);
        Assert.Equal(290, anne.MinutesConnected, Precision);
        Assert.Equal(280.0 / 360, anne.Rate, Precision);
        Assert.Equal(AttendanceStatus.Partial, anne.Status);
        Assert.Equal(1, anne.Reconnections);
        Assert.True(anne.LateArrival);
        Assert.True(anne.EarlyLeave);

        // Bruno: morning only, 09:15 is late; absent from the afternoon, where no late/early flag applies.
        var bruno = Person(result, "BLANC");
        Assert.Equal(165, bruno.Sessions[0].MinutesInSlot, Precision);
        Assert.Equal(AttendanceStatus.Present, bruno.Sessions[0].Status);
        Assert.True(bruno.Sessions[0].LateArrival);
        Assert.False(bruno.Sessions[0].EarlyLeave);
        Assert.Equal(new SessionAttendance { SessionIndex = 2, Status = AttendanceStatus.Absent }, bruno.Sessions[1]);
        Assert.Equal(165.0 / 360, bruno.Rate, Precision);
        Assert.True(bruno.LateArrival);
        Assert.False(bruno.EarlyLeave);

        // Chloé: one connection over both slots counts in both, the gap between them is not in slot.
        var chloe = Person(result, "CARON");
        Assert.All(chloe.Sessions, s => Assert.Equal((1, 600.0, 180.0), (s.Connections, s.MinutesConnected, s.MinutesInSlot)));
        Assert.Equal(600, chloe.MinutesConnected, Precision);
        Assert.Equal(360, chloe.MinutesInSlot, Precision);
        Assert.Equal(AttendanceStatus.Present, chloe.Status);

        // Denis: connected only between the slots.
        var denis = Person(result, "DUMAS");
        Assert.Equal((1, 60.0, 0.0), (denis.Connections, denis.MinutesConnected, denis.MinutesInSlot));
        Assert.All(denis.Sessions, s => Assert.Equal(0, s.Connections));
        Assert.Equal(AttendanceStatus.Absent, denis.Status);

        Assert.Equal((1, 2, 1), (result.Totals.Present, result.Totals.Partial, result.Totals.Absent));
        Assert.Equal(180 + 100 + 165 + 360, result.Totals.TraineeMinutesInSlot, Precision);
    }

    [Fact]
    public void Duplicate_and_empty_slots_are_not_sessions()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .Slot("10/11 14:00", "10/11 16:30")
            .Slot("10/11 18:00", "10/11 17:00")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 14:00", "10/11 16:30")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Single(result.Sessions);
        Assert.Equal(150, result.Totals.ScheduledMinutes);
        Assert.Equal("SlotIgnored", Assert.Single(result.Observations).Code);
    }

    [Fact]
    public void Overlapping_slots_become_one_session_so_no_minute_counts_twice()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .Slot("10/11 16:00", "10/11 17:00")
            .Slot("10/11 17:00", "10/11 18:00") // follows: stays apart
            .Connect("Anne AUBRY", "a@x.fr", "10/11 14:00", "10/11 18:00")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(
        [
            new AttendanceSession(1, At("10/11 14:00"), At("10/11 17:00"), SessionSource.Scheduled),
            new AttendanceSession(2, At("10/11 17:00"), At("10/11 18:00"), SessionSource.Scheduled),
        ], result.Sessions);
        var anne = Assert.Single(result.Participants);
        Assert.Equal(240, anne.MinutesInSlot, Precision);
        Assert.Equal(240, anne.MinutesConnected, Precision);
        Assert.Equal(1, anne.Rate);
        Assert.Equal("SlotsMerged", Assert.Single(result.Observations).Code);
    }

    [Fact]
    public void No_slot_and_two_days_give_four_half_days()
    {
        var report = new ReportBuilder()
            .Host("Formateur, Tom")
            .Connect("Tom FORMATEUR", "t@x.fr", "10/11 08:20", "10/11 12:30")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 08:50", "10/11 12:10")
            .Connect("Bruno BLANC", "b@x.fr", "10/11 09:05", "10/11 12:00")
            .Connect("Tom FORMATEUR", "t@x.fr", "10/11 13:30", "10/11 17:05")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 13:55", "10/11 17:00")
            .Connect("Bruno BLANC", "b@x.fr", "10/11 14:00", "10/11 16:00")
            .Connect("Tom FORMATEUR", "t@x.fr", "11/11 08:45", "11/11 12:15")
            .Connect("Anne AUBRY", "a@x.fr", "11/11 09:00", "11/11 12:00")
            .Connect("Tom FORMATEUR", "t@x.fr", "11/11 14:00", "11/11 16:00")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);

        // Median first join and median last leave of each half-day's people (earlier/later of the two middles
        // when even): 10/11 morning 08:50–12:10, afternoon 13:55–17:00; 11/11 morning 08:45–12:15 (two people:
        // whole span), afternoon 14:00–16:00 (the trainer alone).
        Assert.Equal(
        [
            new AttendanceSession(1, At("10/11 08:50"), At("10/11 12:10"), SessionSource.HalfDay),
            new AttendanceSession(2, At("10/11 13:55"), At("10/11 17:00"), SessionSource.HalfDay),
            new AttendanceSession(3, At("11/11 08:45"), At("11/11 12:15"), SessionSource.HalfDay),
            new AttendanceSession(4, At("11/11 14:00"), At("11/11 16:00"), SessionSource.HalfDay),
        ], result.Sessions);
        Assert.Equal(200 + 185 + 210 + 120, result.Totals.ScheduledMinutes);

        var tom = result.Participants[0];
        Assert.Equal(ParticipantRole.Trainer, tom.Role);
        Assert.Equal([200.0, 185, 210, 120], tom.Sessions.Select(s => s.MinutesInSlot));
        Assert.Equal(1, tom.Rate);

        var anne = Person(result, "AUBRY");
        Assert.Equal([200.0, 185, 180, 0], anne.Sessions.Select(s => s.MinutesInSlot));
        Assert.Equal(
            [AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Present, AttendanceStatus.Absent],
            anne.Sessions.Select(s => s.Status));
        Assert.Equal([false, false, true, false], anne.Sessions.Select(s => s.LateArrival)); // 09:00 > 08:45 + 10 min
        Assert.Equal([false, false, true, false], anne.Sessions.Select(s => s.EarlyLeave)); // 12:00 < 12:15 − 10 min
        Assert.Equal(565.0 / 715, anne.Rate, Precision);
        Assert.Equal(AttendanceStatus.Partial, anne.Status);
        Assert.Equal(2, anne.Reconnections); // three pieces: 10/11 morning, 10/11 afternoon, 11/11 morning

        var bruno = Person(result, "BLANC");
        Assert.Equal([175.0, 120, 0, 0], bruno.Sessions.Select(s => s.MinutesInSlot));
        Assert.Equal(120.0 / 185, bruno.Sessions[1].Rate, Precision);
        Assert.Equal(AttendanceStatus.Partial, bruno.Sessions[1].Status);
        Assert.Equal([true, false, false, false], bruno.Sessions.Select(s => s.LateArrival)); // 09:05 > 08:50 + 10 min
        Assert.Equal([false, true, false, false], bruno.Sessions.Select(s => s.EarlyLeave));
        Assert.Equal(295.0 / 715, bruno.Rate, Precision);

        Assert.Equal((0, 2, 0), (result.Totals.Present, result.Totals.Partial, result.Totals.Absent));
        Assert.Contains(result.Observations, o => o.Code == "SessionsInferred");
    }

    [Fact]
    public void A_connection_belongs_to_the_half_day_of_its_midpoint_and_sessions_are_clipped_to_it()
    {
        // The trainer opens at 12:40 and a trainee arrives at 12:55 for an afternoon class: no morning session.
        var report = new ReportBuilder()
            .Connect("Tom FORMATEUR", "t@x.fr", "10/11 12:40", "10/11 16:00")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 12:55", "10/11 16:00")
            .Connect("Bruno BLANC", "b@x.fr", "10/11 13:10", "10/11 15:55")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        // Median first join 12:55, clipped to the afternoon, which starts at 13:00.
        Assert.Equal(new AttendanceSession(1, At("10/11 13:00"), At("10/11 16:00"), SessionSource.HalfDay), Assert.Single(result.Sessions));
        var bruno = Person(result, "BLANC");
        Assert.Equal(165.0 / 180, bruno.Rate, Precision);
        Assert.False(bruno.LateArrival); // 13:10 is not after 13:00 + 10 min
        Assert.Equal(180, Person(result, "AUBRY").MinutesInSlot, Precision);
    }

    [Fact]
    public void One_participant_who_forgot_to_disconnect_does_not_stretch_the_half_day()
    {
        var report = new ReportBuilder()
            .Connect("Anne AUBRY", "a@x.fr", "10/11 14:00", "10/11 16:00")
            .Connect("Bruno BLANC", "b@x.fr", "10/11 14:00", "10/11 16:00")
            .Connect("Chloé CARON", "c@x.fr", "10/11 14:00", "10/11 16:00")
            .Connect("Denis DUMAS", "d@x.fr", "10/11 14:00", "10/11 19:00")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(new AttendanceSession(1, At("10/11 14:00"), At("10/11 16:00"), SessionSource.HalfDay), Assert.Single(result.Sessions));
        Assert.All(result.Participants, p => Assert.Equal((AttendanceStatus.Present, false), (p.Status, p.EarlyLeave)));
        Assert.Equal(300, Person(result, "DUMAS").MinutesConnected, Precision);
    }

    [Fact]
    public void Afternoon_start_is_an_option()
    {
        var report = new ReportBuilder()
            .Connect("Anne AUBRY", "a@x.fr", "10/11 10:00", "10/11 11:00")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 12:10", "10/11 13:10")
            .Build();

        // 13:00: both in the morning, session 10:00–13:00 (the last leave clipped), 60 + 50 of 180 min.
        var byDefault = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(new AttendanceSession(1, At("10/11 10:00"), At("10/11 13:00"), SessionSource.HalfDay), Assert.Single(byDefault.Sessions));
        Assert.Equal(110, byDefault.Participants[0].MinutesInSlot, Precision);

        // 12:00: the second connection is the afternoon.
        var noon = AttendanceEngine.Compute(report, AttendanceOptions.Default with { AfternoonStartsAt = new TimeOnly(12, 0) });
        Assert.Equal(
        [
            new AttendanceSession(1, At("10/11 10:00"), At("10/11 11:00"), SessionSource.HalfDay),
            new AttendanceSession(2, At("10/11 12:10"), At("10/11 13:10"), SessionSource.HalfDay),
        ], noon.Sessions);
        Assert.Equal(1, noon.Participants[0].Rate);
    }

    [Fact]
    public void No_slot_and_no_connection_gives_no_session_and_everyone_absent()
    {
        var report = new ReportBuilder().User("Anne AUBRY", "a@x.fr", replay: 10).Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Empty(result.Sessions);
        var anne = Assert.Single(result.Participants);
        Assert.Equal((AttendanceStatus.Absent, 0.0, 10.0), (anne.Status, anne.Rate, anne.ReplayMinutes));
        Assert.Empty(anne.Sessions);
        Assert.Equal(0, result.Totals.ScheduledMinutes);
    }

    [Fact]
    public void Seed_without_its_slot_line_gives_one_afternoon_session()
    {
        var report = SeedSessionReport.Build();
        var result = AttendanceEngine.Compute(report with { Header = report.Header with { Slots = [] } }, AttendanceOptions.Default);
        var session = Assert.Single(result.Sessions);
        Assert.Equal(SessionSource.HalfDay, session.Source);
        // Ten people connected. Per person first joins sorted: 13:39:50, 13:40:00, 13:41:19, 13:41:59, 13:42:21
        // (5th = lower middle), ...; last leaves sorted: ..., 16:38:28, 16:38:42 (6th = upper middle), 16:40:43, ...
        // Per person: Elsa 13:39:50–16:50:34, Chloé 13:40:00–16:40:49, Adam 13:41:19–16:38:28, Hugo 13:41:59–15:59:23,
        // Jules 13:42:21–15:11:28, Inès 13:44:59–16:40:43, Manon 13:47:17–16:47:31, Camille 13:47:53–16:42:10,
        // Louis 13:48:12–16:44:51, Zoé 13:48:47–16:37:44.
        // Last leaves sorted: 15:11:28, 15:59:23, 16:37:44, 16:38:28, 16:40:43, 16:40:49, 16:42:10, ...: 6th = 16:40:49.
        Assert.Equal(SeedReportTime("13:42:21"), session.Start);
        Assert.Equal(SeedReportTime("16:40:49"), session.End);
    }

    private static DateTime SeedReportTime(string time) => Seed.SeedReport.ParseDate("10/11/2020 " + time);
}
