using AddinWeb.Excel;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>The example report offered on the web page is the seed, cell for cell, so it cannot drift from it.</summary>
public sealed class ExampleReportTests
{
    [Fact]
    public void Committed_example_report_holds_exactly_the_seed()
    {
        // EMARGEMENT_WRITE_EXAMPLE=1 rewrites the file from the seed (after a change of the seed), then checks it.
        if (Environment.GetEnvironmentVariable("EMARGEMENT_WRITE_EXAMPLE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SeedWorkbook.ExamplePath)!);
            File.WriteAllBytes(SeedWorkbook.ExamplePath, SeedWorkbook.Bytes());
        }

        var actual = SeedWorkbook.Read(File.ReadAllBytes(SeedWorkbook.ExamplePath));
        var expected = SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell);

        Assert.Equal(expected.Sheets.Select(s => s.Name), actual.Sheets.Select(s => s.Name));
        foreach (var (want, got) in expected.Sheets.Zip(actual.Sheets))
        {
            Assert.Equal(1, got.FirstRow);
            Assert.Equal(1, got.FirstColumn);
            var rows = Math.Max(want.Rows.Count, got.Rows.Count);
            for (var r = 0; r < rows; r++)
            {
                var columns = Math.Max(r < want.Rows.Count ? want.Rows[r].Count : 0, r < got.Rows.Count ? got.Rows[r].Count : 0);
                for (var c = 0; c < columns; c++)
                    Assert.True(Same(want[r, c], got[r, c]),
                        $"{want.Name}!{got.ExcelColumn(c)}{got.ExcelRow(r)}: expected {want[r, c]}, found {got[r, c]}");
            }
        }
    }

    private static bool Same(Cell expected, Cell actual) =>
        expected.IsEmpty ? actual.IsEmpty : expected.Kind == actual.Kind && expected.ToString() == actual.ToString()
            && (expected.Kind != CellKind.Number || expected.Number == actual.Number);
}
