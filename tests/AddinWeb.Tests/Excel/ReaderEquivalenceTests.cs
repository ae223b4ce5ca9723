using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Emargement;
using AddinWeb.Tests.Producers;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;
using CsCheck;

namespace AddinWeb.Tests.Excel;

/// <summary>
/// The streaming reader gives the cells the ClosedXML reader gave (<see cref="ReferenceWorkbookReader"/>, the
/// upload's reader until it was replaced): on random workbooks (text of every kind, numbers under every sort of
/// number format, dates, booleans, formulas, cells anywhere), on the seed and long reports written by ClosedXML,
/// openpyxl, xlsxwriter and LibreOffice, and so the Via reader gives the same figures. Where the two differ on
/// purpose (the old reader was wrong, and the task pane gets what the new one gives), each difference has its own
/// test below.
/// </summary>
public sealed class ReaderEquivalenceTests
{
    private static WorkbookGrid Old(byte[] xlsx)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        return ReferenceWorkbookReader.Read(workbook);
    }

    private static void AssertSameGrids(WorkbookGrid expected, WorkbookGrid actual, string what)
    {
        Assert.Equal(expected.Sheets.Select(s => s.Name), actual.Sheets.Select(s => s.Name));
        for (var s = 0; s < expected.Sheets.Count; s++)
        {
            var (e, a) = (expected.Sheets[s], actual.Sheets[s]);
            Assert.True(e.Rows.Count == a.Rows.Count, $"{what}, {e.Name}: {e.Rows.Count} rows, read {a.Rows.Count}");
            if (e.Rows.Count == 0) continue;
            Assert.True((e.FirstRow, e.FirstColumn) == (a.FirstRow, a.FirstColumn),
                $"{what}, {e.Name}: origin {e.FirstRow},{e.FirstColumn}, read {a.FirstRow},{a.FirstColumn}");
            for (var r = 0; r < e.Rows.Count; r++)
            {
                var width = Math.Max(e.Rows[r].Count, a.Rows[r].Count);
                for (var c = 0; c < width; c++)
                    Assert.True(e[r, c] == a[r, c],
                        $"{what}, {e.Name}!{e.ExcelColumn(c)}{e.ExcelRow(r)}: {e[r, c].Kind} {e[r, c]} read as {a[r, c].Kind} {a[r, c]}");
            }
        }
    }

    /// <summary>Number formats as reports and hand-made workbooks hold them (custom codes, built-in ids).</summary>
    private static readonly string[] Formats =
    [
        "", "0.00", "0", "General", "dd/mm/yyyy hh:mm:ss", "dd/mm/yyyy", "hh:mm", "yyyy-mm-dd", "mm:ss", "[h]:mm",
        "#,##0.00", "0.0%", "\"jours\" 0", "0\" h\"", "d mmm yyyy", "@", "[Blue]0.00", "# ?/?", "0.00E+00",
    ];

    private static readonly int[] BuiltInFormats = [0, 1, 2, 9, 10, 14, 15, 20, 22, 45, 46, 47, 49];

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 1, 12],
        Gen.OneOf("Nom de l'utilisateur", " espace avant", "après ", "ligne\nsuivante", "tab\tulation",
            "Émile Zoé œuvre", "\u00A0insécable", "=SOMME(A1)", "+33 6", "10/11/2020", "174,28", "VRAI", "_X0041_", "😀 emoji", "ß", "Total :", "#N/A", "\u200B"));

    private static readonly Gen<double> Numbers = Gen.OneOf(Gen.Double[-1e6, 1e6], Gen.Int[-1000, 100_000].Select(i => (double)i),
        Gen.Double[0, 1], Gen.OneOf(0.1 + 0.2, 1e-9, 123456789.123, 44145.5702546296, -0.5));

    private static readonly Gen<DateTime> Dates = Gen.DateTime[new DateTime(1900, 3, 1), new DateTime(2100, 1, 1)]
        .Select(d => new DateTime(d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second));

    /// <summary>A random cell: (row, column, kind, number format index or built-in id).</summary>
    private static readonly Gen<(int Row, int Column, int Kind, int Format, string Text, double Number, DateTime Date)> Cells =
        Gen.Select(Gen.Int[1, 60], Gen.Int[1, 12], Gen.Int[0, 5], Gen.Int[0, Formats.Length + BuiltInFormats.Length - 1],
            Texts, Numbers, Dates);

    private static byte[] RandomWorkbook((int, int, int, int, string, double, DateTime)[][] sheets)
    {
        using var workbook = new XLWorkbook();
        for (var s = 0; s < sheets.Length; s++)
        {
            var sheet = workbook.Worksheets.Add($"Feuille {s + 1}");
            foreach (var (row, column, kind, format, text, number, date) in sheets[s])
            {
                var cell = sheet.Cell(row, column);
                switch (kind)
                {
                    case 0: cell.SetValue(text); break;
                    case 1: cell.SetValue(number); break;
                    case 2: cell.SetValue(date); break;
                    case 3: cell.SetValue(number > 0); break;
                    case 4: cell.FormulaA1 = "1+1"; break; // ClosedXML saves no cached result
                    default: cell.Style.Fill.BackgroundColor = XLColor.Yellow; break; // formatting alone
                }
                if (format < Formats.Length) { if (Formats[format].Length > 0) cell.Style.NumberFormat.Format = Formats[format]; }
                else cell.Style.NumberFormat.NumberFormatId = BuiltInFormats[format - Formats.Length];
            }
        }
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    [Fact]
    public void Random_workbooks_read_the_same()
    {
        Gen.Int[1, 3].SelectMany(n => Cells.Array[0, 40].Array[n]).Sample(sheets =>
        {
            var xlsx = RandomWorkbook(sheets);
            WorkbookGrid old;
            try
            {
                old = Old(xlsx);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                // The old reader failed (a 500) on a huge number under a date or duration format; the new reads a number.
                Assert.NotNull(SeedWorkbook.Read(xlsx));
                return;
            }
            AssertSameGrids(old, SeedWorkbook.Read(xlsx), "random workbook");
        }, iter: 150, threads: 1);
    }

    public static TheoryData<string, int> Reports => new()
    {
        { "seed", 0 }, { "seed, not at A1", 0 }, { "long", 0 }, { "seed", 1 }, { "long", 1 }, { "seed", 2 }, { "long", 2 },
        { "seed", 3 }, { "long", 3 },
    };

    /// <summary>The reports as ClosedXML (0), openpyxl (1), xlsxwriter (2) and LibreOffice (3, from ClosedXML's) write them.</summary>
    private static byte[] Written(string report, int tool)
    {
        var grid = report switch
        {
            "seed" => SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell),
            "seed, not at A1" => new WorkbookGrid(SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell).Sheets
                .Select(s => s with { FirstRow = 4, FirstColumn = 3 }).ToList()),
            _ => ProducerMatrixTests.LongReport(DateStyle.DateCell),
        };
        return tool switch
        {
            0 => SeedWorkbook.Bytes(grid),
            1 => ExternalTools.WriteWithPython("openpyxl", grid),
            2 => ExternalTools.WriteWithPython("xlsxwriter", grid),
            _ => ExternalTools.SaveWithLibreOffice([SeedWorkbook.Bytes(grid)])[0],
        };
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Reports_from_every_producer_read_the_same_and_give_the_same_figures(string report, int tool)
    {
        var xlsx = Written(report, tool);
        var (old, @new) = (Old(xlsx), SeedWorkbook.Read(xlsx));
        AssertSameGrids(old, @new, $"{report} ({tool})");

        var analyzer = new ReportAnalyzer([new ViaReportSource()], new StoppedClock(new DateTimeOffset(2026, 11, 29, 12, 30, 0, TimeSpan.Zero)), new EmargementClock("Europe/Paris"));
        var before = analyzer.Analyze(old, AttendanceOptions.Default);
        var after = analyzer.Analyze(@new, AttendanceOptions.Default);
        Assert.True(after.IsUsable);
        Assert.Equal(before.Fingerprint, after.Fingerprint);
        Assert.Equal(Json(before), Json(after));
    }

    private static string Json(ReportAnalysis analysis) =>
        System.Text.Json.JsonSerializer.Serialize(AddinWeb.Api.AnalyzeResponse.From(analysis), AddinWeb.Api.ApiServices.ConfigureJson(new(System.Text.Json.JsonSerializerDefaults.Web)));

    // ---- Differences on purpose: the old reader was wrong there, and Office.js (the task pane) agrees with the new.

    /// <summary>Excel and xlsxwriter write a formula's numeric result without a type: the old reader gave its text ("7").</summary>
    [Fact]
    public void A_formula_result_without_a_type_is_its_number_not_its_text()
    {
        var xlsx = ExternalTools.WriteWithPython("xlsxwriter", SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell), "formulas");
        var notes = (Old: Old(xlsx).Sheets.Single(s => s.Name == "Notes"), New: SeedWorkbook.Read(xlsx).Sheets.Single(s => s.Name == "Notes"));
        Assert.Equal(Cell.FromText("7"), notes.Old[1, 1]);
        Assert.Equal(Cell.FromNumber(7), notes.New[1, 1]);
    }

    /// <summary>Excel's escapes (_x000D_…) decoded in inline strings and rich text, as before.</summary>
    [Fact]
    public void Escapes_are_decoded_in_inline_strings_and_rich_text()
    {
        var xlsx = HandMade.Package(
            """<row r="1"><c r="A1" t="inlineStr"><is><t>ligne_x000D_suite</t></is></c><c r="B1" t="s"><v>0</v></c></row>""",
            sharedStrings: """<si><r><t>riche_x0009_</t></r><r><rPr><b/></rPr><t>texte</t></r></si>""");
        var grid = SeedWorkbook.Read(xlsx).Sheets[0];
        Assert.Equal("ligne\rsuite", grid[0, 0].Text);
        Assert.Equal("riche\ttexte", grid[0, 1].Text);
        AssertSameGrids(Old(xlsx), SeedWorkbook.Read(xlsx), "escapes");
    }

    /// <summary>
    /// Text that looks like an escape ("_x000D_" typed as such) is stored with its underscore escaped
    /// (_x005F_x000D_): the old reader decoded it twice and gave a carriage return; Excel shows what was typed.
    /// </summary>
    [Fact]
    public void Text_that_looks_like_an_escape_reads_as_typed()
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Feuille").Cell("A1").SetValue("_x000D_ littéral");
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        Assert.Equal("_x000D_ littéral", SeedWorkbook.Read(saved.ToArray()).Sheets[0][0, 0].Text);
        Assert.Equal("\r littéral", Old(saved.ToArray()).Sheets[0][0, 0].Text);
    }

    /// <summary>LibreOffice writes dates with a locale prefix ([$-40C]dd/mm/yyyy): the old reader saw numbers.</summary>
    [Fact]
    public void A_date_format_with_a_locale_or_colour_prefix_is_a_date()
    {
        var xlsx = HandMade.Package("""<row r="1"><c r="A1" s="1"><v>44145.5</v></c><c r="B1" s="2"><v>44145.5</v></c></row>""",
            numberFormats: """<numFmt numFmtId="164" formatCode="[$-40C]dd/mm/yyyy hh:mm"/><numFmt numFmtId="165" formatCode="[Blue]dd/mm/yyyy"/>""",
            cellFormats: """<xf numFmtId="164"/><xf numFmtId="165"/>""");
        var grid = SeedWorkbook.Read(xlsx).Sheets[0];
        Assert.Equal(Cell.FromDateTime(new DateTime(2020, 11, 10, 12, 0, 0)), grid[0, 0]);
        Assert.Equal(CellKind.DateTime, grid[0, 1].Kind);
        Assert.Equal(CellKind.Number, Old(xlsx).Sheets[0][0, 0].Kind);
    }

    /// <summary>"[Red]0.00" shows a number in red: the old reader read the "d" of "Red" and made it a date of 1899.</summary>
    [Fact]
    public void A_number_format_in_red_is_a_number()
    {
        var xlsx = HandMade.Package("""<row r="1"><c r="A1" s="1"><v>0.66</v></c></row>""",
            numberFormats: """<numFmt numFmtId="164" formatCode="[Red]0.00"/>""", cellFormats: """<xf numFmtId="164"/>""");
        Assert.Equal(Cell.FromNumber(0.66), SeedWorkbook.Read(xlsx).Sheets[0][0, 0]);
        Assert.Equal(CellKind.DateTime, Old(xlsx).Sheets[0][0, 0].Kind);
    }
}
