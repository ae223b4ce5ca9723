using System.Text;

namespace AddinWeb.Reports.Text;

/// <summary>
/// UTF-8 text that was decoded as Windows-1252 (Excel opening a UTF-8 file without a byte order mark):
/// "ModÃ©rateur" for "Modérateur", "HÃ©lÃ¨ne" for "Hélène", "lâ€™Ã©cole" for "l’école". The repair writes the
/// text back as the Windows-1252 bytes it was read from and decodes them as UTF-8, and applies only when that is
/// exact: every character has its Windows-1252 byte (the five bytes Windows-1252 leaves undefined, 0x81 0x8D 0x8F
/// 0x90 0x9D, come back from U+0081…, as Windows decodes them, or from LibreOffice's U+F181…) and the bytes are valid UTF-8 with at least one
/// multi-byte sequence. Correct French running text is not touched: "é" alone is the byte E9, which cannot stand
/// alone in UTF-8, and an accented letter followed by a letter breaks it the same way. Two French shapes do read as
/// UTF-8: a capital right before a no-break space ("OÙ ?", "ALLÔ !": D9 A0, D4 A0), or an accented letter before a
/// no-break space and a closing guillemet with no opening one ("café »"). That is why a sheet is judged as a
/// whole (<c>Tabular.MojibakeSheet</c>): its other accented texts outvote such a one.
/// </summary>
public static class Mojibake
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The Windows-1252 byte of each character from U+0080 up, for the 128 upper bytes.</summary>
    /// <remarks>
    /// The five bytes Windows-1252 leaves undefined are also taken back from LibreOffice's way of showing them, the
    /// private-use characters U+F181, U+F18D, U+F18F, U+F190 and U+F19D (U+F100 plus the byte): no real text holds
    /// private-use characters.
    /// </remarks>
    private static readonly Dictionary<char, byte> UpperBytes = Enumerable.Range(0x80, 0x80)
        .Select(b => (Char: Windows1252.GetString([(byte)b])[0], Byte: (byte)b))
        .SelectMany(p => p.Char == (char)p.Byte ? [p, ((char)(0xF100 + p.Byte), p.Byte)] : new[] { p })
        .ToDictionary(p => p.Char, p => p.Byte);

    /// <summary>True when <paramref name="text"/> is UTF-8 read as Windows-1252; <paramref name="repaired"/> is the text it was.</summary>
    public static bool TryRepair(string? text, out string repaired)
    {
        repaired = text ?? "";
        if (string.IsNullOrEmpty(text) || IsAscii(text))
            return false;
        var bytes = text.Length <= StackBytes ? stackalloc byte[StackBytes] : new byte[text.Length];
        if (!TryWriteBytes(text, bytes) || !System.Text.Unicode.Utf8.IsValid(bytes[..text.Length]))
            return false;
        repaired = StrictUtf8.GetString(bytes[..text.Length]);
        return true;
    }

    /// <summary>
    /// <see cref="TryRepair"/> without making the repaired text: what a sheet is judged on, cell by cell (no
    /// allocation for a text of up to 256 characters).
    /// </summary>
    public static bool IsRepairable(string? text)
    {
        if (string.IsNullOrEmpty(text) || IsAscii(text))
            return false;
        var bytes = text.Length <= StackBytes ? stackalloc byte[StackBytes] : new byte[text.Length];
        return TryWriteBytes(text, bytes) && System.Text.Unicode.Utf8.IsValid(bytes[..text.Length]);
    }

    private const int StackBytes = 256;

    /// <summary>The Windows-1252 byte of each character; false when one has none (Windows-1252 cannot have produced it).</summary>
    private static bool TryWriteBytes(string text, Span<byte> bytes)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0080')
                bytes[i] = (byte)c;
            else if (UpperBytes.TryGetValue(c, out var b))
                bytes[i] = b;
            else
                return false;
        }
        return true;
    }

    /// <summary>True when the text holds a character from U+0080 up: the only texts a wrong decoding changes.</summary>
    public static bool HasNonAscii(string? text) => !string.IsNullOrEmpty(text) && !IsAscii(text);

    private static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);
}
