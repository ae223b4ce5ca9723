using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;

namespace AddinWeb.Reports.BigBlueButton;

/// <summary>
/// How the join and left columns are read. The dashboard writes dates with the browser's own
/// <c>Intl.DateTimeFormat</c>, and its activity score with the same locale's number format. So the export itself may
/// say its locale writes days first: French labels ("Rejoindre", "Quitté": a French browser; fr-CA writes years
/// first, which has one reading anyway), or a decimal comma in the score ("3,5": no locale that writes one puts the
/// month first). Then date texts are read day first even when no day is over 12. Otherwise (English labels, a score
/// without decimals: en-US, or a browser whose locale file failed to load) the texts themselves decide
/// (<see cref="DayMonthInference"/>). Excel's own date cells are read as <see cref="DateCells"/> says, the two
/// columns taken as one.
/// </summary>
internal sealed class DashboardDates
{
    private readonly DateCells _cells;

    public DashboardDates(bool dayFirstLocale, IEnumerable<Cell> join, IEnumerable<Cell> left)
    {
        // One column for DateCells: both are written by the same formatter, so Excel treated their texts alike, and a
        // join text Excel could not read ("30/09") shows the swap of a leave Excel did read ("01/10" as 10 January).
        _cells = DateCells.Of(join.Concat(left));
        var texts = _cells.Texts;
        TextOrder = texts.Proven ?? (dayFirstLocale ? DayMonthOrder.DayFirst : texts.Hint);
        IsAmbiguous = texts.IsContradictory || _cells.ExcelReading == ExcelDateReading.Unknown
            || (texts.Proven is null && !dayFirstLocale && texts.OrderSensitive > 0);
    }

    /// <summary>The order date texts are read with.</summary>
    public DayMonthOrder TextOrder { get; }

    /// <summary>True when some dates may have been read with day and month the wrong way round: the reader warns.</summary>
    public bool IsAmbiguous { get; }

    /// <summary>Dates Excel converted by its own order, which nothing tells: they are taken as Excel shows them.</summary>
    public bool ExcelOrderUnknown => _cells.ExcelReading == ExcelDateReading.Unknown;

    public bool TryRead(Cell cell, out DateTime value)
    {
        if (cell.Kind == CellKind.Text)
            return LocalDateTimes.TryParse(cell.Text, TextOrder, out value);
        return _cells.TryRead(cell, out value);
    }
}
