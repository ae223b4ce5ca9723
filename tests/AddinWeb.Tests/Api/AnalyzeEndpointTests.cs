using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Api;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Api;

public sealed class AnalyzeEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonNode Participant(JsonNode body, string name) =>
        body["participants"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    [Fact]
    public async Task Swagger_example_is_the_seed_report_with_its_figures()
    {
        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeRequestExample.Text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("via", (string?)body!["format"]);
        Assert.Equal("DU CINEMA A LA VIDEO : LA DANSE SORT DU CADRE", (string?)body["report"]!["title"]);
        Assert.Equal("20A0160236", (string?)body["report"]!["pafReference"]);
        Assert.Equal("68653", (string?)body["report"]!["moduleNumber"]);
        Assert.Equal("2020-11-10T19:38:00", (string?)body["report"]!["generatedAt"]);
        // The seed's only findings: three users of "Sommaire" with no live connection row.
        Assert.Equal(["NoPresenceRows"], body["issues"]!.AsArray().Select(i => (string?)i!["code"] ?? "").Distinct());
        Assert.Equal([21, 22, 24], body["issues"]!.AsArray().Select(i => (int)i!["row"]!));

        // The host, on two devices at once (13:39:50–15:27:57 and 13:42:19–16:50:34): counted once.
        var host = Participant(body, "Elsa STAMMINGER");
        Assert.Equal("Trainer", (string?)host["role"]);
        Assert.Equal("Elsa", (string?)host["firstName"]);
        Assert.Equal("STAMMINGER", (string?)host["lastName"]);
        Assert.Equal(2, (int)host["connections"]!);
        Assert.Equal("2020-11-10T13:39:50", (string?)host["firstJoin"]);
        Assert.Equal("2020-11-10T16:50:34", (string?)host["lastLeave"]);
        Assert.Equal(190.733, (double)host["minutesConnected"]!, 3);
        Assert.Equal(150.0, (double)host["minutesInSlot"]!, 3);

        // Leaves at 14:11:45, comes back at 14:40:06: 11.75 + 109.9 minutes within 14:00–16:30.
        var ines = Participant(body, "Inès MOREAU");
        Assert.Equal("Trainee", (string?)ines["role"]);
        Assert.Equal(121.65, (double)ines["minutesInSlot"]!, 2);
        Assert.Equal(121.65 / 150, (double)ines["rate"]!, 4);
        Assert.Equal("Present", (string?)ines["status"]);

        // Trainer first, then trainees by last name.
        Assert.Equal(["Elsa STAMMINGER", "Hugo BERNARD", "Camille DURAND", "Zoé FAURE"],
            body["participants"]!.AsArray().Take(4).Select(p => (string?)p!["name"] ?? "").ToArray());
        Assert.Equal(13, body["participants"]!.AsArray().Count);
        Assert.Equal(7, (int)body["totals"]!["present"]!);
        Assert.Equal(2, (int)body["totals"]!["partial"]!);
        Assert.Equal(3, (int)body["totals"]!["absent"]!);
        Assert.Equal(1212.5, (double)body["totals"]!["traineeMinutesInSlot"]!, 3);
        Assert.NotNull(body["sheet"]!["values"]);
        Assert.Matches("^[0-9a-f]{16}$", (string?)body["fingerprint"]);
    }

    [Theory]
    [InlineData(NumberStyle.Numeric, DateStyle.SerialNumber)]
    [InlineData(NumberStyle.FrenchText, DateStyle.Text)]
    public async Task Seed_report_is_analysed_end_to_end(NumberStyle numbers, DateStyle dates)
    {
        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(numbers, dates)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var participants = body!["participants"]!.AsArray();
        Assert.Equal(13, participants.Count);
        Assert.Equal("Elsa STAMMINGER", (string?)participants[0]!["name"]);

        // Camille DURAND: 13:47:53–16:42:10, clipped to 14:00–16:30.
        var camille = Participant(body, "Camille DURAND");
        Assert.Equal(150.0, (double)camille["minutesInSlot"]!, 3);
        Assert.Equal(174.283, (double)camille["minutesConnected"]!, 3);
        Assert.Equal("Present", (string?)camille["status"]);

        // Jules PETIT leaves at 15:11:28: 71.47 min of 150, partial and early.
        var jules = Participant(body, "Jules PETIT");
        Assert.Equal(71.467, (double)jules["minutesInSlot"]!, 3);
        Assert.Equal("Partial", (string?)jules["status"]);
        Assert.True((bool)jules["earlyLeave"]!);

        // Only in "Sommaire": no live presence.
        var lea = Participant(body, "Léa GIRARD");
        Assert.Equal(0, (int)lea["connections"]!);
        Assert.Equal("Absent", (string?)lea["status"]);
    }

    [Fact]
    public async Task A_workbook_that_is_not_a_report_gives_422_in_french_naming_what_is_missing()
    {
        var workbook = new WorkbookGrid([new SheetGrid("Feuil1", [[Cell.FromText("Budget"), Cell.FromNumber(12)]])]);

        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(workbook));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(UnusableReport.Title, (string?)body!["title"]);
        var detail = (string?)body["detail"] ?? "";
        Assert.Contains("Sommaire", detail);
        Assert.Contains("Feuil1", detail);
        Assert.NotEmpty(body["errors"]!.AsArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"sheets\": 3}")]
    [InlineData("{\"sheets\": [{\"name\": \"Sommaire\", \"values\": [[{\"a\": 1}]]}]}")]
    [InlineData("{\"sheets\": [{\"name\": \"Sommaire\", \"values\": [[[1]]]}]}")]
    [InlineData("{\"sheets\": [{\"name\": \"Sommaire\", \"values\": [[1e999]]}]}")]
    [InlineData("{\"sheets\": [], \"options\": {\"presentThreshold\": 5}}")]
    [InlineData("{\"sheets\": [], \"options\": {\"afternoonStartsAt\": \"25:99\"}}")]
    [InlineData("{\"sheets\": [], \"options\": {\"presentThreshold\": 0.2, \"absentThreshold\": 0.5}}")]
    public async Task Malformed_requests_give_400_problem_details_in_french(string json)
    {
        var (response, body) = await AnalyzeJson.PostAsync(_client, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(body!["title"]);
        Assert.DoesNotContain("Exception", body.ToJsonString());
    }

    [Theory]
    [InlineData("{\"sheets\": []}")]
    [InlineData("{\"sheets\": [{\"name\": \"Sommaire\", \"values\": []}]}")]
    [InlineData("{\"sheets\": [{\"name\": \"Sommaire\", \"values\": [[\"Nom de l'utilisateur\", \"Email\"]]}, {\"name\": \"Temps de connexion en présence\", \"values\": [[null, true, -1]]}]}")]
    public async Task Empty_or_partial_workbooks_give_422_not_500(string json)
    {
        var (response, _) = await AnalyzeJson.PostAsync(_client, json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Swagger_documents_the_analyze_endpoint_with_its_example()
    {
        var json = await _client.GetStringAsync("/swagger/v1/swagger.json");

        Assert.Contains("/api/reports/analyze", json);
        Assert.Contains("Stamminger, Elsa", json);
    }

    [Theory]
    [InlineData("/api/reports/emargement.xlsx")]
    [InlineData("/api/reports/analyze-file")]
    public async Task Swagger_offers_a_file_picker_and_the_options_for_the_upload_endpoints(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"));

        var form = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var file = form.GetProperty("properties").GetProperty("file");
        Assert.Equal("string", file.GetProperty("type").GetString());
        Assert.Equal("binary", file.GetProperty("format").GetString());
        Assert.Equal(["file"], form.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["absentThreshold", "afternoonStartsAt", "convocation", "convocationSheet", "file", "presentThreshold", "slot", "toleranceMinutes"],
            form.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
    }

    /// <summary>Issue 9's fields are in the contract Swagger shows, each on the schema it belongs to.</summary>
    [Theory]
    [InlineData("ReportSummary", "platform")]
    [InlineData("ReportSummary", "suggestedSlots")]
    [InlineData("ReportSummary", "meeting")]
    [InlineData("ReportSummary", "sourceSheets")]
    [InlineData("ParticipantAttendance", "minutesInSlot")]
    [InlineData("ParticipantAttendance", "minutesInSlotMax")]
    [InlineData("ParticipantAttendance", "minutesConnected")]
    [InlineData("ParticipantAttendance", "convened")]
    [InlineData("ReportTexts", "platform")]
    public async Task Swagger_shows_the_platform_neutral_fields(string schema, string property)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty(schema, out var shape), $"no schema {schema}");
        Assert.True(shape.GetProperty("properties").TryGetProperty(property, out _), $"{schema} has no {property}");
    }

    [Fact]
    public async Task Swagger_shows_the_slots_option_of_the_request()
    {
        var json = await _client.GetStringAsync("/swagger/v1/swagger.json");
        using var document = System.Text.Json.JsonDocument.Parse(json);

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.Contains(schemas.EnumerateObject(), s => s.Value.TryGetProperty("properties", out var p) && p.TryGetProperty("slots", out _)
            && p.TryGetProperty("presentThreshold", out _));
    }
}
