using AddinWeb.Attendance;
using AddinWeb.Reports;
using AddinWeb.Reports.Text;

namespace AddinWeb.Convocation;

/// <summary>Who of the list is who of the report.</summary>
/// <param name="ByParticipant">For each participant (the engine's order), the list's person matched to them, or null.</param>
/// <param name="Unmatched">The list's people no participant matches: convened, never connected.</param>
/// <param name="Warnings">Every match that is not certain, and every one that was not made for want of certainty.</param>
public sealed record ConvocationMatch(
    IReadOnlyList<ConvenedPerson?> ByParticipant,
    IReadOnlyList<ConvenedPerson> Unmatched,
    IReadOnlyList<ReportIssue> Warnings);

/// <summary>
/// Matches the convened people to the report's participants, for every platform (pure):
/// <list type="number">
/// <item>by email, case and accents aside: certain;</item>
/// <item>then, for those left, by name, whatever the order of its words ("NOM Prénom" or "Prénom NOM"), case, accents
/// and hyphens, compound names written in one word or several ("DE LA FONTAINE" / "Delafontaine"). A name shared
/// by two candidates on either side is not matched: the warning names the rows. A name match between two different
/// emails is made (people often connect with another address than the one the list has) but warned about;</item>
/// <item>last, a convened person left absent whose name is close to a trainee left uninvited (a first name alone,
/// part of a compound last name) is not matched, only pointed out.</item>
/// </list>
/// Messages name the rows (sheet and row of the list and of the report), never the people.
/// </summary>
public static partial class ConvocationMatcher
{
    public const string AmbiguousMatch = "ConvocationAmbiguousMatch";
    public const string EmailsDiffer = "ConvocationEmailsDiffer";
    public const string PossibleMatch = "ConvocationPossibleMatch";
    public const string SameEmailTwice = "ConvocationSameEmailTwice";

    public static ConvocationMatch Match(ConvocationList list, IReadOnlyList<ParticipantAttendance> participants)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(participants);
        var byParticipant = new ConvenedPerson?[participants.Count];
        var matched = new HashSet<ConvenedPerson>(ReferenceEqualityComparer.Instance);
        // Matched, or already pointed out: not tried again by name.
        var settled = new HashSet<ConvenedPerson>(ReferenceEqualityComparer.Instance);
        var warnings = new List<ReportIssue>();

        // 1. Email. The engine keeps one person per email as written; two that differ only by accents meet here.
        var byEmail = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < participants.Count; i++)
            if (ConvocationNames.EmailKey(participants[i].Email) is { } key)
                Add(byEmail, key, i);
        foreach (var person in list.People)
        {
            if (ConvocationNames.EmailKey(person.Email) is not { } key || !byEmail.TryGetValue(key, out var found)) continue;
            if (found.Count == 1)
            {
                byParticipant[found[0]] = person;
                matched.Add(person);
                settled.Add(person);
                continue;
            }
            warnings.Add(Warning(SameEmailTwice, person,
                $"cette adresse électronique est celle de plusieurs participants du rapport ({Rows(found.Select(i => participants[i]))}) ; "
                + "aucun rapprochement n'a été fait : vérifiez à la main qui était présent."));
            settled.Add(person);
        }

        // 2. Name, among those left on both sides.
        var left = list.People.Where(p => !settled.Contains(p)).ToList();
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < participants.Count; i++)
        {
            if (byParticipant[i] is not null) continue;
            foreach (var key in ParticipantKeys(participants[i])) Add(byName, key, i);
        }
        var candidates = new Dictionary<ConvenedPerson, List<int>>(ReferenceEqualityComparer.Instance);
        var claims = new Dictionary<int, List<ConvenedPerson>>();
        foreach (var person in left)
        {
            var found = new List<int>();
            foreach (var key in PersonKeys(person))
                if (byName.TryGetValue(key, out var those))
                    foreach (var i in those)
                        if (!found.Contains(i)) found.Add(i);
            if (found.Count == 0) continue;
            candidates[person] = found;
            foreach (var i in found)
            {
                if (!claims.TryGetValue(i, out var claimants)) claims[i] = claimants = [];
                claimants.Add(person);
            }
        }
        var pointedParticipants = new HashSet<int>();
        foreach (var person in left)
        {
            if (!candidates.TryGetValue(person, out var found)) continue;
            if (found.Count > 1)
            {
                warnings.Add(Warning(AmbiguousMatch, person,
                    $"cette personne convoquée porte le même nom que plusieurs participants du rapport ({Rows(found.Select(i => participants[i]))}) ; "
                    + "aucun rapprochement n'a été fait : vérifiez à la main qui était présent."));
                continue;
            }
            var participant = found[0];
            if (claims[participant].Count > 1)
            {
                if (pointedParticipants.Add(participant))
                    warnings.Add(Warning(AmbiguousMatch, claims[participant][0],
                        $"le participant du rapport ({Rows([participants[participant]])}) porte le même nom que plusieurs personnes "
                        + $"convoquées ({ListRows(claims[participant])}) ; aucun rapprochement n'a été fait : vérifiez à la main qui était présent."));
                continue;
            }
            byParticipant[participant] = person;
            matched.Add(person);
            if (person.Email is not null && participants[participant].Email is not null)
                warnings.Add(Warning(EmailsDiffer, person,
                    $"rapprochée par le nom du participant du rapport ({Rows([participants[participant]])}), dont l'adresse "
                    + "électronique diffère de celle de la liste : vérifiez qu'il s'agit bien de la même personne."));
        }

        // 3. Close names, pointed out only.
        var unmatched = list.People.Where(p => !matched.Contains(p)).ToList();
        var uninvited = Enumerable.Range(0, participants.Count)
            .Where(i => byParticipant[i] is null && participants[i].Role == ParticipantRole.Trainee).ToList();
        foreach (var person in unmatched)
        {
            if (candidates.ContainsKey(person) || settled.Contains(person)) continue; // already the subject of a warning
            var close = uninvited.Where(i => Close(person, participants[i])).ToList();
            if (close.Count > 0)
                warnings.Add(Warning(PossibleMatch, person,
                    $"cette personne convoquée ne figure pas dans le rapport sous ce nom, mais un nom proche y figure ({Rows(close.Select(i => participants[i]))}) ; "
                    + "aucun rapprochement n'a été fait : vérifiez s'il s'agit de la même personne."));
        }
        return new ConvocationMatch(byParticipant, unmatched, warnings);
    }

    /// <summary>
    /// The name keys a participant answers to: the whole name's words, each part's run together, and the name
    /// without what brackets hold (Zoom's "Chloé Petit (Chloé)", a "(invité)" a platform adds).
    /// </summary>
    private static IEnumerable<string> ParticipantKeys(ParticipantAttendance participant)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            TextNormalizer.PersonKey(participant.Name),
            ConvocationNames.CompactKey(participant.FirstName, participant.LastName),
            TextNormalizer.PersonKey(WithoutBrackets(participant.Name)),
        };
        keys.Remove("");
        return keys;
    }

    private static string WithoutBrackets(string name) => Brackets().Replace(name, " ");

    [System.Text.RegularExpressions.GeneratedRegex(@"\([^()]*\)|\[[^\[\]]*\]")]
    private static partial System.Text.RegularExpressions.Regex Brackets();

    private static IEnumerable<string> PersonKeys(ConvenedPerson person)
    {
        if (person.LastName.Length == 0) yield break; // an email alone was tried already
        var whole = ConvocationNames.NameKey(person.FirstName, person.LastName);
        if (whole.Length > 0) yield return whole;
        var compact = ConvocationNames.CompactKey(person.FirstName, person.LastName);
        if (compact.Length > 0 && compact != whole) yield return compact;
    }

    /// <summary>
    /// One name's words all among the other's, not the same: "Bruno" (a guest's first name alone) and "MARTIN Bruno",
    /// "Marie DUPONT" and "DUPONT-MARTIN Marie". Never a match on its own, only pointed out.
    /// </summary>
    private static bool Close(ConvenedPerson person, ParticipantAttendance participant)
    {
        var listed = TextNormalizer.PersonWords($"{person.FirstName} {person.LastName}").ToHashSet();
        var reported = TextNormalizer.PersonWords(WithoutBrackets(participant.Name)).ToHashSet();
        if (listed.Count == 0 || reported.Count == 0 || listed.SetEquals(reported)) return false;
        return listed.IsSubsetOf(reported) || reported.IsSubsetOf(listed);
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int i)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (!list.Contains(i)) list.Add(i);
    }

    private static ReportIssue Warning(string code, ConvenedPerson person, string what) =>
        ReportLocation.Warning(code, person.Source.Sheet, person.Source.Row, null, null, what);

    /// <summary>"feuille « Sommaire », lignes 14 et 19" — each participant by their first row.</summary>
    internal static string Rows(IEnumerable<ParticipantAttendance> participants) =>
        ConvocationText.Rows(participants.Select(p => p.SourceRows.Count > 0 ? p.SourceRows[0] : (SourceRef?)null));

    private static string ListRows(IEnumerable<ConvenedPerson> people) =>
        ConvocationText.Rows(people.Select(p => (SourceRef?)p.Source));
}
