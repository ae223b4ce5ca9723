using System.Globalization;
using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Reports;

namespace AddinWeb.Api;

/// <summary>
/// The trainer's settings as a client sends them; every member is optional (its default applies). Names, defaults,
/// bounds and order are <see cref="OptionRules"/>' (the convened list's, <see cref="ConvocationChoice"/>');
/// <see cref="Resolve"/> applies them, for the JSON API and (through <see cref="FromForm"/>) for the upload form alike.
/// </summary>
public sealed record AnalyzeOptions
{
    /// <summary>Every member's definition, in the order a form shows them: what <c>GET /api/settings</c> serves.</summary>
    public static readonly IReadOnlyList<OptionDefinition> Definitions = [.. OptionRules.All, ConvocationChoice.Option];

    /// <summary>Rate from which a participant is "Présent", 0–1 (default 0.8).</summary>
    public double? PresentThreshold { get; init; }

    /// <summary>Rate under which a participant is "Absent", 0–1, at most the present threshold (default 0.1).</summary>
    public double? AbsentThreshold { get; init; }

    /// <summary>Minutes of tolerance for late arrival and early leave, 0–240 (default 10).</summary>
    public double? ToleranceMinutes { get; init; }

    /// <summary>When the report gives no slot, hour at which the afternoon starts, "HH:mm" (default "13:00").</summary>
    public string? AfternoonStartsAt { get; init; }

    /// <summary>
    /// The scheduled slots the trainer entered, local wall-clock times; when given, they replace the slots the report
    /// states. Left out or empty: the report's slots, else sessions inferred from the connections (with a warning).
    /// Rules: <see cref="SlotInput"/>; errors under "slots".
    /// </summary>
    public IReadOnlyList<SlotPayload>? Slots { get; init; }

    /// <summary>
    /// The sheet that holds the convened list (the trainees GAIA convened), as named on its tab. Left out: the list is
    /// looked for among the sheets that are not the report's; "" : no list (the sheet lists the report's
    /// participants only). The answer's <c>convocation</c> says which sheet was taken. Rules:
    /// <see cref="ConvocationChoice"/>; errors under "convocationSheet".
    /// </summary>
    public string? ConvocationSheet { get; init; }

    /// <summary>The engine's options, or what is wrong, per field name (French, one sentence each).</summary>
    public OptionsResolution Resolve() => Resolve(new Dictionary<string, string[]>(), EnteredSlots());

    private IReadOnlyList<ScheduledSlot>? EnteredSlots() =>
        Slots is { Count: > 0 } slots ? slots.Where(s => s is not null).Select(s => new ScheduledSlot(s.Start, s.End)).ToList() : null;

    private OptionsResolution Resolve(Dictionary<string, string[]> errors, IReadOnlyList<ScheduledSlot>? slots)
    {
        var afternoon = OptionRules.AfternoonStartsAt.Default;
        // Blank is "not given", as for every other member left out.
        if (!string.IsNullOrWhiteSpace(AfternoonStartsAt) && !TimeOption.TryParse(AfternoonStartsAt, out afternoon))
            errors.TryAdd(OptionRules.AfternoonStartsAt.Name, [OptionRules.AfternoonStartsAt.FormatMessage]);

        var options = new AttendanceOptions
        {
            PresentThreshold = PresentThreshold ?? OptionRules.PresentThreshold.Default,
            AbsentThreshold = AbsentThreshold ?? OptionRules.AbsentThreshold.Default,
            ToleranceMinutes = ToleranceMinutes ?? OptionRules.ToleranceMinutes.Default,
            AfternoonStartsAt = afternoon,
            Slots = slots is { Count: > 0 } ? slots : null,
        };
        foreach (var (field, messages) in OptionRules.Check(options)) errors.TryAdd(field, messages);
        if (ConvocationChoice.Problems(ConvocationSheet) is { Count: > 0 } problems)
            errors.TryAdd(ConvocationChoice.Option.Name, [.. problems]);
        return errors.Count == 0
            ? new OptionsResolution(options, errors) { Convocation = ConvocationChoice.FromOption(ConvocationSheet) }
            : new OptionsResolution(null, errors) { SlotProblems = options.Slots is { } entered ? SlotInput.ProblemsBySlot(entered) : [] };
    }

    /// <summary>
    /// The upload form's text fields (named as the JSON members), read as a French user types numbers ("0,8" or
    /// "0.8"), then resolved like the JSON API's options.
    /// </summary>
    /// <param name="fields">The form's single-valued fields.</param>
    /// <param name="slotFields">The values of the repeatable slot field, each "start/end"
    /// (<see cref="SlotInput.Example"/>); none when the form sends no slot.</param>
    public static OptionsResolution FromForm(IReadOnlyDictionary<string, string> fields, IReadOnlyList<string>? slotFields = null)
    {
        var errors = new Dictionary<string, string[]>();
        double? Number(NumberOption option)
        {
            if (!fields.TryGetValue(option.Name, out var text) || string.IsNullOrWhiteSpace(text)) return null;
            if (double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n))
                return n;
            errors[option.Name] = [option.NotANumberMessage];
            return null;
        }

        var options = new AnalyzeOptions
        {
            PresentThreshold = Number(OptionRules.PresentThreshold),
            AbsentThreshold = Number(OptionRules.AbsentThreshold),
            ToleranceMinutes = Number(OptionRules.ToleranceMinutes),
            AfternoonStartsAt = fields.TryGetValue(OptionRules.AfternoonStartsAt.Name, out var afternoon) ? afternoon : null,
            // Sent empty: no list (the form field exists, so "" is a choice, not a missing value).
            ConvocationSheet = fields.TryGetValue(ConvocationChoice.Option.Name, out var sheet) ? sheet : null,
        };
        var slots = new List<ScheduledSlot>();
        foreach (var (text, number) in (slotFields ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select((t, i) => (t, i + 1)))
        {
            if (SlotInput.TryParse(text, out var slot)) slots.Add(slot);
            else errors.TryAdd(OptionRules.Slots.Name, [$"Le créneau n° {number} n'est pas lisible : écrivez-le début/fin, par exemple {SlotInput.Example}."]);
        }
        return options.Resolve(errors, errors.ContainsKey(OptionRules.Slots.Name) ? null : slots);
    }
}

/// <summary>The engine's options when every setting is acceptable; otherwise null and the French messages per field.</summary>
public sealed record OptionsResolution(AttendanceOptions? Options, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>Where the convened list is to come from (automatic unless the request says otherwise).</summary>
    public ConvocationChoice Convocation { get; init; } = ConvocationChoice.Automatic;

    /// <summary>
    /// The reasons under "slots", each with the slot it concerns (<see cref="SlotProblem.Slot"/>), for a form to show
    /// beside that slot; empty when the slots are acceptable.
    /// </summary>
    public IReadOnlyList<SlotProblem> SlotProblems { get; init; } = [];

    /// <summary>All the messages in one paragraph, in the form's order.</summary>
    public string Summary => string.Join(" ", AnalyzeOptions.Definitions.Where(o => Errors.ContainsKey(o.Name)).SelectMany(o => Errors[o.Name]));
}
