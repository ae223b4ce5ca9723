namespace AddinWeb.Reports.Parsing;

/// <summary>French month names as the title block writes them, with or without accents, full or abbreviated.</summary>
public static class FrenchDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["janvier"] = 1, ["janv"] = 1, ["jan"] = 1,
        ["fevrier"] = 2, ["fevr"] = 2, ["fev"] = 2,
        ["mars"] = 3, ["mar"] = 3,
        ["avril"] = 4, ["avr"] = 4,
        ["mai"] = 5,
        ["juin"] = 6,
        ["juillet"] = 7, ["juil"] = 7,
        ["aout"] = 8,
        ["septembre"] = 9, ["sept"] = 9, ["sep"] = 9,
        ["octobre"] = 10, ["oct"] = 10,
        ["novembre"] = 11, ["nov"] = 11,
        ["decembre"] = 12, ["dec"] = 12,
    };

    /// <summary>Month number of a name already passed through <c>TextNormalizer.Key</c> ("fevrier", "aout").</summary>
    public static int? Month(string normalisedName) =>
        Months.TryGetValue(normalisedName.TrimEnd('.'), out var month) ? month : null;

    /// <summary>A valid calendar date, or null (31 novembre, 29 février of a common year).</summary>
    public static DateOnly? Date(int year, int month, int day) =>
        year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
}
