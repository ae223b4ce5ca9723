using AddinWeb.Emargement;

namespace AddinWeb.Excel;

/// <summary>A side's line: one of the layout's weights, or <see cref="None"/> (a line explicitly removed).</summary>
internal enum EdgeLine { None, Thin, Medium, Thick }

/// <summary>One side of a cell's border, as overrides of the sheet's own style (null: the sheet's).</summary>
internal readonly record struct CellEdge(EdgeLine? Line, string? Color);

/// <summary>
/// What the layout's format runs (and merges) leave on one cell, as overrides of the new sheet's own style: null
/// keeps the sheet's value. Folding every run into one value per cell lets a renderer give each cell its style in
/// a single assignment (ClosedXML 0.95's per-property setters walk every cell of a range once per property), or
/// write one style per distinct format (the SpreadsheetML writer). The fold reproduces ClosedXML's range setters
/// exactly (later runs win, borders per side, see <see cref="Apply"/>). Library-neutral: alignments are the layout's
/// Office enums, lines its border weights (or none).
/// </summary>
internal readonly record struct CellFormat
{
    // Number format
    public string? NumberFormat { get; init; }

    // Font
    public bool? Bold { get; init; }
    public bool? Italic { get; init; }
    public double? FontSize { get; init; }
    public string? FontColor { get; init; }

    // Fill
    public string? Fill { get; init; }

    // Alignment
    public HorizontalAlignment? Horizontal { get; init; }
    public VerticalAlignment? Vertical { get; init; }
    public bool? WrapText { get; init; }

    // Border
    public CellEdge Left { get; init; }
    public CellEdge Right { get; init; }
    public CellEdge Top { get; init; }
    public CellEdge Bottom { get; init; }

    /// <summary>Where a cell sits in a range: which of its sides are on the range's outline.</summary>
    [Flags]
    public enum Edges { None = 0, Left = 1, Right = 2, Top = 4, Bottom = 8 }

    /// <summary>
    /// The cell after one run, as ClosedXML's range setters leave it: every set property on every cell; the inside
    /// border on the sides facing another cell of the range, the outline on the sides on its edge, then the bottom
    /// line on the last row.
    /// </summary>
    public CellFormat Apply(RangeFormat format, Edges edges)
    {
        var cell = this;
        if (format.NumberFormat is { } code) cell = cell with { NumberFormat = code };
        if (format.Bold is { } bold) cell = cell with { Bold = bold };
        if (format.Italic is { } italic) cell = cell with { Italic = italic };
        if (format.FontSize is { } size) cell = cell with { FontSize = size };
        if (format.FontColor is { } color) cell = cell with { FontColor = color };
        if (format.Fill is { } fill) cell = cell with { Fill = fill };
        if (format.HorizontalAlignment is { } horizontal) cell = cell with { Horizontal = horizontal };
        if (format.VerticalAlignment is { } vertical) cell = cell with { Vertical = vertical };
        if (format.WrapText is { } wrap) cell = cell with { WrapText = wrap };
        if (format.Borders is { } borders) cell = cell.WithBorders(borders, edges);
        return cell;
    }

    private CellFormat WithBorders(Borders borders, Edges edges)
    {
        var cell = this;
        if (LineOf(borders.Inside) is { } inside)
        {
            var side = new CellEdge(inside, borders.Color);
            if (!edges.HasFlag(Edges.Left)) cell = cell with { Left = side };
            if (!edges.HasFlag(Edges.Right)) cell = cell with { Right = side };
            if (!edges.HasFlag(Edges.Top)) cell = cell with { Top = side };
            if (!edges.HasFlag(Edges.Bottom)) cell = cell with { Bottom = side };
        }
        if (LineOf(borders.Outline) is { } outline)
        {
            var side = new CellEdge(outline, borders.Color);
            if (edges.HasFlag(Edges.Left)) cell = cell with { Left = side };
            if (edges.HasFlag(Edges.Right)) cell = cell with { Right = side };
            if (edges.HasFlag(Edges.Top)) cell = cell with { Top = side };
            if (edges.HasFlag(Edges.Bottom)) cell = cell with { Bottom = side };
        }
        if (LineOf(borders.Bottom) is { } bottom && edges.HasFlag(Edges.Bottom))
            cell = cell with { Bottom = new CellEdge(bottom, borders.Color) };
        return cell;
    }

    /// <summary>A merge takes the font of its first cell (ClosedXML's <c>Merge()</c>).</summary>
    public CellFormat WithFontOf(CellFormat first) =>
        this with { Bold = first.Bold, Italic = first.Italic, FontSize = first.FontSize, FontColor = first.FontColor };

    public CellFormat WithAlignmentOf(CellFormat first) =>
        this with { Horizontal = first.Horizontal, Vertical = first.Vertical, WrapText = first.WrapText };

    public CellFormat WithFillOf(CellFormat first) => this with { Fill = first.Fill };

    public CellFormat WithNumberFormatOf(CellFormat first) => this with { NumberFormat = first.NumberFormat };

    /// <summary>No line on the sides facing another cell of the range (colours kept), as <c>SetInsideBorder(None)</c>.</summary>
    public CellFormat WithoutInsideLines(Edges edges)
    {
        var cell = this;
        if (!edges.HasFlag(Edges.Left)) cell = cell with { Left = cell.Left with { Line = EdgeLine.None } };
        if (!edges.HasFlag(Edges.Right)) cell = cell with { Right = cell.Right with { Line = EdgeLine.None } };
        if (!edges.HasFlag(Edges.Top)) cell = cell with { Top = cell.Top with { Line = EdgeLine.None } };
        if (!edges.HasFlag(Edges.Bottom)) cell = cell with { Bottom = cell.Bottom with { Line = EdgeLine.None } };
        return cell;
    }

    /// <summary>The members of each style component, the unit ClosedXML compares and copies.</summary>
    public (bool?, bool?, double?, string?) FontPart => (Bold, Italic, FontSize, FontColor);
    public (HorizontalAlignment?, VerticalAlignment?, bool?) AlignmentPart => (Horizontal, Vertical, WrapText);
    public (CellEdge, CellEdge, CellEdge, CellEdge) BorderPart => (Left, Right, Top, Bottom);

    internal static EdgeLine? LineOf(BorderWeight? weight) => weight switch
    {
        BorderWeight.Thin => EdgeLine.Thin,
        BorderWeight.Medium => EdgeLine.Medium,
        BorderWeight.Thick => EdgeLine.Thick,
        _ => null,
    };
}
