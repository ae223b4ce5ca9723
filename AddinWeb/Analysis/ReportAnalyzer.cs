using System.Reflection;
using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;

namespace AddinWeb.Analysis;

/// <summary>
/// The whole pipeline, pure but for the clock: read the workbook with the first source that recognises it,
/// validate, find the convened list, compute attendance (of the convened, when there is a list), lay out the sheet.
/// Both the JSON API (task pane) and the upload use it, so the figures are the same whichever way the workbook came in.
/// </summary>
/// <param name="sources">The report sources, in the order they are tried.</param>
/// <param name="clock">The clock of the "made on" date.</param>
/// <param name="emargementClock">The trainers' time zone for that date.</param>
/// <param name="office">The office the sheet goes to (configuration); the generic EAFC wording when left out.</param>
public sealed class ReportAnalyzer(IEnumerable<IReportSource> sources, TimeProvider clock, EmargementClock emargementClock,
    EmargementOffice? office = null)
{
    private static readonly string ToolVersion =
        typeof(ReportAnalyzer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "1.0.0";

    /// <summary>Analyses one workbook with the trainer's options.</summary>
    /// <param name="workbook">The workbook's sheets as cell grids (from Office.js or from an uploaded .xlsx).</param>
    /// <param name="options">Thresholds and tolerance.</param>
    /// <param name="cancellationToken">The request's: checked between stages, so that a client that disconnects
    /// (or an analysis over its time limit) stops the work.</param>
    public ReportAnalysis Analyze(WorkbookGrid workbook, AttendanceOptions options, CancellationToken cancellationToken = default) =>
        Analyze(workbook, options, ConvocationChoice.Automatic, cancellationToken);

    /// <summary>Analyses one workbook with the trainer's options and the convened list the request leads to.</summary>
    /// <param name="workbook">The workbook's sheets as cell grids.</param>
    /// <param name="options">Thresholds and tolerance.</param>
    /// <param name="convocation">Where the convened list is: found among the sheets, a sheet named, a file, or none.</param>
    /// <param name="cancellationToken">The request's, checked between stages.</param>
    public ReportAnalysis Analyze(WorkbookGrid workbook, AttendanceOptions options, ConvocationChoice convocation,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options = OptionRules.WithinBounds(options); // the engine and the sheet's rules line see the same bounds
        // What Excel made of a downloaded .csv (lines whole in column A, UTF-8 read as Windows-1252) is undone once,
        // for every source; a workbook that needs nothing (Via's) is handed back as it is.
        workbook = ShownWorkbook.MakeReadable(workbook).Workbook;
        // The first source that recognises the workbook reads it; when none does, the answer lists what each looks for.
        var source = sources.FirstOrDefault(s => s.Recognises(workbook));
        if (source is null)
            return Unrecognised(workbook);
        var read = source.Read(workbook);
        cancellationToken.ThrowIfCancellationRequested();
        if (read.HasErrors || read.Report is not { } report)
            return new ReportAnalysis { Format = source.Format, Platform = source.Platform, Report = read.Report, Issues = read.Issues };

        // A list the trainer named that cannot serve stops here, with its reason; no list found is no error.
        var lookup = ConvocationFinder.Find(workbook, report, convocation);
        if (lookup.Issues.Any(i => i.Severity == IssueSeverity.Error))
            return new ReportAnalysis
            {
                Format = source.Format, Platform = source.Platform, Report = report, Convocation = lookup.Summary,
                Issues = [.. read.Issues, .. lookup.Issues],
            };

        var attendance = AttendanceEngine.Compute(report, options);
        IReadOnlyList<ReportIssue> matching = [];
        if (lookup.List is { } list)
            (attendance, matching) = ConvenedAttendance.Apply(attendance, list);
        cancellationToken.ThrowIfCancellationRequested();
        // One list for the trainer and the manager: what the source (reader and its checks), the engine and the
        // convened list noticed; the list's sheet comes after the report's.
        var issues = read.Issues.Concat(attendance.Observations).Concat(lookup.Issues).Concat(matching)
            .OrderBy(i => i.Severity == IssueSeverity.Error ? 0 : 1)
            .ThenBy(i => i.Sheet is null ? 0 : report.SheetRank(i.Sheet) + 1)
            .ThenBy(i => i.Row ?? 0)
            .ToList();
        cancellationToken.ThrowIfCancellationRequested();
        // A source that types its cells (a delimited export) is fingerprinted on its typed copy, the same whether the
        // file came itself or as Excel showed it; a workbook's own cells otherwise.
        var sourceSheets = report.TypedSheets.Count > 0
            ? report.TypedSheets
            : workbook.Sheets.Where(s => report.SourceSheets.Contains(s.Name));
        var fingerprint = ReportFingerprint.Compute(sourceSheets, sheet => report.SheetRank(sheet.Name));
        var document = new EmargementDocument(report, attendance, issues, fingerprint,
            emargementClock.LocalNow(clock), ToolVersion)
        {
            Options = options,
            Office = office ?? EmargementOffice.Default,
            Convocation = lookup.Summary.HasList ? lookup.Summary : null,
        };

        return new ReportAnalysis
        {
            Format = source.Format,
            Platform = source.Platform,
            Report = report,
            Issues = issues,
            Attendance = attendance,
            Sheet = EmargementLayout.Build(document),
            Fingerprint = fingerprint,
            Convocation = lookup.Summary,
        };
    }

    /// <summary>No source recognised the workbook: what it holds, and what each platform's report would have.</summary>
    private ReportAnalysis Unrecognised(WorkbookGrid workbook)
    {
        var unrecognised = UnrecognisedWorkbook.Of(workbook, sources);
        return new ReportAnalysis
        {
            Issues = [new ReportIssue(IssueSeverity.Error, UnrecognisedReport, unrecognised.Message)],
            Unrecognised = unrecognised,
        };
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
