using System.Globalization;
using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>
/// The rules of the slots a trainer enters, the same for the JSON option <c>options.slots</c> and the upload's
/// repeatable <c>slot</c> field (<c>2024-03-25T14:00/2024-03-25T16:30</c>): each ends after it starts, lasts a day
/// at most and lies between 2000 and 2100; a training has at most <see cref="MaxSlots"/> of them.
/// </summary>
public static class SlotInput
{
    public const int MaxSlots = 40;
    public const double MaxSlotHours = 24;
    /// <summary>No slot starts before (nor ends after <see cref="Latest"/>): a date typed wrong, not a training.</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1);
    public static readonly DateTime Latest = new(2100, 1, 1);

    /// <summary>What a slot written as text looks like, for messages and documentation.</summary>
    public const string Example = "2024-03-25T14:00/2024-03-25T16:30";

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>A local wall-clock time "2024-03-25T14:00" (seconds optional), or false.</summary>
    public static bool TryParseTime(string? text, out DateTime value) =>
        DateTime.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>"start/end" as the upload form sends it, or false.</summary>
    public static bool TryParse(string? text, out ScheduledSlot slot)
    {
        slot = null!;
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2 || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end))
            return false;
        slot = new ScheduledSlot(start, end);
        return true;
    }

    /// <summary>The French reasons the slots cannot be used (none when they can), naming each slot by its number.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<ScheduledSlot> slots) =>
        ProblemsBySlot(slots).Select(p => p.Message).ToList();

    /// <summary>
    /// The same reasons, each with the slot it concerns, so that a form shows it beside that slot; a reason about
    /// the whole list (too many slots) concerns none.
    /// </summary>
    public static IReadOnlyList<SlotProblem> ProblemsBySlot(IReadOnlyList<ScheduledSlot> slots)
    {
        var problems = new List<SlotProblem>();
        if (slots.Count > MaxSlots)
        {
            problems.Add(new SlotProblem(null, $"Au plus {MaxSlots} créneaux peuvent être saisis ({slots.Count} reçus)."));
            return problems;
        }
        for (var i = 0; i < slots.Count; i++)
        {
            var (start, end) = (slots[i].Start, slots[i].End);
            var which = slots.Count == 1 ? "Le créneau" : $"Le créneau n° {i + 1}";
            if (start < Earliest || end > Latest)
                problems.Add(new SlotProblem(i + 1, $"{which} doit être compris entre l'an 2000 et l'an 2100."));
            else if (end <= start)
                problems.Add(new SlotProblem(i + 1, $"{which} doit se terminer après son début."));
            else if ((end - start).TotalHours > MaxSlotHours)
                problems.Add(new SlotProblem(i + 1, $"{which} dure plus de {MaxSlotHours:0} heures : saisissez un créneau par demi-journée ou par jour."));
        }
        return problems;
    }

    /// <summary>What a form says of a slot whose date, start or end is still blank (nothing is sent until all three are there).</summary>
    public const string IncompleteMessage = "Indiquez la date, l'heure de début et l'heure de fin de ce créneau.";
}

/// <summary>Why an entered slot cannot be used.</summary>
/// <param name="Slot">The slot's number in the request's list (1 for the first); null for the list as a whole.</param>
/// <param name="Message">French, one sentence, naming the slot by its number when there are several.</param>
public sealed record SlotProblem(int? Slot, string Message);
