using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>Every cell of a sheet that holds a value or a format: address, type, raw value, formula and number format.</summary>
public static class WorkbookSnapshot
{
    public static IReadOnlyList<string> Of(IXLWorksheet sheet) =>
        sheet.CellsUsed(XLCellsUsedOptions.All)
            .OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber)
            .Select(c => string.Join(" | ",
                c.Address.ToString(), c.DataType, Raw(c), c.HasFormula ? c.FormulaA1 : "",
                c.Style.NumberFormat.NumberFormatId, c.Style.NumberFormat.Format, c.Style.Font.Bold, c.Style.Font.FontSize))
            .ToList();

    /// <summary>The stored value as text, never formatted for display.</summary>
    public static string Raw(IXLCell cell) => cell.DataType switch
    {
        XLDataType.Number => cell.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        XLDataType.DateTime => cell.GetDateTime().ToString("O"),
        XLDataType.Boolean => cell.GetBoolean().ToString(),
        XLDataType.TimeSpan => cell.GetTimeSpan().ToString(),
        _ => cell.GetString(),
    };

    /// <summary>A number, whatever type ClosedXML guessed from its format (dates and durations are numbers in the file).</summary>
    public static double Number(IXLCell cell) => cell.DataType switch
    {
        XLDataType.Number => cell.GetDouble(),
        XLDataType.DateTime => cell.GetDateTime().ToOADate(),
        XLDataType.TimeSpan => cell.GetTimeSpan().TotalDays,
        _ => throw new Xunit.Sdk.XunitException($"{cell.Address} is {cell.DataType} « {cell.GetString()} », not a number."),
    };
}
