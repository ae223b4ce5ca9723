using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using static AddinWeb.Tests.Attendance.ReportBuilder;

namespace AddinWeb.Tests.Attendance;

/// <summary>
/// People known only by first join J, last leave L and duration D (a dashboard row): the engine gives the certain
/// time within the slots, D minus the part of [J, L] outside them, and the most it can be, the least of D and the
/// part of [J, L] within them. Every expected figure is worked out by hand in the comments.
/// </summary>
public class SummaryAttendanceTests
{
    private const double Precision = 1e-9;

    private static PresenceSummary Dashboard(string join, string? leave, double minutes) =>
        new(At(join), leave is null ? null : At(leave), minutes);

    private static double Minutes(int h, int m, int s) => h * 60 + m + s / 60.0;

    private static AttendanceResult Compute(ReportBuilder builder, AttendanceOptions? options = null) =>
        AttendanceEngine.Compute(builder.Build(), options ?? AttendanceOptions.Default);

    private static ParticipantAttendance Person(AttendanceResult result, string name) =>
        result.Participants.Single(p => p.Name == name);

    /// <summary>The platform sample's three people against a 09:00–12:00 slot on 04/03.</summary>
    private static AttendanceResult Sample() => Compute(new ReportBuilder()
        .Slot("04/03 09:00", "04/03 12:00")
        .User("Agnès Formatrice", null, role: ParticipantRole.Trainer,
            presence: Dashboard("04/03 08:57:41", "04/03 12:02:19", Minutes(3, 4, 38)))
        .User("Bruno Stagiaire", null, role: ParticipantRole.Trainee,
            presence: Dashboard("04/03 09:01:05", "04/03 11:58:40", Minutes(2, 41, 12)))
        .User("Chloé Stagiaire", null, role: ParticipantRole.Trainee,
            presence: Dashboard("04/03 09:20:33", "04/03 10:05:00", Minutes(0, 44, 27))));

    [Fact]
    public void A_span_inside_the_slot_proves_the_whole_duration()
    {
        // 09:01:05–11:58:40 lies within 09:00–12:00: nothing of it is outside, so all of D (2 h 41 min 12 s) is in
        // the slot, and no more than D can be: 161.2 minutes both ways, 161.2 / 180 = 89.6 %, present.
        var bruno = Person(Sample(), "Bruno Stagiaire");
        Assert.Equal(PresenceBasis.Summary, bruno.Basis);
        Assert.Equal(ParticipantRole.Trainee, bruno.Role);
        Assert.Equal(161.2, bruno.MinutesInSlot, Precision);
        Assert.Equal(161.2, bruno.MinutesInSlotMax, Precision);
        Assert.Equal(161.2, bruno.MinutesConnected, Precision);
        Assert.Equal(161.2 / 180, bruno.Rate, Precision);
        Assert.Equal(AttendanceStatus.Present, bruno.Status);
        Assert.Equal(0, bruno.Connections);
        Assert.Equal((At("04/03 09:01:05"), At("04/03 11:58:40")), (bruno.FirstJoin!.Value, bruno.LastLeave!.Value));
        Assert.False(bruno.LateArrival);
        Assert.False(bruno.EarlyLeave);
    }

    [Fact]
    public void Time_outside_the_slot_is_taken_off_the_certain_figure()
    {
        // 08:57:41–12:02:19 (3 h 4 min 38 s = D: connected all along): 2 min 19 s before 09:00 and 2 min 19 s after
        // 12:00 are outside, so at least 184.633 − 4.633 = 180 minutes are in the slot, and at most the slot's 180.
        var agnes = Person(Sample(), "Agnès Formatrice");
        Assert.Equal(ParticipantRole.Trainer, agnes.Role);
        Assert.Equal(180, agnes.MinutesInSlot, 1e-6);
        Assert.Equal(180, agnes.MinutesInSlotMax, 1e-6);
        Assert.Equal(Minutes(3, 4, 38), agnes.MinutesConnected, Precision);
    }

    [Fact]
    public void Late_and_early_follow_the_first_join_and_last_leave()
    {
        // 09:20:33–10:05:00, D 44 min 27 s, all within the slot: 44.45 minutes, 24.7 %: partial; arrived 20 minutes
        // after 09:00 and left 1 h 55 before 12:00, both beyond the 10-minute tolerance.
        var result = Sample();
        var chloe = Person(result, "Chloé Stagiaire");
        Assert.Equal(Minutes(0, 44, 27), chloe.MinutesInSlot, Precision);
        Assert.Equal(AttendanceStatus.Partial, chloe.Status);
        Assert.True(chloe.LateArrival);
        Assert.True(chloe.EarlyLeave);
        Assert.Equal((1, 1, 0), (result.Totals.Present, result.Totals.Partial, result.Totals.Absent));
        Assert.Equal(161.2 + Minutes(0, 44, 27), result.Totals.TraineeMinutesInSlot, 1e-6);
    }

    [Fact]
    public void A_long_span_around_a_short_slot_proves_nothing()
    {
        // 09:00–12:00 with 90 minutes connected, slot 10:00–11:00: 120 minutes of the span are outside the slot, more
        // than D, so the certain figure is 0 (all 90 could have been outside); at most min(90, 60) = 60.
        var result = Compute(new ReportBuilder()
            .Slot("04/03 10:00", "04/03 11:00")
            .User("Anne AUBRY", null, presence: Dashboard("04/03 09:00", "04/03 12:00", 90)));
        var anne = Assert.Single(result.Participants);
        Assert.Equal(0, anne.MinutesInSlot, Precision);
        Assert.Equal(60, anne.MinutesInSlotMax, Precision);
        Assert.Equal(0, anne.Rate);
        Assert.Equal(AttendanceStatus.Absent, anne.Status);
    }

    [Fact]
    public void Partly_outside_gives_a_range()
    {
        // 08:30–12:30 with 200 minutes connected, slot 09:00–12:00: 60 minutes of the span are outside, so at least
        // 200 − 60 = 140 minutes are in the slot, at most min(200, 180) = 180. Rate on the certain figure: 140 / 180.
        var result = Compute(new ReportBuilder()
            .Slot("04/03 09:00", "04/03 12:00")
            .User("Anne AUBRY", null, presence: Dashboard("04/03 08:30", "04/03 12:30", 200)));
        var anne = Assert.Single(result.Participants);
        Assert.Equal(140, anne.MinutesInSlot, Precision);
        Assert.Equal(180, anne.MinutesInSlotMax, Precision);
        Assert.Equal(140.0 / 180, anne.Rate, Precision);
        Assert.Equal(AttendanceStatus.Partial, anne.Status);
    }

    [Fact]
    public void Two_slots_a_day_apart_give_per_session_minimums_and_a_larger_total()
    {
        // 09:00–17:00 with 6 h connected; slots 09:00–12:00 and 14:00–17:00. Outside both: 12:00–14:00 (2 h), so at
        // least 4 h fall within the slots, split unknown. In the morning alone: 6 h − 5 h outside it = 1 h at least,
        // the afternoon the same; at most 3 h each. The total is the true minimum (4 h), not the sum of the minimums.
        var result = Compute(new ReportBuilder()
            .Slot("04/03 09:00", "04/03 12:00").Slot("04/03 14:00", "04/03 17:00")
            .User("Anne AUBRY", null, presence: Dashboard("04/03 09:00", "04/03 17:00", 360)));
        var anne = Assert.Single(result.Participants);
        Assert.Equal(240, anne.MinutesInSlot, Precision);
        Assert.Equal(360, anne.MinutesInSlotMax, Precision);
        Assert.Equal([60.0, 60.0], anne.Sessions.Select(s => s.MinutesInSlot));
        Assert.Equal([180.0, 180.0], anne.Sessions.Select(s => s.MinutesInSlotMax));
        Assert.Equal(240.0 / 360, anne.Rate, Precision);
    }

    [Fact]
    public void A_session_before_the_first_join_is_absent_and_not_late()
    {
        // Slots 09:00–10:00 and 14:00–15:00; joined at 14:05, left at 15:00, 55 minutes: nothing in the morning.
        var result = Compute(new ReportBuilder()
            .Slot("04/03 09:00", "04/03 10:00").Slot("04/03 14:00", "04/03 15:00")
            .User("Anne AUBRY", null, presence: Dashboard("04/03 14:05", "04/03 15:00", 55)));
        var anne = Assert.Single(result.Participants);
        var (morning, afternoon) = (anne.Sessions[0], anne.Sessions[1]);
        Assert.Equal((0.0, 0.0, AttendanceStatus.Absent, false), (morning.MinutesInSlot, morning.MinutesInSlotMax, morning.Status, morning.LateArrival));
        Assert.Equal((55.0, 55.0, AttendanceStatus.Present, false), (afternoon.MinutesInSlot, afternoon.MinutesInSlotMax, afternoon.Status, afternoon.LateArrival));
    }

    [Fact]
    public void An_unknown_leave_ends_at_the_last_moment_of_the_report_and_says_so()
    {
        // Bruno is still connected when the report is made (no leave); the latest time in the report is Agnès'
        // leave at 12:00. His span is taken as 09:30–12:00 with his 60 minutes: all within the 09:00–12:00 slot.
        var result = Compute(new ReportBuilder()
            .Slot("04/03 09:00", "04/03 12:00")
            .User("Agnès FORMATRICE", null, role: ParticipantRole.Trainer, presence: Dashboard("04/03 09:00", "04/03 12:00", 180))
            .User("Bruno MARTIN", null, presence: Dashboard("04/03 09:30", null, 60)));
        var bruno = Person(result, "Bruno MARTIN");
        Assert.Equal(60, bruno.MinutesInSlot, Precision);
        Assert.Null(bruno.LastLeave);
        Assert.False(bruno.EarlyLeave);
        var remark = Assert.Single(result.Observations, o => o.Code == "LeaveUnknown");
        Assert.Equal((ReportBuilder.Summary, 15), (remark.Sheet!, remark.Row!.Value));
        Assert.Contains("au plus tard le 04/03/2020 à 12:00", remark.Message);
    }

    [Fact]
    public void A_duration_longer_than_its_span_is_capped_and_said()
    {
        // 09:00–10:00 but 120 minutes stated: only the 60 minutes of the span can be counted.
        var result = Compute(new ReportBuilder()
            .Slot("04/03 09:00", "04/03 12:00")
            .User("Anne AUBRY", null, presence: Dashboard("04/03 09:00", "04/03 10:00", 120)));
        var anne = Assert.Single(result.Participants);
        Assert.Equal(60, anne.MinutesInSlot, Precision);
        Assert.Equal(60, anne.MinutesInSlotMax, Precision);
        var remark = Assert.Single(result.Observations, o => o.Code == "DurationBeyondSpan");
        Assert.Contains("(2 h 00) dépasse le temps écoulé entre l'arrivée et le départ (1 h 00)", remark.Message);
    }

    [Fact]
    public void Two_rows_of_one_name_one_after_the_other_add_up()
    {
        // Rows of one name without email are one person. 09:00–10:00 (50 min) then 10:30–11:30 (40 min), slot
        // 09:00–11:00: the first is all inside (50); the second has 30 minutes outside, so 40 − 30 = 10 at least,
        // min(40, 30) = 30 at most. The spans do not overlap: 60 at least, 80 at most; 90 minutes connected.
        var result = Compute(new ReportBuilder()
            .Slot("04/03 09:00", "04/03 11:00")
            .User("Anne AUBRY", null, presence: Dashboard("04/03 09:00", "04/03 10:00", 50))
            .User("Anne AUBRY", null, presence: Dashboard("04/03 10:30", "04/03 11:30", 40)));
        var anne = Assert.Single(result.Participants);
        Assert.Equal(60, anne.MinutesInSlot, Precision);
        Assert.Equal(80, anne.MinutesInSlotMax, Precision);
        Assert.Equal(90, anne.MinutesConnected, Precision);
        Assert.Equal([ReportBuilder.Summary + "!14", ReportBuilder.Summary + "!15"], anne.SourceRows.Select(r => $"{r.Sheet}!{r.Row}"));
    }

    [Fact]
    public void Two_rows_of_one_name_at_the_same_time_are_not_added()
    {
        // 09:00–11:00 (100 min) and 09:30–10:30 (60 min), slot 09:00–11:00: the same minutes may be counted twice,
        // so at least the larger certain figure (100), at most the union within the slot (120).
        var result = Compute(new ReportBuilder()
            .Slot("04/03 09:00", "04/03 11:00")
            .User("Anne AUBRY", null, presence: Dashboard("04/03 09:00", "04/03 11:00", 100))
            .User("Anne AUBRY", null, presence: Dashboard("04/03 09:30", "04/03 10:30", 60)));
        var anne = Assert.Single(result.Participants);
        Assert.Equal(100, anne.MinutesInSlot, Precision);
        Assert.Equal(120, anne.MinutesInSlotMax, Precision);
        Assert.Equal(100, anne.MinutesConnected, Precision);
    }

    [Fact]
    public void Connection_rows_win_over_a_summary_of_the_same_person()
    {
        // Teams gives both a participants section (summary) and activities (connections): the connections are exact.
        var result = Compute(new ReportBuilder()
            .Slot("04/03 09:00", "04/03 12:00")
            .User("Anne AUBRY", "anne@x.fr", presence: Dashboard("04/03 09:00", "04/03 12:00", 100))
            .Connect("Anne AUBRY", "anne@x.fr", "04/03 09:00", "04/03 10:00"));
        var anne = Assert.Single(result.Participants);
        Assert.Equal(PresenceBasis.Connections, anne.Basis);
        Assert.Equal(60, anne.MinutesInSlot, Precision);
        Assert.Equal(60, anne.MinutesInSlotMax, Precision);
        Assert.Empty(result.Observations);
    }

    [Fact]
    public void Without_slots_half_days_are_found_from_the_summaries()
    {
        // No slot: the morning's session runs from the median first join to the median last leave of the three
        // people (09:01:05 and 11:58:40; with three, the middle ones), and the warning asks for the slot.
        var result = Compute(new ReportBuilder()
            .User("Agnès Formatrice", null, role: ParticipantRole.Trainer,
                presence: Dashboard("04/03 08:57:41", "04/03 12:02:19", Minutes(3, 4, 38)))
            .User("Bruno Stagiaire", null, presence: Dashboard("04/03 09:01:05", "04/03 11:58:40", Minutes(2, 41, 12)))
            .User("Chloé Stagiaire", null, presence: Dashboard("04/03 09:20:33", "04/03 10:05:00", Minutes(0, 44, 27))));
        var session = Assert.Single(result.Sessions);
        Assert.Equal((At("04/03 09:01:05"), At("04/03 11:58:40"), SessionSource.HalfDay), (session.Start, session.End, session.Source));
        var warning = Assert.Single(result.Observations, o => o.Code == "SessionsInferred");
        Assert.Contains("Saisissez le créneau prévu", warning.Message);
    }

    [Fact]
    public void A_row_that_says_trainer_is_one_whatever_the_host_line()
    {
        var result = Compute(new ReportBuilder()
            .Host("Quelqu'un d'autre")
            .Slot("04/03 09:00", "04/03 12:00")
            .User("Agnès Formatrice", null, role: ParticipantRole.Trainer, presence: Dashboard("04/03 09:00", "04/03 12:00", 180))
            .User("Bruno Stagiaire", null, role: ParticipantRole.Trainee, presence: Dashboard("04/03 09:00", "04/03 12:00", 180)));
        Assert.Equal(["Agnès Formatrice"], result.Participants.Where(p => p.Role == ParticipantRole.Trainer).Select(p => p.Name));
        var hostNotFound = Assert.Single(result.Observations, o => o.Code == "HostNotFound");
        Assert.Contains("seuls les participants que le rapport désigne comme animateurs", hostNotFound.Message);
    }

    [Fact]
    public void The_sheet_says_what_a_summary_proves()
    {
        var report = new ReportBuilder()
            .Slot("04/03 09:00", "04/03 12:00")
            .User("Anne AUBRY", null, presence: Dashboard("04/03 08:30", "04/03 12:30", 200))
            .Build();
        var attendance = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        var sheet = EmargementLayout.Build(new EmargementDocument(report, attendance, [], "0123456789abcdef",
            new DateTime(2020, 3, 5, 10, 0, 0), "1.0.0"));
        var texts = sheet.Values.SelectMany(r => r).OfType<string>().ToList();

        Assert.Contains("D'après la durée totale fournie par Plateforme de test : au moins 2 h 20 sur le créneau, au plus 3 h.", texts);
        Assert.Contains(texts, t => t.Contains("le temps retenu sur les créneaux est le minimum certain"));
        var header = sheet.Values.First(r => r.Contains("Connexions"));
        var row = sheet.Values[sheet.Values.ToList().IndexOf(header) + 1];
        Assert.Null(row[header.ToList().IndexOf("Connexions")]); // a summary does not say how many connections
    }
}
