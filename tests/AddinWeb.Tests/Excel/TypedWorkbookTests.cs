using AddinWeb.Emargement;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Upload;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>The workbook made for a .csv: its data sheets written as their cells say, then the Émargement sheet.</summary>
public sealed class TypedWorkbookTests
{
    private static readonly SheetLayout Sheet = new() { Values = [["Feuille d'émargement"]], Print = new PrintSetup() };

    private static SheetGrid Grid(string name, IEnumerable<Cell[]> rows, int firstRow = 1, int firstColumn = 1) =>
        new(name, rows.Select(r => (IReadOnlyList<Cell>)r).ToList(), firstRow, firstColumn);

    [Fact]
    public void Text_that_looks_like_a_formula_a_number_or_a_date_stays_text()
    {
        var data = Grid("rapport", [[Cell.FromText("=HYPERLINK(\"http://x\")"), Cell.FromText("+33 6 12"), Cell.FromText("10/11/2020"),
            Cell.FromText("0042"), Cell.FromText(" espace ")]]);

        using var workbook = new XLWorkbook(new MemoryStream(TypedWorkbook.Create([data], Sheet)));

        var row = workbook.Worksheet("rapport").Row(1);
        Assert.All(Enumerable.Range(1, 5), c => Assert.False(row.Cell(c).HasFormula));
        Assert.All(Enumerable.Range(1, 5), c => Assert.Equal(XLDataType.Text, row.Cell(c).DataType));
        Assert.Equal(["=HYPERLINK(\"http://x\")", "+33 6 12", "10/11/2020", "0042", " espace "],
            Enumerable.Range(1, 5).Select(c => row.Cell(c).GetString()));
    }

    [Fact]
    public void Numbers_flags_and_dates_are_native_and_keep_the_source_rows_and_columns()
    {
        var builder = new TypedSheetBuilder(Grid("journal", [[Cell.FromText("Début"), Cell.FromText("Durée"), Cell.FromText("Vu")],
            [Cell.FromText("25/03/2024 14:00"), Cell.FromText("1:30:00"), Cell.FromText("VRAI")]], firstRow: 3, firstColumn: 2));
        builder.SetDateTime(1, 0, new DateTime(2024, 3, 25, 14, 0, 0)).SetDuration(1, 1, TimeSpan.FromMinutes(90)).SetBoolean(1, 2, true);

        using var workbook = new XLWorkbook(new MemoryStream(TypedWorkbook.Create([builder.Build()], Sheet)));

        var sheet = workbook.Worksheet("journal");
        Assert.Equal("Début", sheet.Cell("B3").GetString());
        Assert.Equal(new DateTime(2024, 3, 25, 14, 0, 0), sheet.Cell("B4").GetDateTime());
        Assert.Equal(TypedFormats.DateTime, sheet.Cell("B4").Style.NumberFormat.Format);
        Assert.Equal(1.5 / 24, sheet.Cell("C4").GetDateTime().ToOADate(), 9);
        Assert.Equal(TypedFormats.Duration, sheet.Cell("C4").Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Boolean, sheet.Cell("D4").DataType);
        Assert.True(sheet.Cell("D4").GetBoolean());
        Assert.True(sheet.Cell("A1").IsEmpty());
        // Wide enough for a date-time: no "#####" when the workbook opens.
        Assert.True(sheet.Column("B").Width >= TypedFormats.DateTime.Length, sheet.Column("B").Width.ToString());
    }

    [Fact]
    public void A_data_sheet_named_emargement_leaves_its_name_and_the_sheet_takes_the_next_one_and_opens()
    {
        var data = Grid("Émargement", [[Cell.FromText("Nom")]]);

        var bytes = TypedWorkbook.Create([data], Sheet);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(["Émargement", "Émargement (2)"], workbook.Worksheets.Select(s => s.Name));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Equal(1u, document.WorkbookPart!.Workbook.BookViews!.Elements<DocumentFormat.OpenXml.Spreadsheet.WorkbookView>().Single().ActiveTab!.Value);
    }

    [Fact]
    public void One_long_line_among_many_short_ones_is_written_row_by_row()
    {
        // 20,000 one-field lines and one of 500 fields: a rectangle of formats would be 10 million cells.
        var rows = Enumerable.Range(0, 20_000).Select(i => new[] { Cell.FromText($"ligne {i}") })
            .Append(Enumerable.Range(0, 500).Select(c => Cell.FromText($"c{c}")).ToArray());

        var bytes = TypedWorkbook.Create([Grid("long", rows)], Sheet);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet("long");
        Assert.Equal("ligne 19999", sheet.Cell(20_000, 1).GetString());
        Assert.Equal("c499", sheet.Cell(20_001, 500).GetString());
        Assert.True(sheet.Cell(1, 2).IsEmpty());
    }
}
