using System.Reflection;
using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Analysis;

/// <summary>
/// The whole pipeline, pure but for the clock: read the workbook with the first source that recognises it,
/// validate, compute attendance, lay out the sheet. Both the JSON API (task pane) and the upload use it, so the
/// figures are the same whichever way the workbook came in.
/// </summary>
public sealed class ReportAnalyzer(IEnumerable<IReportSource> sources, TimeProvider clock, EmargementClock emargementClock)
{
    private static readonly string ToolVersion =
        typeof(ReportAnalyzer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "1.0.0";

    /// <summary>Analyses one workbook with the trainer's options.</summary>
    /// <param name="workbook">The workbook's sheets as cell grids (from Office.js or from an uploaded .xlsx).</param>
    /// <param name="options">Thresholds and tolerance.</param>
    /// <param name="cancellationToken">The request's: checked between stages, so that a client that disconnects
    /// (or an analysis over its time limit) stops the work.</param>
    public ReportAnalysis Analyze(WorkbookGrid workbook, AttendanceOptions options, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options = OptionRules.WithinBounds(options); // the engine and the sheet's rules line see the same bounds
        // The first source that recognises the workbook reads it; when none does, the answer lists what each looks for.
        var source = sources.FirstOrDefault(s => s.Recognises(workbook));
        if (source is null)
            return new ReportAnalysis { Issues = [Unrecognised(workbook)] };
        var read = source.Read(workbook);
        cancellationToken.ThrowIfCancellationRequested();
        if (read.HasErrors || read.Report is not { } report)
            return new ReportAnalysis { Format = source.Format, Platform = source.Platform, Report = read.Report, Issues = read.Issues };

        var attendance = AttendanceEngine.Compute(report, options);
        cancellationToken.ThrowIfCancellationRequested();
        // One list for the trainer and the manager: what the source (reader and its checks) and the engine noticed.
        var issues = read.Issues.Concat(attendance.Observations)
            .OrderBy(i => i.Severity == IssueSeverity.Error ? 0 : 1)
            .ThenBy(i => i.Sheet is null ? 0 : report.SheetRank(i.Sheet) + 1)
            .ThenBy(i => i.Row ?? 0)
            .ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var sourceSheets = workbook.Sheets.Where(s => report.SourceSheets.Contains(s.Name));
        var fingerprint = ReportFingerprint.Compute(sourceSheets, sheet => report.SheetRank(sheet.Name));
        var document = new EmargementDocument(report, attendance, issues, fingerprint,
            emargementClock.LocalNow(clock), ToolVersion) { Options = options };

        return new ReportAnalysis
        {
            Format = source.Format,
            Platform = source.Platform,
            Report = report,
            Issues = issues,
            Attendance = attendance,
            Sheet = EmargementLayout.Build(document),
            Fingerprint = fingerprint,
        };
    }

    /// <summary>No source recognised the workbook: what it holds, and what each platform's report would have.</summary>
    private ReportIssue Unrecognised(WorkbookGrid workbook)
    {
        var found = workbook.Sheets.Count == 0 ? "aucune feuille"
            : "feuilles " + string.Join(", ", workbook.Sheets.Select(s => $"« {s.Name} »"));
        var expected = string.Join(" ; ", sources.Select(s => $"{s.Platform} : {s.Expected}"));
        return new ReportIssue(IssueSeverity.Error, UnrecognisedReport,
            $"Ce classeur n'est pas un rapport de session reconnu ({found}). Rapports lus : {expected}. Ouvrez le "
            + "rapport tel que la plateforme l'a téléchargé, sans le modifier, ou déposez le fichier lui-même.");
    }

    public const string UnrecognisedReport = "UnrecognisedReport";
}

/// <summary>
/// The "made on" date of the sheet is shown in the trainers' time zone (France), not the server's, which is
/// often UTC in a data centre. Configurable with <c>Emargement:TimeZone</c>.
/// </summary>
public sealed class EmargementClock(string timeZoneId)
{
    private readonly TimeZoneInfo _zone = FindZone(timeZoneId);

    public DateTime LocalNow(TimeProvider clock) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime, DateTimeKind.Unspecified);

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
