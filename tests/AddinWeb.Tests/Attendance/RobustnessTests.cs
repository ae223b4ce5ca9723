using AddinWeb.Attendance;
using AddinWeb.Reports;

namespace AddinWeb.Tests.Attendance;

/// <summary>Odd input never throws: the API must answer, not fail with a 500.</summary>
public class RobustnessTests
{
    private static SessionReport Report(DateTime start, DateTime end, params ScheduledSlot[] slots) => new()
    {
        Platform = "Plateforme de test",
        Header = new ReportHeader { Host = "", Slots = slots },
        Connections =
        [
            new Connection { Source = new SourceRef("P", 11), Name = "Anne AUBRY", Email = "a@x.fr", Start = start, End = end },
            new Connection { Source = new SourceRef("P", 12), Name = "Anne AUBRY", Email = "a@x.fr", Start = end, End = start },
        ],
    };

    public static TheoryData<DateTime, DateTime> Extremes => new()
    {
        { DateTime.MinValue, DateTime.MinValue.AddMinutes(30) },
        { DateTime.MaxValue.AddHours(-2), DateTime.MaxValue },
        { new DateTime(1899, 12, 30), new DateTime(1899, 12, 30, 23, 59, 59) },
        { new DateTime(2020, 11, 10, 23, 0, 0), new DateTime(2020, 11, 12, 1, 0, 0) },
    };

    [Theory]
    [MemberData(nameof(Extremes))]
    public void Extreme_dates_with_and_without_slots(DateTime start, DateTime end)
    {
        var inferred = AttendanceEngine.Compute(Report(start, end), AttendanceOptions.Default);
        Assert.NotEmpty(inferred.Sessions);
        Assert.Equal(2, Assert.Single(inferred.Participants).Connections);

        var slotted = AttendanceEngine.Compute(Report(start, end, new ScheduledSlot(start, end)), AttendanceOptions.Default);
        Assert.Equal(1, Assert.Single(slotted.Participants).Rate);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-5)]
    [InlineData(1e12)]
    public void Strange_tolerances(double tolerance)
    {
        var result = AttendanceEngine.Compute(SeedSessionReport.Build(), AttendanceOptions.Default with { ToleranceMinutes = tolerance });
        Assert.Equal(13, result.Participants.Count);
    }

    [Fact]
    public void Null_options_mean_defaults()
    {
        Assert.Equal(
            AttendanceJson.Of(AttendanceEngine.Compute(SeedSessionReport.Build(), AttendanceOptions.Default)),
            AttendanceJson.Of(AttendanceEngine.Compute(SeedSessionReport.Build(), null!)));
    }

    [Fact]
    public void Empty_report()
    {
        var result = AttendanceEngine.Compute(new SessionReport { Platform = "Plateforme de test", Header = new ReportHeader() }, AttendanceOptions.Default);
        Assert.Empty(result.Participants);
        Assert.Empty(result.Sessions);
        Assert.Equal(new AttendanceTotals(), result.Totals);
    }
}
