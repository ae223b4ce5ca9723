using System.Globalization;
using System.Text;

namespace AddinWeb.Reports.Text;

/// <summary>
/// Comparison keys for what real exports vary on: case, accents, NBSP and other exotic spaces, typographic
/// apostrophes and dashes. Keys are for matching only; what is shown to the user keeps the original text.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// Lower case, no accents (œ → oe, æ → ae), every kind of space collapsed to one plain space and trimmed,
    /// ’ ‘ ʼ ` ´ ′ turned into ', and – — ‑ ‒ − into -.
    /// </summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(raw) || raw == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            switch (raw)
            {
                case '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' or '\u2032':
                    builder.Append('\'');
                    break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                    builder.Append('-');
                    break;
                case 'œ' or 'Œ':
                    builder.Append("oe");
                    break;
                case 'æ' or 'Æ':
                    builder.Append("ae");
                    break;
                default:
                    builder.Append(char.ToLowerInvariant(raw));
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Key of a column header: <see cref="Key"/>, without a trailing ':' or a unit in brackets ("Connexion (min)"),
    /// with apostrophes, hyphens, dots and underscores read as spaces ("E-mail" = "e mail", "d'écran" = "d ecran").
    /// </summary>
    public static string HeaderKey(string? text)
    {
        var key = Key(text);
        key = key.TrimEnd(' ', ':');
        if (key.EndsWith(')') && key.LastIndexOf('(') is var open and > 0)
            key = key[..open].TrimEnd(' ', ':');
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
            builder.Append(c is '\'' or '-' or '.' or '_' or '/' ? ' ' : c);
        return CollapseSpaces(builder.ToString());
    }

    /// <summary>
    /// Key of a person's name, independent of order, case, accents and punctuation: "Stamminger, Elsa",
    /// "Elsa STAMMINGER" and "elsa stämminger" give the same key. Empty when the name has no letter or digit.
    /// The validator and the attendance engine both use it, so they always agree on who is who.
    /// </summary>
    public static string PersonKey(string? name)
    {
        var words = PersonWords(name);
        words.Sort(StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    /// <summary>Lower-case words of a name without accents; anything but a letter or a digit separates words.</summary>
    public static List<string> PersonWords(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(name)) return words;
        var word = new StringBuilder();
        foreach (var c in FoldAccents(name))
        {
            if (char.IsLetterOrDigit(c)) { word.Append(char.ToLowerInvariant(c)); continue; }
            if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    /// <summary>Key of an email: every kind of space collapsed and trimmed (NBSP too), lower case; null when empty.</summary>
    public static string? EmailKey(string? email)
    {
        var collapsed = CollapseSpaces(email);
        return collapsed.Length == 0 ? null : collapsed.ToLowerInvariant();
    }

    /// <summary>Every kind of space (NBSP, narrow NBSP, tabs…) as one plain space, trimmed; case and accents kept.</summary>
    public static string CollapseSpaces(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        // Most cells are already clean: hand them back as they are rather than copy every name and email.
        if (IsCollapsed(text))
            return text;
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>True when <see cref="CollapseSpaces"/> would give back the same text: only single plain spaces, inside.</summary>
    private static bool IsCollapsed(string text)
    {
        var afterSpace = true; // a leading space is not collapsed
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (afterSpace)
                    return false;
                afterSpace = true;
                continue;
            }
            if (c == '\u200B' || char.IsWhiteSpace(c))
                return false;
            afterSpace = false;
        }
        return !afterSpace; // nor a trailing one
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
