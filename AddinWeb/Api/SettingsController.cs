using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Hosting;
using AddinWeb.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AddinWeb.Api;

/// <summary>
/// What the task pane and the upload page need before any report: the trainer's settings as the backend defines them
/// (<see cref="AnalyzeOptions.Definitions"/>), the French labels of statuses and roles, the upload's size limit, and a check of settings as the trainer types
/// them. The pages hold no rule of their own.
/// </summary>
[ApiController]
[Route("api")]
public sealed class SettingsController(IOptions<HostingOptions> hosting) : ControllerBase
{
    /// <summary>The settings' definitions (defaults, bounds, order, labels) and the labels the pages show.</summary>
    [HttpGet("settings")]
    [ProducesResponseType<ClientSettings>(StatusCodes.Status200OK)]
    public ClientSettings Settings() => ClientSettings.Current with { Upload = UploadSettings.For(hosting.Value.Limits) };

    /// <summary>Checks settings as the task pane's form holds them; answers them with the defaults filled in.</summary>
    /// <response code="200">Every setting is acceptable.</response>
    /// <response code="400">What is wrong, per field (<c>errors</c>), in French.</response>
    [HttpPost("options/check")]
    [Consumes("application/json")]
    [ProducesResponseType<CheckedOptions>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public ActionResult<CheckedOptions> Check([FromBody] AnalyzeOptions options) =>
        options.Resolve() is { Options: { } resolved }
            ? CheckedOptions.From(resolved) with { ConvocationSheet = options.ConvocationSheet }
            : OptionsProblem.For(this, options.Resolve());
}

/// <summary>Served by <c>GET /api/settings</c>.</summary>
public sealed record ClientSettings
{
    /// <summary>In the order a form shows them.</summary>
    public required IReadOnlyList<OptionDefinition> Options { get; init; }
    /// <summary>Pairs that must keep their order (lower ≤ upper), with the message when they do not.</summary>
    public required IReadOnlyList<OptionOrder> Orders { get; init; }
    /// <summary>"Present" → "Présent"…</summary>
    public required IReadOnlyDictionary<AttendanceStatus, string> Statuses { get; init; }
    /// <summary>"Trainer" → "Formateur"…</summary>
    public required IReadOnlyDictionary<ParticipantRole, string> Roles { get; init; }
    /// <summary>What the upload page may send, from the host's configured limit.</summary>
    public UploadSettings? Upload { get; init; }

    public static readonly ClientSettings Current = new()
    {
        Options = AnalyzeOptions.Definitions,
        Orders = OptionRules.Orders,
        Statuses = Enum.GetValues<AttendanceStatus>().ToDictionary(s => s, FrenchText.Status),
        Roles = Enum.GetValues<ParticipantRole>().ToDictionary(r => r, FrenchText.Role),
    };
}

/// <summary>
/// The upload's size limit (<c>Hosting:Limits:MaxUploadBytes</c>, the one the server enforces) and the sentence the
/// upload page shows under its file field.
/// </summary>
public sealed record UploadSettings(long MaxBytes, string Hint)
{
    public static UploadSettings For(RequestLimitOptions limits) =>
        new(limits.MaxUploadBytes, $"Fichier du rapport de session (.xlsx ou .csv), {HostingProblems.Size(limits.MaxUploadBytes)} au plus.");
}

/// <summary>Acceptable settings, every member given (the JSON shape of <c>options</c>); no slots when none were entered.</summary>
public sealed record CheckedOptions(double PresentThreshold, double AbsentThreshold, double ToleranceMinutes, string AfternoonStartsAt)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SlotPayload>? Slots { get; init; }

    /// <summary>As given: left out (null) looks for the list, "" asks for none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ConvocationSheet { get; init; }

    public static CheckedOptions From(AttendanceOptions o) =>
        new(o.PresentThreshold, o.AbsentThreshold, o.ToleranceMinutes, o.AfternoonStartsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
        {
            Slots = o.Slots?.Select(s => new SlotPayload { Start = s.Start, End = s.End }).ToList(),
        };
}

/// <summary>The 400 answer for settings out of bounds or out of order, per field, shared by the JSON endpoints.</summary>
public static class OptionsProblem
{
    public const string Title = "Réglages refusés";

    public static ObjectResult For(ControllerBase controller, OptionsResolution resolution)
    {
        var problem = controller.ProblemDetailsFactory.CreateValidationProblemDetails(controller.HttpContext,
            new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary(), StatusCodes.Status400BadRequest, Title, detail: resolution.Summary);
        foreach (var (field, messages) in resolution.Errors) problem.Errors[field] = messages;
        // The same reasons as errors.slots, each with its slot's number (1 for the first), to show beside that slot.
        if (resolution.SlotProblems.Count > 0)
            problem.Extensions["slotErrors"] = resolution.SlotProblems;
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
    }
}
