using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Parsing;

/// <summary>
/// Durations as exports write them and as Excel turns them:
/// <list type="bullet">
/// <item>a clock, <c>H:MM:SS</c>, hours past 24 allowed: <c>00:41:07</c>, <c>03:04:38</c>, <c>27:00:05</c>
/// (<see cref="TryParseClock"/>);</item>
/// <item>units, as Teams writes them: <c>1h 27m 51s</c>, <c>10m 59s</c>, <c>5s</c>, also <c>1 h 2 min 3 s</c>
/// (<see cref="TryParseUnits"/>);</item>
/// <item>none: an empty cell or a dash (<c>-</c>, <c>–</c>, <c>—</c>), BigBlueButton's "no webcam" (<see cref="IsNone"/>);</item>
/// <item>a number: what Excel makes of a clock text, a fraction of a day (<c>0.5</c> is 12:00:00); a date cell:
/// what an .xlsx holds for a time-formatted value (the time since 30 December 1899).</item>
/// </list>
/// Results are rounded to the second; negative durations are refused. A number in a column of minutes (Zoom's
/// "Duration (Minutes)") is not a duration in this sense: read it with <see cref="FrenchNumbers"/>.
/// </summary>
public static partial class Durations
{
    private static readonly DateTime ExcelEpoch = new(1899, 12, 30);

    /// <summary>
    /// A duration cell. True with a value, true with null for none (empty or a dash), false for anything else.
    /// </summary>
    public static bool TryRead(Cell cell, out TimeSpan? value)
    {
        value = null;
        if (IsNone(cell))
            return true;
        switch (cell.Kind)
        {
            case CellKind.Number when double.IsFinite(cell.Number) && cell.Number >= 0 && cell.Number < 1e6:
                value = RoundToSecond(TimeSpan.FromDays(cell.Number));
                return true;
            case CellKind.DateTime when cell.DateTime >= ExcelEpoch:
                value = RoundToSecond(cell.DateTime - ExcelEpoch);
                return true;
            case CellKind.Text when TryParseClock(cell.Text, out var clock) || TryParseUnits(cell.Text, out clock):
                value = clock;
                return true;
            default:
                return false;
        }
    }

    /// <summary>An empty cell or a dash alone: no duration ("-" for a webcam never turned on).</summary>
    public static bool IsNone(Cell cell) =>
        cell.IsEmpty || (cell.Kind == CellKind.Text && TextNormalizer.CollapseSpaces(cell.Text) is "-" or "–" or "—");

    /// <summary><c>H:MM:SS</c> (hours may exceed 24, seconds may have a fraction): "03:04:38", "27:00:05".</summary>
    public static bool TryParseClock(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
            return false;
        var match = Clock().Match(TextNormalizer.CollapseSpaces(text));
        if (!match.Success)
            return false;
        var minutes = int.Parse(match.Groups["m"].Value);
        var seconds = int.Parse(match.Groups["s"].Value);
        if (minutes > 59 || seconds > 59)
            return false;
        var fraction = match.Groups["f"].Success ? double.Parse("0." + match.Groups["f"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        value = RoundToSecond(TimeSpan.FromHours(int.Parse(match.Groups["h"].Value)) + TimeSpan.FromMinutes(minutes)
            + TimeSpan.FromSeconds(seconds + fraction));
        return true;
    }

    /// <summary>Hours, minutes and seconds with units, each optional but one, in that order: "1h 27m 51s", "44m 27s", "5s".</summary>
    public static bool TryParseUnits(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 48)
            return false;
        var match = Units().Match(TextNormalizer.CollapseSpaces(text));
        if (!match.Success || !(match.Groups["h"].Success || match.Groups["m"].Success || match.Groups["s"].Success))
            return false;
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value) : 0;
        value = new TimeSpan(Part("h"), Part("m"), Part("s"));
        return true;
    }

    private static TimeSpan RoundToSecond(TimeSpan value) =>
        TimeSpan.FromSeconds(Math.Round(value.TotalSeconds, MidpointRounding.AwayFromZero));

    [GeneratedRegex(@"^(?<h>[0-9]{1,5}):(?<m>[0-9]{2}):(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,7}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,5}) ?h ?)?(?:(?<m>[0-9]{1,5}) ?(?:min|mn|m) ?)?(?:(?<s>[0-9]{1,5}) ?(?:sec|s))?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Units();
}
