using System.Globalization;
using AddinWeb.Emargement;
using ClosedXML.Excel;

namespace AddinWeb.Excel;

/// <summary>
/// Writes a <see cref="SheetLayout"/> as a new worksheet of an existing workbook, the server twin of the task pane's
/// Office.js renderer. It only adds a sheet: the other sheets are not touched.
/// </summary>
public static class ClosedXmlSheetRenderer
{
    /// <summary>Adds the sheet (named "Émargement", or "Émargement (2)", "(3)"… when taken) and makes it the active tab.</summary>
    public static IXLWorksheet Render(XLWorkbook workbook, SheetLayout layout)
    {
        var sheet = workbook.Worksheets.Add(AvailableName(workbook, layout.Name));
        // Each cell's final format is folded in memory first, then given in one assignment: ClosedXML 0.95's range
        // setters walk every cell of a range once per property (and Merge() once per style component), which made
        // the formats cost more than the rest of the upload on a small report.
        var plan = new SheetStylePlan(sheet.Style, layout,
            layout.Formats.Select(f => CellBlock.Parse(f.Range, sheet)).ToList(),
            layout.Merges.Select(m => CellBlock.Parse(m, sheet)).ToList(),
            TextOf);
        WriteCells(sheet, layout, plan);
        foreach (var m in plan.Merges) MergeRange(sheet, layout.Merges[m]).Merge(checkIntersect: false); // the plan did the rest
        for (var c = 0; c < layout.ColumnWidths.Count; c++) sheet.Column(c + 1).Width = layout.ColumnWidths[c];
        foreach (var height in layout.RowHeights) sheet.Row(height.Row).Height = height.Points;
        if (layout.FrozenRows > 0) sheet.SheetView.FreezeRows(layout.FrozenRows);
        SetUpPrinting(sheet, layout.Print);

        foreach (var other in workbook.Worksheets) other.TabSelected = false;
        sheet.SetTabActive().SetTabSelected();
        return sheet;
    }

    /// <summary>By its numbers when the address is plain (no parsing); "$A$1" keeps its $ in the saved merge.</summary>
    private static IXLRange MergeRange(IXLWorksheet sheet, string address) =>
        !address.Contains('$') && CellBlock.TryParsePlain(address, out var block)
            ? sheet.Range(block.FirstRow, block.FirstColumn, block.LastRow, block.LastColumn)
            : sheet.Range(address);

    /// <summary>"Émargement", else "Émargement (2)"…: <see cref="SheetNaming.Free"/>, as the task pane gets it.</summary>
    public static string AvailableName(XLWorkbook workbook, string wanted) =>
        SheetNaming.Free(wanted, workbook.Worksheets.Select(s => s.Name));

    /// <summary>Values row by row, then each cell's folded style; the cells a merge empties are cleared as Merge() would.</summary>
    private static void WriteCells(IXLWorksheet sheet, SheetLayout layout, SheetStylePlan plan)
    {
        for (var r = 1; r <= plan.Rows; r++)
        {
            var values = r <= layout.Values.Count ? layout.Values[r - 1] : [];
            for (var c = 1; c <= plan.Columns; c++)
            {
                if (!plan.Touched(r, c)) continue;
                var cell = sheet.Cell(r, c);
                if (c <= values.Count) WriteValue(cell, values[c - 1]);
                cell.Style = plan.StyleAt(r, c);
            }
        }
        foreach (var (r, c) in plan.ClearedByMerges)
            sheet.Cell(r, c).Clear(XLClearOptions.AllContents | XLClearOptions.ConditionalFormats
                                   | XLClearOptions.DataValidation | XLClearOptions.Sparklines);
    }

    private static void WriteValue(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null: break;
            // SetValue<string> stores literal text: "=HYPERLINK(…)", "+33…", "@x" or "10/11/2020" is
            // never parsed into a formula, a number or a date (the Value setter would).
            case string text: cell.SetValue(text); cell.DataType = XLDataType.Text; break;
            case double number: cell.SetValue(number); break;
            case int number: cell.SetValue((double)number); break;
            case bool flag: cell.SetValue(flag); break;
            case var other: cell.SetValue(TextOf(other)!); break;
        }
    }

    /// <summary>The text stored for a value that is not a number or a flag (see <see cref="WriteValue"/>).</summary>
    private static string? TextOf(object? value) => value switch
    {
        null => null,
        string text => text,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
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
