using AddinWeb.Attendance;

namespace AddinWeb.Tests.Attendance;

/// <summary>Thresholds and tolerance change statuses and flags; float edges fall on the right side.</summary>
public class OptionsTests
{
    private static AttendanceResult Seed(AttendanceOptions options) => AttendanceEngine.Compute(SeedSessionReport.Build(), options);
    private static ParticipantAttendance Person(AttendanceResult result, string name) => result.Participants.Single(p => p.Name == name);

    private static ParticipantAttendance Single(string start, string end, AttendanceOptions? options = null)
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .Connect("Anne AUBRY", "a@x.fr", start, end)
            .Build();
        return Assert.Single(AttendanceEngine.Compute(report, options ?? AttendanceOptions.Default).Participants);
    }

    [Fact]
    public void Lower_present_threshold_makes_79_6_percent_present()
    {
        var result = Seed(AttendanceOptions.Default with { PresentThreshold = 0.79 });
        Assert.Equal(AttendanceStatus.Present, Person(result, "Hugo BERNARD").Status);
        Assert.Equal((8, 1, 3), (result.Totals.Present, result.Totals.Partial, result.Totals.Absent));
    }

    [Fact]
    public void Higher_thresholds_move_people_down()
    {
        // Inès 81,1 % is no longer present at 85 %; Jules 47,6 % is absent under 50 %.
        var result = Seed(AttendanceOptions.Default with { PresentThreshold = 0.85, AbsentThreshold = 0.5 });
        Assert.Equal(AttendanceStatus.Partial, Person(result, "Inès MOREAU").Status);
        Assert.Equal(AttendanceStatus.Absent, Person(result, "Jules PETIT").Status);
        Assert.Equal((6, 2, 4), (result.Totals.Present, result.Totals.Partial, result.Totals.Absent));
    }

    [Fact]
    public void Tolerance_changes_early_leave()
    {
        // Jules leaves at 15:11:28: early with 10 min (before 16:20), not with 80 min (before 15:10).
        Assert.True(Person(Seed(AttendanceOptions.Default), "Jules PETIT").EarlyLeave);
        var wide = Seed(AttendanceOptions.Default with { ToleranceMinutes = 80 });
        Assert.False(Person(wide, "Jules PETIT").EarlyLeave);
        Assert.False(Person(wide, "Hugo BERNARD").EarlyLeave);
        // Tolerance never changes figures or statuses.
        Assert.Equal(AttendanceStatus.Partial, Person(wide, "Jules PETIT").Status);
    }

    [Theory]
    [InlineData("10/11 14:10:00", false)]
    [InlineData("10/11 14:10:01", true)]
    public void Late_is_strictly_after_start_plus_tolerance(string start, bool late)
    {
        Assert.Equal(late, Single(start, "10/11 16:30").LateArrival);
    }

    [Theory]
    [InlineData("10/11 16:20:00", false)]
    [InlineData("10/11 16:19:59", true)]
    public void Early_is_strictly_before_end_minus_tolerance(string end, bool early)
    {
        Assert.Equal(early, Single("10/11 14:00", end).EarlyLeave);
    }

    [Fact]
    public void Zero_tolerance_flags_one_second()
    {
        var options = AttendanceOptions.Default with { ToleranceMinutes = 0 };
        Assert.True(Single("10/11 14:00:01", "10/11 16:30", options).LateArrival);
        Assert.True(Single("10/11 14:00", "10/11 16:29:59", options).EarlyLeave);
        Assert.False(Single("10/11 14:00", "10/11 16:30", options).EarlyLeave);
    }

    [Fact]
    public void Exactly_eighty_percent_is_present_and_exactly_ten_percent_partial()
    {
        Assert.Equal(AttendanceStatus.Present, Single("10/11 14:00", "10/11 16:00").Status); // 120 / 150
        Assert.Equal(AttendanceStatus.Partial, Single("10/11 14:00", "10/11 14:15").Status); // 15 / 150
        Assert.Equal(AttendanceStatus.Absent, Single("10/11 14:00", "10/11 14:14:59").Status);
    }

    [Fact]
    public void Thresholds_computed_by_a_client_still_meet_exact_rates()
    {
        // 0.1 + 0.2 is 0.30000000000000004 in floating point (what a JavaScript client may send); 45 of 150 minutes
        // is 30 % and must reach it.
        var threshold = 0.1 + 0.2;
        Assert.NotEqual(0.3, threshold);
        Assert.Equal(AttendanceStatus.Present,
            Single("10/11 14:00", "10/11 14:45", AttendanceOptions.Default with { PresentThreshold = threshold }).Status);
        Assert.Equal(AttendanceStatus.Partial,
            Single("10/11 14:00", "10/11 14:45", AttendanceOptions.Default with { PresentThreshold = 0.9, AbsentThreshold = threshold }).Status);
    }

    [Fact]
    public void Nobody_without_time_is_present_even_with_zero_thresholds()
    {
        var options = AttendanceOptions.Default with { PresentThreshold = 0, AbsentThreshold = 0 };
        var result = Seed(options);
        Assert.Equal(AttendanceStatus.Absent, Person(result, "Léa GIRARD").Status);
        Assert.Equal(AttendanceStatus.Present, Person(result, "Jules PETIT").Status);
    }

    [Fact]
    public void Connection_ending_before_it_starts_counts_as_a_row_but_adds_no_time()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 14:30", "10/11 16:30")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 16:00", "10/11 13:00")
            .Build();
        var anne = Assert.Single(AttendanceEngine.Compute(report, AttendanceOptions.Default).Participants);
        Assert.Equal(2, anne.Connections);
        Assert.Equal(120, anne.MinutesConnected, 1e-9);
        Assert.Equal(120, anne.MinutesInSlot, 1e-9);
        Assert.Equal(ReportBuilder.At("10/11 14:30"), anne.FirstJoin);
        Assert.Equal(ReportBuilder.At("10/11 16:30"), anne.LastLeave);
        Assert.Equal(1, anne.Sessions[0].Connections);
        Assert.False(anne.OverlappingConnections);
        Assert.Equal(0, anne.Reconnections);
        Assert.Equal(2, anne.SourceRows.Count);
    }

    [Fact]
    public void Touching_connections_are_no_reconnection_nor_overlap()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 14:00", "10/11 15:00")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 15:00", "10/11 16:30")
            .Connect("Anne AUBRY", "a@x.fr", "10/11 15:30", "10/11 15:30")
            .Build();
        var anne = Assert.Single(AttendanceEngine.Compute(report, AttendanceOptions.Default).Participants);
        Assert.Equal((3, 0, false), (anne.Connections, anne.Reconnections, anne.OverlappingConnections));
        Assert.Equal(150, anne.MinutesInSlot, 1e-9);
        Assert.Equal(3, anne.Sessions[0].Connections);
    }
}
