using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Tabular;

/// <summary>The Excel number formats of a typed copy (<see cref="TypedSheetBuilder"/>).</summary>
public static class TypedFormats
{
    /// <summary>A date and time to the second, the French way.</summary>
    public const string DateTime = "dd/mm/yyyy hh:mm:ss";
    /// <summary>A duration in hours past 24, minutes and seconds: the sum of a column stays a duration.</summary>
    public const string Duration = "[h]:mm:ss";
    /// <summary>A number as Excel shows it by default.</summary>
    public const string General = "General";
}

/// <summary>
/// The copy of a delimited file's sheet with native Excel values, which the upload returns for a .csv: a reader fills
/// it as it parses, cell by cell, and hands the result on in <see cref="SessionReport.TypedSheets"/>.
/// <para>
/// The contract, for the adapter that writes the copy: the result is a <see cref="SheetGrid"/> with the source sheet's
/// name, origin, rows and columns (so every source row keeps its number); each cell is written as its kind says
/// (text as literal text, never a formula; numbers; booleans; <see cref="CellKind.DateTime"/> as a date) with the
/// number format of <see cref="SheetGrid.NumberFormats"/> at the same place when there is one. A duration is a
/// <see cref="CellKind.Number"/> of days (Excel's own value for a duration) with <see cref="TypedFormats.Duration"/>;
/// a date-time a <see cref="CellKind.DateTime"/> with <see cref="TypedFormats.DateTime"/>. Cells the reader did not
/// type stay the file's text, exactly.
/// </para>
/// </summary>
public sealed class TypedSheetBuilder
{
    private readonly SheetGrid _source;
    private readonly Cell[][] _cells;
    private readonly string?[][] _formats;

    /// <param name="source">The sheet as read from the file (<see cref="DelimitedFile"/>): every cell a text.</param>
    public TypedSheetBuilder(SheetGrid source)
    {
        _source = source;
        _cells = source.Rows.Select(r => r.ToArray()).ToArray();
        _formats = source.Rows.Select(r => new string?[r.Count]).ToArray();
    }

    /// <summary>A date-time, written with <see cref="TypedFormats.DateTime"/>.</summary>
    public TypedSheetBuilder SetDateTime(int rowIndex, int columnIndex, DateTime value) =>
        Set(rowIndex, columnIndex, Cell.FromDateTime(value), TypedFormats.DateTime);

    /// <summary>A duration, written as days with <see cref="TypedFormats.Duration"/> (rounded to the second).</summary>
    public TypedSheetBuilder SetDuration(int rowIndex, int columnIndex, TimeSpan value) =>
        Set(rowIndex, columnIndex,
            Cell.FromNumber(Math.Round(value.TotalSeconds, MidpointRounding.AwayFromZero) / 86400d), TypedFormats.Duration);

    /// <summary>A number (a count, a score, minutes), with a number format or Excel's default.</summary>
    public TypedSheetBuilder SetNumber(int rowIndex, int columnIndex, double value, string? format = null) =>
        Set(rowIndex, columnIndex, Cell.FromNumber(value), format);

    public TypedSheetBuilder SetBoolean(int rowIndex, int columnIndex, bool value) =>
        Set(rowIndex, columnIndex, Cell.FromBoolean(value), null);

    /// <summary>The typed copy. The builder can go on being used; later changes do not reach this copy.</summary>
    public SheetGrid Build() => _source with
    {
        Rows = _cells.Select(r => (IReadOnlyList<Cell>)r.ToArray()).ToList(),
        NumberFormats = _formats.Select(r => (IReadOnlyList<string?>)r.ToArray()).ToList(),
    };

    /// <summary>
    /// Only a cell of the source can be typed: an index outside the file's rows and fields is a reader's bug, not a
    /// trainer's, and throws.
    /// </summary>
    private TypedSheetBuilder Set(int rowIndex, int columnIndex, Cell cell, string? format)
    {
        if (rowIndex < 0 || rowIndex >= _cells.Length || columnIndex < 0 || columnIndex >= _cells[rowIndex].Length)
            throw new ArgumentOutOfRangeException(nameof(columnIndex),
                $"Row {rowIndex}, column {columnIndex} is not a cell of sheet '{_source.Name}'.");
        _cells[rowIndex][columnIndex] = cell;
        _formats[rowIndex][columnIndex] = format;
        return this;
    }
}
