using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Emargement;
using AddinWeb.Reports;

namespace AddinWeb.Analysis;

/// <summary>The outcome of analysing one workbook: what was read, what was found, and the sheet to write.</summary>
public sealed record ReportAnalysis
{
    /// <summary>Source format that read the workbook ("via", "bbb"…), or null when none recognised it.</summary>
    public string? Format { get; init; }
    /// <summary>That source's platform name (the source's <c>Platform</c>), or null.</summary>
    public string? Platform { get; init; }
    public SessionReport? Report { get; init; }
    /// <summary>Errors and warnings, in the order of the source rows.</summary>
    public IReadOnlyList<ReportIssue> Issues { get; init; } = [];
    public AttendanceResult? Attendance { get; init; }
    public SheetLayout? Sheet { get; init; }
    /// <summary>"Empreinte du rapport source" (16 hex digits).</summary>
    public string? Fingerprint { get; init; }
    /// <summary>Which convened list was used (sheet, people), or why none; null when the report itself was not read.</summary>
    public ConvocationSummary? Convocation { get; init; }

    /// <summary>Set when no source recognised the workbook: what it holds and what each platform's report holds.</summary>
    public UnrecognisedWorkbook? Unrecognised { get; init; }

    public bool IsUsable => Report is not null && Attendance is not null && Sheet is not null
        && !Issues.Any(i => i.Severity == IssueSeverity.Error);

    public IEnumerable<ReportIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);
}
