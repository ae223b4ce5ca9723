using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Emargement;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Hosting;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;
using Microsoft.Extensions.Options;
using static AddinWeb.Tests.Convocation.ConvocationSheets;

namespace AddinWeb.Tests.Convocation;

/// <summary>The convened list through the API: <c>options.convocationSheet</c>, the answer's <c>convocation</c>, <c>convened</c>.</summary>
public sealed class ConvocationEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static WorkbookGrid SeedWith(params SheetGrid[] sheets) => new([.. SeedReport.Workbook().Sheets, .. sheets]);

    private static JsonNode Participant(JsonNode body, string name) =>
        body["participants"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    [Fact]
    public async Task A_list_pasted_in_the_workbook_is_found_and_said_and_every_participant_says_whether_convened()
    {
        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedWith(Gaia())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var convocation = body!["convocation"]!;
        Assert.True((bool)convocation["hasList"]!);
        Assert.Equal("Found", (string?)convocation["selection"]);
        Assert.Equal("Convoqués", (string?)convocation["sheet"]);
        Assert.Equal(13, (int)convocation["people"]!);
        Assert.Equal(5, (int)convocation["headerRow"]!);
        Assert.Equal("Liste des convoqués : feuille « Convoqués », 13 personnes (trouvée dans le classeur).", (string?)convocation["message"]);

        var participants = body["participants"]!.AsArray();
        Assert.Equal(15, participants.Count);
        Assert.False((bool)Participant(body, "Elsa STAMMINGER")["convened"]!);
        Assert.False((bool)Participant(body, "Zoé FAURE")["convened"]!);
        Assert.True((bool)Participant(body, "Louis MARTIN")["convened"]!);
        var blanc = Participant(body, "Sophie BLANC");
        Assert.True((bool)blanc["convened"]!);
        Assert.Equal("Absent", (string?)blanc["status"]);
        Assert.Equal(0, (int)blanc["connections"]!);
        Assert.Empty(blanc["sourceRows"]!.AsArray());
        Assert.Equal("Convoqués", (string?)blanc["convocationRow"]!["sheet"]);
        Assert.Equal(17, (int)blanc["convocationRow"]!["row"]!);

        var totals = body["totals"]!;
        Assert.Equal((13, 6, 2, 5, 1), ((int)totals["convened"]!, (int)totals["present"]!, (int)totals["partial"]!,
            (int)totals["absent"]!, (int)totals["notConvened"]!));
    }

    [Fact]
    public async Task Without_a_list_convened_is_null_and_the_answer_says_none_was_found()
    {
        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)body!["convocation"]!["hasList"]!);
        Assert.Equal("NotFound", (string?)body["convocation"]!["selection"]);
        Assert.Null(body["convocation"]!["sheet"]);
        Assert.All(body["participants"]!.AsArray(), p =>
        {
            Assert.True(p!.AsObject().ContainsKey("convened"));
            Assert.Null(p["convened"]);
        });
        Assert.Null(body["totals"]!["convened"]);
        Assert.Equal(13, body["participants"]!.AsArray().Count);
    }

    [Fact]
    public async Task Convocation_sheet_blank_means_no_list_even_when_one_is_there()
    {
        var (_, alone) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook()));
        var (response, body) = await AnalyzeJson.PostAsync(_client,
            AnalyzeJson.Request(SeedWith(Gaia()), new { convocationSheet = "" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Declined", (string?)body!["convocation"]!["selection"]);
        Assert.Equal(["Convoqués"], body["convocation"]!["otherSheets"]!.AsArray().Select(s => (string?)s));
        Assert.All(body["participants"]!.AsArray(), p => Assert.Null(p!["convened"]));
        Assert.Equal(ValuesButTheDateMade(alone!), ValuesButTheDateMade(body));
    }

    /// <summary>The sheet's rows as JSON, but the "Feuille établie le" row (two requests, two instants).</summary>
    private static IEnumerable<string> ValuesButTheDateMade(JsonNode body) =>
        body["sheet"]!["values"]!.AsArray().Where(r => !(r![0] is JsonValue first && first.TryGetValue<string>(out var label) && label == "Feuille établie le")).Select(r => r!.ToJsonString());

    [Fact]
    public async Task Convocation_sheet_names_the_list_when_the_workbook_holds_several()
    {
        var (response, body) = await AnalyzeJson.PostAsync(_client,
            AnalyzeJson.Request(SeedWith(OneNameColumn("Liste A"), Gaia("Liste B")), new { convocationSheet = "Liste B" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Chosen", (string?)body!["convocation"]!["selection"]);
        Assert.Equal("Liste B", (string?)body["convocation"]!["sheet"]);
        Assert.Equal(["Liste A"], body["convocation"]!["otherSheets"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(13, (int)body["totals"]!["convened"]!);
    }

    [Theory]
    [InlineData("Sommaire", "est une feuille du rapport de session")]
    [InlineData("Inexistante", "n'est pas dans le classeur")]
    [InlineData("Notes", "aucune liste des convoqués lisible")]
    public async Task A_named_sheet_that_cannot_serve_gives_422_in_french(string sheet, string reason)
    {
        var (response, body) = await AnalyzeJson.PostAsync(_client,
            AnalyzeJson.Request(SeedWith(Gaia(), Sheet("Notes", [["Penser aux attestations"]])), new { convocationSheet = sheet }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, (string?)body!["detail"]);
        Assert.Contains($"« {sheet} »", (string?)body["detail"]);
    }

    [Fact]
    public async Task An_uploaded_workbook_written_by_closedxml_has_its_list_found_too()
    {
        using var workbook = SeedWorkbook.Create();
        var list = workbook.Worksheets.Add("Liste GAIA");
        var gaia = Gaia();
        for (var r = 0; r < gaia.Rows.Count; r++)
            for (var c = 0; c < gaia.Rows[r].Count; c++)
                if (gaia.Rows[r][c].Text is { } text) list.Cell(r + 1, c + 1).SetValue(text);
        list.Row(5).Style.Font.Bold = true;
        list.Range("A1:G1").Merge();
        using var output = new MemoryStream();
        workbook.SaveAs(output);

        var response = await _client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(output.ToArray()));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Liste GAIA", (string?)body["convocation"]!["sheet"]);
        Assert.Equal(13, (int)body["totals"]!["convened"]!);
        Assert.Equal(1, (int)body["totals"]!["notConvened"]!);

        // The same list through the task pane's JSON gives the same list fingerprint.
        var (_, json) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedWith(Gaia("Liste GAIA"))));
        Assert.Equal((string?)json!["convocation"]!["fingerprint"], (string?)body["convocation"]!["fingerprint"]);
    }
}

/// <summary>The office named on the reminder line, from configuration, validated at start-up.</summary>
public sealed class OfficeConfigurationTests
{
    private static async Task<JsonNode> AnalyseSeed(HostFactory host)
    {
        var (response, body) = await AnalyzeJson.PostAsync(host.CreateClient(), AnalyzeJson.Request(SeedReport.Workbook()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body!;
    }

    private static IEnumerable<string> Texts(JsonNode body) =>
        body["sheet"]!["values"]!.AsArray().SelectMany(r => r!.AsArray()).Where(v => v is JsonValue value && value.TryGetValue<string>(out _))
            .Select(v => (string)v!);

    [Fact]
    public async Task Default_reminder_names_the_eafc()
    {
        using var host = new HostFactory(null);
        Assert.Contains("À transmettre au gestionnaire de l'EAFC (ex-DAFPEN) avec la convocation, la fiche de rétribution et "
            + "les justificatifs de dépense avant le 25/11/2020", Texts(await AnalyseSeed(host)));
    }

    [Fact]
    public async Task An_academie_sets_its_own_office_name_and_address()
    {
        using var host = new HostFactory(new Dictionary<string, string?>
        {
            ["Emargement:Office:Name"] = "EAFC de l'académie de Toulouse",
            ["Emargement:Office:Address"] = " 75 rue Saint-Roch, 31400 Toulouse ",
        });
        var texts = Texts(await AnalyseSeed(host)).ToList();
        Assert.Contains("À transmettre au gestionnaire de formation — EAFC de l'académie de Toulouse, 75 rue Saint-Roch, "
            + "31400 Toulouse — avec la convocation, la fiche de rétribution et les justificatifs de dépense avant le 25/11/2020", texts);
        Assert.DoesNotContain(texts, t => t.Contains("ex-DAFPEN"));
    }

    [Theory]
    [InlineData(null, "12 rue de la Paix")]
    [InlineData("EAFC\nde Toulouse", null)]
    public void An_office_the_sheet_cannot_print_stops_the_host_at_start_up(string? name, string? address)
    {
        using var host = new HostFactory(new Dictionary<string, string?>
        {
            ["Emargement:Office:Name"] = name,
            ["Emargement:Office:Address"] = address,
        });
        var failure = Assert.Throws<OptionsValidationException>(() => host.CreateClient());
        Assert.Contains("Emargement:Office", failure.Message);
    }
}
