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
    /// Key of a person's name, independent of order, case, accents and punctuation: "Stamminger, Elsa" and
    /// "Elsa STAMMINGER" give the same key.
    /// </summary>
    public static string PersonKey(string? name)
    {
        var key = Key(name);
        var words = key.Split([' ', ',', ';', '.', '-', '\'', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(words, StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    /// <summary>Key of an email: trimmed and lower case.</summary>
    public static string? EmailKey(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>Every kind of space (NBSP, narrow NBSP, tabs…) as one plain space, trimmed; case and accents kept.</summary>
    public static string CollapseSpaces(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
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
}
