using AddinWeb.Attendance;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Attendance;

/// <summary>
/// The engine on what the real reader makes of the seed workbook, in every cell style, gives exactly what it gives on
/// the hand-built <see cref="SeedSessionReport"/> the other engine tests use: the helper is faithful to the reader.
/// </summary>
public class ReaderToEngineTests
{
    [Theory]
    [InlineData(NumberStyle.Numeric, DateStyle.SerialNumber)]
    [InlineData(NumberStyle.Numeric, DateStyle.DateCell)]
    [InlineData(NumberStyle.FrenchText, DateStyle.Text)]
    public void Read_seed_gives_the_same_attendance_as_the_built_seed(NumberStyle numbers, DateStyle dates)
    {
        var read = new ViaReportSource().Read(SeedReport.Workbook(numbers, dates));
        Assert.False(read.HasErrors);

        var fromReader = AttendanceEngine.Compute(read.Report!, AttendanceOptions.Default);
        var fromHelper = AttendanceEngine.Compute(SeedSessionReport.Build(), AttendanceOptions.Default);

        Assert.Equal(AttendanceJson.Of(fromHelper), AttendanceJson.Of(fromReader));
        Assert.Equal((7, 2, 3), (fromReader.Totals.Present, fromReader.Totals.Partial, fromReader.Totals.Absent));
    }
}
