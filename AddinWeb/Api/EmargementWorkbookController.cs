using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AddinWeb.Analysis;
using AddinWeb.Excel;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AddinWeb.Api;

/// <summary>
/// The same analysis as <c>/api/reports/analyze</c> for people without the add-in: the report is uploaded as an
/// .xlsx file (multipart field <c>file</c>), read with ClosedXML, in memory only.
/// </summary>
[ApiController]
[Route("api/reports")]
[StreamedUpload]
public sealed class EmargementWorkbookController(ReportAnalyzer analyzer, XlsxPackageGuard guard) : ControllerBase
{
    public const string FileField = "file";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Returns the uploaded workbook with an "Émargement" sheet added ("Émargement (2)"… when the name is taken);
    /// the report's own sheets are left as they were. Optional form fields: presentThreshold, absentThreshold
    /// (0–1), toleranceMinutes, afternoonStartsAt ("HH:mm").
    /// </summary>
    /// <response code="200">The workbook (.xlsx) with its Émargement sheet.</response>
    /// <response code="400">No file, not an .xlsx, or an option out of range.</response>
    /// <response code="413">The file is too large for a session report.</response>
    /// <response code="422">The workbook is not a usable session report: the errors say what is missing.</response>
    [HttpPost("emargement.xlsx")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType(typeof(FileContentResult), StatusCodes.Status200OK, XlsxContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Workbook(CancellationToken cancellation)
    {
        var (upload, workbook, analysis, failure) = await AnalyseUploadAsync(cancellation);
        if (failure is not null) return failure;
        using (workbook)
        {
            ClosedXmlSheetRenderer.Render(workbook!, analysis!.Sheet!);
            var bytes = XlsxWorkbookLoader.Save(workbook!);
            if (bytes is null)
                return French(
                    title: "Le classeur n'a pas pu être réécrit",
                    detail: "Ce classeur contient des éléments que le service ne sait pas réenregistrer. Utilisez le "
                            + "complément dans Excel, ou copiez les feuilles du rapport dans un nouveau classeur et réessayez.",
                    statusCode: StatusCodes.Status422UnprocessableEntity);
            return File(bytes, XlsxContentType, DownloadName(upload!.FileName));
        }
    }

    /// <summary>The JSON answer of <c>/api/reports/analyze</c> for an uploaded .xlsx (the upload page shows it).</summary>
    /// <response code="200">A usable report: participants, warnings and the sheet.</response>
    /// <response code="400">No file, not an .xlsx, or an option out of range.</response>
    /// <response code="413">The file is too large for a session report.</response>
    /// <response code="422">The workbook is not a usable session report: the errors say what is missing.</response>
    [HttpPost("analyze-file")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<AnalyzeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> AnalyzeFile(CancellationToken cancellation)
    {
        var (_, workbook, analysis, failure) = await AnalyseUploadAsync(cancellation);
        workbook?.Dispose();
        return failure ?? Ok(AnalyzeResponse.From(analysis!));
    }

    private async Task<(UploadedForm?, XLWorkbook?, ReportAnalysis?, IActionResult?)> AnalyseUploadAsync(CancellationToken cancellation)
    {
        var (upload, refusal) = await MultipartUpload.ReadAsync(Request, FileField, cancellation);
        if (refusal is not null)
            return (null, null, null, French(title: refusal.Title, detail: refusal.Detail, statusCode: refusal.Status));

        var (options, optionsProblem) = Options(upload!.Fields);
        if (optionsProblem is not null)
            return (null, null, null, French(title: "Options incohérentes", detail: optionsProblem, statusCode: StatusCodes.Status400BadRequest));

        // Zip bombs, macros, external links, encrypted workbooks: refused before ClosedXML opens anything.
        if (guard.Check(new MemoryStream(upload.File, writable: false)) is { } unsafePackage)
            return (null, null, null, GuardProblem(unsafePackage));

        var (workbook, notXlsx) = XlsxWorkbookLoader.Open(upload.File);
        if (workbook is null)
            return (null, null, null, French(title: XlsxWorkbookLoader.NotXlsxTitle, detail: notXlsx, statusCode: StatusCodes.Status400BadRequest));

        var grid = ClosedXmlWorkbookReader.Read(workbook);
        try
        {
            guard.EnsureWithinGridLimits(grid); // same sheet/row/column/cell limits as the JSON API (413/422)
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
        var analysis = analyzer.Analyze(grid, options!, cancellation);
        if (!analysis.IsUsable)
        {
            workbook.Dispose();
            return (null, null, null, UnusableReport.Problem(this, analysis));
        }
        return (upload, workbook, analysis, null);
    }

    /// <summary>A ProblemDetails answer typed application/problem+json, like the JSON API's.</summary>
    private ObjectResult French(string title, string? detail, int statusCode)
    {
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, statusCode: statusCode, title: title, detail: detail);
        return new ObjectResult(problem) { StatusCode = statusCode, ContentTypes = { "application/problem+json" } };
    }

    private ObjectResult GuardProblem(XlsxRefusal refusal)
    {
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, refusal.StatusCode, refusal.Title, detail: refusal.Detail);
        problem.Extensions["code"] = refusal.Code;
        if (refusal.Limit is not null)
        {
            problem.Extensions["limit"] = refusal.Limit;
            problem.Extensions["maximum"] = refusal.Maximum;
        }
        return new ObjectResult(problem) { StatusCode = refusal.StatusCode, ContentTypes = { "application/problem+json" } };
    }

    /// <summary>The trainer's thresholds from form fields, with the same ranges and messages as the JSON API.</summary>
    private static (Attendance.AttendanceOptions?, string?) Options(IReadOnlyDictionary<string, string> fields)
    {
        double? Number(string name) =>
            fields.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text)
                ? double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
                    ? n
                    : double.NaN
                : null;

        var requested = new AnalyzeOptions
        {
            PresentThreshold = Number("presentThreshold"),
            AbsentThreshold = Number("absentThreshold"),
            ToleranceMinutes = Number("toleranceMinutes"),
            AfternoonStartsAt = fields.TryGetValue("afternoonStartsAt", out var afternoon) && !string.IsNullOrWhiteSpace(afternoon)
                ? afternoon.Trim()
                : null,
        };
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(requested, new ValidationContext(requested), results, validateAllProperties: true)
            || double.IsNaN(requested.PresentThreshold ?? 0) || double.IsNaN(requested.AbsentThreshold ?? 0)
            || double.IsNaN(requested.ToleranceMinutes ?? 0))
            return (null, results.Count > 0
                ? string.Join(" ", results.Select(r => r.ErrorMessage))
                : "Une option n'est pas un nombre (par exemple 0,8 pour 80 %).");

        return requested.Problems() is { Count: > 0 } problems
            ? (null, string.Join(" ", problems))
            : (requested.ToAttendanceOptions(), null);
    }

    /// <summary>"rapport.xlsx" → "rapport - émargement.xlsx".</summary>
    internal static string DownloadName(string uploaded)
    {
        var stem = Path.GetFileNameWithoutExtension(uploaded);
        var safe = new string(stem.Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c) && c != '"').ToArray()).Trim();
        return (safe.Length == 0 ? "rapport" : safe[..Math.Min(safe.Length, 100)]) + " - émargement.xlsx";
    }
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
