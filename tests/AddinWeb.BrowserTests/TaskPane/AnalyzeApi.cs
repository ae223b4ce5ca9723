using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>The same analysis the task pane asks for, straight from the API, to compare the painted sheet with.</summary>
public static class AnalyzeApi
{
    public static async Task<JsonNode> AnalyzeAsync(HostFixture host, WorkbookSeed workbook)
    {
        using var client = host.CreateClient();
        using var content = new StringContent(workbook.AnalyzeRequest().ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/reports/analyze", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"analyze: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Layout values as Excel holds them: a blank (null) cell reads back as "".</summary>
    public static List<List<object>> ExpectedValues(JsonNode sheet) =>
        sheet["values"]!.AsArray().Select(row => row!.AsArray().Select(Normalize).ToList()).ToList();

    public static List<List<object>> ActualValues(JsonElement sheet) =>
        sheet.GetProperty("values").EnumerateArray().Select(row => row.EnumerateArray().Select(Normalize).ToList()).ToList();

    private static object Normalize(JsonNode? node) => node is null ? "" : Normalize(JsonSerializer.SerializeToElement(node));

    private static object Normalize(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => "",
    };

    /// <summary>Pads both grids to the same size with blanks: Excel has no notion of a row's length.</summary>
    public static void AssertSameValues(List<List<object>> expected, List<List<object>> actual)
    {
        var rows = Math.Max(expected.Count, actual.Count);
        var columns = Math.Max(expected.DefaultIfEmpty([]).Max(r => r.Count), actual.DefaultIfEmpty([]).Max(r => r.Count));
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                var want = r < expected.Count && c < expected[r].Count ? expected[r][c] : "";
                var got = r < actual.Count && c < actual[r].Count ? actual[r][c] : "";
                Assert.True(Equals(want, got), $"cell {Reports.Grid.SheetGrid.ColumnLetters(c + 1)}{r + 1}: expected «{want}», got «{got}»");
            }
    }
}
