using System.Text.Json;
using System.Text.Json.Nodes;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// A workbook for the Excel double, as Excel holds it after opening the .xlsx: numbers as numbers, dates as serial
/// numbers with a date format. Built from the same seed report as the unit tests.
/// </summary>
public sealed class WorkbookSeed
{
    public List<SeedSheet> Sheets { get; } = [];
    public string? Active { get; set; }

    public sealed record SeedSheet(string Name, List<List<object?>> Values, List<List<string>> NumberFormat);

    /// <summary>The seed report (Sommaire, then Temps de connexion en présence).</summary>
    public static WorkbookSeed SeedReport()
    {
        var seed = new WorkbookSeed();
        foreach (var sheet in AddinWeb.Tests.Seed.SeedReport.Workbook().Sheets) seed.Add(sheet);
        return seed;
    }

    public WorkbookSeed Add(SheetGrid sheet)
    {
        var width = sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Count);
        var values = new List<List<object?>>();
        var formats = new List<List<string>>();
        var dateColumns = sheet.Name == AddinWeb.Tests.Seed.SeedReport.PresenceSheetName ? new[] { 2, 3 } : [];
        var headerRow = sheet.Name == AddinWeb.Tests.Seed.SeedReport.PresenceSheetName
            ? AddinWeb.Tests.Seed.SeedReport.PresenceHeaderRow : AddinWeb.Tests.Seed.SeedReport.SummaryHeaderRow;
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new List<object?>();
            var format = new List<string>();
            for (var c = 0; c < width; c++)
            {
                var cell = sheet[r, c];
                row.Add(cell.Kind switch
                {
                    CellKind.Text => cell.Text,
                    CellKind.Number => cell.Number,
                    CellKind.Boolean => cell.Boolean,
                    CellKind.DateTime => cell.DateTime.ToOADate(),
                    _ => "",
                });
                format.Add(r + 1 > headerRow && dateColumns.Contains(c) && cell.Kind == CellKind.Number ? "dd/mm/yyyy hh:mm:ss" : "General");
            }
            values.Add(row);
            formats.Add(format);
        }
        Sheets.Add(new SeedSheet(sheet.Name, values, formats));
        return this;
    }

    public WorkbookSeed AddSheet(string name, params object?[][] rows)
    {
        var width = rows.Length == 0 ? 0 : rows.Max(r => r.Length);
        Sheets.Add(new SeedSheet(name,
            rows.Select(r => Enumerable.Range(0, width).Select(c => c < r.Length ? r[c] : "").ToList()).ToList(),
            rows.Select(_ => Enumerable.Repeat("General", width).ToList()).ToList()));
        return this;
    }

    /// <summary>The body of POST /api/reports/analyze for this workbook, as the task pane sends it.</summary>
    public JsonObject AnalyzeRequest() => new()
    {
        ["sheets"] = new JsonArray(Sheets.Where(s => s.Values.Count > 0).Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["address"] = $"'{s.Name.Replace("'", "''")}'!A1:{SheetGrid.ColumnLetters(s.Values.Max(r => r.Count))}{s.Values.Count}",
            ["values"] = JsonSerializer.SerializeToNode(s.Values),
        }).ToArray()),
        ["sheetNames"] = new JsonArray(Sheets.Select(s => (JsonNode)s.Name).ToArray()),
        ["options"] = new JsonObject(),
    };

    public string ToJson() => JsonSerializer.Serialize(new { sheets = Sheets.Select(s => new { name = s.Name, values = s.Values, numberFormat = s.NumberFormat }), active = Active });
}
