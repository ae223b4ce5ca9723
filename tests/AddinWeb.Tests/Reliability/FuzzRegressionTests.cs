using System.Net;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Hosting;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reliability;

/// <summary>Inputs the fuzz tests found that made the host answer 500, kept as plain examples.</summary>
public sealed class FuzzRegressionTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private static WorkbookGrid SeedWithPresenceCell(int excelRow, int column, Cell cell)
    {
        var seed = SeedReport.Workbook(NumberStyle.Numeric, DateStyle.Text);
        var presence = seed.Sheets[1];
        var rows = presence.Rows.Select(r => (IReadOnlyList<Cell>)r.ToArray()).ToList();
        ((Cell[])rows[excelRow - 1])[column] = cell;
        return new WorkbookGrid([seed.Sheets[0], presence with { Rows = rows }]);
    }

    /// <summary>"10/11/0001 00:00:00" was read as a date of year 1, which the sheet cannot hold (ToOADate threw).</summary>
    [Theory]
    [InlineData("10/11/0001 00:00:00")]
    [InlineData("01/01/1899 13:39:50")]
    public async Task A_date_before_1900_is_reported_not_a_500(string text)
    {
        Assert.False(ExcelDates.TryRead(Cell.FromText(text), out _));
        Assert.False(ExcelDates.TryRead(Cell.FromDateTime(new DateTime(1, 11, 10)), out _));
        Assert.True(ExcelDates.TryRead(Cell.FromText("01/01/1900 00:00:00"), out _));

        var (response, body) = await AnalyzeJson.PostAsync(_client,
            AnalyzeJson.Request(SeedWithPresenceCell(SeedReport.PresenceHeaderRow + 1, 2, Cell.FromText(text))));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity });
        // The row is not silently dropped: an issue points at it.
        Assert.Contains(body!["issues"]!.AsArray(), e => (int?)e!["row"] == SeedReport.PresenceHeaderRow + 1
            && (string?)e["sheet"] == SeedReport.PresenceSheetName);
    }

    /// <summary>"afternoonStartsAt": "" passed validation (a regular expression accepts an empty string) and
    /// TimeOnly.Parse("") threw: a 500. Blank now means "not given".</summary>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_afternoon_start_is_the_default_not_a_500(string blank)
    {
        var json = AnalyzeJson.Request(SeedReport.Workbook(), new { afternoonStartsAt = blank });
        var (response, _) = await AnalyzeJson.PostAsync(_client, json);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
    }
}
