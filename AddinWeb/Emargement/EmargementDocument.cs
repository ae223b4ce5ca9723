using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Reports;

namespace AddinWeb.Emargement;

/// <summary>Everything the "Émargement" sheet shows, gathered before layout.</summary>
public sealed record EmargementDocument(
    SessionReport Report,
    AttendanceResult Attendance,
    IReadOnlyList<ReportIssue> Warnings,
    string Fingerprint,
    DateTime CreatedAt,
    string ToolVersion)
{
    /// <summary>
    /// Thresholds the attendance was computed with: the sheet states them under the totals, so a manager reading
    /// "Partiel" knows what it means, and names half-days (morning/afternoon) with the same cut-off.
    /// </summary>
    public AttendanceOptions Options { get; init; } = AttendanceOptions.Default;

    /// <summary>The office the sheet goes to, named on the reminder line.</summary>
    public EmargementOffice Office { get; init; } = EmargementOffice.Default;

    /// <summary>
    /// The convened list the attendance was matched against (its sheet, people and fingerprint); null without one,
    /// and then the sheet is exactly what it is without the feature.
    /// </summary>
    public ConvocationSummary? Convocation { get; init; }
}
