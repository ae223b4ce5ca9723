using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>Turns connection rows into attendance per participant and session. Pure: no I/O.</summary>
public static class AttendanceEngine
{
    public static AttendanceResult Compute(SessionReport report, AttendanceOptions options) => throw new NotImplementedException();
}
