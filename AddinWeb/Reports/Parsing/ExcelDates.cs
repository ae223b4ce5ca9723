using System.Globalization;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Parsing;

/// <summary>
/// Date-times as reports hold them: Excel serial numbers (Office.js), date cells (ClosedXML) or text
/// ("10/11/2020 13:39:50", "10/11/2020 13:39", "2020-11-10 13:39:50"). Results are local wall-clock times of the
/// report (<see cref="DateTimeKind.Unspecified"/>), rounded to the second: a serial double cannot hold 13:39:50
/// exactly, and Via never gives fractions of a second.
/// </summary>
public static class ExcelDates
{
    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Serials Excel can show as dates: 1900-01-01 to 9999-12-31.</summary>
    private const double MinSerial = 1, MaxSerial = 2958466;

    private static readonly string[] TextFormats =
    [
        "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy HH'h'mm",
        "d-M-yyyy H:mm:ss", "d-M-yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm",
        "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d'T'H:mm",
        "yyyy-M-d'T'H:mm:ss.FFFFFFF", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm",
        "d/M/yyyy H:mm:ss.FFF",
    ];

    public static bool TryRead(Cell cell, out DateTime value)
    {
        switch (cell.Kind)
        {
            case CellKind.Number:
                return TryFromSerial(cell.Number, out value);
            case CellKind.DateTime:
                value = RoundToSecond(cell.DateTime);
                return InExcelRange(value);
            case CellKind.Text:
                return TryParse(cell.Text, out value);
            default:
                value = default;
                return false;
        }
    }

    public static bool TryFromSerial(double serial, out DateTime value)
    {
        value = default;
        if (!double.IsFinite(serial) || serial < MinSerial || serial >= MaxSerial)
            return false;
        value = Epoch.AddSeconds(Math.Round(serial * 86400d, MidpointRounding.AwayFromZero));
        return true;
    }

    /// <summary>The serial number Excel stores for <paramref name="value"/> (days since 1899-12-30).</summary>
    /// <remarks>Whole days plus the fraction of the day, so the fraction keeps full precision (a date's tick count is
    /// too large to convert to a double exactly).</remarks>
    public static double ToSerial(DateTime value) =>
        (value.Date - Epoch).Days + value.TimeOfDay.Ticks / (double)TimeSpan.TicksPerDay;

    public static bool TryParse(string? text, out DateTime value)
    {
        value = default;
        var s = TextNormalizer.CollapseSpaces(text);
        // Every format starts with a day or a year, and the parser reads only ASCII digits there: names and emails
        // (the fingerprint tries every text cell) are turned away before fifteen formats are tried on them.
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]))
            return false;
        if (!DateTime.TryParseExact(s, TextFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        value = RoundToSecond(parsed);
        return InExcelRange(value);
    }

    /// <summary>Dates before 1900 are not Excel dates (and cannot be written back as serials): "10/11/0001" is a
    /// typing error to report, like a serial out of range.</summary>
    private static bool InExcelRange(DateTime value) => value >= Epoch.AddDays(MinSerial);

    public static DateTime RoundToSecond(DateTime value)
    {
        var ticks = value.Ticks;
        var rounded = (ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        return new DateTime(Math.Min(rounded, DateTime.MaxValue.Ticks), DateTimeKind.Unspecified);
    }
}
