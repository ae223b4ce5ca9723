using AddinWeb.Emargement;
using AddinWeb.Excel;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>
/// The renderer as it was before formats were folded per cell (commit cec97c4): one ClosedXML range setter per
/// property and per run, then <c>Merge()</c>. Kept only as the oracle of <see cref="SheetRendererEquivalenceTests"/>:
/// the fast renderer must leave exactly the same sheet. A new <see cref="RangeFormat"/> member needs its setter here too.
/// </summary>
public static class ReferenceSheetRenderer
{
    /// <summary>Adds the sheet (named "Émargement", or "Émargement (2)", "(3)"… when taken) and makes it the active tab.</summary>
    public static IXLWorksheet Render(XLWorkbook workbook, SheetLayout layout)
    {
        var sheet = workbook.Worksheets.Add(ClosedXmlSheetRenderer.AvailableName(workbook, layout.Name));
        WriteValues(sheet, layout);
        foreach (var format in layout.Formats) Apply(sheet.Range(format.Range), format);
        foreach (var merge in layout.Merges) sheet.Range(merge).Merge();
        for (var c = 0; c < layout.ColumnWidths.Count; c++) sheet.Column(c + 1).Width = layout.ColumnWidths[c];
        foreach (var height in layout.RowHeights) sheet.Row(height.Row).Height = height.Points;
        if (layout.FrozenRows > 0) sheet.SheetView.FreezeRows(layout.FrozenRows);
        SetUpPrinting(sheet, layout.Print);

        foreach (var other in workbook.Worksheets) other.TabSelected = false;
        sheet.SetTabActive().SetTabSelected();
        return sheet;
    }

    private static void WriteValues(IXLWorksheet sheet, SheetLayout layout)
    {
        for (var r = 0; r < layout.Values.Count; r++)
        {
            var row = layout.Values[r];
            for (var c = 0; c < row.Count; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                switch (row[c])
                {
                    case null: break;
                    // SetValue<string> stores literal text: "=HYPERLINK(…)", "+33…", "@x" or "10/11/2020" is
                    // never parsed into a formula, a number or a date (the Value setter would).
                    case string text: cell.SetValue(text); cell.DataType = XLDataType.Text; break;
                    case double number: cell.SetValue(number); break;
                    case int number: cell.SetValue((double)number); break;
                    case bool flag: cell.SetValue(flag); break;
                    case var other: cell.SetValue(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""); break;
                }
            }
        }
    }

    private static void Apply(IXLRange range, RangeFormat format)
    {
        var style = range.Style;
        if (format.NumberFormat is { } code) style.NumberFormat.Format = code;
        if (format.Bold is { } bold) style.Font.Bold = bold;
        if (format.Italic is { } italic) style.Font.Italic = italic;
        if (format.FontSize is { } size) style.Font.FontSize = size;
        if (format.FontColor is { } color) style.Font.FontColor = XLColor.FromHtml(color);
        if (format.Fill is { } fill) style.Fill.BackgroundColor = XLColor.FromHtml(fill);
        if (format.HorizontalAlignment is { } horizontal) style.Alignment.Horizontal = horizontal switch
        {
            HorizontalAlignment.Center => XLAlignmentHorizontalValues.Center,
            HorizontalAlignment.Right => XLAlignmentHorizontalValues.Right,
            _ => XLAlignmentHorizontalValues.Left,
        };
        if (format.VerticalAlignment is { } vertical) style.Alignment.Vertical = vertical switch
        {
            VerticalAlignment.Top => XLAlignmentVerticalValues.Top,
            VerticalAlignment.Bottom => XLAlignmentVerticalValues.Bottom,
            _ => XLAlignmentVerticalValues.Center,
        };
        if (format.WrapText is { } wrap) style.Alignment.WrapText = wrap;
        if (format.Borders is { } borders) ApplyBorders(range, borders);
    }

    private static void ApplyBorders(IXLRange range, Borders borders)
    {
        var color = XLColor.FromHtml(borders.Color);
        if (Line(borders.Inside) is { } inside)
        {
            range.Style.Border.InsideBorder = inside;
            range.Style.Border.InsideBorderColor = color;
        }
        if (Line(borders.Outline) is { } outline)
        {
            range.Style.Border.OutsideBorder = outline;
            range.Style.Border.OutsideBorderColor = color;
        }
        if (Line(borders.Bottom) is { } bottom)
        {
            var lastRow = range.LastRow().Style.Border;
            lastRow.BottomBorder = bottom;
            lastRow.BottomBorderColor = color;
        }
    }

    private static XLBorderStyleValues? Line(BorderWeight? weight) => weight switch
    {
        BorderWeight.Thin => XLBorderStyleValues.Thin,
        BorderWeight.Medium => XLBorderStyleValues.Medium,
        BorderWeight.Thick => XLBorderStyleValues.Thick,
        _ => null,
    };

    private static void SetUpPrinting(IXLWorksheet sheet, PrintSetup print)
    {
        var page = sheet.PageSetup;
        page.PageOrientation = print.Orientation == PageOrientation.Portrait ? XLPageOrientation.Portrait : XLPageOrientation.Landscape;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(print.FitToPagesWide, print.FitToPagesTall);
        if (print.TitleRows is { } titleRows && RowSpan(titleRows) is var (first, last))
            page.SetRowsToRepeatAtTop(first, last);
        if (print.PrintArea is { } area) page.PrintAreas.Add(area);
        page.Margins.Left = print.MarginLeft;
        page.Margins.Right = print.MarginRight;
        page.Margins.Top = print.MarginTop;
        page.Margins.Bottom = print.MarginBottom;
        page.CenterHorizontally = print.CenterHorizontally;
        if (print.LeftFooter is { } left) page.Footer.Left.AddText(left);
        if (print.CenterFooter is { } center) page.Footer.Center.AddText(center);
        if (print.RightFooter is { } right) page.Footer.Right.AddText(right);
    }

    /// <summary>"$8:$8" or "8:9" → (8, 9).</summary>
    private static (int First, int Last)? RowSpan(string rows)
    {
        var parts = rows.Replace("$", "").Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], out var first) && int.TryParse(parts[1], out var last)
            ? (first, last)
            : null;
    }
}
