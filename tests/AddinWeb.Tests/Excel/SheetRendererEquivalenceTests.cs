using AddinWeb.Reports;
using System.IO.Compression;
using System.Text.RegularExpressions;
using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Excel;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Emargement;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>
/// The renderer folds every format run into one style per cell; <see cref="ReferenceSheetRenderer"/> is the code it
/// replaced (one ClosedXML setter per property and per run, then <c>Merge()</c>). Both render the same layout into
/// the same workbook, both are saved and reopened, and every cell of every sheet must come back identical: value,
/// type, formula and each style component (font, fill, borders, alignment, number format, protection), as well as
/// merges, rows, columns, page setup and every other part of the package.
/// </summary>
public sealed class SheetRendererEquivalenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> Documents_ => ["seed", "two days", "no participant", "odd names", "synthetic 400"];

    [Theory]
    [MemberData(nameof(Documents_))]
    public void The_sheet_is_the_one_the_per_property_renderer_made(string document)
    {
        AssertSameOutput(LayoutOf(document), () => SeedWorkbook.Create());
    }

    [Fact]
    public void Same_sheet_when_the_workbook_has_its_own_default_font()
    {
        AssertSameOutput(LayoutOf("seed"), () =>
        {
            var workbook = SeedWorkbook.Create();
            workbook.Style.Font.FontName = "Arial";
            workbook.Style.Font.FontSize = 10;
            return workbook;
        }, sheet => Assert.Equal("Arial", sheet.Style.Font.FontName));
    }

    /// <summary>
    /// Cases the Émargement layout does not produce today but the contract allows: runs that overlap and override,
    /// borders of every kind, a merge over cells that hold values and borders, a merge whose first cell is
    /// unformatted, merges that overlap, a one-cell merge, text with a line break, addresses with $ or in lower case.
    /// </summary>
    [Fact]
    public void Same_sheet_for_overlapping_runs_and_merges_over_values_and_borders()
    {
        var layout = new SheetLayout
        {
            Values =
            [
                ["Titre", "caché", 3.5, null, true],
                ["ligne 1\nligne 2", null, "=1+1", 7],
                [],
                [null, "x", "", 12.25, "fin"],
                ["seul"],
            ],
            Formats =
            [
                new RangeFormat { Range = "A1:F6", FontSize = 9, Borders = new Borders { Outline = BorderWeight.Medium, Inside = BorderWeight.Thin, Color = "#7F7F7F" } },
                new RangeFormat { Range = "B2:D4", Fill = "#DDEBF7", Bold = true, HorizontalAlignment = HorizontalAlignment.Center, WrapText = true },
                new RangeFormat { Range = "C1:C6", NumberFormat = "0.00", HorizontalAlignment = HorizontalAlignment.Right, VerticalAlignment = VerticalAlignment.Top },
                new RangeFormat { Range = "A4:E4", Borders = new Borders { Bottom = BorderWeight.Thick, Color = "#1F4E79" }, Italic = true },
                new RangeFormat { Range = "D2", Fill = "#FFF2CC", FontColor = "#C00000", VerticalAlignment = VerticalAlignment.Bottom, WrapText = false },
                new RangeFormat { Range = "B6:C7", Borders = new Borders { Outline = BorderWeight.Thin } },
                new RangeFormat { Range = "A1:B1", Fill = "#E2EFDA" },
                new RangeFormat { Range = "$E$1:$F$2", Fill = "#FCE4D6", Borders = new Borders { Outline = BorderWeight.Thin, Inside = BorderWeight.Medium } },
                new RangeFormat { Range = "g1:h2", FontColor = "#00B050" },
            ],
            Merges = ["A1:B1", "B2:D3", "E4:F5", "A5:A6", "A5:B6", "F1", "H8:I8", "g1:h1", "$E$2:$F$2"],
            ColumnWidths = [10, 12, 14, 8, 8, 8],
            RowHeights = [new RowHeight(2, 30)],
            FrozenRows = 1,
            Print = new PrintSetup { PrintArea = "A1:F7", TitleRows = "$1:$1", CenterFooter = "Page &P / &N" },
        };
        AssertSameOutput(layout, () => SeedWorkbook.Create());
    }

    internal static SheetLayout LayoutOf(string document) => document switch
    {
        "seed" => EmargementLayout.Build(Documents.Seed()),
        "two days" => EmargementLayout.Build(Documents.TwoDays()),
        "no participant" => EmargementLayout.Build(Documents.Seed([])),
        "odd names" => EmargementLayout.Build(Documents.Seed(
        [
            Documents.Participant("Anne-\nMarie", "=SOMME(A1)", ParticipantRole.Trainer, Documents.At("14:00:00"),
                Documents.At("16:30:00"), 1, 150, 150, AttendanceStatus.Present, email: "+33@x"),
            Documents.Participant("", "-", ParticipantRole.Trainee, null, null, 0, 0, 0, AttendanceStatus.Absent),
        ])),
        _ => new ReportAnalyzer([new ViaReportSource()], new StoppedClock(Now), new EmargementClock("Europe/Paris"))
            .Analyze(SyntheticReport.Workbook(400), AttendanceOptions.Default).Sheet!,
    };

    private static void AssertSameOutput(SheetLayout layout, Func<XLWorkbook> open, Action<IXLWorksheet>? check = null)
    {
        var expected = Render(layout, open, ReferenceSheetRenderer.Render, check);
        var actual = Render(layout, open, ClosedXmlSheetRenderer.Render, check);

        using (var before = new XLWorkbook(new MemoryStream(expected)))
        using (var after = new XLWorkbook(new MemoryStream(actual)))
        {
            Assert.Equal(before.Worksheets.Select(s => s.Name), after.Worksheets.Select(s => s.Name));
            foreach (var sheet in before.Worksheets)
            {
                var other = after.Worksheet(sheet.Name);
                Assert.Equal(Cells(sheet), Cells(other));
                // Style components compared by value (their text above leaves a few members out).
                foreach (var cell in sheet.CellsUsed(XLCellsUsedOptions.All))
                {
                    var twin = other.Cell(cell.Address.RowNumber, cell.Address.ColumnNumber);
                    Assert.True(cell.Style.Font.Equals(twin.Style.Font) && cell.Style.Fill.Equals(twin.Style.Fill)
                        && cell.Style.Border.Equals(twin.Style.Border) && cell.Style.Alignment.Equals(twin.Style.Alignment)
                        && cell.Style.NumberFormat.Equals(twin.Style.NumberFormat) && cell.Style.Protection.Equals(twin.Style.Protection),
                        $"{sheet.Name}!{cell.Address} has another style");
                }
                Assert.Equal(sheet.MergedRanges.Select(m => m.RangeAddress.ToString()), other.MergedRanges.Select(m => m.RangeAddress.ToString()));
            }
        }

        using var beforeZip = new ZipArchive(new MemoryStream(expected));
        using var afterZip = new ZipArchive(new MemoryStream(actual));
        Assert.Equal(Parts(beforeZip).Select(e => e.FullName), Parts(afterZip).Select(e => e.FullName));
        foreach (var entry in Parts(beforeZip))
        {
            // Style indexes are numbered in the order cells were created; the cells' styles are compared above.
            if (entry.FullName.EndsWith("styles.xml", StringComparison.Ordinal)) continue;
            Assert.Equal(Comparable(Text(entry)), Comparable(Text(afterZip.GetEntry(entry.FullName)!)));
        }
    }

    private static byte[] Render(SheetLayout layout, Func<XLWorkbook> open, Func<XLWorkbook, SheetLayout, IXLWorksheet> render,
        Action<IXLWorksheet>? check)
    {
        using var workbook = open();
        var sheet = render(workbook, layout);
        check?.Invoke(sheet);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>Every cell ClosedXML writes, with its value and each component of its style.</summary>
    private static List<string> Cells(IXLWorksheet sheet) =>
        sheet.CellsUsed(XLCellsUsedOptions.All)
            .OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber)
            .Select(c => string.Join(" | ", c.Address, c.DataType, WorkbookSnapshot.Raw(c), c.FormulaA1,
                c.Style.Font, c.Style.Fill.BackgroundColor, c.Style.Fill.PatternType, c.Style.Fill.PatternColor, c.Style.Border, c.Style.Alignment, c.Style.NumberFormat, c.Style.Protection,
                c.Style.IncludeQuotePrefix))
            .ToList();

    /// <summary>The package's parts but its core properties (a random part name, the creation time).</summary>
    private static IEnumerable<ZipArchiveEntry> Parts(ZipArchive zip) =>
        zip.Entries.Where(e => !e.FullName.Contains("core-properties", StringComparison.Ordinal) && e.FullName != "docProps/core.xml");

    private static string Text(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Without style indexes (see above) nor the package's random relationship ids ("R0f32bc02…").</summary>
    private static string Comparable(string xml) =>
        Regex.Replace(Regex.Replace(xml, " s=\"\\d+\"", ""), "\"R[0-9a-f]{16}\"|core-properties/[0-9a-f]{32}", "…");
}
