using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using AddinWeb.Emargement;

namespace AddinWeb.Excel;

/// <summary>
/// Writes a <see cref="SheetLayout"/> as a SpreadsheetML worksheet part, directly (no ClosedXML): values, one style
/// per distinct cell format (<see cref="StylesheetAppender"/>), merges, column widths, row heights, frozen rows and
/// the print setup. Text is written as inline strings, so the workbook's shared strings are left alone, and always
/// as literal text: "=HYPERLINK(…)", "+33…" or "10/11/2020" is never a formula, a number or a date.
/// </summary>
internal static partial class WorksheetXmlWriter
{
    /// <summary>What Excel adds to a width typed in its "Column width" box (character units) when it stores it.</summary>
    private const double ColumnWidthPadding = 0.710625;

    /// <summary>Excel refuses a header or footer longer than this (all sections and codes together).</summary>
    private const int MaxFooterLength = 255;

    public static byte[] Write(SheetLayout layout, StylesheetAppender styles, string mainNamespace, string relationshipsNamespace)
    {
        var fold = new SheetFormatFold(layout, TextOf);
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.None }))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("worksheet", mainNamespace);
            xml.WriteAttributeString("xmlns", "r", null, relationshipsNamespace);

            var print = layout.Print;
            if (print.FitToPagesWide > 0 || print.FitToPagesTall > 0)
            {
                xml.WriteStartElement("sheetPr");
                xml.WriteStartElement("pageSetUpPr");
                xml.WriteAttributeString("fitToPage", "1");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            if (fold.Rows > 0 && fold.Columns > 0)
            {
                xml.WriteStartElement("dimension");
                xml.WriteAttributeString("ref", $"A1:{Reference(fold.Rows, fold.Columns)}");
                xml.WriteEndElement();
            }
            WriteView(xml, layout.FrozenRows);
            xml.WriteStartElement("sheetFormatPr");
            xml.WriteAttributeString("defaultRowHeight", "15");
            xml.WriteEndElement();
            WriteColumns(xml, layout.ColumnWidths);
            WriteCells(xml, layout, fold, styles);
            WriteMerges(xml, fold.Merges);
            WritePrintSetup(xml, print);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return output.ToArray();
    }

    /// <summary>The text written for a value that is not a number or a flag.</summary>
    internal static string? TextOf(object? value) => value switch
    {
        null => null,
        string text => text,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };

    private static void WriteView(XmlWriter xml, int frozenRows)
    {
        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        xml.WriteAttributeString("workbookViewId", "0");
        if (frozenRows > 0)
        {
            var topLeft = $"A{frozenRows + 1}";
            xml.WriteStartElement("pane");
            xml.WriteAttributeString("ySplit", Number(frozenRows));
            xml.WriteAttributeString("topLeftCell", topLeft);
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteStartElement("selection");
            xml.WriteAttributeString("pane", "bottomLeft");
            xml.WriteAttributeString("activeCell", topLeft);
            xml.WriteAttributeString("sqref", topLeft);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteColumns(XmlWriter xml, IReadOnlyList<double> widths)
    {
        if (widths.Count == 0) return;
        xml.WriteStartElement("cols");
        for (var c = 0; c < widths.Count; c++)
        {
            xml.WriteStartElement("col");
            xml.WriteAttributeString("min", Number(c + 1));
            xml.WriteAttributeString("max", Number(c + 1));
            xml.WriteAttributeString("width", Number(Math.Round(Math.Clamp(widths[c] + ColumnWidthPadding, 0, 255), 6)));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteCells(XmlWriter xml, SheetLayout layout, SheetFormatFold fold, StylesheetAppender styles)
    {
        var heights = layout.RowHeights.GroupBy(h => h.Row).ToDictionary(g => g.Key, g => g.Last().Points);
        var lastRow = Math.Max(fold.Rows, heights.Keys.DefaultIfEmpty(0).Max());
        xml.WriteStartElement("sheetData");
        for (var r = 1; r <= lastRow; r++)
        {
            var values = r <= layout.Values.Count ? layout.Values[r - 1] : [];
            var hasHeight = heights.TryGetValue(r, out var height);
            var started = false;
            for (var c = 1; c <= fold.Columns; c++)
            {
                var value = c <= values.Count && !fold.IsHiddenByMerge(r, c) ? values[c - 1] : null;
                if (value is string { Length: 0 }) value = null;
                var style = styles.StyleOf(fold[r, c]);
                if (value is null && style == 0) continue;
                if (!started)
                {
                    StartRow(xml, r, hasHeight ? height : null);
                    started = true;
                }
                WriteCell(xml, Reference(r, c), value, style);
            }
            if (!started && hasHeight) StartRow(xml, r, height);
            if (started || hasHeight) xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void StartRow(XmlWriter xml, int row, double? height)
    {
        xml.WriteStartElement("row");
        xml.WriteAttributeString("r", Number(row));
        if (height is { } points)
        {
            xml.WriteAttributeString("ht", Number(points));
            xml.WriteAttributeString("customHeight", "1");
        }
    }

    private static void WriteCell(XmlWriter xml, string reference, object? value, int style)
    {
        xml.WriteStartElement("c");
        xml.WriteAttributeString("r", reference);
        if (style != 0) xml.WriteAttributeString("s", Number(style));
        switch (value)
        {
            case null:
                break;
            case double number when double.IsFinite(number):
                xml.WriteElementString("v", Number(number));
                break;
            case int number:
                xml.WriteElementString("v", Number(number));
                break;
            case bool flag:
                xml.WriteAttributeString("t", "b");
                xml.WriteElementString("v", flag ? "1" : "0");
                break;
            default:
                var text = TextOf(value) ?? "";
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is");
                xml.WriteStartElement("t");
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(Escape(text));
                xml.WriteEndElement();
                xml.WriteEndElement();
                break;
        }
        xml.WriteEndElement();
    }

    private static void WriteMerges(XmlWriter xml, IReadOnlyList<CellBlock> merges)
    {
        if (merges.Count == 0) return;
        xml.WriteStartElement("mergeCells");
        xml.WriteAttributeString("count", Number(merges.Count));
        foreach (var merge in merges)
        {
            xml.WriteStartElement("mergeCell");
            xml.WriteAttributeString("ref", $"{Reference(merge.FirstRow, merge.FirstColumn)}:{Reference(merge.LastRow, merge.LastColumn)}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WritePrintSetup(XmlWriter xml, PrintSetup print)
    {
        if (print.CenterHorizontally)
        {
            xml.WriteStartElement("printOptions");
            xml.WriteAttributeString("horizontalCentered", "1");
            xml.WriteEndElement();
        }
        xml.WriteStartElement("pageMargins");
        xml.WriteAttributeString("left", Number(print.MarginLeft));
        xml.WriteAttributeString("right", Number(print.MarginRight));
        xml.WriteAttributeString("top", Number(print.MarginTop));
        xml.WriteAttributeString("bottom", Number(print.MarginBottom));
        // Header and footer inside the top and bottom margins, so the footer never prints over the table.
        xml.WriteAttributeString("header", Number(Math.Min(0.3, print.MarginTop / 2)));
        xml.WriteAttributeString("footer", Number(Math.Min(0.3, print.MarginBottom / 2)));
        xml.WriteEndElement();

        xml.WriteStartElement("pageSetup");
        if (print.PaperSize == PaperType.A4) xml.WriteAttributeString("paperSize", "9");
        xml.WriteAttributeString("orientation", print.Orientation == PageOrientation.Portrait ? "portrait" : "landscape");
        xml.WriteAttributeString("fitToWidth", Number(print.FitToPagesWide));
        xml.WriteAttributeString("fitToHeight", Number(print.FitToPagesTall));
        xml.WriteEndElement();

        if (Footer(print) is { Length: > 0 } footer)
        {
            xml.WriteStartElement("headerFooter");
            xml.WriteElementString("oddFooter", Escape(footer));
            xml.WriteEndElement();
        }
    }

    /// <summary>"&amp;L…&amp;C…&amp;R…", the left part shortened when the whole would pass Excel's 255 characters.</summary>
    internal static string Footer(PrintSetup print)
    {
        var center = print.CenterFooter is { } c ? "&C" + c : "";
        var right = print.RightFooter is { } r ? "&R" + r : "";
        var left = print.LeftFooter is { } l ? "&L" + l : "";
        var room = MaxFooterLength - center.Length - right.Length;
        if (left.Length > room) left = room > 3 ? left[..room].TrimEnd('&') : "";
        return left + center + right;
    }

    /// <summary>"$8:$8" or "8:9" → "'Émargement'!$8:$9", the form Excel and LibreOffice both read.</summary>
    public static string? PrintTitles(string sheetName, string? titleRows)
    {
        if (titleRows is null) return null;
        var parts = titleRows.Replace("$", "").Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var first)
               && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var last) && first >= 1 && last >= first
            ? $"{QuotedSheet(sheetName)}!${first}:${last}"
            : null;
    }

    /// <summary>"A1:N43" → "'Émargement'!$A$1:$N$43".</summary>
    public static string? PrintArea(string sheetName, string? area) =>
        area is not null && CellBlock.TryParsePlain(area, out var block)
            ? $"{QuotedSheet(sheetName)}!{Absolute(block.FirstRow, block.FirstColumn)}:{Absolute(block.LastRow, block.LastColumn)}"
            : null;

    private static string QuotedSheet(string name) => $"'{name.Replace("'", "''")}'";

    private static string Absolute(int row, int column) =>
        $"${Reports.Grid.SheetGrid.ColumnLetters(column)}${row}";

    private static string Reference(int row, int column) =>
        Reports.Grid.SheetGrid.ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text as SpreadsheetML stores it: a character XML cannot hold becomes Excel's escape <c>_xHHHH_</c>, and text
    /// that already looks like an escape has its underscore escaped (<c>_x005F_</c>), so that it reads back as
    /// typed. The inverse of what the reader decodes.
    /// </summary>
    internal static string Escape(string text)
    {
        var needsWork = false;
        foreach (var c in text)
            if (c == '_' || !IsXmlChar(c)) { needsWork = true; break; }
        if (!needsWork) return text;
        text = LooksEscaped().Replace(text, "_x005F_$1");
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (IsXmlChar(c) && !char.IsSurrogate(c)) builder.Append(c);
            else builder.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
        }
        return builder.ToString();
    }

    // A carriage return is escaped too (_x000D_, as Excel writes it): XML readers turn a raw one into a line feed.
    private static bool IsXmlChar(char c) => c is '\t' or '\n' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');

    [GeneratedRegex("_(x[0-9A-Fa-f]{4}_)")]
    private static partial Regex LooksEscaped();
}
