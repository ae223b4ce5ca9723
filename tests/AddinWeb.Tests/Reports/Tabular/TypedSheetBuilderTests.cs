using AddinWeb.Excel;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Tabular;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Reports.Tabular;

public class TypedSheetBuilderTests
{
    private static SheetGrid BbbFile() => DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.BbbSample), PlatformFiles.BbbSample).Sheet!;

    /// <summary>What a reader does: types the columns it understands as it parses them.</summary>
    private static SheetGrid Typed(SheetGrid file)
    {
        var builder = new TypedSheetBuilder(file);
        var dates = DateCells.Of(file.Rows.Skip(1).Select(r => r[9]), file.Rows.Skip(1).Select(r => r[10]));
        for (var r = 1; r < file.Rows.Count; r++)
        {
            foreach (var c in new[] { 9, 10 })
                if (dates.TryRead(file[r, c], out var date)) builder.SetDateTime(r, c, date);
            foreach (var c in new[] { 3, 4, 11 })
                if (Durations.TryRead(file[r, c], out var duration) && duration is { } d) builder.SetDuration(r, c, d);
            if (Booleans.TryRead(file[r, 1], out var moderator)) builder.SetBoolean(r, 1, moderator);
            if (FrenchNumbers.TryRead(file[r, 2], out var score)) builder.SetNumber(r, 2, score, "0.0");
        }
        return builder.Build();
    }

    [Fact]
    public void Typed_cells_with_their_formats_the_rest_exactly_the_file()
    {
        var file = BbbFile();
        var typed = Typed(file);
        Assert.Equal((file.Name, file.FirstRow, file.FirstColumn, file.Rows.Count), (typed.Name, typed.FirstRow, typed.FirstColumn, typed.Rows.Count));
        Assert.Equal(CellKind.DateTime, typed[1, 9].Kind);
        Assert.Equal(new DateTime(2025, 3, 4, 8, 57, 41), typed[1, 9].DateTime);
        Assert.Equal(TypedFormats.DateTime, typed.NumberFormatAt(1, 9));
        Assert.Equal(CellKind.Number, typed[1, 11].Kind);
        Assert.Equal(new TimeSpan(3, 4, 38).TotalDays, typed[1, 11].Number, 12);
        Assert.Equal(TypedFormats.Duration, typed.NumberFormatAt(1, 11));
        Assert.Equal(CellKind.Boolean, typed[1, 1].Kind);
        Assert.Equal(3.5, typed[2, 2].Number);
        Assert.Equal("-", typed[2, 4].Text);            // none stays as the file wrote it
        Assert.Equal("Bruno Stagiaire", typed[2, 0].Text);
        Assert.Null(typed.NumberFormatAt(2, 0));
        Assert.Equal(GridText.Rows(file)[0], GridText.Rows(typed)[0]);
        // The source is not touched.
        Assert.Equal(CellKind.Text, file[1, 9].Kind);
    }

    [Fact]
    public void Written_by_closedxml_as_the_contract_says_it_reads_back_as_the_same_values()
    {
        var typed = Typed(BbbFile());
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(typed.Name);
        for (var r = 0; r < typed.Rows.Count; r++)
            for (var c = 0; c < typed.Rows[r].Count; c++)
            {
                var cell = sheet.Cell(typed.FirstRow + r, typed.FirstColumn + c);
                var value = typed.Rows[r][c];
                switch (value.Kind)
                {
                    case CellKind.Text: cell.SetValue(value.Text); cell.DataType = XLDataType.Text; break;
                    case CellKind.Number: cell.Value = value.Number; break;
                    case CellKind.Boolean: cell.Value = value.Boolean; break;
                    case CellKind.DateTime: cell.Value = value.DateTime; break;
                }
                if (typed.NumberFormatAt(r, c) is { } format) cell.Style.NumberFormat.Format = format;
            }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        using var reopened = new XLWorkbook(stream);
        using var package = AddinWeb.Excel.SpreadsheetPackage.Open(stream.ToArray());
        var back = AddinWeb.Excel.SpreadsheetGridReader.Read(package, new AddinWeb.Excel.GridReadLimits(64, 250_000, 512, 32_767))
            .Sheets.Single(s => s.Name == typed.Name);
        Assert.Equal("[h]:mm:ss", reopened.Worksheet(typed.Name).Cell(2, 12).Style.NumberFormat.Format);
        var dates = DateCells.Of(back.Rows.Skip(1).Select(r => r[9]));
        Assert.True(dates.TryRead(back[1, 9], out var join));
        Assert.Equal(new DateTime(2025, 3, 4, 8, 57, 41), join);
        Assert.True(Durations.TryRead(back[1, 11], out var duration));
        Assert.Equal(new TimeSpan(3, 4, 38), duration);
    }

    [Fact]
    public void Typing_a_cell_the_file_does_not_have_is_a_bug()
    {
        var builder = new TypedSheetBuilder(BbbFile());
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.SetNumber(4, 40, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.SetNumber(99, 0, 1));
    }
}
