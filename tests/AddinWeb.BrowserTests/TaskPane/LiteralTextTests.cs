using System.Text.Json;
using AddinWeb.BrowserTests.TaskPane;

namespace AddinWeb.BrowserTests;

/// <summary>
/// Strings of the layout stay literal text in Excel, whatever they look like. The real backend never sends such
/// strings on purpose, so this one test answers the analysis with a hand-made layout; everything else is real.
/// </summary>
public sealed class LiteralTextTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Strings_that_excel_would_parse_are_written_as_text()
    {
        var pane = await TaskPanePage.OpenAsync(host, WorkbookSeed.SeedReport(), page =>
            page.RouteAsync("**/api/reports/analyze", route => route.FulfillAsync(new()
            {
                Status = 200,
                ContentType = "application/json",
                Body = HandMadeResponses.LiteralTextAnalysis().ToJsonString(),
            })));
        await pane.WaitForAnalysisAsync();
        await pane.Generate.ClickAsync();
        await pane.WaitForGenerationEndAsync();
        Assert.True(await pane.Page.Locator("#failure").IsHiddenAsync(), await pane.Failure.InnerTextAsync());

        var sheet = await pane.DoubleJsonAsync("sheet('Émargement')");
        var values = sheet.GetProperty("values");
        for (var i = 0; i < HandMadeResponses.TrickyTexts.Length; i++)
        {
            var row = values[i + 1];
            Assert.Equal(HandMadeResponses.TrickyTexts[i], row[0].GetString());
            Assert.Equal(42.5, row[1].GetDouble());
            Assert.Equal("", row[2].GetString());
            Assert.True(row[3].GetBoolean());
        }
        Assert.Empty(sheet.GetProperty("formulas").EnumerateArray());
        Assert.Equal("0.00", (await pane.DoubleJsonAsync("cell('Émargement', 'B2')")).GetProperty("numberFormat").GetString());
        // 30 characters wide: (30 × 7 + 5) px = 215 px = 161.25 pt, as Excel's "Column width" box gives it.
        Assert.Equal(161.25, sheet.GetProperty("columnWidths").GetProperty("A").GetDouble());
        Assert.Equal(1, sheet.GetProperty("frozenRows").GetInt32());
        Assert.Equal("A4", sheet.GetProperty("page").GetProperty("paperSize").GetString());
        Assert.Equal(0.4 * 72, sheet.GetProperty("page").GetProperty("leftMargin").GetDouble(), 6);
        Assert.Equal("Émargement", await pane.DoubleAsync<string>("activeSheet()"));
        Assert.Empty(pane.Errors);
    }
}
