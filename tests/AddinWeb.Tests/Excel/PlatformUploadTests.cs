using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>
/// Issue 9, end to end on the real host: each platform's own export, dropped on the upload endpoints as the .csv the
/// trainer downloaded, is recognised, gives the figures and fingerprint the task pane gets from the same file as
/// Excel shows it, and comes back as a workbook of its typed data and the Émargement sheet.
/// </summary>
public sealed class PlatformUploadTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, ExcelLocale, string> Exports => new()
    {
        // file, platform, an Excel that opens it, a slot within its meeting
        { PlatformFiles.BbbSample, "BigBlueButton", ExcelLocale.French, "2025-03-04T09:30/2025-03-04T11:30" },
        { PlatformFiles.BbbVariant, "BigBlueButton", ExcelLocale.French, "2025-03-04T09:00/2025-03-04T12:00" },
        { PlatformFiles.TeamsSample, "Microsoft Teams", ExcelLocale.English, "2025-03-04T09:00/2025-03-04T12:00" },
        { PlatformFiles.ZoomSample, "Zoom", ExcelLocale.French, "2025-03-04T09:00/2025-03-04T12:00" },
        { PlatformFiles.ZoomVariant, "Zoom", ExcelLocale.English, "2021-11-19T09:00/2021-11-19T12:00" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task A_platform_csv_gives_what_the_task_pane_gives_from_the_same_file_as_excel_shows_it(
        string file, string platform, ExcelLocale locale, string slot)
    {
        var bytes = PlatformFiles.Bytes(file);
        var upload = await _client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(bytes, file, ("slot", slot)));
        var uploaded = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!;
        Assert.True(upload.StatusCode == HttpStatusCode.OK, uploaded.ToJsonString());
        Assert.Equal(platform, (string?)uploaded["report"]!["platform"]);

        var (start, end) = (slot.Split('/')[0], slot.Split('/')[1]);
        var shown = ExcelOpensCsv.Open(bytes, file, locale);
        var (paneResponse, pane) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(shown, new { slots = new[] { new { start, end } } }));
        Assert.Equal(HttpStatusCode.OK, paneResponse.StatusCode);

        Assert.Equal(platform, (string?)pane!["report"]!["platform"]);
        Assert.Equal((string?)pane["fingerprint"], (string?)uploaded["fingerprint"]);
        Assert.Equal(pane["participants"]!.ToJsonString(), uploaded["participants"]!.ToJsonString());
        Assert.NotEmpty(uploaded["participants"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task A_platform_csv_comes_back_as_its_typed_data_and_the_sheet(string file, string platform, ExcelLocale _, string slot)
    {
        var response = await _client.PostAsync("/api/reports/emargement.xlsx", UploadEndpointTests.Form(PlatformFiles.Bytes(file), file, ("slot", slot)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var stem = Path.GetFileNameWithoutExtension(file);
        Assert.Equal([stem, "Émargement"], workbook.Worksheets.Select(s => s.Name));
        Assert.Contains(workbook.Worksheet(stem).CellsUsed(), c => c.DataType == XLDataType.DateTime);
        Assert.Contains(workbook.Worksheet("Émargement").CellsUsed(), c => c.GetString() == platform);
    }
}
