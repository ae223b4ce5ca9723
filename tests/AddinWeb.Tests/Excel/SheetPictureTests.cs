using AddinWeb.Excel;
using AddinWeb.Tests.Emargement;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>
/// The workbook behind README's picture: the seed's Émargement sheet alone, so the first printed page is the sheet.
/// <c>docs/images/render-emargement.sh</c> sets EMARGEMENT_PICTURE_XLSX and turns the file into a PNG.
/// </summary>
public sealed class SheetPictureTests
{
    [Fact]
    public void Seed_sheet_alone_prints_on_a4_landscape()
    {
        using var workbook = new XLWorkbook();
        var sheet = ClosedXmlSheetRenderer.Render(workbook, SeedSheetTests.Analyse().Sheet!);
        Assert.Equal("Émargement", sheet.Name);
        Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
        Assert.Equal(1, sheet.PageSetup.PagesWide);

        if (Environment.GetEnvironmentVariable("EMARGEMENT_PICTURE_XLSX") is { Length: > 0 } path)
            workbook.SaveAs(path);
    }
}
