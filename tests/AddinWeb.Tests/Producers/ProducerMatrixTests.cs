using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AddinWeb.Emargement;
using AddinWeb.Excel;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Producers;

/// <summary>
/// The same reports written by several tools — ClosedXML, openpyxl (its fills have no pattern type), xlsxwriter
/// (inline strings, shared formulas), LibreOffice — plain and with an image, a chart, a comment, a defined name,
/// conditional formatting, data validation and formulas, uploaded to <c>/api/reports/emargement.xlsx</c>. Each
/// comes back with its Émargement sheet, every other part byte for byte, the workbook's bookkeeping parts only
/// added to; each result opens in LibreOffice and prints there on A4 landscape, one page wide, the table header at
/// the top of every page; and the analysis gives the figures the task pane gets for the same cells.
/// </summary>
public sealed class ProducerMatrixTests(ProducerMatrixTests.Matrix matrix) : IClassFixture<ProducerMatrixTests.Matrix>
{
    /// <summary>Parts the insertion may add to (never change): the package's and the workbook's bookkeeping.</summary>
    private static readonly string[] Bookkeeping =
        ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

    private static readonly string[] AllFeatures =
        ["image", "chart", "comment", "definedName", "conditionalFormatting", "dataValidation", "formulas"];

    /// <summary>A long report: its Émargement sheet takes several printed pages.</summary>
    public static WorkbookGrid LongReport(DateStyle dates) => SyntheticReport.Workbook(150, dates: dates);

    public static WorkbookGrid Seed(DateStyle dates) => SeedReport.Workbook(NumberStyle.Numeric, dates);

    public sealed class Matrix : IAsyncLifetime
    {
        private readonly ApiFactory _factory = new();

        public List<Produced> Workbooks { get; } = [];

        public async Task InitializeAsync()
        {
            var sources = new List<(string Name, Func<WorkbookGrid, byte[]> Write)>
            {
                ("ClosedXML", grid => SeedWorkbook.Bytes(grid)),
                ("openpyxl", grid => ExternalTools.WriteWithPython("openpyxl", grid)),
                ("openpyxl, image, chart, comment, defined name, conditional format, validation, formulas",
                    grid => ExternalTools.WriteWithPython("openpyxl", grid, AllFeatures)),
                ("xlsxwriter", grid => ExternalTools.WriteWithPython("xlsxwriter", grid)),
                ("xlsxwriter, inline strings, shared formulas, image, chart, comment, defined name, conditional format, validation",
                    grid => ExternalTools.WriteWithPython("xlsxwriter", grid,
                        ["inlineStrings", "sharedFormulas", .. AllFeatures.Where(f => f != "formulas")])),
            };
            foreach (var (name, write) in sources)
            {
                Workbooks.Add(new Produced(name, "seed", write(Seed(DateStyle.DateCell)), Seed(DateStyle.SerialNumber)));
                Workbooks.Add(new Produced(name, "long", write(LongReport(DateStyle.DateCell)), LongReport(DateStyle.SerialNumber)));
            }
            // LibreOffice opening and saving again the plain ClosedXML file and the openpyxl one with every feature.
            var forLibreOffice = Workbooks.Where(w => w.Tool is "ClosedXML" || w.Tool.StartsWith("openpyxl,")).ToList();
            var saved = ExternalTools.SaveWithLibreOffice(forLibreOffice.Select(w => w.Upload).ToList());
            for (var i = 0; i < saved.Count; i++)
                Workbooks.Add(forLibreOffice[i] with { Tool = $"LibreOffice (from {forLibreOffice[i].Tool})", Upload = saved[i] });

            var client = _factory.CreateClient();
            foreach (var workbook in Workbooks)
            {
                using var response = await client.PostAsync("/api/reports/emargement.xlsx", UploadEndpointTests.Form(workbook.Upload));
                workbook.Status = response.StatusCode;
                workbook.Result = await response.Content.ReadAsByteArrayAsync();
                using var analysis = await client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(workbook.Upload));
                workbook.Analysis = JsonNode.Parse(await analysis.Content.ReadAsStringAsync());
                var (_, pane) = await AnalyzeJson.PostAsync(client, AnalyzeJson.Request(workbook.TaskPaneCells));
                workbook.TaskPaneAnalysis = pane;
            }
            var printable = Workbooks.Where(w => w.Status == HttpStatusCode.OK).ToList();
            var pdfs = ExternalTools.PrintWithLibreOffice(printable.Select(w => w.Result).ToList());
            for (var i = 0; i < pdfs.Count; i++) printable[i].Pdf = pdfs[i];
        }

        public Task DisposeAsync() => _factory.DisposeAsync().AsTask();
    }

    public sealed record Produced(string Tool, string Report, byte[] Upload, WorkbookGrid TaskPaneCells)
    {
        public HttpStatusCode Status { get; set; }
        public byte[] Result { get; set; } = [];
        public JsonNode? Analysis { get; set; }
        public JsonNode? TaskPaneAnalysis { get; set; }
        public byte[]? Pdf { get; set; }
        public override string ToString() => $"{Tool} / {Report}";
    }

    public static TheoryData<int> Cases => new(Enumerable.Range(0, 14));

    private Produced Case(int index) => matrix.Workbooks[index];

    [Fact]
    public void The_matrix_holds_every_producer()
    {
        Assert.Equal(14, matrix.Workbooks.Count);
        // openpyxl writes fills without a pattern type, which ClosedXML 0.95.4 could not save.
        var openpyxl = PackageParts.Of(matrix.Workbooks.First(w => w.Tool == "openpyxl").Upload);
        Assert.Contains("<patternFill/>", System.Text.Encoding.UTF8.GetString(openpyxl["xl/styles.xml"]));
        var xlsxwriter = PackageParts.Of(matrix.Workbooks.First(w => w.Tool.StartsWith("xlsxwriter,")).Upload);
        var sheets = string.Concat(xlsxwriter.Where(p => p.Key.StartsWith("xl/worksheets/sheet")).Select(p => System.Text.Encoding.UTF8.GetString(p.Value)));
        Assert.Contains("t=\"inlineStr\"", sheets);
        Assert.Contains("t=\"shared\"", sheets);
        Assert.Contains(xlsxwriter.Keys, k => k.StartsWith("xl/media/"));
        Assert.Contains(xlsxwriter.Keys, k => k.StartsWith("xl/charts/"));
        var libreOffice = PackageParts.Of(matrix.Workbooks.First(w => w.Tool.StartsWith("LibreOffice (from openpyxl,")).Upload);
        Assert.Contains("LibreOffice", System.Text.Encoding.UTF8.GetString(libreOffice["docProps/app.xml"]));
        Assert.Contains(libreOffice.Keys, k => k.StartsWith("xl/media/"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Comes_back_with_its_sheet_and_every_other_part_as_it_was(int index)
    {
        var produced = Case(index);
        Assert.True(produced.Status == HttpStatusCode.OK, $"{produced}: {(int)produced.Status} {System.Text.Encoding.UTF8.GetString(produced.Result)}");
        var before = PackageParts.Of(produced.Upload);
        var after = PackageParts.Of(produced.Result);

        foreach (var (part, bytes) in before)
        {
            Assert.True(after.ContainsKey(part), $"{produced}: {part} lost");
            if (Bookkeeping.Contains(part, StringComparer.OrdinalIgnoreCase)) PackageParts.AssertOnlyAdditions(part, bytes, after[part]);
            else Assert.True(bytes.AsSpan().SequenceEqual(after[part]), $"{produced}: {part} changed");
        }
        var added = after.Keys.Except(before.Keys, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Single(added);
        Assert.StartsWith("xl/worksheets/sheet", added[0]);

        using var package = SpreadsheetPackage.Open(produced.Result);
        var grid = SpreadsheetGridReader.Read(package, new GridReadLimits(64, 250_000, 512, 32_767));
        Assert.Equal("Émargement", grid.Sheets[^1].Name);
        Assert.Equal(EmargementLayout.SheetTitle, grid.Sheets[^1][0, 0].Text);
        var workbook = System.Text.Encoding.UTF8.GetString(after["xl/workbook.xml"]);
        Assert.Matches(@"<(\w+:)?definedName name=""_xlnm.Print_Titles"" localSheetId=""\d+"">'Émargement'!\$\d+:\$\d+</(\w+:)?definedName>", workbook);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gives_the_figures_the_task_pane_gets(int index)
    {
        var produced = Case(index);
        Assert.NotNull(produced.Analysis);
        Assert.True(produced.Analysis!["fingerprint"] is not null, $"{produced}: {produced.Analysis.ToJsonString()[..Math.Min(600, produced.Analysis.ToJsonString().Length)]}");
        Assert.Equal((string?)produced.TaskPaneAnalysis!["fingerprint"], (string?)produced.Analysis["fingerprint"]);
        Assert.Equal(produced.TaskPaneAnalysis["participants"]!.ToJsonString(), produced.Analysis["participants"]!.ToJsonString());
        Assert.Equal(produced.TaskPaneAnalysis["totals"]!.ToJsonString(), produced.Analysis["totals"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prints_in_libreoffice_landscape_one_page_wide_with_the_header_on_every_page(int index)
    {
        var produced = Case(index);
        Assert.NotNull(produced.Pdf);
        if (Environment.GetEnvironmentVariable("EMARGEMENT_KEEP_PDF") is { Length: > 0 } folder)
            File.WriteAllBytes(Path.Combine(folder, $"matrix{index}.pdf"), produced.Pdf!);
        var pages = ExternalTools.PdfPages(produced.Pdf!);
        var sizes = ExternalTools.PdfPageSizes(produced.Pdf!);
        var first = pages.ToList().FindIndex(p => p.Contains(EmargementLayout.SheetTitle));
        Assert.True(first >= 0, $"{produced}: no Émargement page among {pages.Count}");
        var emargement = pages.Skip(first).ToList();
        if (produced.Report == "long") Assert.True(emargement.Count >= 2, $"{produced}: {emargement.Count} page(s)");
        for (var p = 0; p < emargement.Count; p++)
        {
            var (width, height) = sizes[first + p];
            Assert.True(Math.Abs(width - 841.9) < 2 && Math.Abs(height - 595.3) < 2, $"{produced}, page {p + 1}: {width} x {height}");
            // Every page starts with the participants' header, first and last column on the same page (one wide).
            Assert.Matches(new Regex(@"N°\s+Nom\s+Prénom"), emargement[p]);
            Assert.Contains("Observations", emargement[p]);
        }
        if (emargement.Count >= 2) Assert.DoesNotContain(EmargementLayout.SheetTitle, emargement[1]);
    }
}
