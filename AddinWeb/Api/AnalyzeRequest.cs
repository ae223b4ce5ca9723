using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Api;

/// <summary>The workbook as the task pane reads it with Office.js, plus the trainer's options.</summary>
public sealed record AnalyzeRequest
{
    /// <summary>The sheets of the workbook, in tab order (the task pane may send only the report's sheets).</summary>
    [Required]
    public IReadOnlyList<SheetPayload> Sheets { get; init; } = [];

    /// <summary>Thresholds and tolerance; defaults apply to what is left out.</summary>
    public AnalyzeOptions? Options { get; init; }

    /// <summary>
    /// Every sheet name of the workbook in tab order, the empty ones too (the task pane sends them so that the
    /// backend picks the name of the new sheet: <see cref="AnalyzeResponse.Placement"/>). Left out: the names of
    /// <see cref="Sheets"/>.
    /// </summary>
    public IReadOnlyList<string>? SheetNames { get; init; }

    public WorkbookGrid ToWorkbook() => new(Sheets.Select(s => s.ToGrid()).ToList());
}

/// <summary>One worksheet's used range.</summary>
public sealed partial record SheetPayload
{
    /// <summary>Sheet name as shown on its tab.</summary>
    [Required]
    public string Name { get; init; } = "";

    /// <summary>Office.js <c>usedRange.address</c>, e.g. "Sommaire!A1:J27"; A1 when left out.</summary>
    public string? Address { get; init; }

    /// <summary>
    /// Exactly Office.js <c>range.values</c>: strings, numbers, booleans, dates as serial numbers. Values only: no
    /// stage reads number formats (a date is told by its column), so the task pane does not load them.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Cell>> Values { get; init; } = [];

    public SheetGrid ToGrid()
    {
        var (row, column) = TopLeft(Address);
        return new SheetGrid(Name, Values, row, column);
    }

    /// <summary>Top-left cell of an address such as "'Temps de connexion'!C5:K40" (1-based row and column).</summary>
    internal static (int Row, int Column) TopLeft(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return (1, 1);
        var local = address[(address.LastIndexOf('!') + 1)..];
        var match = CellReference().Match(local);
        if (!match.Success) return (1, 1);
        var column = 0;
        foreach (var letter in match.Groups[1].Value.ToUpperInvariant())
            column = column * 26 + (letter - 'A' + 1);
        return (int.Parse(match.Groups[2].Value), column);
    }

    [GeneratedRegex(@"^\$?([A-Za-z]{1,3})\$?(\d{1,7})")]
    private static partial Regex CellReference();
}
