using System.Text.Json.Serialization;

namespace AddinWeb.Emargement;

/// <summary>
/// The "Émargement" sheet as data: everything both renderers need (ClosedXML on the server, Office.js in the task
/// pane) so that both produce the same sheet. Formats are given per range, never per cell, so the JSON grows only
/// with the values. Coordinates are A1 addresses relative to the sheet ("A1", "B3:N3").
/// </summary>
public sealed record SheetLayout
{
    /// <summary>Wanted sheet name; the renderer picks "Émargement (2)", "(3)"… when it is taken.</summary>
    public string Name { get; init; } = "Émargement";

    /// <summary>
    /// Cell values, row by row from A1, as JSON primitives: string, number, boolean or null (blank).
    /// Dates and times are Excel serial numbers and durations are fractions of a day, typed by a number format
    /// in <see cref="Formats"/>. A string is always literal text: a renderer must never let Excel read it as a
    /// formula, a number or a date (e.g. "=HYPERLINK(…)", "+33…", "-", "@x", "10/11/2020").
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<object?>> Values { get; init; }

    /// <summary>Format runs, applied in order (a later run overrides an earlier one on the same cells).</summary>
    public IReadOnlyList<RangeFormat> Formats { get; init; } = [];

    /// <summary>Merged ranges, e.g. "A1:N1".</summary>
    public IReadOnlyList<string> Merges { get; init; } = [];

    /// <summary>Column widths from column A, in Excel character units (as in Excel's "Column width" box).</summary>
    public IReadOnlyList<double> ColumnWidths { get; init; } = [];

    /// <summary>Row heights in points, only for rows that need one.</summary>
    public IReadOnlyList<RowHeight> RowHeights { get; init; } = [];

    /// <summary>Rows kept visible when scrolling (the header of the participants' table included).</summary>
    public int FrozenRows { get; init; }

    public required PrintSetup Print { get; init; }

    [JsonIgnore]
    public int RowCount => Values.Count;

    [JsonIgnore]
    public int ColumnCount => Values.Count == 0 ? 0 : Values.Max(r => r.Count);
}

/// <summary>Formatting of one range. Null members are left as Excel's default.</summary>
public sealed record RangeFormat
{
    public required string Range { get; init; }
    /// <summary>Excel number format, e.g. "dd/mm/yyyy hh:mm", "[h]:mm", "0%", "@".</summary>
    public string? NumberFormat { get; init; }
    public bool? Bold { get; init; }
    public bool? Italic { get; init; }
    public double? FontSize { get; init; }
    /// <summary>"#RRGGBB".</summary>
    public string? FontColor { get; init; }
    /// <summary>Background "#RRGGBB".</summary>
    public string? Fill { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
    public VerticalAlignment? VerticalAlignment { get; init; }
    public bool? WrapText { get; init; }
    public Borders? Borders { get; init; }
}

/// <summary>Borders of a range: <see cref="Outline"/> around it, <see cref="Inside"/> between its cells.</summary>
public sealed record Borders
{
    /// <summary>Weight of the line around the range; null for none.</summary>
    public BorderWeight? Outline { get; init; }
    /// <summary>Weight of the lines between the range's cells; null for none.</summary>
    public BorderWeight? Inside { get; init; }
    /// <summary>Only the bottom edge, for underlined title rows.</summary>
    public BorderWeight? Bottom { get; init; }
    public string Color { get; init; } = "#000000";
}

/// <summary>Height of one row (1-based), in points.</summary>
public sealed record RowHeight(int Row, double Points);

/// <summary>Page setup for printing on A4.</summary>
public sealed record PrintSetup
{
    public PageOrientation Orientation { get; init; } = PageOrientation.Landscape;
    public PaperType PaperSize { get; init; } = PaperType.A4;
    public int FitToPagesWide { get; init; } = 1;
    /// <summary>0: as many pages tall as needed.</summary>
    public int FitToPagesTall { get; init; }
    /// <summary>Rows repeated at the top of every printed page, e.g. "$8:$8".</summary>
    public string? TitleRows { get; init; }
    /// <summary>Print area, e.g. "A1:N40".</summary>
    public string? PrintArea { get; init; }
    /// <summary>Footer in Excel header/footer codes, e.g. "Page &amp;P / &amp;N".</summary>
    public string? CenterFooter { get; init; }
    public string? LeftFooter { get; init; }
    public string? RightFooter { get; init; }
    /// <summary>Margins in inches (ClosedXML's unit; Office.js takes points = inches × 72).</summary>
    public double MarginLeft { get; init; } = 0.4;
    public double MarginRight { get; init; } = 0.4;
    public double MarginTop { get; init; } = 0.5;
    public double MarginBottom { get; init; } = 0.6;
    public bool CenterHorizontally { get; init; } = true;
}
