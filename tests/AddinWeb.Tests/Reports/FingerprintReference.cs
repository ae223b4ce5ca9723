using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;

namespace AddinWeb.Tests.Reports;

/// <summary>
/// The fingerprint algorithm as first shipped, frozen here (with the number and date parsing it relied on) in its
/// plainest form: one line per cell, one string per line. <see cref="AddinWeb.Reports.ReportFingerprint"/> may be
/// made faster, but must give exactly this value for every input, or every sheet already printed loses its check.
/// Do not "fix" this copy.
/// </summary>
internal static partial class FingerprintReference
{
    public static string Compute(IEnumerable<SheetGrid> sourceSheets)
    {
        var ordered = sourceSheets.Select((sheet, index) => (sheet, index))
            .OrderBy(s => ViaSheets.Role(s.sheet)).ThenBy(s => s.index);
        var text = new StringBuilder();
        var position = 0;
        foreach (var (sheet, _) in ordered)
        {
            text.Append($"sheet {position++} role {ViaSheets.Role(sheet)}\n");
            for (var r = 0; r < sheet.Rows.Count; r++)
                for (var c = 0; c < sheet.Rows[r].Count; c++)
                    if (Canonical(sheet.Rows[r][c]) is { } canonical)
                        text.Append($"{sheet.FirstRow + r},{sheet.FirstColumn + c},{canonical.Kind},{canonical.Value.Length}:{canonical.Value}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static (char Kind, string Value)? Canonical(Cell cell)
    {
        if (cell.IsEmpty)
            return null;
        switch (cell.Kind)
        {
            case CellKind.Number:
                return ('n', Number(cell.Number));
            case CellKind.DateTime:
                return ('n', Number(ToSerial(RoundToSecond(cell.DateTime))));
            case CellKind.Boolean:
                return ('b', cell.Boolean ? "1" : "0");
            default:
                var text = cell.Text!.Trim();
                if (TryParseNumber(text, out var parsed))
                    return ('n', Number(parsed));
                if (TryParseDate(text, out var date))
                    return ('n', Number(ToSerial(date)));
                return ('t', text.Normalize(NormalizationForm.FormC));
        }
    }

    internal static string Number(double value)
    {
        if (!double.IsFinite(value))
            return value.ToString(CultureInfo.InvariantCulture);
        if (Math.Abs(value) >= 1e12)
            return value.ToString("R", CultureInfo.InvariantCulture);
        var rounded = Math.Round(value, 7, MidpointRounding.AwayFromZero);
        if (rounded == 0)
            rounded = 0;
        return rounded.ToString("0.#######", CultureInfo.InvariantCulture);
    }

    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private static double ToSerial(DateTime value) =>
        (value.Date - Epoch).Days + value.TimeOfDay.Ticks / (double)TimeSpan.TicksPerDay;

    private static DateTime RoundToSecond(DateTime value)
    {
        var rounded = (value.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        return new DateTime(Math.Min(rounded, DateTime.MaxValue.Ticks), DateTimeKind.Unspecified);
    }

    private static readonly string[] DateFormats =
    [
        "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy HH'h'mm",
        "d-M-yyyy H:mm:ss", "d-M-yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm",
        "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d'T'H:mm:ss", "yyyy-M-d'T'H:mm",
        "yyyy-M-d'T'H:mm:ss.FFFFFFF", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm",
        "d/M/yyyy H:mm:ss.FFF",
    ];

    internal static bool TryParseDate(string text, out DateTime value)
    {
        value = default;
        var s = CollapseSpaces(text);
        if (s.Length == 0)
            return false;
        if (!DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        value = RoundToSecond(parsed);
        return value >= Epoch.AddDays(1);
    }

    /// <summary>The first shipped CollapseSpaces, also the plain version the text-key equivalence tests compare with.</summary>
    internal static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    internal static bool TryParseNumber(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim().Replace('\u2212', '-');
        string? invariant = null;
        if (Plain().IsMatch(s))
            invariant = s.Replace(',', '.');
        else if (SpaceGrouped().IsMatch(s))
            invariant = Spaces().Replace(s, "").Replace(',', '.');
        else if (DotGrouped().IsMatch(s))
            invariant = s.Replace(".", "").Replace(',', '.');
        else if (CommaGrouped().IsMatch(s))
            invariant = s.Replace(",", "");
        if (invariant is null)
            return false;
        return double.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    [GeneratedRegex(@"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^[+-]?\d{1,3}([ \u00A0\u202F\u2009\u2007]\d{3})+([.,]\d+)?$")]
    private static partial Regex SpaceGrouped();

    [GeneratedRegex(@"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex DotGrouped();

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+\.\d+$")]
    private static partial Regex CommaGrouped();

    [GeneratedRegex(@"[ \u00A0\u202F\u2009\u2007]")]
    private static partial Regex Spaces();
}
