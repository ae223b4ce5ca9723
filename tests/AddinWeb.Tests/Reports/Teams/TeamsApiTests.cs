using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.Teams.TeamsFiles;

namespace AddinWeb.Tests.Reports.Teams;

/// <summary>A Teams report as a French Excel shows it, sent by the task pane to the JSON API with the slot the trainer entered.</summary>
public sealed class TeamsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonNode Participant(JsonNode body, string name) =>
        body["participants"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    [Fact]
    public async Task Summaries_only_give_the_certain_and_the_maximum_minutes_and_the_meeting_is_suggested()
    {
        var shown = ExcelOpensCsv.Open(Utf16(TeamsVariantTests.WithoutActivities), FileName, ExcelLocale.French);
        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(shown,
            new { slots = new[] { new { start = "2025-03-04T09:30", end = "2025-03-04T12:00" } } }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Microsoft Teams", (string?)body!["report"]!["platform"]);
        // Bruno: J 09:01:05, L 11:58:40, D 161.2 min; 28 min 55 s of [J, L] before 09:30: at least 132.283 min,
        // at most 148.667 (09:30–11:58:40).
        var bruno = Participant(body, "Martin, Bruno");
        Assert.Equal("Summary", (string?)bruno["basis"]);
        Assert.Equal(161.2 - (28 + 55 / 60.0), (double)bruno["minutesInSlot"]!, 6);
        Assert.Equal(148 + 40 / 60.0, (double)bruno["minutesInSlotMax"]!, 6);
        Assert.Equal(161.2, (double)bruno["minutesConnected"]!, 6);
        Assert.Equal("Trainer", (string?)Participant(body, "Agnès Formatrice")["role"]);
        // The meeting ran 08:58:02–12:03:10: the form is offered 09:00–12:00.
        var suggested = body["report"]!["suggestedSlots"]!.AsArray().Single()!;
        Assert.Equal(("2025-03-04T09:00:00", "2025-03-04T12:00:00"), ((string?)suggested["start"], (string?)suggested["end"]));
    }
}
