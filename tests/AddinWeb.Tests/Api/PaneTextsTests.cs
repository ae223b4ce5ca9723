using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Api;

/// <summary>
/// The texts the task pane's slot form, platform line and unrecognised-workbook list show, worded by the backend:
/// the platform recognised, the invitation to enter the slot, each slot's own errors, the platforms read.
/// </summary>
public sealed class PaneTextsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The seed report without its slot line ("10 novembre - 14:00 à 16:30"): the sessions are then inferred.</summary>
    private static WorkbookGrid SeedWithoutSlot()
    {
        var summary = SeedReport.SummarySheet();
        var rows = summary.Rows.ToList();
        Assert.Equal("10 novembre - 14:00 à 16:30", rows[6][0].Text);
        rows[6] = [];
        return new WorkbookGrid([new SheetGrid(summary.Name, rows), SeedReport.PresenceSheet()]);
    }

    [Fact]
    public async Task The_platform_line_names_the_platform_of_the_report()
    {
        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Rapport reconnu : Ma cl@sse virtuelle", (string?)body!["texts"]!["platform"]);
        Assert.Equal($"Rapport reconnu : {(string?)body["report"]!["platform"]}", (string?)body["texts"]!["platform"]);
    }

    [Fact]
    public async Task Without_a_slot_the_pane_is_asked_to_invite_the_trainer_to_enter_it_and_an_entered_slot_ends_it()
    {
        var (_, stated) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook()));
        Assert.Null(stated!["texts"]!["slotPrompt"]);

        var (response, inferred) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedWithoutSlot()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(inferred!["issues"]!.AsArray(), i => (string?)i!["code"] == "SessionsInferred");
        Assert.Equal(ReportTexts.SlotPromptText, (string?)inferred["texts"]!["slotPrompt"]);
        Assert.Contains("avant de faire signer la feuille", ReportTexts.SlotPromptText);
        Assert.DoesNotContain("cl@sse", ReportTexts.SlotPromptText);

        var slots = new[] { new { start = "2020-11-10T14:00", end = "2020-11-10T16:30" } };
        var (_, entered) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedWithoutSlot(), new { slots }));
        Assert.Null(entered!["texts"]!["slotPrompt"]);
        Assert.Equal("mardi 10 novembre 2020, 14:00 à 16:30", (string?)entered["texts"]!["sessions"]);
    }

    [Fact]
    public async Task Each_refused_slot_comes_with_its_number_for_the_form_to_show_it_beside_that_slot()
    {
        var slots = new[]
        {
            new { start = "2020-11-10T09:00", end = "2020-11-10T12:00" },
            new { start = "2020-11-10T16:30", end = "2020-11-10T14:00" },
            new { start = "1999-11-10T14:00", end = "1999-11-10T16:00" },
        };
        var (response, problem) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), new { slots }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var bySlot = problem!["slotErrors"]!.AsArray().Select(e => ((int?)e!["slot"], (string?)e["message"])).ToList();
        Assert.Equal([(2, "Le créneau n° 2 doit se terminer après son début."), (3, "Le créneau n° 3 doit être compris entre l'an 2000 et l'an 2100.")], bySlot);
        Assert.Equal(bySlot.Select(e => e.Item2), problem["errors"]!["slots"]!.AsArray().Select(m => (string?)m));

        var check = await _client.PostAsync("/api/options/check", AnalyzeJson.Content("""{"slots": [{"start": "2020-11-10T16:30", "end": "2020-11-10T14:00"}]}"""));
        var checkProblem = JsonNode.Parse(await check.Content.ReadAsStringAsync())!;
        Assert.Equal(1, (int?)checkProblem["slotErrors"]![0]!["slot"]);
        Assert.Equal("Le créneau doit se terminer après son début.", (string?)checkProblem["slotErrors"]![0]!["message"]);
    }

    [Fact]
    public void Too_many_slots_is_a_reason_about_the_list_not_about_one_slot()
    {
        var slots = Enumerable.Range(0, SlotInput.MaxSlots + 1)
            .Select(d => new AddinWeb.Reports.ScheduledSlot(new DateTime(2024, 1, 1).AddDays(d).AddHours(9), new DateTime(2024, 1, 1).AddDays(d).AddHours(12)))
            .ToList();

        var problem = Assert.Single(SlotInput.ProblemsBySlot(slots));

        Assert.Null(problem.Slot);
        Assert.Equal(SlotInput.Problems(slots), [problem.Message]);
    }

    [Fact]
    public async Task Settings_serve_what_the_slot_form_says_of_a_slot_left_incomplete()
    {
        var settings = JsonNode.Parse(await _client.GetStringAsync("/api/settings"))!;

        var slots = settings["options"]!.AsArray().Single(o => (string?)o!["kind"] == "slots")!;
        Assert.Equal(SlotInput.IncompleteMessage, (string?)slots["incompleteMessage"]);
        Assert.Equal("Report", (string?)slots["scope"]);
    }

    [Fact]
    public async Task An_unrecognised_workbook_lists_each_platform_read_and_what_its_report_holds_in_parts()
    {
        var workbook = new WorkbookGrid([new SheetGrid("Budget", [[Cell.FromText("Poste"), Cell.FromText("Montant")]])]);

        var (response, problem) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(workbook));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var unrecognised = problem!["unrecognised"]!;
        Assert.Equal("Ce classeur n'est pas un rapport de session reconnu (feuilles « Budget »).", (string?)unrecognised["found"]);
        Assert.Equal("Rapports lus :", (string?)unrecognised["intro"]);
        var platforms = unrecognised["platforms"]!.AsArray();
        Assert.Contains(platforms, p => (string?)p!["platform"] == "Ma cl@sse virtuelle"
            && (string?)p["expected"] == "un classeur .xlsx aux feuilles « Sommaire » et « Temps de connexion en présence »");
        Assert.Contains("sans le modifier", (string?)unrecognised["advice"]);
        // The error's message says the same in one paragraph, for the pages that list errors: whole, though longer
        // than the 600 characters other messages are cut to, else the last platforms would be lost.
        var message = (string?)problem["errors"]![0]!["message"];
        Assert.EndsWith((string?)unrecognised["advice"], message);
        Assert.Null(unrecognised["message"]);
        Assert.StartsWith((string?)unrecognised["found"], message);
        foreach (var platform in platforms)
            Assert.Contains($"{(string?)platform!["platform"]} : {(string?)platform["expected"]}", message);
    }

    [Fact]
    public async Task A_workbook_of_many_sheets_names_a_few_of_them()
    {
        var workbook = new WorkbookGrid(Enumerable.Range(1, 30)
            .Select(i => new SheetGrid($"Feuil{i}", [[Cell.FromText("x")]])).ToList());

        var (_, problem) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(workbook));

        var found = (string?)problem!["unrecognised"]!["found"];
        Assert.Contains("« Feuil10 », et 20 autres", found);
        Assert.DoesNotContain("Feuil11", found);
    }
}
