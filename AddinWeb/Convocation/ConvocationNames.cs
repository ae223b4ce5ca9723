using AddinWeb.Reports.Text;

namespace AddinWeb.Convocation;

/// <summary>
/// How the list's names and emails are cut and compared. Comparison keys only: what is shown keeps the list's text.
/// </summary>
public static class ConvocationNames
{
    /// <summary>
    /// Cuts a single name cell ("DURAND Camille", "Camille DURAND", "DE LA FONTAINE Jean-Pierre") into last and first
    /// name: the leading (else trailing) words in capitals are the last name; when every word or none is in capitals,
    /// the header's order says which end is the last name ("NOM Prénom" when it says nothing, the usual order of
    /// French administrative lists).
    /// </summary>
    public static (string LastName, string FirstName) Split(string collapsed, NameOrder order)
    {
        var words = collapsed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 1) return (collapsed, "");
        var leading = words.TakeWhile(IsCapitals).Count();
        var trailing = words.Reverse().TakeWhile(IsCapitals).Count();
        if (leading > 0 && leading < words.Length)
            return (Join(words[..leading]), Join(words[leading..]));
        if (trailing > 0 && trailing < words.Length)
            return (Join(words[^trailing..]), Join(words[..^trailing]));
        return order == NameOrder.FirstLast
            ? (words[^1], Join(words[..^1]))
            : (words[0], Join(words[1..]));
    }

    /// <summary>
    /// Key of an email, case- and accent-insensitive, every space removed ("Léa.Girard @ac-toulouse.fr" and
    /// "lea.girard@ac-toulouse.fr" are one); null when there is none.
    /// </summary>
    public static string? EmailKey(string? email)
    {
        var key = TextNormalizer.Key(email).Replace(" ", "", StringComparison.Ordinal);
        return key.Length == 0 ? null : key;
    }

    /// <summary>Key of a name whatever the order of its words, their case, accents and hyphens.</summary>
    public static string NameKey(string firstName, string lastName) => TextNormalizer.PersonKey($"{firstName} {lastName}");

    /// <summary>
    /// Key of a name with each part's words run together: "DE LA FONTAINE Jean-Pierre" and "Jean Pierre
    /// DELAFONTAINE" are one ("delafontaine jeanpierre"). The two parts are sorted, so the order does not matter.
    /// Empty when either part is missing: a first name alone, or a last name alone, identifies nobody.
    /// </summary>
    public static string CompactKey(string firstName, string lastName)
    {
        var first = string.Concat(TextNormalizer.PersonWords(firstName));
        var last = string.Concat(TextNormalizer.PersonWords(lastName));
        if (first.Length == 0 || last.Length == 0) return "";
        return string.CompareOrdinal(first, last) <= 0 ? $"{first} {last}" : $"{last} {first}";
    }

    /// <summary>
    /// True for something an email could be: one '@' with text on both sides, a dot in the domain, no space inside.
    /// </summary>
    public static bool LooksLikeEmail(string text)
    {
        var at = text.IndexOf('@');
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1
            && text.IndexOf('.', at) > at + 1 && !text.Any(char.IsWhiteSpace);
    }

    /// <summary>True for a name cell: a letter at least, and no digit ("Total : 12", "2024-2025" are not names).</summary>
    public static bool LooksLikeName(string text) => text.Any(char.IsLetter) && !text.Any(char.IsDigit);

    private static bool IsCapitals(string word)
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

    private static string Join(IEnumerable<string> words) => string.Join(' ', words);
}
