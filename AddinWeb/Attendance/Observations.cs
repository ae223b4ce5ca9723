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

    public const string LeaveUnknown = "LeaveUnknown";
    public const string DurationBeyondSpan = "DurationBeyondSpan";

    /// <summary>A stated duration may exceed leave − join by this much before it is worth a word (Zoom rounds up to the minute).</summary>
    private const double DurationSlackMinutes = 1;

    public static IReadOnlyList<ReportIssue> For(SessionReport report, ParticipantGrouping.Grouping grouping,
        SessionPlan plan, AttendanceOptions options, bool hostFound, DateTime reportEnd)
    {
        var found = new List<ReportIssue>();
        var main = report.MainSheet;
        var (slots, slotSource) = SessionPlanner.GivenSlots(report, options);
        var entered = slotSource == SessionSource.Entered;
        // Where a slot remark points: the report's first sheet for its own slot lines, nowhere for the trainer's.
        var slotsPlace = entered ? "Créneaux saisis" : $"Feuille « {main} »";
        var slotsSheet = entered ? null : main;

        var emptySlots = slots.Count(s => s.End <= s.Start);
        if (emptySlots > 0)
            found.Add(new ReportIssue(IssueSeverity.Warning, SlotIgnored,
                $"{slotsPlace} : {Plural(emptySlots, "un créneau se termine", "créneaux se terminent")} "
                + "avant de commencer ; il n'en est pas tenu compte pour le calcul des présences.", slotsSheet));

        var usableSlots = SessionPlanner.DistinctUsableSlots(report, options);
        if (usableSlots > 0 && plan.Sessions.Count < usableSlots)
            found.Add(new ReportIssue(IssueSeverity.Warning, SlotsMerged,
                $"{slotsPlace} : des créneaux se chevauchent ; ils sont réunis en une seule séance pour que "
                + "le même temps ne soit pas compté deux fois.", slotsSheet));

        if (plan.Sessions.Count > 0 && plan.Sessions.All(s => s.Source == SessionSource.HalfDay))
            found.Add(new ReportIssue(IssueSeverity.Warning, SessionsInferred,
                $"Feuille « {main} » : aucun créneau horaire n'est indiqué, ni par le rapport ni par le formateur. Les "
                + "séances ont été déduites des connexions, par demi-journée (matin, après-midi), de l'heure médiane "
                + "d'arrivée à l'heure médiane de départ des participants. Saisissez le créneau prévu (date, heure de "
                + "début et de fin) avant de signer la feuille.", main));

        var hostGiven = !string.IsNullOrWhiteSpace(report.Header.Host) || !string.IsNullOrWhiteSpace(report.Header.HostEmail);
        if (hostGiven && !hostFound)
            found.Add(new ReportIssue(IssueSeverity.Warning, HostNotFound,
                $"Feuille « {main} » : l'hôte indiqué dans l'en-tête ne figure dans aucune ligne du rapport ; "
                + (grouping.People.Any(p => p.StatedRole == ParticipantRole.Trainer)
                    ? "seuls les participants que le rapport désigne comme animateurs sont comptés comme formateurs."
                    : "aucun participant n'est donc identifié comme formateur."), main));

        foreach (var row in grouping.AmbiguousRows.Distinct().OrderBy(r => report.SheetRank(r.Sheet)).ThenBy(r => r.Row))
            found.Add(new ReportIssue(IssueSeverity.Warning, AmbiguousName,
                $"Feuille « {row.Sheet} », ligne {row.Row} : cette ligne n'a pas d'adresse électronique et son nom est "
                + "porté par plusieurs adresses ; elle est comptée comme un participant à part.", row.Sheet, row.Row));

        SummaryRemarks(report, grouping, reportEnd, found);
        return found;
    }

    /// <summary>
    /// What the engine assumed of a summary it measured: an unknown leave, or a duration longer than the time between
    /// join and leave (both cap what the summary can prove). Summaries of people who have connection rows are not
    /// measured, so they are not remarked on.
    /// </summary>
    private static void SummaryRemarks(SessionReport report, ParticipantGrouping.Grouping grouping, DateTime reportEnd,
        List<ReportIssue> found)
    {
        foreach (var person in grouping.People)
        {
            if (person.Connections.Count > 0) continue;
            foreach (var user in person.Users)
            {
                if (user.Presence is not { } presence) continue;
                var place = $"Feuille « {user.Source.Sheet} », ligne {user.Source.Row}";
                if (presence.LastLeave is null)
                {
                    var assumed = SummaryPresence.Settle(presence, reportEnd).Leave;
                    found.Add(new ReportIssue(IssueSeverity.Warning, LeaveUnknown,
                        $"{place} : l'heure de départ n'est pas indiquée (la personne était encore connectée quand le "
                        + $"rapport a été produit) ; le calcul retient un départ au plus tard le {Moment(assumed)}, "
                        + "dernier horaire du rapport.", user.Source.Sheet, user.Source.Row));
                }
                else if (presence.DurationMinutes - (presence.LastLeave.Value - presence.FirstJoin).TotalMinutes > DurationSlackMinutes)
                    found.Add(new ReportIssue(IssueSeverity.Warning, DurationBeyondSpan,
                        $"{place} : la durée de connexion indiquée ({Minutes(presence.DurationMinutes)}) dépasse le temps "
                        + $"écoulé entre l'arrivée et le départ ({Minutes((presence.LastLeave.Value - presence.FirstJoin).TotalMinutes)}) ; "
                        + "seul ce temps écoulé est retenu.", user.Source.Sheet, user.Source.Row));
            }
        }
    }

    private static string Moment(DateTime value) =>
        value.ToString("dd/MM/yyyy 'à' HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Minutes(double minutes)
    {
        var total = (long)Math.Round(Math.Max(0, minutes), MidpointRounding.AwayFromZero);
        return total < 60 ? $"{total} min" : $"{total / 60} h {total % 60:00}";
    }

    private static string Plural(int count, string one, string many) => count == 1 ? one : $"{count} {many}";
}
