using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Convocation.ConvocationSheets;

namespace AddinWeb.Tests.Convocation;

/// <summary>
/// Issue 11 on the platforms of issue 9: a convened list pasted beside a BigBlueButton, Teams or Zoom report as
/// Excel shows it. The samples hold the same fictional people: Agnès Formatrice (the trainer: moderator, organiser,
/// meeting host), Bruno and Chloé (BBB: "Bruno Stagiaire", "Chloé Stagiaire"; Teams and Zoom: "Martin, Bruno",
/// "Chloé Petit"). The list convenes Bruno (email in capitals), Chloé (accent dropped, no email) and Camille DURAND,
/// who never connected; nobody is uninvited but the trainer, who is never a convened trainee. Matching is by email
/// where the platform gives one (Teams, Zoom), by name otherwise (BBB: two people of one last name, told apart by
/// their first names).
/// </summary>
public sealed class ConvocationOnPlatformsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static SheetGrid List(string brunoLastName, string chloeLastName) => Sheet("Convoqués",
    [
        ["Liste des stagiaires convoqués"],
        [],
        ["NOM", "Prénom", "Mél"],
        [brunoLastName.ToUpperInvariant(), "Bruno", "BRUNO.MARTIN@AC-EXEMPLE.FR"],
        [chloeLastName.ToUpperInvariant(), "Chloe", null],
        ["DURAND", "Camille", "camille.durand@ac-exemple.fr"],
    ]);

    public static TheoryData<string, ExcelLocale, string, string> Reports => new()
    {
        { PlatformFiles.BbbSample, ExcelLocale.French, "Stagiaire", "Stagiaire" },
        { PlatformFiles.TeamsSample, ExcelLocale.English, "Martin", "Petit" },
        { PlatformFiles.ZoomSample, ExcelLocale.French, "Martin", "Petit" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task The_convened_list_adds_the_absentee_and_matches_every_platform_s_people(
        string file, ExcelLocale locale, string brunoLastName, string chloeLastName)
    {
        var shown = ExcelOpensCsv.Open(PlatformFiles.Bytes(file), file, locale);
        var workbook = new WorkbookGrid([.. shown.Sheets, List(brunoLastName, chloeLastName)]);

        var (response, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(workbook,
            new { slots = new[] { new { start = "2025-03-04T09:00", end = "2025-03-04T12:00" } } }));

        Assert.True(response.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal("Convoqués", (string?)body!["convocation"]!["sheet"]);
        Assert.Equal(3, (int)body["convocation"]!["people"]!);
        var participants = body["participants"]!.AsArray();
        Assert.Equal(4, participants.Count);

        var trainer = Person(body, "Agnès", "Formatrice");
        Assert.Equal("Trainer", (string?)trainer["role"]);
        Assert.False((bool)trainer["convened"]!);
        // Bruno 161.2 of 180 min, Chloé 44.45: the same figures on every platform's sample.
        Assert.True((bool)Person(body, "Bruno", brunoLastName)["convened"]!);
        Assert.Equal("Present", (string?)Person(body, "Bruno", brunoLastName)["status"]);
        Assert.True((bool)Person(body, "Chloé", chloeLastName)["convened"]!);
        Assert.Equal("Partial", (string?)Person(body, "Chloé", chloeLastName)["status"]);
        var absentee = Person(body, "Camille", "DURAND");
        Assert.True((bool)absentee["convened"]!);
        Assert.Equal("Absent", (string?)absentee["status"]);
        Assert.Equal(0, (int)absentee["connections"]!);
        Assert.Equal(6, (int)absentee["convocationRow"]!["row"]!);

        var totals = body["totals"]!;
        Assert.Equal((3, 1, 1, 1, 0), ((int)totals["convened"]!, (int)totals["present"]!, (int)totals["partial"]!,
            (int)totals["absent"]!, (int)totals["notConvened"]!));
    }

    private static JsonNode Person(JsonNode body, string firstName, string lastName) =>
        body["participants"]!.AsArray().Single(p => (string?)p!["firstName"] == firstName
            && string.Equals((string?)p["lastName"], lastName, StringComparison.OrdinalIgnoreCase))!;
}
