using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AddinWeb.Api;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Api;

/// <summary>
/// Swagger's "Try it out" body is the user's whole seed report, exactly as the task pane would send it (serial
/// dates, numeric figures, fictional names): a newcomer gets the seed's figures from /swagger in one click.
/// </summary>
public sealed class SwaggerExampleTests
{
    private static readonly string ExamplePath = SeedWorkbook.RepositoryPath("AddinWeb", "Api", "Examples", "analyze-request.json");

    [Fact]
    public void The_swagger_example_is_the_seed_report_as_the_task_pane_sends_it()
    {
        var expected = SeedRequestJson();
        // EMARGEMENT_WRITE_EXAMPLE=1 rewrites the file from the seed (after a change of the seed), then checks it.
        if (Environment.GetEnvironmentVariable("EMARGEMENT_WRITE_EXAMPLE") == "1")
            File.WriteAllText(ExamplePath, expected, new UTF8Encoding(false));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(File.ReadAllText(ExamplePath))),
            "analyze-request.json differs from the seed: run the tests once with EMARGEMENT_WRITE_EXAMPLE=1.");
        Assert.Equal(File.ReadAllText(ExamplePath), AnalyzeRequestExample.Text);
    }

    /// <summary>The request, one sheet row per line so the example stays readable in Swagger and in a diff.</summary>
    private static string SeedRequestJson()
    {
        var options = ApiServices.ConfigureJson(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        var json = new StringBuilder("{\n  \"sheets\": [\n");
        var sheets = SeedReport.Workbook(NumberStyle.Numeric, DateStyle.SerialNumber).Sheets;
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
        {
            var width = sheet.Rows.Max(r => r.Count);
            var lastColumn = AddinWeb.Reports.Grid.SheetGrid.ColumnLetters(width);
            json.Append("    {\n")
                .Append($"      \"name\": {JsonSerializer.Serialize(sheet.Name, options)},\n")
                .Append($"      \"address\": {JsonSerializer.Serialize($"'{sheet.Name}'!A1:{lastColumn}{sheet.Rows.Count}", options)},\n")
                .Append("      \"values\": [\n")
                .Append(string.Join(",\n", sheet.Rows.Select(row =>
                    "        " + JsonSerializer.Serialize(row.Concat(Enumerable.Repeat(AddinWeb.Reports.Grid.Cell.Empty, width - row.Count)), options))))
                .Append("\n      ]\n    }")
                .Append(index < sheets.Count - 1 ? ",\n" : "\n");
        }
        json.Append("  ],\n  \"options\": {\"presentThreshold\": 0.8, \"absentThreshold\": 0.1, \"toleranceMinutes\": 10}\n}\n");
        return json.ToString();
    }
}
