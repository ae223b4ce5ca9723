using AddinWeb.Excel;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>The upload's streaming reader on workbooks written by ClosedXML (other producers: <c>Producers/</c>).</summary>
public sealed class SpreadsheetGridReaderTests
{
    [Fact]
    public void Reads_raw_values_with_their_types_and_the_real_excel_origin()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Données");
        sheet.Cell("C5").SetValue("Nom de l'utilisateur");
        sheet.Cell("D5").SetValue(174.28);
        sheet.Cell("D5").Style.NumberFormat.Format = "0.0"; // the display "174.3" must not leak into the value
        sheet.Cell("E6").SetValue(new DateTime(2020, 11, 10, 13, 39, 50));
        sheet.Cell("E6").Style.NumberFormat.Format = "dd/mm/yyyy hh:mm:ss";
        sheet.Cell("F6").SetValue(true);
        sheet.Cell("C7").SetValue("174,28");
        sheet.Row(9).Style.Fill.BackgroundColor = XLColor.Yellow; // formatting alone does not widen the grid
        sheet.Cell("D8").FormulaA1 = "D5*2";
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);

        var grid = SeedWorkbook.Read(saved.ToArray()).Sheets.Single();
        Assert.Equal("Données", grid.Name);
        Assert.Equal(5, grid.FirstRow);
        Assert.Equal(3, grid.FirstColumn);
        Assert.Equal(4, grid.Rows.Count);
        Assert.Equal(Cell.FromText("Nom de l'utilisateur"), grid[0, 0]);
        Assert.Equal(Cell.FromNumber(174.28), grid[0, 1]);
        Assert.Equal(Cell.FromDateTime(new DateTime(2020, 11, 10, 13, 39, 50)), grid[1, 2]);
        // The date is typed from its cell, not from a number format (the grid holds none: no stage reads them).
        Assert.True(grid[1, 0].IsEmpty);
        Assert.Equal(Cell.FromBoolean(true), grid[1, 3]);
        Assert.Equal(Cell.FromText("174,28"), grid[2, 0]);
        // A formula gives its stored result (none here: ClosedXML saves no result), never its text nor a new evaluation.
        Assert.NotEqual(CellKind.Text, grid[3, 1].Kind);
        Assert.Equal("E6", grid.ExcelColumn(2) + grid.ExcelRow(1));
    }

    [Fact]
    public void Reads_the_seed_workbook_as_the_grid_the_reader_expects()
    {
        var grid = SeedWorkbook.Read(SeedWorkbook.Bytes());
        var expected = SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell);
        Assert.Equal(expected.Sheets.Select(s => s.Name), grid.Sheets.Select(s => s.Name));
        var presence = grid.Sheets[1];
        Assert.Equal(Cell.FromDateTime(SeedReport.ParseDate("10/11/2020 13:39:50")), presence[10, 2]);
        Assert.Equal(Cell.FromNumber(108.12), presence[10, 4]);
        Assert.Equal(Cell.FromText("Total :"), presence[27, 0]);
    }

    [Fact]
    public void An_empty_sheet_is_an_empty_grid()
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Vide");
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        var grid = SeedWorkbook.Read(saved.ToArray()).Sheets.Single();
        Assert.Empty(grid.Rows);
        Assert.Equal(1, grid.FirstRow);
    }
}
