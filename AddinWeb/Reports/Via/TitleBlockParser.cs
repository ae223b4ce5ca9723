using System.Globalization;
using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Via;

/// <summary>One non-blank line of a title block: its Excel row, first filled column and non-empty cells, left to right.</summary>
internal sealed record TitleLine(int ExcelRow, string Column, IReadOnlyList<string> Cells)
{
    /// <summary>The cells joined by a space: a line may be split over several cells.</summary>
    public string Text { get; } = string.Join(' ', Cells);

    public static IReadOnlyList<TitleLine> Above(SheetGrid sheet, int headerRowIndex)
    {
        var lines = new List<TitleLine>();
        for (var r = 0; r < headerRowIndex && r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            var first = -1;
            var cells = new List<string>();
            for (var c = 0; c < row.Count; c++)
            {
                if (row[c].IsEmpty || CellText(row[c]) is not { Length: > 0 } text)
                    continue;
                if (first < 0)
                    first = c;
                cells.Add(text);
            }
            if (cells.Count > 0)
                lines.Add(new TitleLine(sheet.ExcelRow(r), sheet.ExcelColumn(first), cells));
        }
        return lines;
    }

    private static string CellText(Cell cell) => cell.Kind switch
    {
        CellKind.Text => TextNormalizer.CollapseSpaces(cell.Text),
        CellKind.DateTime => cell.DateTime.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}

/// <summary>A slot line before its year is known: "10 novembre - 14:00 à 16:30" gives day, month and times.</summary>
internal sealed record SlotLine(int ExcelRow, string Column, int Day, int Month, int? Year, TimeOnly Start, TimeOnly End);

/// <summary>What the title block of one sheet says. Every field may be missing.</summary>
internal sealed record TitleBlock
{
    public IReadOnlyList<string> Organisation { get; init; } = [];
    public string? Title { get; init; }
    public string? PafReference { get; init; }
    public string? ModuleNumber { get; init; }
    public string? Host { get; init; }
    public ReportPeriod? Period { get; init; }
    public DateTime? GeneratedAt { get; init; }
    public IReadOnlyList<SlotLine> Slots { get; init; } = [];
    /// <summary>Slot lines whose times were recognised but not their date.</summary>
    public IReadOnlyList<TitleLine> UnreadableSlots { get; init; } = [];
    public string? TimeZoneLabel { get; init; }
}

/// <summary>
/// Reads the lines above a table: organisation, sheet title, period, generation stamp, slots, activity title with
/// its PAF reference, host, time zone. Lines are recognised by their shape, not their position, because exports
/// and hand edits move them around.
/// </summary>
internal static partial class TitleBlockParser
{
    private enum Kind { Other, SheetTitle, Generated, Period, Slot, Host, Title }

    public static TitleBlock Parse(IReadOnlyList<TitleLine> lines, bool isPresenceSheet)
    {
        var kinds = new Kind[lines.Count];
        ReportPeriod? period = null;
        DateTime? generated = null;
        string? host = null;
        (string Title, string? Ref, string? Module)? titled = null;
        var slots = new List<SlotLine>();
        var unreadableSlots = new List<TitleLine>();

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var key = TextNormalizer.Key(line.Text);
            if (IsSheetTitle(key))
                kinds[i] = Kind.SheetTitle;
            else if (GeneratedLine().Match(key) is { Success: true } g)
            {
                kinds[i] = Kind.Generated;
                generated ??= ParseDateTime(g.Groups["rest"].Value);
            }
            else if (ParsePeriod(key) is { } p)
            {
                kinds[i] = Kind.Period;
                period ??= p;
            }
            else if (ParseSlots(key, line, out var lineSlots) is var slotShape and not SlotShape.None)
            {
                kinds[i] = Kind.Slot;
                if (slotShape == SlotShape.Read)
                    slots.AddRange(lineSlots);
                else
                    unreadableSlots.Add(line);
            }
            else if (ParseHost(line) is var (isHost, h) && isHost)
            {
                kinds[i] = Kind.Host;
                host ??= h;
            }
            else if (ReferenceLine().Match(line.Text) is { Success: true } r)
            {
                kinds[i] = Kind.Title;
                titled ??= (r.Groups["title"].Value.Trim(' ', '-', '–', '—', ':'), r.Groups["ref"].Value.ToUpperInvariant(),
                    r.Groups["module"].Success ? r.Groups["module"].Value : null);
            }
        }

        var firstAnchor = Array.FindIndex(kinds, k => k != Kind.Other);
        var organisation = new List<string>();
        var others = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (kinds[i] != Kind.Other)
                continue;
            var text = lines[i].Text;
            if (i < firstAnchor || IsKnownOrganisation(TextNormalizer.Key(text)))
                organisation.Add(text);
            else
                others.Add(text);
        }

        string? title = titled?.Title is { Length: > 0 } t ? t : null;
        string? timeZone = null;
        if (isPresenceSheet)
            timeZone = others.Select(StripTimeZonePrefix).FirstOrDefault(o => o.Length <= 60 && !o.Any(char.IsDigit));
        else if (titled is null)
            title = others.FirstOrDefault();

        return new TitleBlock
        {
            Organisation = organisation,
            Title = title,
            PafReference = titled?.Ref,
            ModuleNumber = titled?.Module,
            Host = host,
            Period = period,
            GeneratedAt = generated,
            Slots = slots,
            UnreadableSlots = unreadableSlots,
            TimeZoneLabel = timeZone,
        };
    }

    /// <summary>
    /// Gives each slot line its year: its own if written, else the year that puts it inside the report's period
    /// (so "2 janvier" in a period from December to January lands in the next year), else the generation year.
    /// </summary>
    public static IReadOnlyList<ScheduledSlot> ResolveSlots(IEnumerable<SlotLine> lines, ReportPeriod? period,
        DateTime? generatedAt, ICollection<SlotLine> unresolved)
    {
        var slots = new List<ScheduledSlot>();
        foreach (var line in lines)
        {
            DateOnly? date = null;
            if (line.Year is { } year)
                date = FrenchDates.Date(year, line.Month, line.Day);
            else if (period is not null)
            {
                for (var y = period.Start.Year; y <= period.End.Year && date is null; y++)
                    if (FrenchDates.Date(y, line.Month, line.Day) is { } candidate
                        && candidate >= period.Start && candidate <= period.End)
                        date = candidate;
                date ??= FrenchDates.Date(period.End.Year, line.Month, line.Day);
            }
            else if (generatedAt is { } stamp)
                date = FrenchDates.Date(stamp.Year, line.Month, line.Day);

            if (date is not { } day)
            {
                unresolved.Add(line);
                continue;
            }
            var start = day.ToDateTime(line.Start);
            var end = day.ToDateTime(line.End);
            if (end <= start)
                end = end.AddDays(1); // a slot running past midnight
            slots.Add(new ScheduledSlot(start, end));
        }
        return slots.Distinct().OrderBy(s => s.Start).ToList();
    }

    private static bool IsSheetTitle(string key) => key is "sommaire" or "temps de connexion en presence";

    private static bool IsKnownOrganisation(string key) =>
        key.Contains("esolutions") || key.Contains("foad") || key.StartsWith("pole national");

    private static string StripTimeZonePrefix(string text)
    {
        var colon = text.IndexOf(':');
        return colon > 0 && TextNormalizer.Key(text[..colon]).StartsWith("fuseau") ? text[(colon + 1)..].Trim() : text;
    }

    /// <summary>"Hôte" then the name in the next cells, or "Hôte : name" in one cell; a bare "Hôte" is still the host line.</summary>
    private static (bool IsHost, string? Name) ParseHost(TitleLine line)
    {
        if (HostWord().IsMatch(TextNormalizer.Key(line.Cells[0])))
            return (true, line.Cells.Count > 1 ? string.Join(' ', line.Cells.Skip(1)).Trim() : null);
        var inline = HostInline().Match(line.Cells[0]);
        if (!inline.Success)
            return (false, null);
        return (true, string.Join(' ', [inline.Groups["name"].Value.Trim(), .. line.Cells.Skip(1)]).Trim());
    }

    private static ReportPeriod? ParsePeriod(string key)
    {
        var m = PeriodLong().Match(key);
        if (m.Success)
        {
            var endMonth = FrenchDates.Month(m.Groups["m2"].Value);
            var startMonth = FrenchDates.Month(m.Groups["m1"].Value);
            if (endMonth is null || startMonth is null)
                return null;
            var endYear = int.Parse(m.Groups["y2"].Value, CultureInfo.InvariantCulture);
            var startYear = m.Groups["y1"].Success ? int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture)
                : startMonth > endMonth ? endYear - 1 : endYear;
            return MakePeriod(
                FrenchDates.Date(startYear, startMonth.Value, Int(m.Groups["d1"])),
                FrenchDates.Date(endYear, endMonth.Value, Int(m.Groups["d2"])));
        }
        m = PeriodNumeric().Match(key);
        if (m.Success)
            return MakePeriod(
                FrenchDates.Date(Int(m.Groups["y1"]), Int(m.Groups["m1"]), Int(m.Groups["d1"])),
                FrenchDates.Date(Int(m.Groups["y2"]), Int(m.Groups["m2"]), Int(m.Groups["d2"])));
        return null;
    }

    private static ReportPeriod? MakePeriod(DateOnly? start, DateOnly? end) =>
        start is { } s && end is { } e && s <= e ? new ReportPeriod(s, e) : null;

    private static DateTime? ParseDateTime(string key)
    {
        var m = LongDateTime().Match(key);
        if (m.Success && FrenchDates.Month(m.Groups["month"].Value) is { } month
            && FrenchDates.Date(Int(m.Groups["year"]), month, Int(m.Groups["day"])) is { } date)
            return WithTime(date, m);
        m = NumericDateTime().Match(key);
        if (m.Success && FrenchDates.Date(Int(m.Groups["year"]), Int(m.Groups["month"]), Int(m.Groups["day"])) is { } d)
            return WithTime(d, m);
        return null;
    }

    private static DateTime? WithTime(DateOnly date, Match m)
    {
        if (!m.Groups["h"].Success)
            return date.ToDateTime(TimeOnly.MinValue);
        var h = Int(m.Groups["h"]);
        var min = m.Groups["min"].Success ? Int(m.Groups["min"]) : 0;
        var s = m.Groups["s"].Success ? Int(m.Groups["s"]) : 0;
        return h < 24 && min < 60 && s < 60 ? date.ToDateTime(new TimeOnly(h, min, s)) : null;
    }

    private enum SlotShape { None, Read, Unreadable }

    /// <summary>
    /// A slot line is a date (day and month, year optional) followed by one or more time ranges
    /// ("10 novembre - 14:00 à 16:30", "mardi 10 novembre 2020 : 9h à 12h et 13h30 à 16h30", "10/11 14:00-16:30").
    /// A line of time ranges with a date that cannot be read is reported rather than ignored.
    /// </summary>
    private static SlotShape ParseSlots(string key, TitleLine line, out List<SlotLine> slots)
    {
        slots = [];
        var m = SlotDateLong().Match(key);
        int? day = null, month = null, year = null;
        string rest;
        if (m.Success)
        {
            rest = key[m.Length..];
            day = Int(m.Groups["day"]);
            month = FrenchDates.Month(m.Groups["month"].Value);
            year = m.Groups["year"].Success ? Int(m.Groups["year"]) : null;
        }
        else if ((m = SlotDateNumeric().Match(key)).Success)
        {
            rest = key[m.Length..];
            day = Int(m.Groups["day"]);
            month = Int(m.Groups["month"]);
            year = m.Groups["year"].Success ? Int(m.Groups["year"]) : null;
        }
        else
            rest = key;

        var ranges = TimeRange().Matches(rest);
        if (ranges.Count == 0 || !OnlySeparators(TimeRange().Replace(rest, " ")))
            return SlotShape.None;
        if (day is null || month is null || month is < 1 or > 12 || day is < 1 or > 31)
            return SlotShape.Unreadable;

        foreach (Match range in ranges)
        {
            if (Time(range, "h1", "m1") is not { } start || Time(range, "h2", "m2") is not { } end)
                return SlotShape.Unreadable;
            slots.Add(new SlotLine(line.ExcelRow, line.Column, day.Value, month.Value, year, start, end));
        }
        return SlotShape.Read;
    }

    private static bool OnlySeparators(string text) => SlotSeparators().IsMatch(text);

    private static TimeOnly? Time(Match m, string hour, string minute)
    {
        var h = Int(m.Groups[hour]);
        var min = m.Groups[minute].Success ? Int(m.Groups[minute]) : 0;
        return h < 24 && min < 60 ? new TimeOnly(h, min) : h == 24 && min == 0 ? new TimeOnly(23, 59, 59) : null;
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    private const string MonthWord = @"[a-z]{3,9}\.?";

    [GeneratedRegex(@"^genere(?:e)?\s+le\s*:?\s*(?<rest>.+)$")]
    private static partial Regex GeneratedLine();

    [GeneratedRegex(@"(?<day>\d{1,2})(?:er)?\s+(?<month>" + MonthWord + @")\s+(?<year>\d{4})(?:\s*(?:a|,|-)?\s*(?<h>\d{1,2})\s*[h:]\s*(?<min>\d{2})?(?:\s*:\s*(?<s>\d{2}))?)?")]
    private static partial Regex LongDateTime();

    [GeneratedRegex(@"(?<day>\d{1,2})/(?<month>\d{1,2})/(?<year>\d{4})(?:\s*(?:a|,|-)?\s*(?<h>\d{1,2})\s*[h:]\s*(?<min>\d{2})?(?:\s*:\s*(?<s>\d{2}))?)?")]
    private static partial Regex NumericDateTime();

    [GeneratedRegex(@"(?:^|\s)(?<d1>\d{1,2})(?:er)?\s+(?<m1>" + MonthWord + @")(?:\s+(?<y1>\d{4}))?\s+au\s+(?<d2>\d{1,2})(?:er)?\s+(?<m2>" + MonthWord + @")\s+(?<y2>\d{4})(?:\s|$)")]
    private static partial Regex PeriodLong();

    [GeneratedRegex(@"(?:^|\s)(?<d1>\d{1,2})/(?<m1>\d{1,2})/(?<y1>\d{4})\s+(?:au|-)\s+(?<d2>\d{1,2})/(?<m2>\d{1,2})/(?<y2>\d{4})(?:\s|$)")]
    private static partial Regex PeriodNumeric();

    [GeneratedRegex(@"^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:le\s+)?(?<day>\d{1,2})(?:er)?\s+(?<month>" + MonthWord + @")(?:\s+(?<year>\d{4}))?")]
    private static partial Regex SlotDateLong();

    [GeneratedRegex(@"^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:le\s+)?(?<day>\d{1,2})/(?<month>\d{1,2})(?:/(?<year>\d{4}))?")]
    private static partial Regex SlotDateNumeric();

    [GeneratedRegex(@"(?:de\s+)?(?<h1>\d{1,2})\s*(?::\s*(?<m1>\d{2})|h\s*(?<m1>\d{2})?)\s*(?:a|-|jusqu'a)\s*(?<h2>\d{1,2})\s*(?::\s*(?<m2>\d{2})|h\s*(?<m2>\d{2})?)")]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"^[\s\-,;:/]*(?:(?:et|,|;|/|-)[\s\-,;:/]*)*$")]
    private static partial Regex SlotSeparators();

    [GeneratedRegex(@"^hote(?:s|\(s\))?\s*:?$")]
    private static partial Regex HostWord();

    [GeneratedRegex(@"^h[oôö]te(?:s|\(s\))?(?:\s*:\s*|\s+)(?<name>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex HostInline();

    [GeneratedRegex(@"^(?<title>.*?)[\s\-–—:]*\(?\s*r[ée]f(?:[ée]rence)?\.?\s*(?:paf)?\s*:?\s*(?<ref>(?=[0-9A-Z]*\d)[0-9A-Z]{6,})(?:\s*[-–—/]\s*(?<module>\d+))?\s*\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceLine();
}
