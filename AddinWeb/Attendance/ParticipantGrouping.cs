using AddinWeb.Reports.Text;
using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>The rows that belong to one person: the rows that list them, and their connections.</summary>
internal sealed class PersonRows
{
    public List<UserSummary> Users { get; } = [];
    public List<Connection> Connections { get; } = [];

    /// <summary>Trainer when any row says so (host, moderator, organiser), else what the rows say, else null.</summary>
    public ParticipantRole? StatedRole
    {
        get
        {
            ParticipantRole? stated = null;
            foreach (var user in Users)
                if (user.Role is { } role) { if (role == ParticipantRole.Trainer) return role; stated = role; }
            foreach (var connection in Connections)
                if (connection.Role is { } role) { if (role == ParticipantRole.Trainer) return role; stated = role; }
            return stated;
        }
    }

    /// <summary>
    /// When the person was there, roughly: each connection; without any, each summary's first join to last leave
    /// (to first join + duration when the leave is unknown). For inferring half-days, not for figures.
    /// </summary>
    public IEnumerable<(DateTime Start, DateTime End)> PresenceSpans()
    {
        if (Connections.Count > 0)
        {
            foreach (var connection in Connections) yield return (connection.Start, connection.End);
            yield break;
        }
        foreach (var user in Users)
            if (user.Presence is { } presence)
                yield return (presence.FirstJoin, presence.LastLeave ?? SummaryPresence.AddMinutes(presence.FirstJoin, presence.DurationMinutes));
    }

    /// <summary>The name as the first listing row writes it, else as the first connection does.</summary>
    public string Name => Users.Count > 0 ? Users[0].Name : Connections.Count > 0 ? Connections[0].Name : "";

    /// <summary>The email as written (spaces collapsed and trimmed), listing rows first; null when no row has one.</summary>
    public string? Email
    {
        get
        {
            for (var i = 0; i < RowCount; i++)
                if (EmailAt(i) is { } email && TextNormalizer.CollapseSpaces(email) is { Length: > 0 } written)
                    return written;
            return null;
        }
    }

    /// <summary>All the person's rows, listing rows first: <see cref="NameAt"/> and <see cref="EmailAt"/> walk them.</summary>
    public int RowCount => Users.Count + Connections.Count;

    public string NameAt(int row) => row < Users.Count ? Users[row].Name : Connections[row - Users.Count].Name;

    public string? EmailAt(int row) => row < Users.Count ? Users[row].Email : Connections[row - Users.Count].Email;
}

/// <summary>
/// <see cref="TextNormalizer.PersonKey"/> of each distinct name text, computed once: grouping keys every person's
/// names when some rows have no email, and host matching then reuses those keys.
/// </summary>
internal sealed class PersonKeys
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    /// <summary>The key, computed and kept.</summary>
    public string Of(string name)
    {
        if (!_keys.TryGetValue(name, out var key)) _keys.Add(name, key = TextNormalizer.PersonKey(name));
        return key;
    }

    /// <summary>The key, from the ones kept when there; else computed and not kept (host matching asks once a person).</summary>
    public string Peek(string name) => _keys.TryGetValue(name, out var key) ? key : TextNormalizer.PersonKey(name);
}

/// <summary>
/// Merges the listing rows and the connection rows (Via: its summary and presence sheets) into people: one per email (trimmed, any case); a row
/// without email joins the person who has an email and the same name (accents, case, order aside) when exactly one
/// does, else the other email-less rows of that name.
/// </summary>
internal static class ParticipantGrouping
{
    /// <param name="People">People known by email in the order their first row comes (listing rows first), then the others.</param>
    /// <param name="AmbiguousRows">Email-less rows whose name several emails share: each counted as a person apart.</param>
    /// <param name="NameKeys">The name keys computed on the way (none when every row has an email), for the host matcher to reuse.</param>
    public sealed record Grouping(IReadOnlyList<PersonRows> People, IReadOnlyList<SourceRef> AmbiguousRows, PersonKeys NameKeys);

    public static Grouping Group(SessionReport report)
    {
        // The listing rows hold a row per user: a good first guess of the number of people, which spares the resizing.
        var people = new List<PersonRows>(report.Users.Count);
        var byEmail = new Dictionary<string, PersonRows>(report.Users.Count, StringComparer.Ordinal);
        // A person's rows repeat the same email text: each distinct text is normalised and looked up once.
        var byEmailText = new Dictionary<string, PersonRows?>(report.Users.Count, StringComparer.Ordinal);
        PersonRows? ForEmail(string? email)
        {
            if (email is null) return null;
            if (!byEmailText.TryGetValue(email, out var person))
            {
                if (TextNormalizer.EmailKey(email) is { } key && !byEmail.TryGetValue(key, out person))
                {
                    person = new PersonRows();
                    byEmail.Add(key, person);
                    people.Add(person);
                }
                byEmailText.Add(email, person);
            }
            return person;
        }

        var usersWithoutEmail = new List<UserSummary>();
        var connectionsWithoutEmail = new List<Connection>();
        foreach (var user in report.Users)
        {
            if (ForEmail(user.Email) is { } person) person.Users.Add(user);
            else usersWithoutEmail.Add(user);
        }
        foreach (var connection in report.Connections)
        {
            if (ForEmail(connection.Email) is { } person) person.Connections.Add(connection);
            else connectionsWithoutEmail.Add(connection);
        }

        var nameKeys = new PersonKeys();
        var ambiguous = new List<SourceRef>();
        if (usersWithoutEmail.Count > 0 || connectionsWithoutEmail.Count > 0)
            PlaceRowsWithoutEmail(people, usersWithoutEmail, connectionsWithoutEmail, nameKeys, ambiguous);

        // Rows in sheet order, so the name and email shown come from the first row whatever order rows came in.
        foreach (var person in people)
        {
            person.Users.Sort((a, b) => a.Source.Row.CompareTo(b.Source.Row));
            person.Connections.Sort((a, b) => a.Source.Row.CompareTo(b.Source.Row));
        }
        return new Grouping(people, ambiguous, nameKeys);
    }

    /// <summary>
    /// A row without email joins the one person known by email under its name, else the other email-less rows of
    /// that name; <paramref name="people"/> grows with the people found that way.
    /// </summary>
    private static void PlaceRowsWithoutEmail(List<PersonRows> people, List<UserSummary> usersWithoutEmail,
        List<Connection> connectionsWithoutEmail, PersonKeys nameKeys, List<SourceRef> ambiguous)
    {
        // Names of people known by email; a name two emails share is ambiguous (homonyms) and joins neither.
        // Recording a person under the same key again changes nothing, so only a change of name text is looked up.
        var byName = new Dictionary<string, PersonRows?>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            string? previousName = null;
            for (var row = 0; row < person.RowCount; row++)
            {
                var name = person.NameAt(row);
                if (name == previousName) continue;
                previousName = name;
                var nameKey = nameKeys.Of(name);
                if (nameKey.Length == 0) continue;
                if (!byName.TryGetValue(nameKey, out var known)) byName[nameKey] = person;
                else if (!ReferenceEquals(known, person)) byName[nameKey] = null;
            }
        }

        var byNameOnly = new Dictionary<string, PersonRows>(StringComparer.Ordinal);
        PersonRows ForName(string name, SourceRef source)
        {
            var key = nameKeys.Of(name);
            if (key.Length > 0 && byName.TryGetValue(key, out var known))
            {
                if (known is not null) return known;
                ambiguous.Add(source);
            }
            // A row with neither email nor name stays a person of its own: never merged, never dropped.
            if (key.Length == 0) key = $"\u0000{source.Sheet}\u0000{source.Row}";
            if (!byNameOnly.TryGetValue(key, out var person))
            {
                person = new PersonRows();
                byNameOnly.Add(key, person);
                people.Add(person);
            }
            return person;
        }

        foreach (var user in usersWithoutEmail) ForName(user.Name, user.Source).Users.Add(user);
        foreach (var connection in connectionsWithoutEmail) ForName(connection.Name, connection.Source).Connections.Add(connection);
    }
}
