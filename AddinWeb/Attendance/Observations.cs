using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>
/// What the engine had to decide on its own and a manager should know. Messages are French and point at sheets and
/// rows, never at names or emails.
/// </summary>
internal static class Observations
{
    public const string HostNotFound = "HostNotFound";
    public const string AmbiguousName = "AmbiguousName";
    public const string SessionsInferred = "SessionsInferred";
    public const string SlotIgnored = "SlotIgnored";
    public const string SlotsMerged = "SlotsMerged";

    public static IReadOnlyList<ReportIssue> For(
        SessionReport report, ParticipantGrouping.Grouping grouping, SessionPlan plan, bool hostFound)
    {
        var found = new List<ReportIssue>();
        var summary = report.SummarySheet;

        var emptySlots = report.Header.Slots.Count(s => s.End <= s.Start);
        if (emptySlots > 0)
            found.Add(new ReportIssue(IssueSeverity.Warning, SlotIgnored,
                $"Feuille « {summary} » : {Plural(emptySlots, "un créneau se termine", "créneaux se terminent")} "
                + "avant de commencer ; il n'en est pas tenu compte pour le calcul des présences.", summary));

        var usableSlots = SessionPlanner.DistinctUsableSlots(report);
        if (usableSlots > 0 && plan.Sessions.Count < usableSlots)
            found.Add(new ReportIssue(IssueSeverity.Warning, SlotsMerged,
                $"Feuille « {summary} » : des créneaux se chevauchent ; ils sont réunis en une seule séance pour que "
                + "le même temps ne soit pas compté deux fois.", summary));

        if (plan.Sessions.Count > 0 && plan.Sessions.All(s => s.Source == SessionSource.HalfDay))
            found.Add(new ReportIssue(IssueSeverity.Warning, SessionsInferred,
                $"Feuille « {summary} » : le rapport n'indique aucun créneau horaire utilisable. Les séances ont été "
                + "déduites des connexions, par demi-journée (matin, après-midi), de l'heure médiane d'arrivée à "
                + "l'heure médiane de départ des participants. Vérifiez-les avant de signer.", summary));

        if (!string.IsNullOrWhiteSpace(report.Header.Host) && !hostFound)
            found.Add(new ReportIssue(IssueSeverity.Warning, HostNotFound,
                $"Feuille « {summary} » : l'hôte indiqué dans l'en-tête ne figure dans aucune ligne du rapport ; "
                + "aucun participant n'est donc identifié comme formateur.", summary));

        foreach (var row in grouping.AmbiguousRows.Distinct().OrderBy(r => r.Sheet == summary ? 0 : 1).ThenBy(r => r.Row))
            found.Add(new ReportIssue(IssueSeverity.Warning, AmbiguousName,
                $"Feuille « {row.Sheet} », ligne {row.Row} : cette ligne n'a pas d'adresse électronique et son nom est "
                + "porté par plusieurs adresses ; elle est comptée comme un participant à part.", row.Sheet, row.Row));
        return found;
    }

    private static string Plural(int count, string one, string many) => count == 1 ? one : $"{count} {many}";
}
