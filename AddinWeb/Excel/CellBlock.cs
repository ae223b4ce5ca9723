using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace AddinWeb.Excel;

/// <summary>A rectangle of cells, 1-based and inclusive, as the layout's A1 ranges ("A1", "B3:N3") name them.</summary>
internal readonly record struct CellBlock(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool IsSingleCell => FirstRow == LastRow && FirstColumn == LastColumn;

    public bool Intersects(CellBlock other) =>
        FirstRow <= other.LastRow && other.FirstRow <= LastRow && FirstColumn <= other.LastColumn && other.FirstColumn <= LastColumn;

    /// <summary>
    /// Plain A1 ranges are read here (ClosedXML builds and caches a range object per address, a measurable share of
    /// a small sheet); anything else (whole rows or columns, a sheet name, reversed corners) is left to ClosedXML.
    /// </summary>
    public static CellBlock Parse(string address, IXLWorksheet sheet)
    {
        if (TryParsePlain(address, out var block)) return block;
        var range = sheet.Range(address).RangeAddress;
        return new CellBlock(range.FirstAddress.RowNumber, range.FirstAddress.ColumnNumber,
            range.LastAddress.RowNumber, range.LastAddress.ColumnNumber);
    }

    /// <summary>"A1", "B3:N3" or "$A$1:$N$1" (upper case, no sheet name, corners in order), read without ClosedXML.</summary>
    public static bool TryParsePlain(string address, out CellBlock block)
    {
        block = default;
        var match = PlainA1.Match(address);
        if (!match.Success) return false;
        var first = (Row: int.Parse(match.Groups[2].Value), Column: ColumnNumber(match.Groups[1].ValueSpan));
        var last = match.Groups[3].Success
            ? (Row: int.Parse(match.Groups[4].Value), Column: ColumnNumber(match.Groups[3].ValueSpan))
            : first;
        if (first.Row < 1 || first.Row > last.Row || first.Column > last.Column || last.Row > XLHelper.MaxRowNumber
            || last.Column > XLHelper.MaxColumnNumber)
            return false;
        block = new CellBlock(first.Row, first.Column, last.Row, last.Column);
        return true;
    }

    /// <summary>"A" → 1, "N" → 14, "AA" → 27 (upper-case letters, checked by the pattern).</summary>
    private static int ColumnNumber(ReadOnlySpan<char> letters)
    {
        var number = 0;
        foreach (var letter in letters) number = number * 26 + (letter - 'A' + 1);
        return number;
    }

    private static readonly Regex PlainA1 =
        new(@"^\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
