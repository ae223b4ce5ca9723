using System.Globalization;
using AddinWeb.Reports.Grid;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>
/// The upload's reader before the streaming one (<see cref="AddinWeb.Excel.SpreadsheetGridReader"/>), kept as it
/// shipped, through ClosedXML 0.95.4: the reference of the equivalence tests (<c>ReaderEquivalenceTests</c>). It
/// cannot open a workbook holding an image on Linux, and reads the whole workbook into ClosedXML's model first.
/// </summary>
public static class ReferenceWorkbookReader
{
    public static WorkbookGrid Read(XLWorkbook workbook) =>
        new(workbook.Worksheets.Select(ReadSheet).ToList());

    public static SheetGrid ReadSheet(IXLWorksheet sheet)
    {
        // Only cells with contents: formatting alone (a coloured empty row) does not widen the grid. ClosedXML gives
        // them in row-major order already.
        var cells = sheet.CellsUsed(XLCellsUsedOptions.Contents).ToList();
        if (cells.Count == 0) return new SheetGrid(sheet.Name, []);
        if (!InRowMajorOrder(cells))
            cells = cells.OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber).ToList();

        var firstRow = cells[0].Address.RowNumber;
        var lastRow = cells[^1].Address.RowNumber;
        var firstColumn = cells.Min(c => c.Address.ColumnNumber);

        var rows = new List<Cell>[lastRow - firstRow + 1];
        for (var i = 0; i < rows.Length; i++) rows[i] = [];
        foreach (var cell in cells)
        {
            var r = cell.Address.RowNumber - firstRow;
            var c = cell.Address.ColumnNumber - firstColumn;
            while (rows[r].Count < c) rows[r].Add(Cell.Empty);
            rows[r].Add(ValueOf(cell));
        }
        // No number formats: ClosedXML already types date cells from theirs (CellKind.DateTime) and no stage reads
        // the others, while reading one costs a style object per cell (the task pane does not send them either).
        return new SheetGrid(sheet.Name, rows, firstRow, firstColumn);
    }

    private static bool InRowMajorOrder(List<IXLCell> cells)
    {
        for (var i = 1; i < cells.Count; i++)
        {
            var (previous, current) = (cells[i - 1].Address, cells[i].Address);
            if (current.RowNumber < previous.RowNumber
                || (current.RowNumber == previous.RowNumber && current.ColumnNumber <= previous.ColumnNumber))
                return false;
        }
        return true;
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
}
