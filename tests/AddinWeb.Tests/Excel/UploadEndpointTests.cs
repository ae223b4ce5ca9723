using AddinWeb.Upload;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AddinWeb.Api;
using AddinWeb.Emargement;
using AddinWeb.Excel;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

public sealed class UploadEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    internal static MultipartFormDataContent Form(byte[] file, string fileName = "rapport.xlsx", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    private async Task<(HttpResponseMessage Response, JsonNode? Problem)> PostForProblem(string path, HttpContent content)
    {
        var response = await _client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    [Fact]
    public async Task Returns_the_same_workbook_with_the_emargement_sheet_and_source_sheets_untouched()
    {
        var uploaded = SeedWorkbook.Bytes();
        var response = await _client.PostAsync("/api/reports/emargement.xlsx", Form(uploaded, "Rapport via.xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UploadController.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Rapport via - émargement.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);

        using var before = new XLWorkbook(new MemoryStream(uploaded));
        using var after = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal([SeedReport.SummarySheetName, SeedReport.PresenceSheetName, "Émargement"], after.Worksheets.Select(s => s.Name));
        foreach (var sheet in before.Worksheets)
            Assert.Equal(WorkbookSnapshot.Of(sheet), WorkbookSnapshot.Of(after.Worksheet(sheet.Name)));

        var emargement = after.Worksheet("Émargement");
        Assert.Equal(EmargementLayout.SheetTitle, emargement.Cell("A1").GetString());
        Assert.Equal(SeedReport.Title, emargement.Cell("A2").GetString());
        Assert.Equal(XLPageOrientation.Landscape, emargement.PageSetup.PageOrientation);
        var names = emargement.CellsUsed().Where(c => c.GetString() == "STAMMINGER").ToList();
        Assert.Single(names);
        Assert.Equal("Formateur", names[0].CellRight(3).GetString());
        Assert.Contains(emargement.CellsUsed(), c => c.GetString() == EmargementLayout.Reminder(new DateOnly(2020, 11, 25)));
    }

    /// <summary>
    /// The sheet added to the workbook, its styles appended to the workbook's own, leaves a package the Open XML SDK's
    /// validator finds nothing wrong with. What the validator says of the uploaded workbook itself is its producer's
    /// business, so the seed is checked first. (The .csv workbook's test checks the fonts the appender builds from
    /// its own default font, where a child put first broke Excel's order.)
    /// </summary>
    [Fact]
    public async Task The_returned_workbook_is_valid_open_xml()
    {
        static List<string> Errors(byte[] bytes)
        {
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            return new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        }
        var uploaded = SeedWorkbook.Bytes();
        Assert.Empty(Errors(uploaded));

        var response = await _client.PostAsync("/api/reports/emargement.xlsx", Form(uploaded, "rapport.xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Errors(await response.Content.ReadAsByteArrayAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(8)));
    }

    [Fact]
    public async Task Upload_and_task_pane_give_the_same_figures_and_fingerprint()
    {
        var response = await _client.PostAsync("/api/reports/analyze-file", Form(SeedWorkbook.Bytes()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upload = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // What the task pane sends for the same report: serial dates, used range from A1.
        var (paneResponse, pane) = await AnalyzeJson.PostAsync(_client,
            AnalyzeJson.Request(SeedReport.Workbook(NumberStyle.Numeric, DateStyle.SerialNumber)));
        Assert.Equal(HttpStatusCode.OK, paneResponse.StatusCode);

        Assert.Equal((string?)pane!["fingerprint"], (string?)upload["fingerprint"]);
        Assert.Equal(pane["participants"]!.ToJsonString(), upload["participants"]!.ToJsonString());
        Assert.Equal(pane["totals"]!.ToJsonString(), upload["totals"]!.ToJsonString());
        Assert.Equal(SeedReport.Title, (string?)upload["report"]!["title"]);
        Assert.Equal(13, upload["participants"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_taken_name_gives_emargement_2()
    {
        using var workbook = SeedWorkbook.Create();
        workbook.Worksheets.Add("Émargement").Cell("A1").SetValue("ancienne feuille");
        using var bytes = new MemoryStream();
        workbook.SaveAs(bytes);

        var response = await _client.PostAsync("/api/reports/emargement.xlsx", Form(bytes.ToArray()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("ancienne feuille", after.Worksheet("Émargement").Cell("A1").GetString());
        Assert.Equal(EmargementLayout.SheetTitle, after.Worksheet("Émargement (2)").Cell("A1").GetString());
    }

    public static TheoryData<string, byte[]> NotXlsx => new()
    {
        { "text", "Nom;Email\nCamille;camille@x.fr\n"u8.ToArray() },
        { "pdf", "%PDF-1.7\n%âãÏÓ\n"u8.ToArray() },
        { "zip", ZipWith("readme.txt", "pas un classeur") },
        { "truncated", SeedWorkbook.Bytes()[..2000] },
    };

    [Theory]
    [MemberData(nameof(NotXlsx))]
    public async Task Not_an_xlsx_is_a_400_in_french(string kind, byte[] file)
    {
        foreach (var path in new[] { "/api/reports/emargement.xlsx", "/api/reports/analyze-file" })
        {
            var (response, problem) = await PostForProblem(path, Form(file, $"{kind}.xlsx"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(400, (int)problem!["status"]!);
            Assert.Equal(kind == "truncated" ? "Fichier incomplet ou endommagé" : XlsxPackageGuard.NotXlsxTitle,
                (string?)problem["title"]);
            Assert.Contains(".xls", (string?)problem["detail"]);
        }
    }

    /// <summary>An OLE compound file is an .xls, or an .xlsx encrypted with a password: refused, never opened.</summary>
    [Fact]
    public async Task An_xls_or_encrypted_workbook_is_refused_with_what_to_do()
    {
        byte[] file = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        var (response, problem) = await PostForProblem("/api/reports/emargement.xlsx", Form(file, "ancien.xls"));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, response.StatusCode.ToString());
        Assert.Contains(".xlsx", (string?)problem!["detail"]);
    }

    [Fact]
    public async Task A_workbook_that_is_not_a_report_is_a_422_naming_what_is_missing()
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Feuil1").Cell("A1").SetValue("Liste des courses");
        using var bytes = new MemoryStream();
        workbook.SaveAs(bytes);

        foreach (var path in new[] { "/api/reports/emargement.xlsx", "/api/reports/analyze-file" })
        {
            var (response, problem) = await PostForProblem(path, Form(bytes.ToArray()));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(UnusableReport.Title, (string?)problem!["title"]);
            Assert.Contains("Sommaire", (string?)problem["detail"]);
            Assert.NotEmpty(problem["errors"]!.AsArray());
        }
    }

    [Fact]
    public async Task No_file_or_not_multipart_is_a_400()
    {
        var empty = new MultipartFormDataContent { { new StringContent("0.8"), "presentThreshold" } };
        var (noFile, problem) = await PostForProblem("/api/reports/emargement.xlsx", empty);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains("« file »", (string?)problem!["detail"]);

        var (json, _) = await PostForProblem("/api/reports/analyze-file", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(json.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, json.StatusCode.ToString());
    }

    [Theory]
    [InlineData("presentThreshold", "1,5")]
    [InlineData("absentThreshold", "beaucoup")]
    [InlineData("afternoonStartsAt", "25:00")]
    public async Task An_option_out_of_range_is_a_400(string field, string value)
    {
        var (response, problem) = await PostForProblem("/api/reports/analyze-file", Form(SeedWorkbook.Bytes(), fields: (field, value)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem!["detail"]));
    }

    [Fact]
    public async Task Options_sent_with_the_file_change_the_statuses()
    {
        var strict = await _client.PostAsync("/api/reports/analyze-file", Form(SeedWorkbook.Bytes(), fields: ("presentThreshold", "1")));
        var lenient = await _client.PostAsync("/api/reports/analyze-file", Form(SeedWorkbook.Bytes(), fields: ("presentThreshold", "0,5")));
        Assert.Equal(HttpStatusCode.OK, strict.StatusCode);
        var present = (int)JsonNode.Parse(await strict.Content.ReadAsStringAsync())!["totals"]!["present"]!;
        var morePresent = (int)JsonNode.Parse(await lenient.Content.ReadAsStringAsync())!["totals"]!["present"]!;
        Assert.True(morePresent > present, $"{morePresent} > {present}");
    }

    private static byte[] ZipWith(string name, string text)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry(name).Open()))
            writer.Write(text);
        return memory.ToArray();
    }
}
