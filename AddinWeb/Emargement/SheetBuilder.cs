using AddinWeb.Reports.Grid;

namespace AddinWeb.Emargement;

/// <summary>
/// Accumulates a rectangular grid of values and its range formats, merges and row heights, row by row from A1.
/// Rows are always padded to the full width so a renderer can write the whole grid in one range (Office.js needs a
/// rectangular <c>values</c> array).
/// </summary>
internal sealed class SheetBuilder(int columnCount)
{
    private readonly List<object?[]> _rows = [];
    private readonly List<RangeFormat> _formats = [];
    private readonly List<string> _merges = [];
    private readonly List<RowHeight> _heights = [];

    public int ColumnCount { get; } = columnCount;

    /// <summary>1-based number of the last row written (0 when empty).</summary>
    public int LastRow => _rows.Count;

    /// <summary>Appends a row; values are placed from column A. Returns its 1-based row number.</summary>
    public int AddRow(params object?[] values)
    {
        if (values.Length > ColumnCount)
            throw new ArgumentException("Row wider than the sheet.", nameof(values));
        var row = new object?[ColumnCount];
        values.CopyTo(row, 0);
        _rows.Add(row);
        return _rows.Count;
    }

    /// <summary>
    /// Appends a row already as wide as the sheet, keeping the array itself (no copy): for the participants' table,
    /// one row per participant.
    /// </summary>
    public int AddFullRow(object?[] row)
    {
        if (row.Length != ColumnCount)
            throw new ArgumentException("Row not as wide as the sheet.", nameof(row));
        _rows.Add(row);
        return _rows.Count;
    }

    public int AddBlankRow() => AddRow();

    /// <summary>Sets one value; <paramref name="column"/> is 1-based.</summary>
    public void Set(int row, int column, object? value) => _rows[row - 1][column - 1] = value;

    public void Format(RangeFormat format) => _formats.Add(format);

    public void Merge(int row, int firstColumn, int lastColumn)
    {
        if (lastColumn > firstColumn) _merges.Add(Range(row, firstColumn, row, lastColumn));
    }

    public void MergeBlock(int firstRow, int firstColumn, int lastRow, int lastColumn) =>
        _merges.Add(Range(firstRow, firstColumn, lastRow, lastColumn));

    public void Height(int row, double points) => _heights.Add(new RowHeight(row, points));

    public IReadOnlyList<IReadOnlyList<object?>> Values => _rows;
    public IReadOnlyList<RangeFormat> Formats => _formats;
    public IReadOnlyList<string> Merges => _merges;
    public IReadOnlyList<RowHeight> RowHeights => _heights;

    public static string Cell(int row, int column) => SheetGrid.ColumnLetters(column) + row;

    public static string Range(int firstRow, int firstColumn, int lastRow, int lastColumn) =>
        firstRow == lastRow && firstColumn == lastColumn
            ? Cell(firstRow, firstColumn)
            : $"{Cell(firstRow, firstColumn)}:{Cell(lastRow, lastColumn)}";
}
