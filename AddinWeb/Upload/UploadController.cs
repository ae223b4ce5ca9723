using System.Globalization;
using AddinWeb.Analysis;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Hosting;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace AddinWeb.Upload;

/// <summary>
/// The same analysis as <c>/api/reports/analyze</c> for people without the add-in: the report is uploaded as a file
/// (multipart field <c>file</c>, an .xlsx or a .csv), read in memory only, with optionally the convened list as a
/// second file (<c>convocation</c>) and the slots the trainer entered (<c>slot</c>, repeatable). Steps: the body is
/// read (its own deadline, the configured size limit for all files together), the options checked, each file read
/// as the kind it is (<see cref="UploadReader"/>), then an analysis slot is taken (<see cref="AnalysisGate"/>: only
/// now, so a slow sender never holds one), the report analysed, and for <c>emargement.xlsx</c> the sheet added to the
/// package (<see cref="SheetInsertion"/>), or, for a .csv, a workbook made (<see cref="TypedWorkbook"/>).
/// </summary>
[ApiController]
[Route("api/reports")]
[StreamedUpload]
public sealed class UploadController(ReportAnalyzer analyzer, UploadReader reader, AnalysisGate gate,
    IOptions<HostingOptions> hosting) : ControllerBase
{
    public const string FileField = "file";
    /// <summary>The convened list, a file of its own (.xlsx or .csv); optional.</summary>
    public const string ConvocationField = "convocation";
    /// <summary>A scheduled slot, "start/end" (<see cref="SlotInput.Example"/>); repeatable.</summary>
    public const string SlotField = "slot";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Returns the workbook with an "Émargement" sheet: for an .xlsx, the uploaded workbook with the sheet added as
    /// its last tab ("Émargement (2)"… when the name is taken), every other part of the file as it was; for a .csv, a
    /// new .xlsx holding the report's data (dates and durations typed) and the sheet after it. Optional form fields:
    /// convocation (the convened list, .xlsx or .csv), slot (repeatable, "2024-03-25T14:00/2024-03-25T16:30"),
    /// presentThreshold, absentThreshold (0–1), toleranceMinutes, afternoonStartsAt ("HH:mm").
    /// </summary>
    /// <response code="200">The workbook (.xlsx) with its Émargement sheet.</response>
    /// <response code="400">No file, neither an .xlsx nor a .csv, a damaged file, or an option or slot out of range.</response>
    /// <response code="408">The file took longer than the configured time to arrive.</response>
    /// <response code="413">The file is too large for a session report.</response>
    /// <response code="422">The file is not a usable session report (the errors say what is missing, and which reports are read), or the convened list cannot be used.</response>
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
            workbook = report!.Package is { } package
                ? SheetInsertion.Insert(package, analysis!.Sheet!)
                : TypedWorkbook.Create(DataSheets(report, analysis!), analysis!.Sheet!);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            // A part the reader did not need is damaged (its compressed data or checksum is wrong).
            return Problem(UploadReader.Damaged);
        }
        return File(workbook, XlsxContentType, DownloadName(upload!.FileName));
    }

    /// <summary>The JSON answer of <c>/api/reports/analyze</c> for an uploaded report (.xlsx or .csv; the upload page shows it).</summary>
    /// <response code="200">A usable report: participants, warnings and the sheet.</response>
    /// <response code="400">No file, neither an .xlsx nor a .csv, a damaged file, or an option or slot out of range.</response>
    /// <response code="408">The file took longer than the configured time to arrive.</response>
    /// <response code="413">The file is too large for a session report.</response>
    /// <response code="422">The file is not a usable session report (the errors say what is missing, and which reports are read), or the convened list cannot be used.</response>
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

    /// <summary>The fields the upload form may hold: the report, the convened list, and a slot per session at most.</summary>
    public static readonly UploadFormShape Shape = new(FileField)
    {
        OptionalFileFields = [ConvocationField],
        RepeatableFields = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { [SlotField] = SlotInput.MaxSlots },
    };

    /// <summary>The single-valued fields the form reads: the settings one form field holds (thresholds, tolerance, time).</summary>
    public static readonly IReadOnlyList<string> SettingFields =
        [.. OptionRules.All.Where(o => o is NumberOption or TimeOption).Select(o => o.Name), ConvocationChoice.Option.Name];

    /// <summary>
    /// A text field the form does not read would be dropped without a word (a misspelt "slots", a "convocationSheet"
    /// the JSON API takes): it is refused, with the fields the form reads.
    /// </summary>
    private static string? UnknownField(UploadedForm form)
    {
        var unknown = form.Fields.Keys.FirstOrDefault(k => !SettingFields.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (unknown is null) return null;
        var shown = unknown.Length > 40 ? unknown[..40] + "…" : unknown;
        return $"Le champ « {shown} » n'est pas lu par ce formulaire. Champs acceptés : {FileField}, {ConvocationField}, "
            + $"{SlotField} (répétable), {string.Join(", ", SettingFields)}.";
    }

    private async Task<(UploadedForm?, UploadedReport?, ReportAnalysis?, IActionResult?)> AnalyseUploadAsync(CancellationToken cancellation)
    {
        var limits = hosting.Value.Limits;
        var (upload, refusal) = await MultipartUpload.ReadAsync(Request, Shape, limits.MaxUploadBytes, cancellation);
        if (refusal is not null)
            return (null, null, null, Problem(new UploadProblem(refusal.Status, refusal.Title, refusal.Detail, null, refusal.Limit, refusal.Maximum)));

        if (UnknownField(upload!) is { } unknown)
            return (null, null, null, Problem(new UploadProblem(StatusCodes.Status400BadRequest, "Envoi de fichier invalide", unknown, "unknown-field")));

        // The same definitions, bounds and French messages as the JSON options, per field.
        var resolution = AnalyzeOptions.FromForm(upload!.Fields, upload.ValuesOf(SlotField));
        if (resolution.Options is not { } options)
            return (null, null, null, OptionsProblem.For(this, resolution));

        var (report, problem) = reader.Read(upload.Main, limits, cancellation);
        if (problem is not null) return (null, null, null, Problem(problem));

        var convocation = resolution.Convocation;
        if (upload.FileOf(ConvocationField) is { } listFile)
        {
            // Two answers to one question: which would be dropped cannot be guessed.
            if (upload.Fields.ContainsKey(ConvocationChoice.Option.Name))
                return (null, null, null, Problem(new UploadProblem(StatusCodes.Status400BadRequest, "Envoi de fichier invalide",
                    $"La liste des convoqués est donnée deux fois : en fichier (champ « {ConvocationField} ») et par le nom "
                    + $"d'une feuille (champ « {ConvocationChoice.Option.Name} »). Gardez l'un des deux.", "convocation-twice")));
            var (list, listProblem) = reader.ReadConvocation(listFile, limits, cancellation);
            if (listProblem is not null) return (null, null, null, Problem(listProblem with { Field = ConvocationField }));
            convocation = ConvocationChoice.OfFile(list!, listFile.FileName);
        }

        // The body is read: only now may this request wait for, and hold, one of the analysis slots.
        using var slot = await gate.EnterAsync(cancellation);
        var analysis = analyzer.Analyze(report!.Grid, options, convocation, cancellation);
        return analysis.IsUsable
            ? (upload, report, analysis, null)
            : (null, null, null, UnusableReport.Problem(this, analysis));
    }


    /// <summary>
    /// What the workbook made for a .csv holds beside the Émargement sheet: the source's typed copy, or, from a
    /// source that types nothing, its sheets as read (every cell the file's text).
    /// </summary>
    private static IReadOnlyList<SheetGrid> DataSheets(UploadedReport upload, ReportAnalysis analysis) =>
        analysis.Report!.TypedSheets is { Count: > 0 } typed
            ? typed
            : upload.Grid.Sheets.Where(s => analysis.Report.SourceSheets.Contains(s.Name)).DefaultIfEmpty(upload.Grid.Sheets[0]).ToList();

    /// <summary>A ProblemDetails answer typed application/problem+json, like the JSON API's.</summary>
    private ObjectResult Problem(UploadProblem refusal)
    {
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, refusal.Status, refusal.Title, detail: refusal.Detail);
        if (refusal.Code is not null) problem.Extensions["code"] = refusal.Code;
        if (refusal.Field is not null) problem.Extensions["field"] = refusal.Field;
        if (refusal.Limit is not null)
        {
            problem.Extensions["limit"] = refusal.Limit;
            problem.Extensions["maximum"] = refusal.Maximum;
        }
        return new ObjectResult(problem) { StatusCode = refusal.Status, ContentTypes = { "application/problem+json" } };
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

