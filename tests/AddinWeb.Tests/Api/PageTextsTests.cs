using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Api;

/// <summary>
/// What the pages show is worded by the backend: the report card (<c>texts</c>), the labels of
/// <c>GET /api/settings</c>, the check of settings per field and the new sheet's names (<c>placement</c>).
/// </summary>
public sealed class PageTextsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_report_card_of_the_seed_is_worded_as_the_sheet()
    {
        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = body!["texts"]!;
        Assert.Equal($"Ce classeur est un rapport de session {(string?)body["report"]!["platform"]}.", (string?)texts["recognised"]);
        Assert.Equal(SeedReport.Title, (string?)texts["title"]);
        Assert.Equal($"{SeedReport.Title} (PAF 20A0160236-68653)", (string?)texts["training"]);
        Assert.Equal("20A0160236-68653", (string?)texts["pafLine"]);
        Assert.Equal("mardi 10 novembre 2020, 14:00 à 16:30", (string?)texts["sessions"]);
        Assert.Equal(SeedReport.Host, (string?)texts["host"]);
        Assert.Equal("12 stagiaires et 1 formateur", (string?)texts["participants"]);
        Assert.Equal("7 présents, 2 partiels, 3 absents", (string?)texts["totals"]);
        Assert.Equal("20 h 12", (string?)texts["traineeTime"]); // 1,212.5 min, cut to the minute as [h]:mm shows it

        // The same words as on the sheet: its PAF line and its trainer.
        var sheet = body["sheet"]!["values"]!.AsArray().SelectMany(r => r!.AsArray()).Select(v => v?.ToString()).ToList();
        Assert.Contains(SeedReport.Host, sheet);
    }

    [Fact]
    public void Without_a_host_line_the_card_names_the_trainers_the_report_marks()
    {
        var report = new Attendance.ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:00")
            .User("Léo MODÉRATEUR", "leo@example.org", role: ParticipantRole.Trainer)
            .Connect("Léo MODÉRATEUR", "leo@example.org", "10/11 14:00", "10/11 16:00")
            .User("Ana STAGIAIRE", "ana@example.org")
            .Connect("Ana STAGIAIRE", "ana@example.org", "10/11 14:00", "10/11 15:00")
            .Build();
        var attendance = AttendanceEngine.Compute(report, AttendanceOptions.Default);

        var texts = ReportTexts.From(new Analysis.ReportAnalysis { Report = report, Attendance = attendance, Platform = report.Platform });

        Assert.Equal("Léo MODÉRATEUR", texts.Host);
        Assert.Equal("Ce classeur est un rapport de session Plateforme de test.", texts.Recognised);
        Assert.Null(texts.Training);
        Assert.Null(texts.PafLine);
        Assert.Equal("1 stagiaire et 1 formateur", texts.Participants);
        Assert.Equal("0 présents, 1 partiel, 0 absents", texts.Totals); // as the sheet's Bilan counts
    }

    [Fact]
    public async Task Settings_serve_the_labels_of_statuses_and_roles()
    {
        var settings = JsonNode.Parse(await _client.GetStringAsync("/api/settings"))!;

        foreach (var status in Enum.GetValues<AttendanceStatus>())
            Assert.Equal(FrenchText.Status(status), (string?)settings["statuses"]![status.ToString()]);
        foreach (var role in Enum.GetValues<ParticipantRole>())
            Assert.Equal(FrenchText.Role(role), (string?)settings["roles"]![role.ToString()]);
        var present = settings["options"]!.AsArray().Single(o => (string?)o!["name"] == "presentThreshold")!;
        Assert.Equal(("Seuil de présence", "%", 100.0), ((string?)present["label"], (string?)present["unit"], (double)present["displayScale"]!));
    }

    [Fact]
    public async Task The_check_answers_the_settings_with_defaults_or_the_errors_per_field()
    {
        var accepted = await _client.PostAsync("/api/options/check", AnalyzeJson.Content("""{"presentThreshold": 0.7, "afternoonStartsAt": "12:30"}"""));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var options = JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!;
        Assert.Equal((0.7, 0.1, 10.0, "12:30"), ((double)options["presentThreshold"]!, (double)options["absentThreshold"]!,
            (double)options["toleranceMinutes"]!, (string?)options["afternoonStartsAt"]));
        Assert.Null(options["slots"]); // none entered: nothing a page could keep by mistake

        var refused = await _client.PostAsync("/api/options/check", AnalyzeJson.Content("""{"toleranceMinutes": 500, "afternoonStartsAt": "25:00"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(OptionsProblem.Title, (string?)problem["title"]);
        Assert.Equal([OptionRules.ToleranceMinutes.RangeMessage], problem["errors"]!["toleranceMinutes"]!.AsArray().Select(m => (string?)m));
        Assert.Equal([OptionRules.AfternoonStartsAt.FormatMessage], problem["errors"]!["afternoonStartsAt"]!.AsArray().Select(m => (string?)m));
        Assert.Equal($"{OptionRules.ToleranceMinutes.RangeMessage} {OptionRules.AfternoonStartsAt.FormatMessage}", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Entered_slots_come_back_from_the_check_and_their_errors_are_under_slots()
    {
        var accepted = JsonNode.Parse(await (await _client.PostAsync("/api/options/check",
            AnalyzeJson.Content("""{"slots": [{"start": "2020-11-10T14:00", "end": "2020-11-10T16:30"}]}"""))).Content.ReadAsStringAsync())!;
        Assert.Equal("2020-11-10T14:00:00", (string?)accepted["slots"]![0]!["start"]);

        var refused = await _client.PostAsync("/api/options/check",
            AnalyzeJson.Content("""{"slots": [{"start": "2020-11-10T16:30", "end": "2020-11-10T14:00"}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(["Le créneau doit se terminer après son début."], problem["errors"]!["slots"]!.AsArray().Select(m => (string?)m));
    }

    [Theory]
    [InlineData(new[] { "Sommaire", "Temps de connexion en présence" }, null, "Émargement")]
    [InlineData(new[] { "Sommaire", "émargement" }, "émargement", "Émargement (2)")]
    [InlineData(new[] { "Sommaire", "Émargement", "Émargement (2)" }, "Émargement", "Émargement (3)")]
    public async Task The_placement_names_the_new_sheet_from_every_sheet_of_the_workbook(string[] names, string? existing, string free)
    {
        var request = JsonNode.Parse(AnalyzeJson.Request(SeedReport.Workbook()))!;
        request["sheetNames"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]);

        var (response, body) = await AnalyzeJson.PostAsync(_client, request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var placement = body!["placement"]!;
        Assert.Equal(("Émargement", existing, free, "Émargement en cours"),
            ((string?)placement["wanted"], (string?)placement["existing"], (string?)placement["free"], (string?)placement["temporary"]));
    }

    [Fact]
    public void Sheet_names_follow_excels_rules()
    {
        Assert.True(SheetNaming.IsValid(new string('a', 31)));
        Assert.False(SheetNaming.IsValid(new string('a', 32)));
        Assert.False(SheetNaming.IsValid(""));
        Assert.False(SheetNaming.IsValid("'Bilan"));
        foreach (var forbidden in "[]:*?/\\")
            Assert.False(SheetNaming.IsValid($"Bilan{forbidden}2020"), forbidden.ToString());

        // A long name taken: the number still fits in 31 characters.
        var wanted = new string('x', 31);
        var free = SheetNaming.Free(wanted, [wanted]);
        Assert.Equal(new string('x', 27) + " (2)", free);
        Assert.True(SheetNaming.IsValid(free));
        Assert.Equal("Émargement en cours (2)", SheetNaming.Temporary(["ÉMARGEMENT EN COURS"]));
    }
}
