using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using AddinWeb.Attendance;
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

    /// <summary>Exactly Office.js <c>range.values</c>: strings, numbers, booleans, dates as serial numbers.</summary>
    public IReadOnlyList<IReadOnlyList<Cell>> Values { get; init; } = [];

    /// <summary>Optional Office.js <c>range.numberFormat</c>, parallel to <see cref="Values"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string?>>? NumberFormat { get; init; }

    public SheetGrid ToGrid()
    {
        var (row, column) = TopLeft(Address);
        return new SheetGrid(Name, Values, row, column, NumberFormat);
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

/// <summary>Options of one analysis; every member is optional.</summary>
public sealed record AnalyzeOptions
{
    /// <summary>Rate from which a participant is "Présent", 0–1 (default 0.8).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Le seuil de présence doit être compris entre 0 et 1 (par exemple 0,8 pour 80 %).")]
    public double? PresentThreshold { get; init; }

    /// <summary>Rate under which a participant is "Absent", 0–1 (default 0.1).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Le seuil d'absence doit être compris entre 0 et 1 (par exemple 0,1 pour 10 %).")]
    public double? AbsentThreshold { get; init; }

    /// <summary>Minutes of tolerance for late arrival and early leave (default 10).</summary>
    [Range(0.0, 240.0, ErrorMessage = "La tolérance doit être comprise entre 0 et 240 minutes.")]
    public double? ToleranceMinutes { get; init; }

    /// <summary>When the report gives no slot, hour at which the afternoon starts, "HH:mm" (default "13:00").</summary>
    [RegularExpression(@"^([01]?\d|2[0-3]):[0-5]\d$", ErrorMessage = "L'heure de début d'après-midi doit être au format HH:mm, par exemple 13:00.")]
    public string? AfternoonStartsAt { get; init; }

    /// <summary>
    /// The scheduled slots the trainer entered, local wall-clock times; when given, they replace the slots the report
    /// states. Left out: the report's slots, else sessions inferred from the connections (with a warning).
    /// </summary>
    public IReadOnlyList<SlotPayload>? Slots { get; init; }

    /// <summary>
    /// The sheet that holds the convened list (the trainees GAIA convened), as named on its tab. Left out: the list is
    /// looked for among the sheets that are not the report's; "" : no list (the sheet lists the report's
    /// participants only). The answer's <c>convocation</c> says which sheet was taken.
    /// </summary>
    [StringLength(255, ErrorMessage = "Le nom de la feuille de la liste des convoqués est trop long.")]
    public string? ConvocationSheet { get; init; }

    /// <summary>What is wrong with the options beyond each field's own range, in French (empty when nothing is).</summary>
    public IReadOnlyList<string> Problems()
    {
        var options = ToAttendanceOptions();
        var problems = new List<string>();
        if (options.AbsentThreshold > options.PresentThreshold)
            problems.Add("Le seuil d'absence doit être inférieur ou égal au seuil de présence.");
        if (options.Slots is { } slots)
            problems.AddRange(SlotInput.Problems(slots));
        return problems;
    }

    public AttendanceOptions ToAttendanceOptions()
    {
        var defaults = AttendanceOptions.Default;
        return new AttendanceOptions
        {
            PresentThreshold = PresentThreshold ?? defaults.PresentThreshold,
            AbsentThreshold = AbsentThreshold ?? defaults.AbsentThreshold,
            ToleranceMinutes = ToleranceMinutes ?? defaults.ToleranceMinutes,
            // Blank is "not given": [RegularExpression] lets "" through, and TimeOnly.Parse("") throws.
            AfternoonStartsAt = AfternoonStartsAt is { } text && !string.IsNullOrWhiteSpace(text) ? TimeOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : defaults.AfternoonStartsAt,
            Slots = Slots is { Count: > 0 } slots
                ? slots.Where(s => s is not null).Select(s => new Reports.ScheduledSlot(s.Start, s.End)).ToList()
                : null,
        };
    }
}
