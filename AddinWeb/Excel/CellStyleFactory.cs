using ClosedXML.Excel;
using AddinWeb.Emargement;

namespace AddinWeb.Excel;

/// <summary>
/// Turns <see cref="CellFormat"/>s into ClosedXML styles. Every ClosedXML style change re-interns the whole style
/// (hashing its font name with culture rules), so each component (font, fill, borders, alignment, number format) is
/// built once per distinct value from the sheet's own style, through the same setters the range formats use, and a
/// cell's style is assembled from those components, copying only the ones that differ.
/// </summary>
internal sealed class CellStyleFactory(IXLStyle sheetStyle)
{
    private readonly Dictionary<(bool?, bool?, double?, string?), IXLFont> _fonts = [];
    private readonly Dictionary<(HorizontalAlignment?, VerticalAlignment?, bool?), IXLAlignment> _alignments = [];
    private readonly Dictionary<(CellEdge, CellEdge, CellEdge, CellEdge), IXLBorder> _borders = [];
    private readonly Dictionary<string, IXLFill> _fills = [];
    private readonly Dictionary<string, IXLNumberFormat> _numberFormats = [];

    public IXLStyle SheetStyle { get; } = sheetStyle;

    /// <summary>A detached style (no cell, row or sheet behind it): assigning it to a cell only swaps the cell's style.</summary>
    public IXLStyle Build(CellFormat format)
    {
        var style = XLWorkbook.DefaultStyle;
        if (Font(format) is var font && !style.Font.Equals(font)) style.Font = font;
        if (Fill(format) is var fill && !style.Fill.Equals(fill)) style.Fill = fill;
        if (Border(format) is var border && !style.Border.Equals(border)) style.Border = border;
        if (Alignment(format) is var alignment && !style.Alignment.Equals(alignment)) style.Alignment = alignment;
        if (NumberFormat(format) is var numberFormat && !style.NumberFormat.Equals(numberFormat)) style.NumberFormat = numberFormat;
        if (!style.Protection.Equals(SheetStyle.Protection)) style.Protection = SheetStyle.Protection;
        if (style.IncludeQuotePrefix != SheetStyle.IncludeQuotePrefix) style.IncludeQuotePrefix = SheetStyle.IncludeQuotePrefix;
        return style;
    }

    /// <summary>Whether the cell would have the sheet's own style (ClosedXML then counts it as unused).</summary>
    public bool IsSheetStyle(CellFormat format) =>
        format == default
        || (Font(format).Equals(SheetStyle.Font) && Fill(format).Equals(SheetStyle.Fill) && Border(format).Equals(SheetStyle.Border)
            && Alignment(format).Equals(SheetStyle.Alignment) && NumberFormat(format).Equals(SheetStyle.NumberFormat));

    public IXLFont Font(CellFormat format)
    {
        if (_fonts.TryGetValue(format.FontPart, out var font)) return font;
        var style = FromSheet();
        style.Font = SheetStyle.Font;
        if (format.Bold is { } bold) style.Font.Bold = bold;
        if (format.Italic is { } italic) style.Font.Italic = italic;
        if (format.FontSize is { } size) style.Font.FontSize = size;
        if (format.FontColor is { } color) style.Font.FontColor = XLColor.FromHtml(color);
        return _fonts[format.FontPart] = style.Font;
    }

    public IXLFill Fill(CellFormat format)
    {
        if (format.Fill is not { } color) return SheetStyle.Fill;
        if (_fills.TryGetValue(color, out var fill)) return fill;
        var style = FromSheet();
        style.Fill = SheetStyle.Fill;
        style.Fill.BackgroundColor = XLColor.FromHtml(color); // pattern decided from the sheet's fill, as on a range
        return _fills[color] = style.Fill;
    }

    public IXLBorder Border(CellFormat format)
    {
        if (format.BorderPart == default) return SheetStyle.Border;
        if (_borders.TryGetValue(format.BorderPart, out var border)) return border;
        var style = FromSheet();
        style.Border = SheetStyle.Border;
        var sides = style.Border;
        if (format.Left.Line is { } leftLine) sides.LeftBorder = LineOf(leftLine);
        if (format.Left.Color is { } leftColor) sides.LeftBorderColor = XLColor.FromHtml(leftColor);
        if (format.Right.Line is { } rightLine) sides.RightBorder = LineOf(rightLine);
        if (format.Right.Color is { } rightColor) sides.RightBorderColor = XLColor.FromHtml(rightColor);
        if (format.Top.Line is { } topLine) sides.TopBorder = LineOf(topLine);
        if (format.Top.Color is { } topColor) sides.TopBorderColor = XLColor.FromHtml(topColor);
        if (format.Bottom.Line is { } bottomLine) sides.BottomBorder = LineOf(bottomLine);
        if (format.Bottom.Color is { } bottomColor) sides.BottomBorderColor = XLColor.FromHtml(bottomColor);
        return _borders[format.BorderPart] = style.Border;
    }

    public IXLAlignment Alignment(CellFormat format)
    {
        if (format.AlignmentPart == default) return SheetStyle.Alignment;
        if (_alignments.TryGetValue(format.AlignmentPart, out var alignment)) return alignment;
        var style = FromSheet();
        style.Alignment = SheetStyle.Alignment;
        if (format.Horizontal is { } horizontal) style.Alignment.Horizontal = HorizontalOf(horizontal);
        if (format.Vertical is { } vertical) style.Alignment.Vertical = VerticalOf(vertical);
        if (format.WrapText is { } wrap) style.Alignment.WrapText = wrap;
        return _alignments[format.AlignmentPart] = style.Alignment;
    }

    public IXLNumberFormat NumberFormat(CellFormat format)
    {
        if (format.NumberFormat is not { } code) return SheetStyle.NumberFormat;
        if (_numberFormats.TryGetValue(code, out var numberFormat)) return numberFormat;
        var style = FromSheet();
        style.NumberFormat = SheetStyle.NumberFormat;
        style.NumberFormat.Format = code;
        return _numberFormats[code] = style.NumberFormat;
    }

    private static XLBorderStyleValues LineOf(EdgeLine line) => line switch
    {
        EdgeLine.Thin => XLBorderStyleValues.Thin,
        EdgeLine.Medium => XLBorderStyleValues.Medium,
        EdgeLine.Thick => XLBorderStyleValues.Thick,
        _ => XLBorderStyleValues.None,
    };

    private static XLAlignmentHorizontalValues HorizontalOf(HorizontalAlignment value) => value switch
    {
        HorizontalAlignment.Center => XLAlignmentHorizontalValues.Center,
        HorizontalAlignment.Right => XLAlignmentHorizontalValues.Right,
        _ => XLAlignmentHorizontalValues.Left,
    };

    private static XLAlignmentVerticalValues VerticalOf(VerticalAlignment value) => value switch
    {
        VerticalAlignment.Top => XLAlignmentVerticalValues.Top,
        VerticalAlignment.Bottom => XLAlignmentVerticalValues.Bottom,
        _ => XLAlignmentVerticalValues.Center,
    };

    /// <summary>A detached scratch style; each builder copies the sheet's component it changes first.</summary>
    private static IXLStyle FromSheet() => XLWorkbook.DefaultStyle;
}
