using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>
/// The seed report as an .xlsx, the way Ma cl@sse virtuelle delivers it: date cells, numeric figures with two
/// decimals, bold headers. It is also the example report offered on the web page
/// (<c>wwwroot/examples/rapport-exemple-via.xlsx</c>).
/// </summary>
public static class SeedWorkbook
{
    public const string DateFormat = "dd/mm/yyyy hh:mm:ss";
    public const string FigureFormat = "0.00";

    public static XLWorkbook Create(WorkbookGrid? grid = null)
    {
        var workbook = new XLWorkbook();
        foreach (var sheet in (grid ?? SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell)).Sheets)
            Write(workbook.Worksheets.Add(sheet.Name), sheet);
        return workbook;
    }

    public static byte[] Bytes(WorkbookGrid? grid = null)
    {
        using var workbook = Create(grid);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static void Write(IXLWorksheet worksheet, SheetGrid sheet)
    {
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            for (var c = 0; c < sheet.Rows[r].Count; c++)
            {
                var cell = worksheet.Cell(sheet.FirstRow + r, sheet.FirstColumn + c);
                var value = sheet.Rows[r][c];
                switch (value.Kind)
                {
                    case CellKind.Text: cell.SetValue(value.Text!); break;
                    case CellKind.Number: cell.SetValue(value.Number); cell.Style.NumberFormat.Format = FigureFormat; break;
                    case CellKind.Boolean: cell.SetValue(value.Boolean); break;
                    case CellKind.DateTime: cell.SetValue(value.DateTime); cell.Style.NumberFormat.Format = DateFormat; break;
                }
            }
            if (sheet.Rows[r].Count > 0 && sheet.Rows[r][0].Text == "Nom de l'utilisateur")
                worksheet.Row(sheet.FirstRow + r).Style.Font.Bold = true;
        }
        worksheet.Cell(4, 1).Style.Font.Bold = true;
        worksheet.Cell(4, 1).Style.Font.FontSize = 14;
        worksheet.Column(1).Width = 24;
        worksheet.Column(2).Width = 32;
        for (var c = 3; c <= 10; c++) worksheet.Column(c).Width = 14;
        if (sheet.Name == SeedReport.PresenceSheetName) { worksheet.Column(3).Width = 20; worksheet.Column(4).Width = 20; }
    }

    /// <summary>The cells of an .xlsx as the upload reads them (default limits).</summary>
    public static WorkbookGrid Read(byte[] xlsx)
    {
        using var package = AddinWeb.Excel.SpreadsheetPackage.Open(xlsx);
        return AddinWeb.Excel.SpreadsheetGridReader.Read(package, new AddinWeb.Excel.GridReadLimits(64, 250_000, 512, 32_767));
    }

    /// <summary>Path of a file of the repository, found from the test's output folder.</summary>
    public static string RepositoryPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ExcelAddin.sln")))
                return Path.Combine([dir.FullName, .. parts]);
        throw new InvalidOperationException("ExcelAddin.sln not found above the test folder.");
    }

    public static string ExamplePath => RepositoryPath("AddinWeb", "wwwroot", "examples", "rapport-exemple-via.xlsx");
}
