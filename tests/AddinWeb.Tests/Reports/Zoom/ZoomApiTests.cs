using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reports.Zoom;

/// <summary>The task pane's request for a Zoom report as a French or an American Excel shows it: the source is registered.</summary>
public sealed class ZoomApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Views => new() { "french-excel", "us-excel" };

    private static WorkbookGrid Shown(string view) => view == "french-excel"
        ? PlatformFiles.Shown("zoom-variant-en.french-excel")
        : ExcelOpensCsv.Open(PlatformFiles.Bytes(PlatformFiles.ZoomVariant), PlatformFiles.ZoomVariant, ExcelLocale.English);

    [Theory]
    [MemberData(nameof(Views))]
    public async Task The_pane_gets_zoom_figures_for_the_slot_entered(string view)
    {
        var options = new { slots = new[] { new { start = "2021-11-19T09:00", end = "2021-11-19T12:00" } } };
        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(Shown(view), options));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zoom", (string?)body!["format"]);
        Assert.Equal("Zoom", (string?)body["report"]!["platform"]);
        Assert.Equal("Atelier, numérique", (string?)body["report"]!["title"]);
        Assert.Equal(["zoom-variant-en"], body["report"]!["sourceSheets"]!.AsArray().Select(s => (string?)s ?? ""));
        var meeting = body["report"]!["meeting"]!;
        Assert.Equal(("2021-11-19T08:58:02", "2021-11-19T12:03:10"), ((string?)meeting["start"], (string?)meeting["end"]));

        JsonNode Person(string name) => body["participants"]!.AsArray().Single(p => (string?)p!["name"] == name)!;
        Assert.Equal("Trainer", (string?)Person("Agnès Formatrice")["role"]);
        // 09:01:05–10:15:20 and 10:12:00–11:58:40 on two devices: 09:01:05–11:58:40, 177 min 35 s, counted once.
        var bruno = Person("Martin, Bruno");
        Assert.Equal(177 + 35 / 60.0, (double)bruno["minutesInSlot"]!, 6);
        Assert.Equal(2, (int)bruno["connections"]!);
        Assert.Equal(0.0, (double)Person("Chloé Petit")["minutesInSlot"]!);
    }
}
