using AddinWeb.Reports.Text;

namespace AddinWeb.Attendance;

/// <summary>
/// Who is who: the split of "Prénom NOM" and the host's email fallback. The keys that merge rows into one person
/// are <see cref="TextNormalizer.PersonKey"/> and <see cref="TextNormalizer.EmailKey"/>, shared with validation. Real
/// exports write the same person with other case, accents, spacing (NBSP) or word order, so every comparison goes
/// through a normalised form.
/// </summary>
internal static class ParticipantIdentity
{
    /// <summary>
    /// Splits "Prénom NOM": the trailing words written in capitals are the last name ("Jean-Pierre DE LA FONTAINE"
    /// gives "Jean-Pierre" / "DE LA FONTAINE"); when no word or every word is in capitals, the last word is. A name
    /// written "Nom, Prénom" (one comma, as directories and Teams display names write it: "Martin, Bruno") is
    /// last name first.
    /// </summary>
    public static (string FirstName, string LastName) SplitName(string? name) =>
        SplitCollapsedName(TextNormalizer.CollapseSpaces(name));

    /// <summary>
    /// <see cref="SplitName"/> of a name already through <see cref="TextNormalizer.CollapseSpaces"/>: its words are
    /// separated by single spaces, so both parts are cut out of it at a space.
    /// </summary>
    public static (string FirstName, string LastName) SplitCollapsedName(string name)
    {
        var comma = name.IndexOf(',');
        if (comma > 0 && comma == name.LastIndexOf(',') && name[(comma + 1)..].Trim() is { Length: > 0 } first)
            return (first, name[..comma].TrimEnd());

        var lastSpace = name.LastIndexOf(' ');
        if (lastSpace < 0) return ("", name); // one word (or none)

        // Walk the words back from the end while they are in capitals.
        var lastNameStart = name.Length;
        var wordEnd = name.Length;
        while (wordEnd > 0)
        {
            var wordStart = name.LastIndexOf(' ', wordEnd - 1) + 1;
            if (!IsCapitals(name.AsSpan(wordStart, wordEnd - wordStart))) break;
            lastNameStart = wordStart;
            wordEnd = wordStart - 1;
        }
        if (lastNameStart == name.Length || lastNameStart == 0) lastNameStart = lastSpace + 1;
        return (name[..(lastNameStart - 1)], name[lastNameStart..]);
    }

    /// <summary>
    /// The local part of an email as a name key ("elsa.stamminger@…" gives "elsa stamminger"), used only when no
    /// name matches the host. Digits that academies append to homonyms ("jean.martin3") are dropped.
    /// </summary>
    public static string EmailNameKey(string? email)
    {
        var key = TextNormalizer.EmailKey(email);
        if (key is null) return "";
        var at = key.IndexOf('@');
        var local = at >= 0 ? key[..at] : key;
        return TextNormalizer.PersonKey(new string(local.Where(c => !char.IsDigit(c)).ToArray()));
    }

    private static bool IsCapitals(ReadOnlySpan<char> word)
    {
        var hasLetter = false;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            hasLetter = true;
        }
        return hasLetter;
    }
}
