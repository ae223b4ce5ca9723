using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Emargement;
using AddinWeb.Reports;

namespace AddinWeb.Api;

/// <summary>The analysis of a usable report: what was read, who attended what, the findings and the sheet to write.</summary>
public sealed record AnalyzeResponse
{
    /// <summary>Source format: "via", "bbb", "teams", "zoom".</summary>
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
    /// <summary>
    /// The convened list: which sheet (or file) was taken and how many people it holds, or that there is none
    /// (<c>hasList</c> false), with the sentence to show. With a list, each participant's <c>convened</c> is true or
    /// false and the totals count the convened and the others apart; without, <c>convened</c> is null.
    /// </summary>
    public required ConvocationSummary Convocation { get; init; }

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
            Texts = ReportTexts.From(analysis),
            Convocation = analysis.Convocation!,
        };
    }
}

/// <summary>The report's title block and the sessions attendance was computed against.</summary>
public sealed record ReportSummary
{
    /// <summary>The platform the report comes from, as its users name it (each source's <c>Platform</c>).</summary>
    public required string Platform { get; init; }
    public string? Title { get; init; }
    public string? PafReference { get; init; }
    public string? ModuleNumber { get; init; }
    public string? Host { get; init; }
    public ReportPeriod? Period { get; init; }
    public DateTime? GeneratedAt { get; init; }
    /// <summary>The slots the report itself states (Via's slot lines; none for most platforms).</summary>
    public IReadOnlyList<ScheduledSlot> Slots { get; init; } = [];
    /// <summary>When the meeting actually ran, as the platform recorded it (Teams, Zoom); null when it does not say.</summary>
    public ScheduledSlot? Meeting { get; init; }
    /// <summary>The sessions attendance was computed against: the slots entered, else the report's, else inferred.</summary>
    public IReadOnlyList<AttendanceSession> Sessions { get; init; } = [];
    /// <summary>What the slot form starts from: the report's slots, else the meeting's times, else the sessions found.</summary>
    public IReadOnlyList<ScheduledSlot> SuggestedSlots { get; init; } = [];
    /// <summary>The workbook's sheets the report was read from, in the order their rows are listed.</summary>
    public required IReadOnlyList<string> SourceSheets { get; init; }

    public static ReportSummary From(SessionReport report, AttendanceResult attendance) => new()
    {
        Platform = report.Platform,
        Title = report.Header.Title,
        PafReference = report.Header.PafReference,
        ModuleNumber = report.Header.ModuleNumber,
        Host = report.Header.Host,
        Period = report.Header.Period,
        GeneratedAt = report.Header.GeneratedAt,
        Slots = report.Header.Slots,
        Meeting = report.Header.Meeting,
        Sessions = attendance.Sessions,
        SuggestedSlots = SlotSuggestion.For(report, attendance),
        SourceSheets = report.SourceSheets,
    };
}
