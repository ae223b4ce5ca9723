using System.Globalization;
using System.Text.Json.Serialization;

namespace AddinWeb.Attendance;

/// <summary>
/// One setting a trainer may change, defined once: its field name (JSON member and form field), its French label and
/// help, its default and its bounds. The API, the upload form, the engine and the task pane (served by
/// <c>GET /api/settings</c>) all take it from here. A new kind of setting is one more derived record and one more
/// <see cref="JsonDerivedTypeAttribute"/>; a setting of another feature is defined by that feature (the sheet of the
/// convened list by <c>Convocation/ConvocationChoice</c>) and listed in <c>Api/AnalyzeOptions.Definitions</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NumberOption), "number")]
[JsonDerivedType(typeof(TimeOption), "time")]
[JsonDerivedType(typeof(SlotListOption), "slots")]
[JsonDerivedType(typeof(SheetChoiceOption), "sheet")]
public abstract record OptionDefinition
{
    /// <summary>JSON member of <c>options</c> and multipart form field, e.g. "presentThreshold".</summary>
    public required string Name { get; init; }
    /// <summary>What the form calls it, e.g. "Seuil de présence".</summary>
    public required string Label { get; init; }
    /// <summary>One sentence under the field.</summary>
    public required string Help { get; init; }
    /// <summary>Whose the setting is: the trainer's (a page may remember it) or this report's (never remembered).</summary>
    public OptionScope Scope { get; init; } = OptionScope.Trainer;
}

/// <summary>Whether a value outlives the report it was given for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OptionScope>))]
public enum OptionScope
{
    /// <summary>A preference (thresholds, tolerance): a page may keep it for the next report.</summary>
    Trainer,
    /// <summary>A fact of one session (its slots): given with this report only.</summary>
    Report,
}

/// <summary>A number within [<see cref="Minimum"/>, <see cref="Maximum"/>], both included.</summary>
public sealed record NumberOption : OptionDefinition
{
    public required double Default { get; init; }
    public required double Minimum { get; init; }
    public required double Maximum { get; init; }
    /// <summary>A form shows value × scale: 100 for a rate the trainer types as a percentage.</summary>
    public double DisplayScale { get; init; } = 1;
    /// <summary>Step of the form's field, in shown units.</summary>
    public double DisplayStep { get; init; } = 1;
    /// <summary>Unit of the shown value: "%", "min".</summary>
    public required string Unit { get; init; }

    public bool Accepts(double value) => double.IsFinite(value) && value >= Minimum && value <= Maximum;

    /// <summary>Within the bounds; not-a-number counts as the minimum.</summary>
    public double Clamp(double value) => double.IsNaN(value) ? Minimum : Math.Clamp(value, Minimum, Maximum);

    /// <summary>"Seuil de présence : la valeur doit être comprise entre 0 et 100 % (de 0 à 1 dans l'API)."</summary>
    [JsonIgnore]
    public string RangeMessage =>
        $"{Label} : la valeur doit être comprise entre {Shown(Minimum)} et {Shown(Maximum)} {Unit}"
        + (DisplayScale == 1 ? "." : $" (de {French(Minimum)} à {French(Maximum)} dans l'API).");

    /// <summary>A form field that holds no number ("abc", "1,2,3").</summary>
    [JsonIgnore]
    public string NotANumberMessage =>
        $"{Label} : la valeur doit être un nombre, par exemple {Shown(Default)}"
        + (DisplayScale == 1 ? "." : $" (soit {French(Default)} dans l'API).");

    private string Shown(double value) => French(value * DisplayScale);

    private static string French(double value) =>
        Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture).Replace('.', ',');
}

/// <summary>A time of day, "HH:mm" (or "H:mm").</summary>
public sealed record TimeOption : OptionDefinition
{
    [JsonConverter(typeof(HourMinuteConverter))]
    public required TimeOnly Default { get; init; }

    [JsonIgnore]
    public string FormatMessage => $"{Label} : l'heure doit être au format HH:mm, par exemple {Default:HH\\:mm}.";

    /// <summary>"13:00", "9:30"; not "25:99", "13h", "" (blank means "not given" to the callers).</summary>
    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length != 2
            || !parts[0].All(char.IsAsciiDigit) || !parts[1].All(char.IsAsciiDigit))
            return false;
        var (hour, minute) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        if (hour > 23 || minute > 59) return false;
        time = new TimeOnly(hour, minute);
        return true;
    }

    private sealed class HourMinuteConverter : JsonConverter<TimeOnly>
    {
        public override TimeOnly Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            TryParse(reader.GetString(), out var time) ? time : throw new System.Text.Json.JsonException();

        public override void Write(System.Text.Json.Utf8JsonWriter writer, TimeOnly value, System.Text.Json.JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The scheduled slots the trainer enters, local wall-clock times ("2024-03-25T14:00", no time zone). The rules are
/// <see cref="SlotInput"/>'s (at most <see cref="MaxCount"/> slots, each ending after it starts, within
/// <see cref="MaxHours"/> hours, between <see cref="Earliest"/> and <see cref="Latest"/>); served so that a form knows
/// them before it asks.
/// </summary>
public sealed record SlotListOption : OptionDefinition
{
    public required int MaxCount { get; init; }
    public required double MaxHours { get; init; }
    public required DateTime Earliest { get; init; }
    public required DateTime Latest { get; init; }
    /// <summary>One slot as the upload form's repeatable field writes it: "start/end".</summary>
    public required string Example { get; init; }
    /// <summary>What a form shows beside a slot whose date, start or end is still blank.</summary>
    public required string IncompleteMessage { get; init; }
}

/// <summary>
/// One of the workbook's sheets, by its tab name: left out, the backend looks for it; "" (or blanks), none; a name, that
/// sheet (a name the workbook lacks is the analysis' to report, naming the sheets it has). The bound only keeps an
/// absurd text out.
/// </summary>
public sealed record SheetChoiceOption : OptionDefinition
{
    public required int MaxLength { get; init; }

    [JsonIgnore]
    public string TooLongMessage => $"{Label} : le nom de la feuille est trop long ({MaxLength} caractères au plus).";

    public bool Accepts(string? sheet) => sheet is null || sheet.Length <= MaxLength;
}

/// <summary>Two settings that must keep an order: <see cref="Lower"/> ≤ <see cref="Upper"/>.</summary>
public sealed record OptionOrder(string Lower, string Upper, string Message);

/// <summary>
/// The attendance settings: the one definition of each (defaults, bounds, order, labels, messages), the slots' rules
/// being <see cref="SlotInput"/>'s.
/// </summary>
public static class OptionRules
{
    public static readonly NumberOption PresentThreshold = new()
    {
        Name = "presentThreshold", Label = "Seuil de présence", Unit = "%",
        Help = "À partir de ce taux du temps prévu, le stagiaire est « Présent ».",
        Default = 0.8, Minimum = 0, Maximum = 1, DisplayScale = 100,
    };

    public static readonly NumberOption AbsentThreshold = new()
    {
        Name = "absentThreshold", Label = "Seuil d'absence", Unit = "%",
        Help = "Sous ce taux, le stagiaire est « Absent » ; entre les deux seuils, « Partiel ».",
        Default = 0.1, Minimum = 0, Maximum = 1, DisplayScale = 100,
    };

    /// <summary>Four hours: beyond, "late" would no longer mean anything on a half-day slot.</summary>
    public static readonly NumberOption ToleranceMinutes = new()
    {
        Name = "toleranceMinutes", Label = "Tolérance", Unit = "min",
        Help = "Retard à l'arrivée ou départ anticipé toléré, en minutes.",
        Default = 10, Minimum = 0, Maximum = 240,
    };

    public static readonly TimeOption AfternoonStartsAt = new()
    {
        Name = "afternoonStartsAt", Label = "Début de l'après-midi",
        Help = "Sert quand le rapport n'indique pas de créneau.",
        Default = new TimeOnly(13, 0),
    };

    /// <summary>
    /// Left out or empty: the report's slots, else sessions found from the connections. Belongs to the report, so a
    /// page never remembers it for the next one.
    /// </summary>
    public static readonly SlotListOption Slots = new()
    {
        Name = "slots", Label = "Créneaux prévus", Scope = OptionScope.Report,
        Help = "Les créneaux de la formation (date, début, fin) ; ils remplacent ceux du rapport.",
        MaxCount = SlotInput.MaxSlots, MaxHours = SlotInput.MaxSlotHours,
        Earliest = SlotInput.Earliest, Latest = SlotInput.Latest, Example = SlotInput.Example,
        IncompleteMessage = SlotInput.IncompleteMessage,
    };

    /// <summary>In the order a form shows them (the whole request's list: <c>Api/AnalyzeOptions.Definitions</c>).</summary>
    public static readonly IReadOnlyList<OptionDefinition> All = [PresentThreshold, AbsentThreshold, ToleranceMinutes, AfternoonStartsAt, Slots];

    public static readonly OptionOrder ThresholdOrder = new(AbsentThreshold.Name, PresentThreshold.Name,
        $"{AbsentThreshold.Label} : la valeur doit être inférieure ou égale au {PresentThreshold.Label.ToLowerInvariant()}.");

    public static readonly IReadOnlyList<OptionOrder> Orders = [ThresholdOrder];

    /// <summary>What is wrong with a complete set of settings, per field name (empty when nothing is).</summary>
    public static IReadOnlyDictionary<string, string[]> Check(AttendanceOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (option, value) in Numbers(options))
            if (!option.Accepts(value)) errors[option.Name] = [option.RangeMessage];
        if (errors.Count == 0 && options.AbsentThreshold > options.PresentThreshold)
            errors[ThresholdOrder.Lower] = [ThresholdOrder.Message];
        if (options.Slots is { Count: > 0 } slots && SlotInput.Problems(slots) is { Count: > 0 } problems)
            errors[Slots.Name] = [.. problems];
        return errors;
    }

    /// <summary>
    /// The engine's view of the settings: every number within its bounds. The API and the upload form refuse values
    /// out of bounds before the engine runs; a direct caller still gets the same bounds, never other ones.
    /// </summary>
    public static AttendanceOptions WithinBounds(AttendanceOptions options) => options with
    {
        PresentThreshold = PresentThreshold.Clamp(options.PresentThreshold),
        AbsentThreshold = AbsentThreshold.Clamp(options.AbsentThreshold),
        ToleranceMinutes = ToleranceMinutes.Clamp(options.ToleranceMinutes),
    };

    private static IEnumerable<(NumberOption, double)> Numbers(AttendanceOptions options) =>
    [
        (PresentThreshold, options.PresentThreshold),
        (AbsentThreshold, options.AbsentThreshold),
        (ToleranceMinutes, options.ToleranceMinutes),
    ];
}
