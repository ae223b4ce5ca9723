namespace AddinWeb.Reports.Parsing;

/// <summary>
/// The day/month order of a report's date texts, inferred from the texts themselves (one column, or every date of a
/// file: one export has one locale). The rules, with what they prove:
/// <list type="bullet">
/// <item>a first number over 12 ("15/11/22, 09:30:47") proves day first;</item>
/// <item>a second number over 12 ("11/19/2021 9:54:15 AM") proves month first;</item>
/// <item>both at once in one report is a contradiction: no order reads every text (<see cref="IsContradictory"/>);</item>
/// <item>AM/PM proves nothing: en-US writes "3/4/25, 8:58:02 AM" month first, but en-GB, en-AU or en-IN write
/// day first with "am"/"pm" too. It is only a hint (<see cref="Hint"/>): month first when most texts say AM/PM, day
/// first otherwise (24-hour times are the French and British way);</item>
/// <item>a year first ("2025-03-04") has one reading, and a text whose two numbers are equal ("03/03/2025") reads
/// the same both ways: neither proves nor needs an order.</item>
/// </list>
/// The order to use is <see cref="Order"/> (the proof, else the hint). <see cref="IsAmbiguous"/> says when it matters
/// and nothing proves it: some text reads differently in the two orders ("04/03/2025"), so the reader should warn
/// (in French, naming the column) that the dates were read <see cref="Order"/> and may be the other way round.
/// </summary>
public sealed record DayMonthInference
{
    /// <summary>Texts whose first number is over 12 (and second 12 or less): day first.</summary>
    public int DayFirstProofs { get; init; }
    /// <summary>Texts whose second number is over 12 (and first 12 or less): month first.</summary>
    public int MonthFirstProofs { get; init; }
    /// <summary>Texts that read as two different dates in the two orders.</summary>
    public int OrderSensitive { get; init; }
    /// <summary>Texts with AM/PM.</summary>
    public int TwelveHourTexts { get; init; }
    /// <summary>Texts with a 24-hour time (day or month first, not year first).</summary>
    public int TwentyFourHourTexts { get; init; }

    public static readonly DayMonthInference None = new();

    /// <summary>What the date-time texts among <paramref name="texts"/> say; other texts (empty, "-") are ignored.</summary>
    public static DayMonthInference Of(IEnumerable<string?> texts)
    {
        var inference = None;
        foreach (var text in texts)
            if (LocalDateTimes.TryReadParts(text, out var parts))
                inference = inference.With(parts);
        return inference;
    }

    /// <summary>This evidence and one more text's.</summary>
    public DayMonthInference With(DateTimeParts parts)
    {
        if (parts.YearFirst)
            return this;
        var next = parts.TwelveHour
            ? this with { TwelveHourTexts = TwelveHourTexts + 1 }
            : this with { TwentyFourHourTexts = TwentyFourHourTexts + 1 };
        return (parts.First, parts.Second) switch
        {
            ( > 12, >= 1 and <= 12) => next with { DayFirstProofs = next.DayFirstProofs + 1 },
            ( >= 1 and <= 12, > 12) => next with { MonthFirstProofs = next.MonthFirstProofs + 1 },
            ( >= 1 and <= 12, >= 1 and <= 12) when parts.First != parts.Second => next with { OrderSensitive = next.OrderSensitive + 1 },
            _ => next,
        };
    }

    /// <summary>The evidence of two columns of one report together.</summary>
    public DayMonthInference Plus(DayMonthInference other) => new()
    {
        DayFirstProofs = DayFirstProofs + other.DayFirstProofs,
        MonthFirstProofs = MonthFirstProofs + other.MonthFirstProofs,
        OrderSensitive = OrderSensitive + other.OrderSensitive,
        TwelveHourTexts = TwelveHourTexts + other.TwelveHourTexts,
        TwentyFourHourTexts = TwentyFourHourTexts + other.TwentyFourHourTexts,
    };

    /// <summary>The order a text proves, when texts prove one and none contradicts it.</summary>
    public DayMonthOrder? Proven => (DayFirstProofs > 0, MonthFirstProofs > 0) switch
    {
        (true, false) => DayMonthOrder.DayFirst,
        (false, true) => DayMonthOrder.MonthFirst,
        _ => null,
    };

    /// <summary>Some texts prove day first and others month first: the dates are not from one locale.</summary>
    public bool IsContradictory => DayFirstProofs > 0 && MonthFirstProofs > 0;

    /// <summary>A weak guess from the clock: month first when most texts say AM/PM (en-US), else day first.</summary>
    public DayMonthOrder Hint => TwelveHourTexts > TwentyFourHourTexts ? DayMonthOrder.MonthFirst : DayMonthOrder.DayFirst;

    /// <summary>The order to read the texts with: the proven one, else the hint.</summary>
    public DayMonthOrder Order => Proven ?? Hint;

    /// <summary>
    /// True when the order matters and is not proven (warn), or when the texts contradict each other (some will not
    /// read: the reader reports those rows).
    /// </summary>
    public bool IsAmbiguous => IsContradictory || (Proven is null && OrderSensitive > 0);
}
