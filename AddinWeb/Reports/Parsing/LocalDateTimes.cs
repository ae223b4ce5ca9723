using System.Text.RegularExpressions;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Parsing;

/// <summary>Which of a date's first two numbers is the day: "04/03/2025" is 4 March day first, 3 April month first.</summary>
public enum DayMonthOrder
{
    /// <summary>"15/11/22": France, the United Kingdom and most of the world.</summary>
    DayFirst,
    /// <summary>"11/15/22": the United States (and browsers or accounts set to en-US).</summary>
    MonthFirst,
}

/// <summary>
/// A date-time text cut into its numbers, before the day/month order is applied: what the inference looks at.
/// </summary>
/// <param name="First">The first number of a date that does not start with its year ("04" in "04/03/2025").</param>
/// <param name="Second">The second number ("03").</param>
/// <param name="Year">Four-digit year; a two-digit one ("25") is 2025.</param>
/// <param name="YearFirst">True for "2025-03-04": year, month, day, whatever the order.</param>
/// <param name="Hour">The hour as written (1 to 12 with AM/PM).</param>
/// <param name="Minute">Minutes.</param>
/// <param name="Seconds">Seconds, rounded (0 when the text has none).</param>
/// <param name="TwelveHour">True when the time says AM or PM.</param>
/// <param name="Afternoon">True for PM.</param>
public readonly record struct DateTimeParts(int First, int Second, int Year, bool YearFirst, int Hour, int Minute,
    int Seconds, bool TwelveHour, bool Afternoon)
{
    /// <summary>The day and month for <paramref name="order"/> (a year-first date has only one reading).</summary>
    public (int Day, int Month) DayMonth(DayMonthOrder order) =>
        YearFirst || order == DayMonthOrder.MonthFirst ? (Second, First) : (First, Second);
}

/// <summary>
/// Local date-times (the report's wall-clock time) written as platforms write them, once the day/month order is
/// known (see <see cref="DayMonthInference"/>). Accepted, with any kind of space (the narrow no-break space browsers
/// put before "AM"):
/// <list type="bullet">
/// <item>day or month first, '/', '-' or '.' between the numbers, a 4- or 2-digit year ("25" is 2025), then a space
/// or a comma and the time: <c>04/03/2025 08:57:41</c>, <c>15/11/22, 09:30:47</c>, <c>3/4/2025, 08:57:41 AM</c>,
/// <c>3/4/25, 8:58:02 AM</c>, <c>11/19/2021 9:54:15 AM</c>;</item>
/// <item>year first (one reading only): <c>2025-03-04 08:57:41</c>, <c>2025-03-04T08:57:41</c>, <c>2025/03/04 08:57</c>;</item>
/// <item>the time as <c>H:mm</c>, <c>H:mm:ss</c>, <c>H:mm:ss.fff</c> (rounded to the second) or <c>13h39</c>, with
/// <c>AM</c>/<c>PM</c> (any case, dotted or not: 12 AM is midnight, 12 PM noon, 13 PM is refused) or 24-hour.</item>
/// </list>
/// A date alone (no time), an impossible date (31/04) or time (25:00) is refused: readers report it.
/// </summary>
public static partial class LocalDateTimes
{
    public static bool TryParse(string? text, DayMonthOrder order, out DateTime value)
    {
        value = default;
        return TryReadParts(text, out var parts) && TryBuild(parts, order, out value);
    }

    /// <summary>The numbers of a date-time text, whatever its order; false when it is not one of the shapes above.</summary>
    public static bool TryReadParts(string? text, out DateTimeParts parts)
    {
        parts = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
            return false;
        var match = Shape().Match(TextNormalizer.CollapseSpaces(text));
        if (!match.Success)
            return false;
        var a = match.Groups["a"].Value;
        var c = match.Groups["c"].Value;
        var yearFirst = a.Length == 4;
        // A year is four digits or two; a year-first date has a one- or two-digit day.
        if (yearFirst ? c.Length > 2 : c.Length is not (2 or 4))
            return false;
        var year = int.Parse(yearFirst ? a : c);
        if (year < 100) year += 2000;
        var seconds = match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value) : 0;
        if (seconds > 59)
            return false;
        var meridiem = match.Groups["ampm"];
        parts = new DateTimeParts(
            First: int.Parse(yearFirst ? match.Groups["b"].Value : a),
            Second: int.Parse(yearFirst ? c : match.Groups["b"].Value),
            Year: year,
            YearFirst: yearFirst,
            Hour: int.Parse(match.Groups["h"].Value),
            Minute: int.Parse(match.Groups["m"].Value),
            Seconds: seconds,
            TwelveHour: meridiem.Success,
            Afternoon: meridiem.Success && char.ToUpperInvariant(meridiem.Value[0]) == 'P');
        if (match.Groups["f"].Success && match.Groups["f"].Value[0] >= '5')
            parts = parts with { Seconds = parts.Seconds + 1 }; // rounded to the second, as ExcelDates does
        return true;
    }

    /// <summary>The date-time of <paramref name="parts"/> read with <paramref name="order"/>; false when it does not exist.</summary>
    public static bool TryBuild(DateTimeParts parts, DayMonthOrder order, out DateTime value)
    {
        value = default;
        var (day, month) = parts.DayMonth(order);
        if (FrenchDates.Date(parts.Year, month, day) is not { } date)
            return false;
        var hour = parts.Hour;
        if (parts.TwelveHour)
        {
            if (hour is < 1 or > 12) return false;
            hour = hour % 12 + (parts.Afternoon ? 12 : 0);
        }
        // 60 seconds only comes from rounding 59.5 up: the next minute.
        if (hour > 23 || parts.Minute > 59 || parts.Seconds > 60)
            return false;
        value = date.ToDateTime(new TimeOnly(hour, parts.Minute)).AddSeconds(parts.Seconds);
        return true;
    }

    [GeneratedRegex(@"^(?<a>[0-9]{1,4})(?<sep>[/.-])(?<b>[0-9]{1,2})\k<sep>(?<c>[0-9]{1,4})(?:, ?| |T)(?<h>[0-9]{1,2})[:h](?<m>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,7}))?)?(?: ?(?<ampm>[AaPp])\.? ?[Mm]\.?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
