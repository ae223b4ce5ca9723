using System.Net;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Hosting;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reliability;

/// <summary>
/// RGPD: names and emails never reach the logs, at any level, whatever the outcome. Every log line of the host
/// (Trace level, every category, scopes and exceptions included) is captured while reports are analysed.
/// </summary>
public sealed class PrivacyTests
{
    /// <summary>Every name, name part and email of the seed, as a log line could write them.</summary>
    private static IEnumerable<string> PersonalData() =>
        SeedReport.SummaryRows.SelectMany(r => new[] { r.Name, r.Email }.Concat(r.Name.Split(' ')))
            .Concat(SeedReport.PresenceRows.SelectMany(r => new[] { r.Name, r.Email }))
            .Append(SeedReport.Host).Append("Stamminger")
            .Concat(["Sophie", "BLANC", "sophie.blanc", "Marie-Hélène", "DA SILVA", "LEFEVRE", "LOUIS.MARTIN"])
            .Where(s => s.Length >= 3)
            .Distinct();

    [Fact]
    public async Task No_name_or_email_of_the_seed_is_logged_whatever_the_outcome()
    {
        await using var factory = new HostFactory(null);
        var client = factory.CreateClient();

        // A clean report, both styles, the upload, and unusable variants whose errors point at rows.
        var (ok, _) = await AnalyzeJson.PostAsync(client, AnalyzeJson.Request(SeedReport.Workbook()));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var (text, _) = await AnalyzeJson.PostAsync(client, AnalyzeJson.Request(SeedReport.Workbook(NumberStyle.FrenchText, DateStyle.Text)));
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        var onlyPresence = new AddinWeb.Reports.Grid.WorkbookGrid([SeedReport.PresenceSheet()]);
        var (unusable, _) = await AnalyzeJson.PostAsync(client, AnalyzeJson.Request(onlyPresence));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unusable.StatusCode);
        var broken = AnalyzeJson.Request(SeedReport.Workbook()).Replace("\"values\":[[", "\"values\":[[[");
        var (bad, _) = await AnalyzeJson.PostAsync(client, broken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // With a convened list, found or named, usable or not.
        var withList = new AddinWeb.Reports.Grid.WorkbookGrid([.. SeedReport.Workbook().Sheets, Convocation.ConvocationSheets.Gaia()]);
        var (listed, _) = await AnalyzeJson.PostAsync(client, AnalyzeJson.Request(withList));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var badList = new AddinWeb.Reports.Grid.WorkbookGrid([.. SeedReport.Workbook().Sheets,
            Convocation.ConvocationSheets.Sheet("Liste", [["Nom", "Prénom", "Mél"], [null, "Sophie", "sophie.blanc(at)x"], ["Total 2", null, null]])]);
        var (refused, refusal) = await AnalyzeJson.PostAsync(client, AnalyzeJson.Request(badList, new { convocationSheet = "Liste" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        // No people under the header, then what each row lacks (a name, a readable email, a name that is no footer).
        Assert.Equal(4, refusal!["issues"]!.AsArray().Count(i => (string?)i!["sheet"] == "Liste"));
        Assert.DoesNotContain("sophie", refusal.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Total 2", refusal.ToJsonString());

        using var form = UploadEndpointTests.Form(SeedWorkbook.Bytes(), "rapport Camille DURAND.xlsx");
        using var upload = await client.PostAsync("/api/reports/analyze-file", form);
        Assert.True(upload.StatusCode == HttpStatusCode.OK, string.Join("\n", factory.Logs.Lines.Where(l => l.StartsWith("Error"))));

        // The upload with its convened list as a .csv and a slot, a list file that cannot be read, and a .csv no
        // source reads: their cells are names too.
        using (var listed2 = await client.PostAsync("/api/reports/analyze-file",
                   UploadFormFieldsTests.Form(UploadFormFieldsTests.GaiaCsv(), "convoques.csv", "2020-11-10T14:30/2020-11-10T16:30")))
            Assert.Equal(HttpStatusCode.OK, listed2.StatusCode);
        using (var badFile = await client.PostAsync("/api/reports/analyze-file",
                   UploadFormFieldsTests.Form([0x50, 0x4B, 3, 4, 0, 0], "convoques.csv")))
            Assert.Equal(HttpStatusCode.BadRequest, badFile.StatusCode);
        using (var csv = await client.PostAsync("/api/reports/analyze-file",
                   UploadEndpointTests.Form(UploadFormFieldsTests.GaiaCsv(), "participants.csv")))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, csv.StatusCode);

        var lines = factory.Logs.Lines.ToList();
        Assert.True(lines.Count > 20, $"only {lines.Count} log lines captured: the capture is not working");
        Assert.Contains(lines, l => l.Contains("/api/reports/analyze"));
        foreach (var personal in PersonalData())
        {
            var leak = lines.FirstOrDefault(l => l.Contains(personal, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"« {personal} » found in a log line: {leak}");
        }
    }

    [Fact]
    public async Task Error_answers_never_quote_names_or_emails()
    {
        await using var factory = new HostFactory(null);
        var client = factory.CreateClient();
        // Every data cell moved one column right: names where emails should be, emails where dates should be.
        var shifted = new AddinWeb.Reports.Grid.WorkbookGrid(SeedReport.Workbook().Sheets.Select(s => s with
        {
            Rows = s.Rows.Select((r, i) => i > 12 ? (IReadOnlyList<AddinWeb.Reports.Grid.Cell>)[AddinWeb.Reports.Grid.Cell.Empty, .. r] : r).ToList(),
        }).ToList());
        using var response = await client.PostAsync("/api/reports/analyze", AnalyzeJson.Content(AnalyzeJson.Request(shifted)));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK) return; // a 200 carries the participants by design
        var issues = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        var messages = string.Join("\n", (issues["errors"]?.AsArray() ?? []).Concat(issues["issues"]?.AsArray() ?? [])
            .Select(e => (string?)e!["message"]).Append((string?)issues["detail"]));
        foreach (var personal in PersonalData())
            Assert.DoesNotContain(personal, messages, StringComparison.OrdinalIgnoreCase);
    }
}
