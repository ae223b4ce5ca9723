using AddinWeb.Attendance;
using AddinWeb.Reports;

namespace AddinWeb.Emargement;

/// <summary>Everything the "Émargement" sheet shows, gathered before layout.</summary>
public sealed record EmargementDocument(
    SessionReport Report,
    AttendanceResult Attendance,
    IReadOnlyList<ReportIssue> Warnings,
    string Fingerprint,
    DateTime CreatedAt,
    string ToolVersion);
