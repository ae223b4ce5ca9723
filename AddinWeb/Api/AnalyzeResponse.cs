using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;

namespace AddinWeb.Api;

/// <summary>The analysis of a usable report: what was read, who attended what, the findings and the sheet to write.</summary>
public sealed record AnalyzeResponse
{
    /// <summary>Source format, "via".</summary>
    public required string Format { get; init; }
    public required ReportSummary Report { get; init; }
    /// <summary>Trainers first, then trainees by last name.</summary>
    public required IReadOnlyList<ParticipantAttendance> Participants { get; init; }
    public required AttendanceTotals Totals { get; init; }
    /// <summary>Warnings (a usable report has no error), in source order.</summary>
    public required IReadOnlyList<ReportIssue> Issues { get; init; }
    /// <summary>"Empreinte du rapport source".</summary>
    public required string Fingerprint { get; init; }
    /// <summary>The "Émargement" sheet for the task pane to paint.</summary>
    public required SheetLayout Sheet { get; init; }
    /// <summary>What the task pane and the upload page show about the report, worded by the backend.</summary>
    public required ReportTexts Texts { get; init; }
    /// <summary>The new sheet's names, from the request's sheet names (JSON API only).</summary>
    public SheetPlacement? Placement { get; init; }

    public static AnalyzeResponse From(ReportAnalysis analysis)
    {
        var report = analysis.Report!;
        var attendance = analysis.Attendance!;
        return new AnalyzeResponse
        {
            Format = analysis.Format!,
            Report = ReportSummary.From(report, attendance),
            Participants = attendance.Participants,
            Totals = attendance.Totals,
            Issues = analysis.Issues,
            Fingerprint = analysis.Fingerprint!,
            Sheet = analysis.Sheet!,
            Texts = ReportTexts.From(analysis, EmargementLayout.Platform),
        };
    }
}

/// <summary>The report's title block and the sessions attendance was computed against.</summary>
public sealed record ReportSummary
{
    public string? Title { get; init; }
    public string? PafReference { get; init; }
    public string? ModuleNumber { get; init; }
    public string? Host { get; init; }
    public ReportPeriod? Period { get; init; }
    public DateTime? GeneratedAt { get; init; }
    public IReadOnlyList<ScheduledSlot> Slots { get; init; } = [];
    public IReadOnlyList<AttendanceSession> Sessions { get; init; } = [];
    public required string SummarySheet { get; init; }
    public required string PresenceSheet { get; init; }

    public static ReportSummary From(SessionReport report, AttendanceResult attendance) => new()
    {
        Title = report.Header.Title,
        PafReference = report.Header.PafReference,
        ModuleNumber = report.Header.ModuleNumber,
        Host = report.Header.Host,
        Period = report.Header.Period,
        GeneratedAt = report.Header.GeneratedAt,
        Slots = report.Header.Slots,
        Sessions = attendance.Sessions,
        SummarySheet = report.SummarySheet,
        PresenceSheet = report.PresenceSheet,
    };
}
