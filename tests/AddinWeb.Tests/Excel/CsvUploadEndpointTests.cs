using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AddinWeb.Analysis;
using AddinWeb.Api;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.Tabular;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Seed;
using AddinWeb.Upload;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AddinWeb.Tests.Excel;

/// <summary>The host with a made-up delimited source (<see cref="TrialCsvSource"/>) besides the real ones.</summary>
public sealed class TrialSourceFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseEnvironment("Testing")
            .ConfigureTestServices(services => services.AddSingleton<IReportSource, TrialCsvSource>());
}

/// <summary>
/// A .csv on the upload endpoints: read by the delimited reader (encoding, separator, limits), analysed by the same
/// pipeline, and returned as a new workbook holding the report's typed data and the Émargement sheet.
/// </summary>
public sealed class CsvUploadEndpointTests(TrialSourceFactory factory) : IClassFixture<TrialSourceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static MultipartFormDataContent Form(byte[] file, string fileName = "rapport.csv", params (string Name, string Value)[] fields) =>
        UploadEndpointTests.Form(file, fileName, fields);

    private async Task<(HttpResponseMessage Response, JsonNode? Body)> Post(string path, HttpContent content)
    {
        var response = await _client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    private static JsonNode Participant(JsonNode body, string name) =>
        body["participants"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "UTF-8, ';'", TrialCsvSource.Sample() },
        { "UTF-8 BOM, ','", TrialCsvSource.Sample(',', byteOrderMark: true) },
        { "UTF-16 LE BOM, tab", TrialCsvSource.Sample('\t', Encoding.Unicode, byteOrderMark: true) },
        { "UTF-16 BE BOM, ';'", TrialCsvSource.Sample(';', Encoding.BigEndianUnicode, byteOrderMark: true) },
        { "Windows-1252, ';'", TrialCsvSource.Sample(';', CodePagesEncoding()) },
    };

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_csv_in_any_encoding_and_separator_gives_the_hand_computed_figures(string kind, byte[] file)
    {
        var (response, body) = await Post("/api/reports/analyze-file", Form(file, fields: ("slot", TrialCsvSource.SampleSlot)));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{kind}: {body}");
        Assert.Equal(TrialCsvSource.PlatformName, (string?)body!["report"]!["platform"]);
        Assert.Equal(150.0, (double)body["totals"]!["scheduledMinutes"]!, 6);
        Assert.Equal((150.0, "Present"), ((double)Participant(body, "Louis MARTIN")["minutesInSlot"]!, (string?)Participant(body, "Louis MARTIN")["status"]));
        Assert.Equal((60.0, 0.4), ((double)Participant(body, "Inès MOREAU")["minutesInSlot"]!, (double)Participant(body, "Inès MOREAU")["rate"]!));
        // The accented name reads back whole whatever the encoding.
        Assert.Equal(90.0, (double)Participant(body, "Hélène FAURE")["minutesInSlot"]!, 6);
        Assert.Equal("Trainer", (string?)Participant(body, "Claire DUPONT")["role"]);
    }

    [Fact]
    public async Task The_workbook_of_a_csv_holds_the_typed_data_then_the_emargement_sheet()
    {
        var response = await _client.PostAsync("/api/reports/emargement.xlsx", Form(TrialCsvSource.Sample(), "Journal 25 mars.csv",
            ("slot", TrialCsvSource.SampleSlot)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(UploadController.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Journal 25 mars - émargement.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(["Journal 25 mars", "Émargement"], workbook.Worksheets.Select(s => s.Name));
        var data = workbook.Worksheet("Journal 25 mars");
        // Header and names as literal text, dates as dates, durations as numbers of days shown [h]:mm:ss.
        Assert.Equal(XLDataType.Text, data.Cell("A1").DataType);
        Assert.Equal("Arrivée", data.Cell("D1").GetString());
        Assert.Equal("Hélène FAURE", data.Cell("A5").GetString());
        var arrival = data.Cell("D3");
        Assert.Equal(XLDataType.DateTime, arrival.DataType);
        Assert.Equal(new DateTime(2024, 3, 25, 14, 0, 0), arrival.GetDateTime());
        Assert.Equal(TypedFormats.DateTime, arrival.Style.NumberFormat.Format);
        var duration = data.Cell("F3");
        Assert.Equal(TypedFormats.Duration, duration.Style.NumberFormat.Format);
        // ClosedXML 0.95 takes any number under a time format for a date: its serial is the cell's number of days.
        Assert.Equal(2.5 / 24, duration.GetDateTime().ToOADate(), 9);
        Assert.Equal(XLDataType.Text, data.Cell("B3").DataType);
        Assert.True(data.Cell("B5").IsEmpty());

        var emargement = workbook.Worksheet("Émargement");
        Assert.Equal(EmargementLayout.SheetTitle, emargement.Cell("A1").GetString());
        Assert.Equal(XLPageOrientation.Landscape, emargement.PageSetup.PageOrientation);
        Assert.Equal(1, emargement.PageSetup.PagesWide);
        Assert.Contains(emargement.CellsUsed(), c => c.GetString() == "MARTIN");

        // The package is valid for the Open XML SDK and opens on the Émargement sheet.
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(8)));
        Assert.Equal(1u, document.WorkbookPart!.Workbook.BookViews!.Elements<DocumentFormat.OpenXml.Spreadsheet.WorkbookView>().Single().ActiveTab!.Value);
    }

    [Fact]
    public async Task The_workbook_of_a_csv_prints_in_libreoffice_with_both_sheets()
    {
        var response = await _client.PostAsync("/api/reports/emargement.xlsx", Form(TrialCsvSource.Sample(), fields: ("slot", TrialCsvSource.SampleSlot)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var pdf = Producers.ExternalTools.PrintWithLibreOffice([await response.Content.ReadAsByteArrayAsync()]).Single();
        var pages = Producers.ExternalTools.PdfPages(pdf);
        var text = string.Join("\n", pages);
        Assert.Contains("25/03/2024 14:00:00", text); // a typed date, shown by its format
        Assert.Contains("2:30:00", text);             // a duration
        Assert.Contains(EmargementLayout.SheetTitle, text);
        Assert.Contains("Plateforme d'essai", text);
    }

    [Fact]
    public async Task The_same_report_gives_the_same_fingerprint_as_a_csv_and_as_excel_shows_it()
    {
        var (_, upload) = await Post("/api/reports/analyze-file", Form(TrialCsvSource.Sample(), fields: ("slot", TrialCsvSource.SampleSlot)));
        var shown = ExcelOpensCsv.Open(TrialCsvSource.Sample(), "rapport.csv", ExcelLocale.French);
        var (_, pane) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(shown,
            new { slots = new[] { new { start = "2024-03-25T14:00", end = "2024-03-25T16:30" } } }));

        Assert.Equal((string?)pane!["fingerprint"], (string?)upload!["fingerprint"]);
        Assert.Equal(pane["participants"]!.ToJsonString(), upload["participants"]!.ToJsonString());
    }

    [Fact]
    public async Task A_csv_no_source_recognises_is_a_422_listing_the_reports_read()
    {
        var file = Encoding.UTF8.GetBytes("Nom;Prénom;Repas\nDURAND;Camille;végétarien\n");
        foreach (var path in new[] { "/api/reports/analyze-file", "/api/reports/emargement.xlsx" })
        {
            var (response, problem) = await Post(path, Form(file, "cantine.csv"));

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(UnusableReport.Title, (string?)problem!["title"]);
            var error = problem["errors"]!.AsArray().Single()!;
            Assert.Equal(ReportAnalyzer.UnrecognisedReport, (string?)error["code"]);
            Assert.Contains($"{TrialCsvSource.PlatformName} : un fichier .csv aux colonnes", (string?)error["message"]);
            Assert.Contains("« cantine »", (string?)problem["detail"]);
            var readers = problem["unrecognised"]!["platforms"]!.AsArray();
            Assert.Contains(readers, r => (string?)r!["platform"] == TrialCsvSource.PlatformName
                && (string?)r["expected"] == new TrialCsvSource().Expected);
            Assert.Contains(readers, r => (string?)r!["platform"] == AddinWeb.Reports.Via.ViaReportSource.PlatformName);
        }
    }

    public static TheoryData<string, byte[], string, string> Refused => new()
    {
        { "binary named .csv", [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10, 0x80, 0x81, 0x00, 0x00, 0x03, .. new byte[200]], "rapport.csv", DelimitedFileRefusal.NotText },
        { "an .xlsx named .csv", SeedWorkbook.Bytes(), "rapport.csv", DelimitedFileRefusal.SpreadsheetFile },
        { "empty lines only", "\r\n\r\n  \r\n"u8.ToArray(), "rapport.csv", DelimitedFileRefusal.Empty },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_usable_csv_is_a_400_in_french(string kind, byte[] file, string name, string code)
    {
        var (response, problem) = await Post("/api/reports/analyze-file", Form(file, name));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{kind}: {response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (string?)problem!["code"]);
        Assert.Contains(".csv", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_csv_over_the_row_limit_is_a_413_naming_the_limit()
    {
        using var small = factory.WithWebHostBuilder(b => b.UseSetting("Hosting:Limits:MaxRowsPerSheet", "3"));
        var (response, problem) = await PostWith(small.CreateClient(), Form(TrialCsvSource.Sample()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MaxRowsPerSheet", (string?)problem!["limit"]);
        Assert.Equal(3, (int)problem["maximum"]!);
        Assert.Contains("plus de 3 lignes", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_csv_with_a_cell_over_the_cell_limit_is_a_422_naming_the_limit()
    {
        using var small = factory.WithWebHostBuilder(b => b.UseSetting("Hosting:Limits:MaxCellLength", "20"));
        var (response, problem) = await PostWith(small.CreateClient(), Form(TrialCsvSource.Sample()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("MaxCellLength", (string?)problem!["limit"]);
        Assert.Contains("ligne 2", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_csv_over_the_upload_limit_is_a_413_naming_the_limit()
    {
        using var small = factory.WithWebHostBuilder(b => b.UseSetting("Hosting:Limits:MaxUploadBytes", "100"));
        var (response, problem) = await PostWith(small.CreateClient(), Form(TrialCsvSource.Sample()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MaxUploadBytes", (string?)problem!["limit"]);
    }

    private static async Task<(HttpResponseMessage, JsonNode?)> PostWith(HttpClient client, HttpContent content)
    {
        var response = await client.PostAsync("/api/reports/analyze-file", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    [Fact]
    public async Task Without_a_slot_the_csv_is_still_analysed_with_a_warning_asking_for_it()
    {
        var (response, body) = await Post("/api/reports/analyze-file", Form(TrialCsvSource.Sample()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(body!["report"]!["sessions"]!.AsArray());
        Assert.Contains(body["issues"]!.AsArray(), i => ((string?)i!["message"] ?? "").Contains("Saisissez le créneau prévu"));
    }
}
