using AddinWeb.Emargement;
using ClosedXML.Excel;
using Edges = AddinWeb.Excel.CellFormat.Edges;

namespace AddinWeb.Excel;

/// <summary>
/// The final format of every cell of the new sheet, computed in memory before ClosedXML is touched: the layout's
/// runs folded in order, then the effects of ClosedXML's <c>Merge()</c> on styles and contents. Cells hold an index
/// into a small table of distinct formats, and each (format, run, position) transition is computed once, so a
/// table of thousands of rows costs a few array writes per run, not a ClosedXML style pass per property.
/// </summary>
internal sealed class SheetStylePlan
{
    private readonly CellStyleFactory _styles;
    private readonly List<CellFormat> _formats = [default];
    private readonly Dictionary<CellFormat, int> _formatIndex = new() { [default] = 0 };
    private readonly List<IXLStyle?> _built = [null];
    private readonly Dictionary<long, int> _transitions = [];
    private readonly Dictionary<long, int> _mergeTransitions = [];
    private readonly Dictionary<int, (bool, bool, bool, bool, bool)> _mergeCopies = [];
    private readonly HashSet<int> _inUse = [];
    private readonly IReadOnlyList<CellBlock> _mergeRanges;
    private readonly int[] _cells;
    private readonly bool[] _touched;
    private readonly bool[] _hasText;

    /// <summary>ClosedXML's own default style, what Merge() compares the first cell with.</summary>
    private static readonly IXLStyle LibraryDefault = XLWorkbook.DefaultStyle;

    public int Rows { get; }
    public int Columns { get; }

    /// <summary>Cells whose value a merge clears (not its first cell), in the order ClosedXML clears them.</summary>
    public List<(int Row, int Column)> ClearedByMerges { get; } = [];

    /// <summary>The merges ClosedXML keeps (indexes in the layout's list), in order: a merge drops the earlier merges it overlaps.</summary>
    public List<int> Merges { get; } = [];

    /// <param name="sheetStyle">The sheet's own style, which every cell starts from.</param>
    /// <param name="layout">The sheet to render.</param>
    /// <param name="formatRanges">The layout's format ranges, parsed, in the layout's order.</param>
    /// <param name="mergeRanges">The layout's merges, parsed, in the layout's order.</param>
    /// <param name="texts">The text ClosedXML stores for a layout value other than a number or a flag.</param>
    public SheetStylePlan(IXLStyle sheetStyle, SheetLayout layout, IReadOnlyList<CellBlock> formatRanges,
        IReadOnlyList<CellBlock> mergeRanges, Func<object?, string?> texts)
    {
        _styles = new CellStyleFactory(sheetStyle);
        Rows = Math.Max(layout.Values.Count, formatRanges.Concat(mergeRanges).Select(r => r.LastRow).DefaultIfEmpty(0).Max());
        Columns = Math.Max(layout.Values.Select(r => r.Count).DefaultIfEmpty(0).Max(),
            formatRanges.Concat(mergeRanges).Select(r => r.LastColumn).DefaultIfEmpty(0).Max());
        _cells = new int[Rows * Columns];
        _touched = new bool[Rows * Columns];
        _hasText = new bool[Rows * Columns];

        WriteValues(layout, texts);
        for (var f = 0; f < layout.Formats.Count; f++) Apply(f, layout.Formats[f], formatRanges[f]);
        _mergeRanges = mergeRanges;
        for (var m = 0; m < mergeRanges.Count; m++) Merge(m);
    }

    /// <summary>Whether ClosedXML would have created the cell (1-based): its value, a run or a merge went through it.</summary>
    public bool Touched(int row, int column) => _touched[At(row, column)];

    /// <summary>The cell's final style (1-based).</summary>
    public IXLStyle StyleAt(int row, int column)
    {
        var index = _cells[At(row, column)];
        return _built[index] ??= _styles.Build(_formats[index]);
    }

    private int At(int row, int column) => (row - 1) * Columns + column - 1;

    private void WriteValues(SheetLayout layout, Func<object?, string?> texts)
    {
        // ClosedXML wraps a text holding a line break as it stores it (before any run applies).
        var wrapped = Intern(new CellFormat { WrapText = true });
        for (var r = 0; r < layout.Values.Count; r++)
        {
            var row = layout.Values[r];
            for (var c = 0; c < row.Count; c++)
            {
                var at = r * Columns + c;
                _touched[at] = true;
                switch (row[c])
                {
                    case null: break;
                    case double or int or bool: _hasText[at] = true; break; // stored as non-empty text
                    case var value:
                        var text = texts(value) ?? "";
                        _hasText[at] = text.Length > 0;
                        if (text.Contains(Environment.NewLine)) _cells[at] = wrapped;
                        break;
                }
            }
        }
    }

    private void Apply(int formatNumber, RangeFormat format, CellBlock range)
    {
        var (r1, c1, r2, c2) = Bounds(range);
        for (var r = r1; r <= r2; r++)
            for (var c = c1; c <= c2; c++)
            {
                var at = At(r, c);
                var edges = EdgesOf(r, c, r1, c1, r2, c2);
                var key = ((long)_cells[at] << 32) | ((long)formatNumber << 4) | (long)edges;
                if (!_transitions.TryGetValue(key, out var next))
                    _transitions[key] = next = Intern(_formats[_cells[at]].Apply(format, edges));
                _cells[at] = next;
                _touched[at] = true;
            }
    }

    /// <summary>
    /// What ClosedXML 0.95's <c>Range.Merge()</c> does to styles and contents: every cell takes the first cell's
    /// alignment, fill, font and number format (all cells when the first cell's differs from ClosedXML's default,
    /// else only the cells in use); the other cells in use lose their value; if one of them has a border, the
    /// lines inside the merge are removed.
    /// </summary>
    private void Merge(int number)
    {
        var range = _mergeRanges[number];
        var (r1, c1, r2, c2) = Bounds(range);
        if (range.IsSingleCell) return; // a single cell is not merged
        Merges.RemoveAll(m => _mergeRanges[m].Intersects(range));
        Merges.Add(number);

        var firstIndex = _cells[At(r1, c1)];
        _touched[At(r1, c1)] = true;
        var inUse = _inUse;
        inUse.Clear();
        for (var r = r1; r <= r2; r++)
            for (var c = c1; c <= c2; c++)
            {
                var at = At(r, c);
                if ((r, c) == (r1, c1) || !_touched[at]) continue;
                if (_hasText[at] || !_styles.IsSheetStyle(_formats[_cells[at]])) inUse.Add(at);
            }

        var touchesAll = !MergeCopiesOnlyToUsedCells(firstIndex);
        for (var r = r1; r <= r2; r++)
            for (var c = c1; c <= c2; c++)
            {
                var at = At(r, c);
                var key = ((long)_cells[at] << 32) | ((long)firstIndex << 1) | (inUse.Contains(at) ? 1L : 0L);
                if (!_mergeTransitions.TryGetValue(key, out var next))
                    _mergeTransitions[key] = next = Intern(Merged(_formats[_cells[at]], firstIndex, inUse.Contains(at)));
                _cells[at] = next;
                if (touchesAll) _touched[at] = true;
            }
        foreach (var at in inUse)
        {
            if (_hasText[at]) ClearedByMerges.Add((at / Columns + 1, at % Columns + 1));
            _hasText[at] = false;
        }

        if (inUse.Any(at => !_styles.Border(_formats[_cells[at]]).Equals(LibraryDefault.Border)))
            for (var r = r1; r <= r2; r++)
                for (var c = c1; c <= c2; c++)
                {
                    var at = At(r, c);
                    _cells[at] = Intern(_formats[_cells[at]].WithoutInsideLines(EdgesOf(r, c, r1, c1, r2, c2)));
                    _touched[at] = true;
                }
    }

    /// <summary>A cell of a merge after Merge() copied the first cell's components onto it.</summary>
    private CellFormat Merged(CellFormat cell, int firstIndex, bool used)
    {
        var first = _formats[firstIndex];
        var (alignment, fill, font, numberFormat, _) = MergeCopies(firstIndex);
        if (alignment || used) cell = cell.WithAlignmentOf(first);
        if (fill || used) cell = cell.WithFillOf(first);
        if (font || used) cell = cell.WithFontOf(first);
        if (numberFormat || used) cell = cell.WithNumberFormatOf(first);
        return cell;
    }

    private bool MergeCopiesOnlyToUsedCells(int firstIndex) => !MergeCopies(firstIndex).Any;

    /// <summary>
    /// Which components Merge() gives every cell of the merge: those where the first cell differs from ClosedXML's
    /// default style (protection and quote prefix are the sheet's on every cell, but still make it visit them all).
    /// </summary>
    private (bool Alignment, bool Fill, bool Font, bool NumberFormat, bool Any) MergeCopies(int firstIndex)
    {
        if (_mergeCopies.TryGetValue(firstIndex, out var copies)) return copies;
        var first = _formats[firstIndex];
        var alignment = !_styles.Alignment(first).Equals(LibraryDefault.Alignment);
        var fill = !_styles.Fill(first).Equals(LibraryDefault.Fill);
        var font = !_styles.Font(first).Equals(LibraryDefault.Font);
        var numberFormat = !_styles.NumberFormat(first).Equals(LibraryDefault.NumberFormat);
        var any = alignment || fill || font || numberFormat || !_styles.SheetStyle.Protection.Equals(LibraryDefault.Protection)
                  || _styles.SheetStyle.IncludeQuotePrefix != LibraryDefault.IncludeQuotePrefix;
        return _mergeCopies[firstIndex] = (alignment, fill, font, numberFormat, any);
    }

    private int Intern(CellFormat format)
    {
        if (_formatIndex.TryGetValue(format, out var index)) return index;
        _formats.Add(format);
        _built.Add(null);
        return _formatIndex[format] = _formats.Count - 1;
    }

    private static (int R1, int C1, int R2, int C2) Bounds(CellBlock range) =>
        (range.FirstRow, range.FirstColumn, range.LastRow, range.LastColumn);

    private static Edges EdgesOf(int r, int c, int r1, int c1, int r2, int c2) =>
        (c == c1 ? Edges.Left : Edges.None) | (c == c2 ? Edges.Right : Edges.None)
        | (r == r1 ? Edges.Top : Edges.None) | (r == r2 ? Edges.Bottom : Edges.None);
}
