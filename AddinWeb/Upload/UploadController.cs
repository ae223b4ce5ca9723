using System.Globalization;
using AddinWeb.Analysis;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Hosting;
using AddinWeb.Reports.Grid;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace AddinWeb.Upload;

/// <summary>
/// The same analysis as <c>/api/reports/analyze</c> for people without the add-in: the report is uploaded as a file
/// (multipart field <c>file</c>), read in memory only. Steps: the body is read (its own deadline, the configured
/// size limit), the options checked, the file read as the kind it is (<see cref="UploadReader"/>), then an analysis
/// slot is taken (<see cref="AnalysisGate"/>: only now, so a slow sender never holds one), the report analysed, and
/// for <c>emargement.xlsx</c> the sheet added to the package (<see cref="SheetInsertion"/>).
/// </summary>
[ApiController]
[Route("api/reports")]
[StreamedUpload]
public sealed class UploadController(
    ReportAnalyzer analyzer, UploadReader reader, AnalysisGate gate, IOptions<HostingOptions> hosting) : ControllerBase
{
    public const string FileField = "file";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Returns the uploaded workbook with an "Émargement" sheet added as its last tab ("Émargement (2)"… when the
    /// name is taken); every other part of the file comes back as it was. Optional form fields: presentThreshold,
    /// absentThreshold (0–1), toleranceMinutes, afternoonStartsAt ("HH:mm").
    /// </summary>
    /// <response code="200">The workbook (.xlsx) with its Émargement sheet.</response>
    /// <response code="400">No file, not an .xlsx, a damaged file, or an option out of range.</response>
    /// <response code="408">The file took longer than the configured time to arrive.</response>
    /// <response code="413">The file is too large for a session report.</response>
    /// <response code="422">The workbook is not a usable session report: the errors say what is missing.</response>
    /// <response code="429">Too many requests from this client, or too many analyses waiting: see Retry-After.</response>
    [HttpPost("emargement.xlsx")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType(typeof(FileContentResult), StatusCodes.Status200OK, XlsxContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Workbook(CancellationToken cancellation)
    {
        var (upload, report, analysis, failure) = await AnalyseUploadAsync(cancellation);
        if (failure is not null) return failure;
        byte[] workbook;
        try
        {
            workbook = SheetInsertion.Insert(report!.Package, analysis!.Sheet!);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            // A part the reader did not need is damaged (its compressed data or checksum is wrong).
            return Problem(UploadReader.Damaged);
        }
        return File(workbook, XlsxContentType, DownloadName(upload!.FileName));
    }

    /// <summary>The JSON answer of <c>/api/reports/analyze</c> for an uploaded .xlsx (the upload page shows it).</summary>
    /// <response code="200">A usable report: participants, warnings and the sheet.</response>
    /// <response code="400">No file, not an .xlsx, a damaged file, or an option out of range.</response>
    /// <response code="408">The file took longer than the configured time to arrive.</response>
    /// <response code="413">The file is too large for a session report.</response>
    /// <response code="422">The workbook is not a usable session report: the errors say what is missing.</response>
    /// <response code="429">Too many requests from this client, or too many analyses waiting: see Retry-After.</response>
    [HttpPost("analyze-file")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<AnalyzeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> AnalyzeFile(CancellationToken cancellation)
    {
        var (_, _, analysis, failure) = await AnalyseUploadAsync(cancellation);
        return failure ?? Ok(AnalyzeResponse.From(analysis!));
    }

    private async Task<(UploadedForm?, UploadedReport?, ReportAnalysis?, IActionResult?)> AnalyseUploadAsync(CancellationToken cancellation)
    {
        var limits = hosting.Value.Limits;
        var (upload, refusal) = await MultipartUpload.ReadAsync(Request, FileField, limits.MaxUploadBytes, cancellation);
        if (refusal is not null)
            return (null, null, null, Problem(new UploadProblem(refusal.Status, refusal.Title, refusal.Detail, null, refusal.Limit, refusal.Maximum)));

        var (options, optionsProblem) = Options(upload!.Fields);
        if (optionsProblem is not null)
            return (null, null, null, Problem(new UploadProblem(StatusCodes.Status400BadRequest, "Options incohérentes", optionsProblem)));

        var (report, problem) = reader.Read(upload.File, limits, cancellation);
        if (problem is not null) return (null, null, null, Problem(problem));

        // The body is read: only now may this request wait for, and hold, one of the analysis slots.
        using var slot = await gate.EnterAsync(cancellation);
        var analysis = Analyse(report!.Grid, options!, cancellation);
        return analysis.IsUsable
            ? (upload, report, analysis, null)
            : (null, null, null, UnusableReport.Problem(this, analysis));
    }

    /// <summary>The one call into the analysis pipeline.</summary>
    private ReportAnalysis Analyse(WorkbookGrid grid, AttendanceOptions options, CancellationToken cancellation) =>
        analyzer.Analyze(grid, options, cancellation);

    /// <summary>A ProblemDetails answer typed application/problem+json, like the JSON API's.</summary>
    private ObjectResult Problem(UploadProblem refusal)
    {
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, refusal.Status, refusal.Title, detail: refusal.Detail);
        if (refusal.Code is not null) problem.Extensions["code"] = refusal.Code;
        if (refusal.Limit is not null)
        {
            problem.Extensions["limit"] = refusal.Limit;
            problem.Extensions["maximum"] = refusal.Maximum;
        }
        return new ObjectResult(problem) { StatusCode = refusal.Status, ContentTypes = { "application/problem+json" } };
    }

    /// <summary>The trainer's thresholds from form fields: the same definitions, ranges and messages as the JSON API.</summary>
    private static (AttendanceOptions?, string?) Options(IReadOnlyDictionary<string, string> fields)
    {
        var resolution = AnalyzeOptions.FromForm(fields);
        return (resolution.Options, resolution.Options is null ? resolution.Summary : null);
    }

    /// <summary>
    /// "rapport.xlsx" → "rapport - émargement.xlsx". Control and format characters are dropped: bidi overrides
    /// (U+202E…) would make "rapport‮xslx.exe" read as something else, and zero-width ones hide in a name.
    /// </summary>
    internal static string DownloadName(string uploaded)
    {
        var stem = Path.GetFileNameWithoutExtension(uploaded);
        var safe = new string(stem.Where(IsPlain).ToArray()).Trim();
        if (safe.Length > 100) safe = safe[..100];
        return (safe.Length == 0 ? "rapport" : safe) + " - émargement.xlsx";
    }

    private static bool IsPlain(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
        && !Path.GetInvalidFileNameChars().Contains(c) && c is not ('"' or '\\' or '/' or ':' or '*' or '?' or '<' or '>' or '|');
}

/// <summary>
/// Keeps MVC from reading the form before the action: its form value providers would buffer the upload (to disk
/// above 64 KB) and leave nothing for <see cref="MultipartUpload"/> to stream into memory.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class StreamedUploadAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context) { }
}
