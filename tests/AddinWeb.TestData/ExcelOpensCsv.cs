using System.Globalization;
using System.Text;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Tests.Seed;

/// <summary>The regional settings of the Excel that opens a downloaded file.</summary>
public enum ExcelLocale
{
    /// <summary>fr-FR: list separator ";", decimal ",", dates day/month/year, VRAI/FAUX.</summary>
    French,
    /// <summary>en-US: list separator ",", decimal ".", dates month/day/year, TRUE/FALSE.</summary>
    English,
    /// <summary>en-GB: list separator ",", decimal ".", dates day/month/year, TRUE/FALSE.</summary>
    British,
}

/// <summary>
/// What the task pane reads after a trainer double-clicks a downloaded .csv: a model of Excel's own text import, as
/// documented and as trainers report it, so that readers are tested on what Excel shows and not only on the file.
/// It cannot be checked against a real Excel here; each rule says where it comes from.
/// <list type="bullet">
/// <item>Encoding: a BOM (UTF-8, UTF-16 LE/BE) is honoured; without one the file is read in the PC's code page,
/// Windows-1252 in France, so UTF-8 without BOM shows as mojibake ("ModÃ©rateur").</item>
/// <item>Fields: a UTF-16 file with tabs is "Unicode text" and split on tabs whatever the locale; anything else is
/// split on the locale's list separator only, so a comma-separated file in a French Excel keeps each line whole in
/// column A. A field that starts with a quote runs to the closing quote (doubled quotes are one), the quotes are
/// dropped and what follows up to the next separator is kept as written.</item>
/// <item>Values: what Excel recognises is converted, quoted or not: numbers in the locale's format, dates in the
/// locale's day/month order (a date the order makes impossible, such as 13/03 in month/day, stays text), times
/// "HH:MM:SS" into fractions of a day, dates with times into serial numbers, the locale's TRUE/FALSE words into
/// booleans. A date followed by a comma ("3/4/25, 8:58:02 AM") is not recognised and stays text.</item>
/// <item>The sheet is named after the file, without extension, cut to 31 characters.</item>
/// </list>
/// Office.js then hands numbers, booleans and texts over; dates are serial numbers.
/// </summary>
public static class ExcelOpensCsv
{
    private static readonly Encoding Windows1252 = CodePages1252();

    public static WorkbookGrid Open(byte[] file, string fileName, ExcelLocale locale)
    {
        var (text, unicodeText) = Decode(file);
        var separator = unicodeText && text.Contains('\t') ? '\t' : locale == ExcelLocale.French ? ';' : ',';
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0) lines = lines[..^1];
        var rows = lines.Select(line => (IReadOnlyList<Cell>)Split(line, separator).Select(f => Convert(f, locale)).ToList()).ToList();
        var name = Path.GetFileNameWithoutExtension(fileName);
        return new WorkbookGrid([new SheetGrid(name.Length > 31 ? name[..31] : name, rows)]);
    }

    /// <summary>The file as UTF-8 without BOM, as the BigBlueButton dashboard writes it.</summary>
    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>The file as UTF-16 LE with BOM, as Teams writes it.</summary>
    public static byte[] Utf16(string text) => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)];

    private static (string Text, bool UnicodeText) Decode(byte[] file)
    {
        if (file.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8.GetString(file, 3, file.Length - 3), false);
        if (file.AsSpan().StartsWith((byte[])[0xFF, 0xFE])) return (Encoding.Unicode.GetString(file, 2, file.Length - 2), true);
        if (file.AsSpan().StartsWith((byte[])[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(file, 2, file.Length - 2), true);
        return (Windows1252.GetString(file), false);
    }

    private static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                // Quoted part: to the closing quote, "" being a quote; then the rest of the field as written.
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
            }
            while (i < line.Length && line[i] != separator) field.Append(line[i++]);
            fields.Add(field.ToString());
            if (i >= line.Length) break;
            i++; // the separator
        }
        return fields;
    }

    private static Cell Convert(string field, ExcelLocale locale)
    {
        var text = field.Trim();
        if (text.Length == 0) return Cell.Empty;
        var culture = CultureInfo.GetCultureInfo(locale switch { ExcelLocale.French => "fr-FR", ExcelLocale.British => "en-GB", _ => "en-US" });
        if (locale == ExcelLocale.French ? text is "VRAI" or "FAUX" : text.ToUpperInvariant() is "TRUE" or "FALSE")
            return Cell.FromBoolean(text.ToUpperInvariant() is "VRAI" or "TRUE");
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, culture, out var number))
            return Cell.FromNumber(number);
        if (TimeOfDay(text) is { } fraction) return Cell.FromNumber(fraction);
        if (Date(text, locale) is { } serial) return Cell.FromNumber(serial);
        return Cell.FromText(field);
    }

    /// <summary>"03:04:38", "125:00:00" (a duration over a day is still a time for Excel).</summary>
    private static double? TimeOfDay(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is not (2 or 3) || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit))) return null;
        var (h, m, s) = (int.Parse(parts[0]), int.Parse(parts[1]), parts.Length == 3 ? int.Parse(parts[2]) : 0);
        if (m > 59 || s > 59 || h > 9999) return null;
        return (h * 3600 + m * 60 + s) / 86400.0;
    }

    private static readonly string[] FrenchDates = ["d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy", "d/M/yy H:mm:ss", "d/M/yy H:mm", "d/M/yy"];
    private static readonly string[] EnglishDates =
    [
        "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M/d/yyyy",
        "M/d/yy H:mm:ss", "M/d/yy h:mm:ss tt", "M/d/yy h:mm tt", "M/d/yy",
    ];
    private static readonly string[] BritishDates =
    [
        "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy h:mm:ss tt", "d/M/yyyy h:mm tt", "d/M/yyyy",
        "d/M/yy H:mm:ss", "d/M/yy h:mm:ss tt", "d/M/yy h:mm tt", "d/M/yy",
    ];
    private static readonly string[] IsoDates = ["yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d"];

    private static double? Date(string text, ExcelLocale locale)
    {
        var formats = (locale switch { ExcelLocale.French => FrenchDates, ExcelLocale.British => BritishDates, _ => EnglishDates })
            .Concat(IsoDates).ToArray();
        var culture = locale == ExcelLocale.French ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("en-US");
        return DateTime.TryParseExact(text, formats, culture, DateTimeStyles.AllowInnerWhite, out var date)
            ? date.ToOADate()
            : null;
    }

    private static Encoding CodePages1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
