using System.Globalization;
using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Parsing;

/// <summary>
/// Numbers as reports hold them: numeric cells, or text written the French way ("174,28", "1 234,5" with a space,
/// NBSP or narrow NBSP between thousands, "1.234,5") or the English way ("174.28", "1,234.5").
/// A lone comma is always the decimal separator ("1,234" is 1.234), as in every French export.
/// </summary>
public static partial class FrenchNumbers
{
    public static bool TryRead(Cell cell, out double value)
    {
        switch (cell.Kind)
        {
            case CellKind.Number when double.IsFinite(cell.Number):
                value = cell.Number;
                return true;
            case CellKind.Text:
                return TryParse(cell.Text, out value);
            default:
                value = 0;
                return false;
        }
    }

    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim().Replace('\u2212', '-');

        // The invariant spelling is written into a buffer rather than a new string: this runs on every figure.
        Span<char> invariant = s.Length <= 128 ? stackalloc char[128] : new char[s.Length];
        var length = 0;
        if (Plain().IsMatch(s))
            foreach (var c in s)
                invariant[length++] = c == ',' ? '.' : c;
        else if (SpaceGrouped().IsMatch(s))
        {
            foreach (var c in s)
                if (!IsGroupSpace(c))
                    invariant[length++] = c == ',' ? '.' : c;
        }
        else if (DotGrouped().IsMatch(s))
        {
            foreach (var c in s)
                if (c != '.')
                    invariant[length++] = c == ',' ? '.' : c;
        }
        else if (CommaGrouped().IsMatch(s))
        {
            foreach (var c in s)
                if (c != ',')
                    invariant[length++] = c;
        }
        else
            return false;
        return double.TryParse(invariant[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>The thousands separators <see cref="SpaceGrouped"/> accepts.</summary>
    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009' or '\u2007';

    /// <summary>Two decimals, French decimal comma, for messages ("174,28").</summary>
    public static string Format(double value) =>
        value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    [GeneratedRegex(@"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^[+-]?\d{1,3}([ \u00A0\u202F\u2009\u2007]\d{3})+([.,]\d+)?$")]
    private static partial Regex SpaceGrouped();

    [GeneratedRegex(@"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex DotGrouped();

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+\.\d+$")]
    private static partial Regex CommaGrouped();
}
