using AddinWeb.Upload;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>
/// The sheet the upload writes directly (<c>WorksheetXmlWriter</c>, inserted into the package) shows what
/// ClosedXML's renderer showed for the same layout: every value with its type, and for every visible cell (not
/// hidden under a merge) its number format, font, fill, alignment and borders; the same merges, column widths, row
/// heights, frozen rows and print setup. Both are read back by ClosedXML, as Excel would open them.
/// </summary>
public sealed class WorksheetWriterTests
{
    public static TheoryData<string> Layouts => ["seed", "two days", "no participant", "odd names", "synthetic 400"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Writes_the_sheet_the_closedxml_renderer_wrote(string document)
    {
        var layout = SheetRendererEquivalenceTests.LayoutOf(document);
        using var rendered = SeedWorkbook.Create();
        AddinWeb.Excel.ClosedXmlSheetRenderer.Render(rendered, layout);
        using var renderedBytes = new MemoryStream();
        rendered.SaveAs(renderedBytes);
        using var expectedBook = new XLWorkbook(new MemoryStream(renderedBytes.ToArray()));
        using var actualBook = new XLWorkbook(new MemoryStream(SheetInsertion.Insert(SeedWorkbook.Bytes(), layout)));
        var (expected, actual) = (expectedBook.Worksheet("Émargement"), actualBook.Worksheet("Émargement"));

        var merged = expected.MergedRanges.SelectMany(m => m.Cells().Skip(1)).Select(c => c.Address.ToString()).ToHashSet();
        Assert.Equal(expected.MergedRanges.Select(m => m.RangeAddress.ToString()).Order(), actual.MergedRanges.Select(m => m.RangeAddress.ToString()).Order());
        foreach (var cell in expected.CellsUsed(XLCellsUsedOptions.All).Concat(actual.CellsUsed(XLCellsUsedOptions.All)).Select(c => c.Address.ToString()).Distinct())
        {
            var (e, a) = (expected.Cell(cell), actual.Cell(cell));
            Assert.True(WorkbookSnapshot.Raw(e) == WorkbookSnapshot.Raw(a) && e.DataType == a.DataType,
                $"{document} {cell}: {e.DataType} {WorkbookSnapshot.Raw(e)} written as {a.DataType} {WorkbookSnapshot.Raw(a)}");
            if (merged.Contains(cell)) continue;
            Assert.True(Look(e) == Look(a), $"{document} {cell}:\n{Look(e)}\n{Look(a)}");
        }
        for (var c = 1; c <= layout.ColumnWidths.Count; c++) Assert.Equal(expected.Column(c).Width, actual.Column(c).Width, 6);
        foreach (var height in layout.RowHeights) Assert.Equal(expected.Row(height.Row).Height, actual.Row(height.Row).Height, 6);
        Assert.Equal(expected.SheetView.SplitRow, actual.SheetView.SplitRow);
        var (pe, pa) = (expected.PageSetup, actual.PageSetup);
        Assert.Equal((pe.PageOrientation, pe.PaperSize, pe.PagesWide, pe.PagesTall, pe.CenterHorizontally),
            (pa.PageOrientation, pa.PaperSize, pa.PagesWide, pa.PagesTall, pa.CenterHorizontally));
        Assert.Equal((pe.Margins.Left, pe.Margins.Right, pe.Margins.Top, pe.Margins.Bottom),
            (pa.Margins.Left, pa.Margins.Right, pa.Margins.Top, pa.Margins.Bottom));
        Assert.Equal((pe.FirstRowToRepeatAtTop, pe.LastRowToRepeatAtTop), (pa.FirstRowToRepeatAtTop, pa.LastRowToRepeatAtTop));
        Assert.Equal(pe.PrintAreas.Select(r => r.RangeAddress.ToString()), pa.PrintAreas.Select(r => r.RangeAddress.ToString()));
        Assert.Equal(pe.Footer.Center.GetText(XLHFOccurrence.OddPages), pa.Footer.Center.GetText(XLHFOccurrence.OddPages));
        Assert.Equal(pe.Footer.Left.GetText(XLHFOccurrence.OddPages), pa.Footer.Left.GetText(XLHFOccurrence.OddPages));
        Assert.Equal(pe.Footer.Right.GetText(XLHFOccurrence.OddPages), pa.Footer.Right.GetText(XLHFOccurrence.OddPages));
    }

    /// <summary>A number format by its code: Excel's built-in formats are the same whether named by id or by code.</summary>
    private static string Code(IXLNumberFormat format) =>
        format.Format.Length > 0 ? format.Format : format.NumberFormatId switch
        {
            0 => "", 1 => "0", 2 => "0.00", 3 => "#,##0", 4 => "#,##0.00", 9 => "0%", 10 => "0.00%", 49 => "@",
            var id => $"#{id}",
        };

    /// <summary>What a cell looks like: number format, font, fill, alignment, each side's line and colour.</summary>
    private static string Look(IXLCell cell)
    {
        var s = cell.Style;
        string Side(XLBorderStyleValues line, XLColor color) => line == XLBorderStyleValues.None ? "none" : $"{line} {color}";
        return string.Join(" | ", Code(s.NumberFormat), s.Font.Bold, s.Font.Italic, s.Font.FontSize,
            s.Font.FontColor, s.Font.FontName, s.Fill.PatternType == XLFillPatternValues.None ? "" : s.Fill.BackgroundColor.ToString(),
            s.Alignment.Horizontal, s.Alignment.Vertical, s.Alignment.WrapText,
            Side(s.Border.LeftBorder, s.Border.LeftBorderColor), Side(s.Border.RightBorder, s.Border.RightBorderColor),
            Side(s.Border.TopBorder, s.Border.TopBorderColor), Side(s.Border.BottomBorder, s.Border.BottomBorderColor));
    }
}
