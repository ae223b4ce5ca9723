using System.Text.Json;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>The "Émargement" sheet the pane painted in the Excel double, read by its table's column heads.</summary>
public sealed class PaintedSheet
{
    private readonly List<List<JsonElement>> _rows;
    private readonly int _header;

    private PaintedSheet(JsonElement sheet)
    {
        _rows = sheet.GetProperty("values").EnumerateArray().Select(r => r.EnumerateArray().ToList()).ToList();
        _header = _rows.FindIndex(r => r.Any(c => c.ValueKind == JsonValueKind.String && c.GetString() == "Statut"));
        Assert.True(_header >= 0, "the participants' table has a header row");
    }

    public static async Task<PaintedSheet> ReadAsync(TaskPanePage pane, string name = "Émargement") =>
        new(await pane.DoubleJsonAsync($"sheet({JsonSerializer.Serialize(name)})"));

    /// <summary>Every cell of the sheet as text, to look for a word anywhere.</summary>
    public IEnumerable<string> Texts => _rows.SelectMany(r => r).Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!);

    /// <summary>The participants' rows whose "Nom" is <paramref name="lastName"/>.</summary>
    public IReadOnlyList<Row> RowsOf(string lastName)
    {
        var nom = Column("Nom");
        return _rows.Skip(_header + 1)
            .Where(r => nom < r.Count && r[nom].ValueKind == JsonValueKind.String && r[nom].GetString() == lastName)
            .Select(r => new Row(this, r)).ToList();
    }

    public Row Of(string lastName) => Assert.Single(RowsOf(lastName));

    /// <summary>The one participant's row that has a cell reading <paramref name="text"/> (a first name, a whole name).</summary>
    public Row With(string text) => new(this, Assert.Single(_rows.Skip(_header + 1),
        r => r.Any(c => c.ValueKind == JsonValueKind.String && c.GetString() == text)));

    private int Column(string head)
    {
        var index = _rows[_header].FindIndex(c => c.ValueKind == JsonValueKind.String && c.GetString() == head);
        Assert.True(index >= 0, $"column « {head} »");
        return index;
    }

    public sealed class Row(PaintedSheet sheet, List<JsonElement> cells)
    {
        public string Text(string head) => cells[sheet.Column(head)] is { ValueKind: JsonValueKind.String } c ? c.GetString()! : "";

        /// <summary>A duration cell ([h]:mm, a fraction of a day) in minutes.</summary>
        public double Minutes(string head) => cells[sheet.Column(head)].GetDouble() * 1440;

        public string Line => string.Join(" | ", cells.Select(c => c.ToString()));
    }
}
