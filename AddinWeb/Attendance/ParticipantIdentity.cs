using System.Globalization;
using System.Text;

namespace AddinWeb.Attendance;

/// <summary>
/// Who is who: the keys that merge rows into one person, the split of "Prénom NOM", and the host match. Real
/// exports write the same person with other case, accents, spacing (NBSP) or word order, so every comparison goes
/// through a normalised form.
/// </summary>
internal static class ParticipantIdentity
{
    /// <summary>The email as a key: trimmed (NBSP too), lower case; null when there is none.</summary>
    public static string? EmailKey(string? email)
    {
        if (email is null) return null;
        var trimmed = CleanSpaces(email);
        return trimmed.Length == 0 ? null : trimmed.ToLowerInvariant();
    }

    /// <summary>
    /// The name as a key: without accents, case, punctuation or hyphens, its words sorted, so that "Stamminger,
    /// Elsa", "Elsa STAMMINGER" and "elsa stämminger" give the same key. Empty when the name has no letter or digit.
    /// </summary>
    public static string NameKey(string? name)
    {
        var tokens = NameTokens(name);
        tokens.Sort(StringComparer.Ordinal);
        return string.Join(' ', tokens);
    }

    /// <summary>Lower-case words of a name without accents; hyphens, apostrophes and commas separate words.</summary>
    public static List<string> NameTokens(string? name)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(name)) return tokens;
        var folded = FoldAccents(name).ToLowerInvariant();
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) { word.Append(c); continue; }
            if (word.Length > 0) { tokens.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) tokens.Add(word.ToString());
        return tokens;
    }

    /// <summary>
    /// Splits "Prénom NOM": the trailing words written in capitals are the last name ("Jean-Pierre DE LA FONTAINE"
    /// gives "Jean-Pierre" / "DE LA FONTAINE"); when no word or every word is in capitals, the last word is.
    /// </summary>
    public static (string FirstName, string LastName) SplitName(string? name)
    {
        var words = CleanSpaces(name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return ("", "");
        if (words.Length == 1) return ("", words[0]);
        var firstOfLast = words.Length;
        while (firstOfLast > 0 && IsCapitals(words[firstOfLast - 1])) firstOfLast--;
        if (firstOfLast == words.Length || firstOfLast == 0) firstOfLast = words.Length - 1;
        return (string.Join(' ', words[..firstOfLast]), string.Join(' ', words[firstOfLast..]));
    }

    /// <summary>Trims and collapses every kind of space (NBSP, tabs) into single spaces.</summary>
    public static string CleanSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u202F') { pendingSpace = builder.Length > 0; continue; }
            if (pendingSpace) { builder.Append(' '); pendingSpace = false; }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// The local part of an email as a name key ("elsa.stamminger@…" gives "elsa stamminger"), used only when no
    /// name matches the host. Digits that academies append to homonyms ("jean.martin3") are dropped.
    /// </summary>
    public static string EmailNameKey(string? email)
    {
        var key = EmailKey(email);
        if (key is null) return "";
        var at = key.IndexOf('@');
        var local = at >= 0 ? key[..at] : key;
        return NameKey(new string(local.Where(c => !char.IsDigit(c)).ToArray()));
    }

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

    private static string FoldAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ': builder.Append("oe"); continue;
                case 'Œ': builder.Append("OE"); continue;
                case 'æ': builder.Append("ae"); continue;
                case 'Æ': builder.Append("AE"); continue;
                case 'ß': builder.Append("ss"); continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        }
        return builder.ToString();
    }
}
