using AddinWeb.Emargement;
using Edges = AddinWeb.Excel.CellFormat.Edges;

namespace AddinWeb.Excel;

/// <summary>
/// The final format of every cell of a <see cref="SheetLayout"/>, library-neutral: the runs folded in order
/// (<see cref="CellFormat.Apply"/>), text holding a line break wrapped, and each merge shown as Excel and LibreOffice
/// show one: every cell takes the first cell's font, fill, alignment and number format, without lines inside. What
/// the SpreadsheetML writer turns into styles.
/// </summary>
internal sealed class SheetFormatFold
{
    private readonly CellFormat[] _cells;
    private readonly bool[] _hidden;

    public int Rows { get; }
    public int Columns { get; }

    /// <summary>The merges kept, in the layout's order (a later merge drops an earlier one it overlaps, as in Excel).</summary>
    public IReadOnlyList<CellBlock> Merges { get; }

    public SheetFormatFold(SheetLayout layout, Func<object?, string?> texts)
    {
        var formats = layout.Formats.Select(f => Parse(f.Range)).ToList();
        var merges = new List<CellBlock>();
        foreach (var block in layout.Merges.Select(Parse).Where(m => !m.IsSingleCell))
        {
            merges.RemoveAll(m => m.Intersects(block));
            merges.Add(block);
        }
        Merges = merges;
        Rows = new[] { layout.Values.Count }.Concat(formats.Concat(merges).Select(b => b.LastRow)).Max();
        Columns = layout.Values.Select(r => r.Count).Concat(formats.Concat(merges).Select(b => b.LastColumn)).DefaultIfEmpty(0).Max();
        _cells = new CellFormat[Rows * Columns];
        _hidden = new bool[Rows * Columns];

        var wrapped = new CellFormat { WrapText = true };
        for (var r = 0; r < layout.Values.Count; r++)
            for (var c = 0; c < layout.Values[r].Count; c++)
                if (layout.Values[r][c] is not (null or double or int or bool) && texts(layout.Values[r][c]) is { } text
                    && text.Contains('\n'))
                    _cells[r * Columns + c] = wrapped;

        for (var f = 0; f < formats.Count; f++)
        {
            var (r1, c1, r2, c2) = formats[f];
            for (var r = r1; r <= r2; r++)
                for (var c = c1; c <= c2; c++)
                    _cells[At(r, c)] = _cells[At(r, c)].Apply(layout.Formats[f], EdgesOf(r, c, formats[f]));
        }

        foreach (var merge in merges)
        {
            var first = _cells[At(merge.FirstRow, merge.FirstColumn)];
            for (var r = merge.FirstRow; r <= merge.LastRow; r++)
                for (var c = merge.FirstColumn; c <= merge.LastColumn; c++)
                {
                    var cell = _cells[At(r, c)].WithAlignmentOf(first).WithFillOf(first).WithFontOf(first).WithNumberFormatOf(first);
                    _cells[At(r, c)] = WithoutLinesInside(cell, EdgesOf(r, c, merge));
                    _hidden[At(r, c)] = (r, c) != (merge.FirstRow, merge.FirstColumn);
                }
        }
    }

    /// <summary>The cell's format (1-based row and column).</summary>
    public CellFormat this[int row, int column] =>
        row <= Rows && column <= Columns ? _cells[At(row, column)] : default;

    /// <summary>Whether a merge covers the cell without starting on it: its value is not shown, so not written.</summary>
    public bool IsHiddenByMerge(int row, int column) => row <= Rows && column <= Columns && _hidden[At(row, column)];

    private int At(int row, int column) => (row - 1) * Columns + column - 1;

    private static CellBlock Parse(string address) =>
        CellBlock.TryParsePlain(address, out var block)
            ? block
            : throw new ArgumentException($"The layout's range \"{address}\" is not a plain A1 range.", nameof(address));

    private static Edges EdgesOf(int r, int c, CellBlock block) =>
        (c == block.FirstColumn ? Edges.Left : Edges.None) | (c == block.LastColumn ? Edges.Right : Edges.None)
        | (r == block.FirstRow ? Edges.Top : Edges.None) | (r == block.LastRow ? Edges.Bottom : Edges.None);

    /// <summary>No line on the sides facing another cell of the merge (sides without a line stay unset).</summary>
    private static CellFormat WithoutLinesInside(CellFormat cell, Edges edges)
    {
        static CellEdge Cleared(CellEdge edge) => edge.Line is null or EdgeLine.None ? edge : edge with { Line = EdgeLine.None };
        if (!edges.HasFlag(Edges.Left)) cell = cell with { Left = Cleared(cell.Left) };
        if (!edges.HasFlag(Edges.Right)) cell = cell with { Right = Cleared(cell.Right) };
        if (!edges.HasFlag(Edges.Top)) cell = cell with { Top = Cleared(cell.Top) };
        if (!edges.HasFlag(Edges.Bottom)) cell = cell with { Bottom = Cleared(cell.Bottom) };
        return cell;
    }
}
