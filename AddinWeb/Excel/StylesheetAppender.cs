using System.Globalization;
using System.Xml.Linq;

namespace AddinWeb.Excel;

/// <summary>
/// Adds the cell styles a new sheet needs to a workbook's styles part, by appending only: fonts, fills, borders,
/// number formats and cell formats (cellXfs) go after the existing ones, which keep their positions, so every
/// style index of the other sheets still means what it meant. Only the <c>count</c> attributes of the lists that
/// grew are updated. Each new font starts from the workbook's default font (the one of cell format 0), so the
/// sheet is written in the workbook's own typeface, as ClosedXML did.
/// </summary>
internal sealed class StylesheetAppender
{
    private readonly XNamespace _ns;
    private readonly XElement _root;
    private readonly XElement _baseFont;
    private readonly Dictionary<(bool?, bool?, double?, string?), int> _fonts = [];
    private readonly Dictionary<string, int> _fills = [];
    private readonly Dictionary<(CellEdge, CellEdge, CellEdge, CellEdge), int> _borders = [];
    private readonly Dictionary<string, int> _numberFormats = new(StringComparer.Ordinal);
    private readonly Dictionary<CellFormat, int> _styles = [];
    private int _nextNumberFormatId;

    /// <summary>Formats Excel knows by number (ECMA-376 Part 1, 18.8.30), written without a numFmt entry.</summary>
    private static readonly Dictionary<string, int> BuiltInNumberFormats = new(StringComparer.Ordinal)
    {
        ["General"] = 0, ["0"] = 1, ["0.00"] = 2, ["#,##0"] = 3, ["#,##0.00"] = 4, ["0%"] = 9, ["0.00%"] = 10,
        ["@"] = 49,
    };

    /// <summary>Appends to <paramref name="styles"/> (a styles part), or to a new minimal one when it is null.</summary>
    public StylesheetAppender(XDocument? styles)
    {
        Document = styles ?? NewStylesheet();
        _root = Document.Root!;
        _ns = _root.Name.Namespace;
        // A part may lack a list (or be new): the entries Excel expects first are added, by appending too.
        if (!List("fonts").Elements(_ns + "font").Any()) Append("fonts", DefaultFont());
        // Excel reads fill 0 as "none" and fill 1 as "gray125" whatever they say: new fills must come after both.
        while (List("fills").Elements(_ns + "fill").Count() < 2)
            Append("fills", Fill(List("fills").Elements(_ns + "fill").Any() ? "gray125" : "none"));
        if (!List("borders").Elements(_ns + "border").Any()) Append("borders", new XElement(_ns + "border"));
        if (!List("cellStyleXfs").Elements(_ns + "xf").Any())
            Append("cellStyleXfs", new XElement(_ns + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0),
                new XAttribute("fillId", 0), new XAttribute("borderId", 0)));
        var cellXfs = List("cellXfs");
        if (!cellXfs.Elements(_ns + "xf").Any())
            Append("cellXfs", new XElement(_ns + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0),
                new XAttribute("fillId", 0), new XAttribute("borderId", 0), new XAttribute("xfId", 0)));
        var fonts = List("fonts");

        var defaultFontId = Index(cellXfs.Elements(_ns + "xf").First().Attribute("fontId"));
        var fontList = fonts.Elements(_ns + "font").ToList();
        _baseFont = fontList[defaultFontId < fontList.Count ? defaultFontId : 0];

        var numFmts = _root.Element(_ns + "numFmts");
        var ids = numFmts?.Elements(_ns + "numFmt").Select(f => Index(f.Attribute("numFmtId"))).ToList() ?? [];
        _nextNumberFormatId = Math.Max(164, ids.DefaultIfEmpty(0).Max() + 1);
        foreach (var numFmt in numFmts?.Elements(_ns + "numFmt") ?? [])
            if (numFmt.Attribute("formatCode")?.Value is { } code)
                _numberFormats.TryAdd(code, Index(numFmt.Attribute("numFmtId")));
    }

    public XDocument Document { get; }

    /// <summary>The cellXfs index of a format; 0 (the workbook's default cell format) for a format with no override.</summary>
    public int StyleOf(CellFormat format)
    {
        if (format == default) return 0;
        if (_styles.TryGetValue(format, out var index)) return index;
        var xf = new XElement(_ns + "xf",
            new XAttribute("numFmtId", NumberFormat(format.NumberFormat)),
            new XAttribute("fontId", Font(format)),
            new XAttribute("fillId", FillOf(format.Fill)),
            new XAttribute("borderId", Border(format)),
            new XAttribute("xfId", 0),
            new XAttribute("applyNumberFormat", 1), new XAttribute("applyFont", 1), new XAttribute("applyFill", 1),
            new XAttribute("applyBorder", 1), new XAttribute("applyAlignment", 1));
        if (format.AlignmentPart != default)
        {
            var alignment = new XElement(_ns + "alignment");
            if (format.Horizontal is { } horizontal) alignment.Add(new XAttribute("horizontal", horizontal.ToString().ToLowerInvariant()));
            if (format.Vertical is { } vertical) alignment.Add(new XAttribute("vertical", vertical.ToString().ToLowerInvariant()));
            if (format.WrapText is { } wrap) alignment.Add(new XAttribute("wrapText", wrap ? 1 : 0));
            xf.Add(alignment);
        }
        return _styles[format] = Append("cellXfs", xf);
    }

    private int NumberFormat(string? code)
    {
        if (code is null) return 0;
        if (BuiltInNumberFormats.TryGetValue(code, out var builtIn)) return builtIn;
        if (_numberFormats.TryGetValue(code, out var id)) return id;
        id = _nextNumberFormatId++;
        Append("numFmts", new XElement(_ns + "numFmt", new XAttribute("numFmtId", id), new XAttribute("formatCode", code)));
        return _numberFormats[code] = id;
    }

    private int Font(CellFormat format)
    {
        if (format.FontPart == default) return Index(List("cellXfs").Elements(_ns + "xf").First().Attribute("fontId"));
        if (_fonts.TryGetValue(format.FontPart, out var index)) return index;
        var font = new XElement(_baseFont);
        // CT_Font's children may come in any order: replace the ones the format sets.
        if (format.Bold is { } bold) Replace(font, "b", bold ? new XElement(_ns + "b") : null);
        if (format.Italic is { } italic) Replace(font, "i", italic ? new XElement(_ns + "i") : null);
        if (format.FontSize is { } size)
            Replace(font, "sz", new XElement(_ns + "sz", new XAttribute("val", size.ToString(CultureInfo.InvariantCulture))));
        if (format.FontColor is { } color) Replace(font, "color", new XElement(_ns + "color", new XAttribute("rgb", Argb(color))));
        return _fonts[format.FontPart] = Append("fonts", font);
    }

    private int FillOf(string? color)
    {
        if (color is null) return 0;
        if (_fills.TryGetValue(color, out var index)) return index;
        var fill = new XElement(_ns + "fill", new XElement(_ns + "patternFill", new XAttribute("patternType", "solid"),
            new XElement(_ns + "fgColor", new XAttribute("rgb", Argb(color))),
            new XElement(_ns + "bgColor", new XAttribute("indexed", 64))));
        return _fills[color] = Append("fills", fill);
    }

    private int Border(CellFormat format)
    {
        if (format.BorderPart == default) return 0;
        if (_borders.TryGetValue(format.BorderPart, out var index)) return index;
        XElement Side(string name, CellEdge edge)
        {
            var side = new XElement(_ns + name);
            if (edge.Line is { } line and not EdgeLine.None) side.Add(new XAttribute("style", line.ToString().ToLowerInvariant()));
            if (edge.Line is not (null or EdgeLine.None) && edge.Color is { } color) side.Add(new XElement(_ns + "color", new XAttribute("rgb", Argb(color))));
            return side;
        }
        var border = new XElement(_ns + "border", Side("left", format.Left), Side("right", format.Right),
            Side("top", format.Top), Side("bottom", format.Bottom), new XElement(_ns + "diagonal"));
        return _borders[format.BorderPart] = Append("borders", border);
    }

    /// <summary>Appends to a list, updates its count, and gives the new element's index.</summary>
    private int Append(string list, XElement item)
    {
        var container = List(list);
        var index = container.Elements(item.Name).Count();
        container.Add(item);
        container.SetAttributeValue("count", index + 1);
        return index;
    }

    /// <summary>The stylesheet's list element, added where the schema wants it when the part has none.</summary>
    private XElement List(string name)
    {
        if (_root.Element(_ns + name) is { } existing) return existing;
        var created = new XElement(_ns + name, new XAttribute("count", 0));
        var position = Array.IndexOf(Order, name);
        var after = _root.Elements().LastOrDefault(e => Array.IndexOf(Order, e.Name.LocalName) is var p and >= 0 && p < position);
        if (after is null) _root.AddFirst(created);
        else after.AddAfterSelf(created);
        return created;
    }

    /// <summary>The children of a stylesheet, in the order CT_Stylesheet requires.</summary>
    private static readonly string[] Order =
        ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

    /// <summary>
    /// A font's children in the order Excel writes them. ECMA-376 makes CT_Font a choice (any order), but Excel,
    /// the Open XML SDK's validator and other readers expect this one: a new child goes before the first that
    /// comes after it.
    /// </summary>
    private static readonly string[] FontOrder =
        ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];

    private void Replace(XElement font, string child, XElement? with)
    {
        var existing = font.Element(_ns + child);
        if (existing is not null)
        {
            if (with is null) existing.Remove();
            else existing.ReplaceWith(with);
            return;
        }
        if (with is null) return;
        var rank = Array.IndexOf(FontOrder, child);
        var next = font.Elements().FirstOrDefault(e => Array.IndexOf(FontOrder, e.Name.LocalName) > rank);
        if (next is not null) next.AddBeforeSelf(with);
        else font.Add(with);
    }

    private static int Index(XAttribute? attribute) =>
        int.TryParse(attribute?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : 0;

    /// <summary>"#0F6CBD" → "FF0F6CBD".</summary>
    private static string Argb(string color) => "FF" + color.TrimStart('#').ToUpperInvariant();

    private XElement Fill(string pattern) =>
        new(_ns + "fill", new XElement(_ns + "patternFill", new XAttribute("patternType", pattern)));

    private XElement DefaultFont() => new(_ns + "font",
        new XElement(_ns + "sz", new XAttribute("val", 11)), new XElement(_ns + "name", new XAttribute("val", "Calibri")),
        new XElement(_ns + "family", new XAttribute("val", 2)));

    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static XDocument NewStylesheet() =>
        new(new XDeclaration("1.0", "UTF-8", "yes"), new XElement(XNamespace.Get(MainNamespace) + "styleSheet"));
}
