using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Parsing;

/// <summary>How Excel's own date cells (serial numbers from Office.js, date cells from an .xlsx) are to be read.</summary>
public enum ExcelDateReading
{
    /// <summary>There are none: every date is a text.</summary>
    None,
    /// <summary>As they are: Excel read the texts with the file's order (or the order cannot change them).</summary>
    AsIs,
    /// <summary>Day and month swapped back: Excel read the texts with the other order than the file's.</summary>
    Swapped,
    /// <summary>Nothing tells whether Excel read them the file's way: read as they are, and warn.</summary>
    Unknown,
}

/// <summary>
/// How to read the date cells of one report, texts and Excel's own dates together. When Excel opens a file it turns
/// the date texts its own locale can read into dates, by its own day/month order, and leaves the others as text.
/// Column by column (one column has one format, so Excel treated all of its texts alike):
/// <list type="bullet">
/// <item>texts that prove an order (<see cref="DayMonthInference"/>) left beside Excel dates are the ones Excel's
/// order rejected ("15/03/2025" has no month 15): Excel read the others the other way round, so each of its dates is
/// the file's date with day and month swapped (<see cref="ExcelDateReading.Swapped"/>), and is swapped back;</item>
/// <item>an Excel date whose day is over 12 shows that Excel read a number over 12 as the day, which only the file's
/// own order allows: the dates are right as they are (<see cref="ExcelDateReading.AsIs"/>);</item>
/// <item>both in one report contradict each other, and neither, with some date whose day and month differ, leaves
/// the question open (<see cref="ExcelDateReading.Unknown"/>): the dates are read as they are and
/// <see cref="IsAmbiguous"/> asks the reader to warn.</item>
/// </list>
/// Example: a French file "04/03/2025 08:57:41" … "15/03/2025 09:00:00" opened by an American Excel gives the serial
/// of 3 April beside the text "15/03/2025 09:00:00"; <see cref="TryRead"/> reads both as March dates.
/// </summary>
public sealed record DateCells
{
    /// <summary>What the date texts say of the file's order; texts are read with its <see cref="DayMonthInference.Order"/>.</summary>
    public required DayMonthInference Texts { get; init; }

    /// <summary>How Excel's own date cells are read.</summary>
    public ExcelDateReading ExcelReading { get; init; }

    /// <summary>True when the reader should warn that dates may be read with day and month the wrong way round.</summary>
    public bool IsAmbiguous => Texts.IsAmbiguous || ExcelReading == ExcelDateReading.Unknown;

    /// <summary>The reading of a report's date columns (each a column of cells, header excluded).</summary>
    public static DateCells Of(params IEnumerable<Cell>[] columns)
    {
        var texts = DayMonthInference.None;
        bool any = false, swapped = false, asIs = false, sensitive = false;
        foreach (var column in columns)
        {
            var columnTexts = DayMonthInference.None;
            var excelDates = new List<DateTime>();
            foreach (var cell in column)
            {
                if (cell.Kind == CellKind.Text && LocalDateTimes.TryReadParts(cell.Text, out var parts))
                    columnTexts = columnTexts.With(parts);
                else if (cell.Kind is CellKind.Number or CellKind.DateTime && ExcelDates.TryRead(cell, out var date))
                    excelDates.Add(date);
            }
            texts = texts.Plus(columnTexts);
            if (excelDates.Count == 0)
                continue;
            any = true;
            swapped |= columnTexts.Proven is not null;
            asIs |= excelDates.Any(d => d.Day > 12);
            sensitive |= excelDates.Any(d => d.Day != d.Month);
        }
        var excel = (any, swapped, asIs) switch
        {
            (false, _, _) => ExcelDateReading.None,
            (true, true, false) => ExcelDateReading.Swapped,
            (true, false, true) => ExcelDateReading.AsIs,
            (true, true, true) => ExcelDateReading.Unknown,
            _ => sensitive ? ExcelDateReading.Unknown : ExcelDateReading.AsIs,
        };
        return new DateCells { Texts = texts, ExcelReading = excel };
    }

    /// <summary>
    /// One date cell: a text with <see cref="Texts"/>' order, an Excel date as <see cref="ExcelReading"/> says. False
    /// for anything else (empty, "-", a text that is no date in that order): the reader decides what that means.
    /// </summary>
    public bool TryRead(Cell cell, out DateTime value)
    {
        value = default;
        switch (cell.Kind)
        {
            case CellKind.Text:
                return LocalDateTimes.TryParse(cell.Text, Texts.Order, out value);
            case CellKind.Number or CellKind.DateTime:
                if (!ExcelDates.TryRead(cell, out value))
                    return false;
                return ExcelReading != ExcelDateReading.Swapped || TrySwapDayAndMonth(value, out value);
            default:
                return false;
        }
    }

    /// <summary>The same time on the date with day and month exchanged (3 April → 4 March); false when there is none (13 April).</summary>
    public static bool TrySwapDayAndMonth(DateTime value, out DateTime swapped)
    {
        swapped = value;
        if (FrenchDates.Date(value.Year, value.Day, value.Month) is not { } date)
            return false;
        swapped = date.ToDateTime(TimeOnly.FromTimeSpan(value.TimeOfDay));
        return true;
    }
}
