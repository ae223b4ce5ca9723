using System.Globalization;
using AddinWeb.Reports.Grid;
using ClosedXML.Excel;

namespace AddinWeb.Excel;

/// <summary>
/// Reads an uploaded .xlsx into the same <see cref="WorkbookGrid"/> the task pane sends, so an upload and the
/// add-in go through the same reader and give the same figures. Raw values only (dates as date cells, numbers,
/// text, booleans), never formatted strings; each sheet keeps its real Excel origin (first used row and column) so
/// every message names the row the user sees.
/// </summary>
public static class ClosedXmlWorkbookReader
{
    public static WorkbookGrid Read(XLWorkbook workbook) =>
        new(workbook.Worksheets.Select(ReadSheet).ToList());

    public static SheetGrid ReadSheet(IXLWorksheet sheet)
    {
        // Only cells with contents: formatting alone (a coloured empty row) does not widen the grid.
        var cells = sheet.CellsUsed(XLCellsUsedOptions.Contents).ToList();
        if (cells.Count == 0) return new SheetGrid(sheet.Name, []);

        var firstRow = cells.Min(c => c.Address.RowNumber);
        var lastRow = cells.Max(c => c.Address.RowNumber);
        var firstColumn = cells.Min(c => c.Address.ColumnNumber);

        var rows = new List<Cell>[lastRow - firstRow + 1];
        var formats = new List<string?>[rows.Length];
        for (var i = 0; i < rows.Length; i++) (rows[i], formats[i]) = ([], []);

        foreach (var cell in cells.OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber))
        {
            var r = cell.Address.RowNumber - firstRow;
            var c = cell.Address.ColumnNumber - firstColumn;
            while (rows[r].Count < c) { rows[r].Add(Cell.Empty); formats[r].Add(null); }
            rows[r].Add(ValueOf(cell));
            formats[r].Add(NumberFormatOf(cell));
        }
        return new SheetGrid(sheet.Name, rows, firstRow, firstColumn, formats);
    }

    /// <summary>The stored value. A formula cell gives its cached result: ClosedXML's own evaluation is never run.</summary>
    internal static Cell ValueOf(IXLCell cell)
    {
        if (cell.HasFormula) return Cached(cell.DataType, cell.CachedValue);
        return cell.DataType switch
        {
            XLDataType.Number => Cell.FromNumber(cell.GetDouble()),
            XLDataType.DateTime => Cell.FromDateTime(cell.GetDateTime()),
            XLDataType.Boolean => Cell.FromBoolean(cell.GetBoolean()),
            XLDataType.TimeSpan => Cell.FromNumber(cell.GetTimeSpan().TotalDays),
            _ => Cell.FromText(cell.GetString()),
        };
    }

    private static Cell Cached(XLDataType type, object? value)
    {
        switch (value)
        {
            case null: return Cell.Empty;
            case double d: return Cell.FromNumber(d);
            case bool b: return Cell.FromBoolean(b);
            case DateTime dt: return Cell.FromDateTime(dt);
            case TimeSpan ts: return Cell.FromNumber(ts.TotalDays);
        }
        var cached = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(cached)) return Cell.Empty;
        var number = double.TryParse(cached, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;
        return type switch
        {
            XLDataType.Number when number is { } parsed => Cell.FromNumber(parsed),
            XLDataType.DateTime when number is { } serial && serial is > -657435 and < 2958466 => Cell.FromDateTime(DateTime.FromOADate(serial)),
            XLDataType.TimeSpan when number is { } days => Cell.FromNumber(days),
            XLDataType.Boolean => Cell.FromBoolean(cached is "1" || cached.Equals("true", StringComparison.OrdinalIgnoreCase)),
            _ => Cell.FromText(cached),
        };
    }

    /// <summary>The format code, or the built-in one's code when the cell uses a numbered Excel format.</summary>
    internal static string? NumberFormatOf(IXLCell cell)
    {
        var format = cell.Style.NumberFormat;
        if (!string.IsNullOrEmpty(format.Format)) return format.Format;
        return BuiltInFormats.TryGetValue(format.NumberFormatId, out var code) ? code : null;
    }

    private static readonly Dictionary<int, string> BuiltInFormats = new()
    {
        [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00", [9] = "0%", [10] = "0.00%", [11] = "0.00E+00",
        [12] = "# ?/?", [13] = "# ??/??", [14] = "mm-dd-yy", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy",
        [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss", [22] = "m/d/yy h:mm",
        [45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mmss.0", [48] = "##0.0E+0", [49] = "@",
    };
}
