namespace AddinWeb.Attendance;

/// <summary>Rate and status from minutes, with the thresholds of the request.</summary>
internal static class StatusRules
{
    /// <summary>
    /// Rates are compared with this margin: 120 of 150 minutes must be exactly 80 % and "Présent", whatever the
    /// floating-point rounding of the division (far below a second over any real session).
    /// </summary>
    private const double Epsilon = 1e-9;

    /// <summary>Minutes in slot / scheduled minutes, within [0, 1]; 0 when nothing is scheduled.</summary>
    public static double Rate(long ticksInSlot, long scheduledTicks)
    {
        if (scheduledTicks <= 0 || ticksInSlot <= 0) return 0;
        var rate = ticksInSlot / (double)scheduledTicks;
        return rate >= 1 ? 1 : rate;
    }

    /// <summary>
    /// "Présent" from the present threshold up, "Absent" under the absent threshold, "Partiel" between. Someone with
    /// no time at all in the sessions is "Absent" whatever the thresholds (a threshold set to 0 must not make an
    /// absent person present).
    /// </summary>
    public static AttendanceStatus Status(double rate, bool anyTimeInSlot, AttendanceOptions options)
    {
        if (!anyTimeInSlot) return AttendanceStatus.Absent;
        if (rate >= options.PresentThreshold - Epsilon) return AttendanceStatus.Present;
        if (rate < options.AbsentThreshold - Epsilon) return AttendanceStatus.Absent;
        return AttendanceStatus.Partial;
    }

    /// <summary>Late when the first join is more than the tolerance after the start.</summary>
    public static bool IsLate(DateTime firstJoin, DateTime sessionStart, AttendanceOptions options) =>
        firstJoin - sessionStart > Tolerance(options);

    /// <summary>Early when the last leave is more than the tolerance before the end.</summary>
    public static bool IsEarly(DateTime lastLeave, DateTime sessionEnd, AttendanceOptions options) =>
        sessionEnd - lastLeave > Tolerance(options);

    /// <summary>Within <see cref="OptionRules.ToleranceMinutes"/>' bounds (not-a-number counts as none).</summary>
    private static TimeSpan Tolerance(AttendanceOptions options) =>
        TimeSpan.FromMinutes(OptionRules.ToleranceMinutes.Clamp(options.ToleranceMinutes));
}
