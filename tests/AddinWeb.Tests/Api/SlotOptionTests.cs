using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Api;

/// <summary>The slots the trainer enters (<c>options.slots</c>) replace the report's and are checked once, in French.</summary>
public sealed class SlotOptionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<(HttpResponseMessage Response, JsonNode? Body)> Post(object? options) =>
        AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), options));

    private static JsonNode Participant(JsonNode body, string name) =>
        body["participants"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    [Fact]
    public async Task Without_entered_slots_the_report_slot_is_used_and_suggested()
    {
        var (response, body) = await Post(null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ma cl@sse virtuelle", (string?)body!["report"]!["platform"]);
        Assert.Equal(["Sommaire", "Temps de connexion en présence"],
            body["report"]!["sourceSheets"]!.AsArray().Select(s => (string?)s ?? ""));
        var session = body["report"]!["sessions"]!.AsArray().Single()!;
        Assert.Equal(("2020-11-10T14:00:00", "Scheduled"), ((string?)session["start"], (string?)session["source"]));
        var suggested = body["report"]!["suggestedSlots"]!.AsArray().Single()!;
        Assert.Equal(("2020-11-10T14:00:00", "2020-11-10T16:30:00"), ((string?)suggested["start"], (string?)suggested["end"]));
    }

    [Fact]
    public async Task An_entered_slot_replaces_the_report_slot()
    {
        // 14:30–16:30 instead of 14:00–16:30: Inès (13:44:59–14:11:45, then 14:40:06–16:40:43) is in it from 14:40:06
        // to 16:30:00, 1 h 49 min 54 s = 109.9 minutes of 120.
        var (response, body) = await Post(new { slots = new[] { new { start = "2020-11-10T14:30", end = "2020-11-10T16:30" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = body!["report"]!["sessions"]!.AsArray().Single()!;
        Assert.Equal(("2020-11-10T14:30:00", "2020-11-10T16:30:00", "Entered"),
            ((string?)session["start"], (string?)session["end"], (string?)session["source"]));
        Assert.Equal(120.0, (double)body["totals"]!["scheduledMinutes"]!, 6);
        var ines = Participant(body, "Inès MOREAU");
        Assert.Equal(109.9, (double)ines["minutesInSlot"]!, 6);
        Assert.Equal(109.9, (double)ines["minutesInSlotMax"]!, 6);
        Assert.Equal("Connections", (string?)ines["basis"]);
        // The report's own slot is still said, and still what the form would start from.
        Assert.Equal("2020-11-10T14:00:00", (string?)body["report"]!["slots"]!.AsArray().Single()!["start"]);
        var texts = body["sheet"]!["values"]!.AsArray().SelectMany(r => r!.AsArray()).Select(v => v?.ToString()).ToList();
        Assert.Contains("mardi 10 novembre 2020, 14:30 à 16:30 (créneau saisi par le formateur)", texts);
    }

    [Fact]
    public async Task Two_entered_slots_give_two_sessions()
    {
        var (response, body) = await Post(new
        {
            slots = new[]
            {
                new { start = "2020-11-10T14:00", end = "2020-11-10T15:00" },
                new { start = "2020-11-10T15:30", end = "2020-11-10T16:30" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body!["report"]!["sessions"]!.AsArray().Count);
        Assert.Equal(120.0, (double)body["totals"]!["scheduledMinutes"]!, 6);
    }

    [Theory]
    [InlineData("2020-11-10T16:30", "2020-11-10T14:00", "Le créneau doit se terminer après son début.")]
    [InlineData("2020-11-10T08:00", "2020-11-11T09:00", "Le créneau dure plus de 24 heures")]
    [InlineData("1990-11-10T14:00", "1990-11-10T16:00", "Le créneau doit être compris entre l'an 2000 et l'an 2100.")]
    public async Task Unusable_slots_give_400_in_french(string start, string end, string expected)
    {
        var (response, body) = await Post(new { slots = new[] { new { start, end } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (string?)body!["detail"]);
    }

    [Theory]
    [InlineData("2020-11-10T14:00Z")]
    [InlineData("2020-11-10T14:00+01:00")]
    [InlineData("10/11/2020 14:00")]
    [InlineData("demain")]
    public async Task A_time_that_is_not_local_wall_clock_iso_is_refused(string start)
    {
        var (response, body) = await Post(new { slots = new[] { new { start, end = "2020-11-10T16:30" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(start, body!.ToJsonString());
    }

    [Fact]
    public async Task Too_many_slots_are_refused()
    {
        var slots = Enumerable.Range(0, SlotInput.MaxSlots + 1)
            .Select(i => new { start = $"2020-11-{1 + i % 28:00}T09:00", end = $"2020-11-{1 + i % 28:00}T10:00" }).ToArray();

        var (response, body) = await Post(new { slots });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"Au plus {SlotInput.MaxSlots} créneaux", (string?)body!["detail"]);
    }

    [Theory]
    [InlineData("2024-03-25T14:00/2024-03-25T16:30", true)]
    [InlineData(" 2024-03-25T14:00:00 / 2024-03-25T16:30:00 ", true)]
    [InlineData("2024-03-25 14:00/2024-03-25 16:30", true)]
    [InlineData("2024-03-25T14:00", false)]
    [InlineData("2024-03-25T14:00/2024-03-25T16:30/2024-03-25T17:00", false)]
    [InlineData("14:00/16:30", false)]
    public void The_upload_form_writes_a_slot_as_start_slash_end(string text, bool readable)
    {
        Assert.Equal(readable, SlotInput.TryParse(text, out var slot));
        if (readable)
            Assert.Equal(new ScheduledSlot(new DateTime(2024, 3, 25, 14, 0, 0), new DateTime(2024, 3, 25, 16, 30, 0)), slot);
    }

    [Fact]
    public async Task A_workbook_no_platform_reads_lists_what_each_platform_report_holds()
    {
        var workbook = new WorkbookGrid([new SheetGrid("Feuil1", [[Cell.FromText("Budget"), Cell.FromNumber(12)]])]);

        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(workbook));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = body!["errors"]!.AsArray().Single()!;
        Assert.Equal("UnrecognisedReport", (string?)error["code"]);
        Assert.Contains("Ma cl@sse virtuelle : un classeur .xlsx aux feuilles « Sommaire » et « Temps de connexion en présence »",
            (string?)error["message"]);
        Assert.Contains("« Feuil1 »", (string?)error["message"]);
    }
}
