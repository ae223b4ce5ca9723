using AddinWeb.Reports.Text;
namespace AddinWeb.Attendance;

/// <summary>
/// Recognises the host ("Stamminger, Elsa", written "Nom, Prénom") among the people ("Elsa STAMMINGER"): same words
/// whatever their order, case, accents and hyphens. When no name matches, the local part of the email is tried
/// ("elsa.stamminger@…"), because some platforms write the display name differently from the account name. When the
/// report gives the host's email (Zoom's meeting header), the people with that email are the host.
/// </summary>
internal static class HostMatcher
{
    /// <summary>Positions in <paramref name="people"/> of the host (several when one name has several accounts).</summary>
    public static IReadOnlySet<int> Find(string? host, string? hostEmail, IReadOnlyList<PersonRows> people, PersonKeys nameKeys)
    {
        var found = new HashSet<int>();
        if (TextNormalizer.EmailKey(hostEmail) is { } emailKey)
        {
            for (var i = 0; i < people.Count; i++)
                if (HasEmail(people[i], emailKey)) found.Add(i);
            if (found.Count > 0) return found;
        }
        var hostKey = TextNormalizer.PersonKey(host);
        if (hostKey.Length == 0) return found;
        for (var i = 0; i < people.Count; i++)
            if (HasName(people[i], hostKey, nameKeys)) found.Add(i);
        if (found.Count > 0) return found;
        for (var i = 0; i < people.Count; i++)
            if (ParticipantIdentity.EmailNameKey(people[i].Email) == hostKey) found.Add(i);
        return found;
    }

    private static bool HasEmail(PersonRows person, string emailKey)
    {
        for (var row = 0; row < person.RowCount; row++)
            if (TextNormalizer.EmailKey(person.EmailAt(row)) == emailKey) return true;
        return false;
    }

    private static bool HasName(PersonRows person, string nameKey, PersonKeys nameKeys)
    {
        string? previousName = null;
        for (var row = 0; row < person.RowCount; row++)
        {
            var name = person.NameAt(row);
            if (name == previousName) continue; // a person's rows mostly repeat one name
            previousName = name;
            if (nameKeys.Peek(name) == nameKey) return true;
        }
        return false;
    }
}
