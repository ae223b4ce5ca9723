namespace AddinWeb.Reports.Grid;

/// <summary>What a cell holds, as Excel (or Office.js) hands it over.</summary>
public enum CellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    /// <summary>A real date cell (ClosedXML). Office.js sends dates as serial numbers instead: <see cref="Number"/>.</summary>
    DateTime,
}

/// <summary>
/// One cell value, independent of where it came from (Office.js <c>range.values</c> or a ClosedXML workbook).
/// Kept as a small struct because a large report holds hundreds of thousands of them.
/// </summary>
public readonly record struct Cell
{
    public CellKind Kind { get; }
    public string? Text { get; }
    public double Number { get; }
    public DateTime DateTime { get; }
    public bool Boolean { get; }

    private Cell(CellKind kind, string? text = null, double number = 0, DateTime dateTime = default, bool boolean = false)
    {
        Kind = kind;
        Text = text;
        Number = number;
        DateTime = dateTime;
        Boolean = boolean;
    }

    public static readonly Cell Empty = new(CellKind.Empty);

    /// <summary>Text cell; an empty string is an empty cell, as Office.js reports blank cells as "".</summary>
    public static Cell FromText(string? text) => string.IsNullOrEmpty(text) ? Empty : new(CellKind.Text, text);
    public static Cell FromNumber(double number) => new(CellKind.Number, number: number);
    public static Cell FromBoolean(bool value) => new(CellKind.Boolean, boolean: value);
    public static Cell FromDateTime(DateTime value) => new(CellKind.DateTime, dateTime: value);

    public bool IsEmpty => Kind == CellKind.Empty || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>Text as the user would read it, for messages and header matching (not for numbers' arithmetic).</summary>
    public override string ToString() => Kind switch
    {
        CellKind.Empty => "",
        CellKind.Text => Text!,
        CellKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CellKind.Boolean => Boolean ? "VRAI" : "FAUX",
        CellKind.DateTime => DateTime.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}
