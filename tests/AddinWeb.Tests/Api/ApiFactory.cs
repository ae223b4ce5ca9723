using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AddinWeb.Api;
using AddinWeb.Reports.Grid;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AddinWeb.Tests.Api;

/// <summary>The host in memory (TestServer), in the "Testing" environment.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Testing");
}

/// <summary>Builds analyze requests exactly as the task pane sends them.</summary>
public static class AnalyzeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new CellJsonConverter() } };

    public static string Request(WorkbookGrid workbook, object? options = null) =>
        JsonSerializer.Serialize(new
        {
            sheets = workbook.Sheets.Select(s => new
            {
                name = s.Name,
                address = $"'{s.Name}'!{SheetGrid.ColumnLetters(s.FirstColumn)}{s.FirstRow}",
                values = s.Rows,
            }),
            options,
        }, Options);

    public static StringContent Content(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(HttpClient client, string json)
    {
        var response = await client.PostAsync("/api/reports/analyze", Content(json));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
