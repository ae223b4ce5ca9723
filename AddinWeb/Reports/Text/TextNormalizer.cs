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
        Span<char> scratch = stackalloc char[StackChars];
        var decomposed = Decompose(text, scratch);
        Span<char> buffer = decomposed.Length <= StackChars / 2 ? stackalloc char[StackChars] : new char[2 * decomposed.Length];
        return new string(buffer[..WriteKey(decomposed, buffer)]);
    }

    /// <summary>
    /// Writes <see cref="Key"/> into <paramref name="destination"/> instead of a new string (nothing is allocated
    /// for Latin text), for checks made on every row. False, with nothing written, when it may not fit.
    /// </summary>
    public static bool TryWriteKey(string? text, Span<char> destination, out int written)
    {
        written = 0;
        if (string.IsNullOrEmpty(text))
            return true;
        Span<char> scratch = stackalloc char[StackChars];
        var decomposed = Decompose(text, scratch);
        if (destination.Length < 2 * decomposed.Length)
            return false;
        written = WriteKey(decomposed, destination);
        return true;
    }

    /// <summary>Buffers of this many characters live on the stack; longer texts (rare in a report) use the heap.</summary>
    public const int StackChars = 256;

    /// <summary>
    /// The text in NFD (canonical decomposition: é as e + combining acute). ICU allocates for any text that is not
    /// ASCII, so text made only of ASCII and Latin-1/Latin Extended-A characters (every French name) is decomposed
    /// here into <paramref name="scratch"/>, from the runtime's own decompositions of those characters: each starts
    /// with a character of combining class 0 (all are below U+0300), so nothing is reordered between characters and
    /// the concatenation is the NFD of the text. Anything else goes to ICU.
    /// </summary>
    private static ReadOnlySpan<char> Decompose(string text, Span<char> scratch)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (c < '\u0080')
            {
                if (length == scratch.Length)
                    return Normalized(text, NormalizationForm.FormD);
                scratch[length++] = c;
                continue;
            }
            if (c < LatinFirst || c > LatinLast || LatinDecompositions[c - LatinFirst] is not { } decomposition
                || length + decomposition.Length > scratch.Length)
                return Normalized(text, NormalizationForm.FormD);
            decomposition.CopyTo(scratch[length..]);
            length += decomposition.Length;
        }
        return scratch[..length];
    }

    /// <summary>
    /// <see cref="string.Normalize(NormalizationForm)"/> for any string. The runtime throws on a lone surrogate (half
    /// of a UTF-16 pair, e.g. Excel's escape <c>_xD800_</c> decoded): for a comparison key it is read as U+FFFD,
    /// the replacement character, so a key never fails whatever the text.
    /// </summary>
    public static string Normalized(string text, NormalizationForm form)
    {
        if (!HasLoneSurrogate(text))
            return text.Normalize(form);
        var repaired = text.ToCharArray();
        for (var i = 0; i < repaired.Length; i++)
        {
            if (char.IsHighSurrogate(repaired[i]) && i + 1 < repaired.Length && char.IsLowSurrogate(repaired[i + 1])) { i++; continue; }
            if (char.IsSurrogate(repaired[i])) repaired[i] = '\uFFFD';
        }
        return new string(repaired).Normalize(form);
    }

    /// <summary>A UTF-16 surrogate without its other half: not a character at all (JSON readers and Excel refuse it).</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return true;
        }
        return false;
    }

    private const char LatinFirst = '\u00A0', LatinLast = '\u017F';

    /// <summary>NFD of U+00A0–U+017F as the runtime gives it; null (left to ICU) if one did not start below U+0300.</summary>
    private static readonly string?[] LatinDecompositions = Enumerable.Range(LatinFirst, LatinLast - LatinFirst + 1)
        .Select(c => ((char)c).ToString().Normalize(NormalizationForm.FormD))
        .Select(d => d[0] < '\u0300' ? d : null)
        .ToArray();

    /// <summary>The key of a text already in NFD; <paramref name="destination"/> holds twice its length (œ → oe).</summary>
    private static int WriteKey(ReadOnlySpan<char> decomposed, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(raw) || raw == '\u200B')
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace)
            {
                destination[length++] = ' ';
                pendingSpace = false;
            }
            switch (raw)
            {
                case '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' or '\u2032':
                    destination[length++] = '\'';
                    break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                    destination[length++] = '-';
                    break;
                case 'œ' or 'Œ':
                    destination[length++] = 'o';
                    destination[length++] = 'e';
                    break;
                case 'æ' or 'Æ':
                    destination[length++] = 'a';
                    destination[length++] = 'e';
                    break;
                default:
                    destination[length++] = char.ToLowerInvariant(raw);
                    break;
            }
        }
        return length;
    }

    /// <summary>
    /// Key of a column header: <see cref="Key"/>, without a trailing ':' or a unit in brackets ("Connexion (min)"),
    /// with apostrophes, hyphens, dots and underscores read as spaces ("E-mail" = "e mail", "d'écran" = "d ecran").
    /// </summary>
    public static string HeaderKey(string? text)
    {
        Span<char> buffer = stackalloc char[StackChars];
        if (TryWriteHeaderKey(text, buffer, out var written))
            return new string(buffer[..written]);
        var large = new char[2 * Normalized(text!, NormalizationForm.FormD).Length];
        TryWriteHeaderKey(text, large, out written);
        return new string(large, 0, written);
    }

    /// <summary>Writes <see cref="HeaderKey"/> into <paramref name="destination"/>, as <see cref="TryWriteKey"/> does.</summary>
    public static bool TryWriteHeaderKey(string? text, Span<char> destination, out int written)
    {
        written = 0;
        if (!TryWriteKey(text, destination, out var length))
            return false;
        ReadOnlySpan<char> key = destination[..length].TrimEnd(" :");
        if (key.EndsWith(')') && key.LastIndexOf('(') is var open and > 0)
            key = key[..open].TrimEnd(" :");
        // Punctuation read as spaces, then spaces collapsed, in place: the result is never longer than the key.
        var pendingSpace = false;
        foreach (var raw in key)
        {
            var c = raw is '\'' or '-' or '.' or '_' or '/' ? ' ' : raw;
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = written > 0;
                continue;
            }
            if (pendingSpace)
            {
                destination[written++] = ' ';
                pendingSpace = false;
            }
            destination[written++] = c;
        }
        return true;
    }

    /// <summary>
    /// Key of a person's name, independent of order, case, accents and punctuation: "Stamminger, Elsa",
    /// "Elsa STAMMINGER" and "elsa stämminger" give the same key. Empty when the name has no letter or digit.
    /// The validator and the attendance engine both use it, so they always agree on who is who.
    /// </summary>
    public static string PersonKey(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return "";
        // Called for every person (validation, engine): words are kept as ranges of one buffer, sorted in place,
        // and only the key itself becomes a string. Long texts take the plain way.
        Span<char> scratch = stackalloc char[StackChars];
        var decomposed = Decompose(name, scratch);
        if (decomposed.Length > StackChars / 2)
            return PlainPersonKey(name);
        Span<char> letters = stackalloc char[StackChars];
        Span<Range> words = stackalloc Range[StackChars / 4];
        Span<char> folded = stackalloc char[2];
        var length = 0;
        var count = 0;
        var wordStart = 0;
        foreach (var c in decomposed)
        {
            var foldedLength = 2;
            switch (c)
            {
                case 'œ': folded[0] = 'o'; folded[1] = 'e'; break;
                case 'Œ': folded[0] = 'O'; folded[1] = 'E'; break;
                case 'æ': folded[0] = 'a'; folded[1] = 'e'; break;
                case 'Æ': folded[0] = 'A'; folded[1] = 'E'; break;
                case 'ß': folded[0] = 's'; folded[1] = 's'; break;
                default:
                    folded[0] = c;
                    foldedLength = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? 0 : 1;
                    break;
            }
            foreach (var f in folded[..foldedLength])
            {
                if (char.IsLetterOrDigit(f))
                {
                    letters[length++] = char.ToLowerInvariant(f);
                    continue;
                }
                if (length > wordStart)
                {
                    if (count == words.Length)
                        return PlainPersonKey(name);
                    words[count++] = wordStart..length;
                }
                wordStart = length;
            }
        }
        if (length > wordStart)
        {
            if (count == words.Length)
                return PlainPersonKey(name);
            words[count++] = wordStart..length;
        }

        words = words[..count];
        for (var i = 1; i < words.Length; i++) // insertion sort: a name has a handful of words
        {
            var word = words[i];
            var j = i - 1;
            for (; j >= 0 && letters[words[j]].SequenceCompareTo(letters[word]) > 0; j--)
                words[j + 1] = words[j];
            words[j + 1] = word;
        }
        var keyLength = count == 0 ? 0 : count - 1;
        foreach (var word in words)
            keyLength += word.End.Value - word.Start.Value;
        Span<char> key = stackalloc char[keyLength];
        var at = 0;
        foreach (var word in words)
        {
            if (at > 0)
                key[at++] = ' ';
            letters[word].CopyTo(key[at..]);
            at += word.End.Value - word.Start.Value;
        }
        return new string(key);
    }

    private static string PlainPersonKey(string? name)
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
    public static bool IsCollapsed(string text)
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
        return !afterSpace || text.Length == 0; // nor a trailing one
    }

    private static string FoldAccents(string text)
    {
        var decomposed = Normalized(text, NormalizationForm.FormD);
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
