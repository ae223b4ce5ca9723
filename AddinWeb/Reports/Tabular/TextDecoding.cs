using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace AddinWeb.Reports.Tabular;

/// <summary>
/// Finds a delimited file's encoding and decodes it, the way the platforms write their exports and Excel reads them:
/// <list type="number">
/// <item>a byte order mark wins: UTF-8 (EF BB BF), UTF-16 LE (FF FE), UTF-16 BE (FE FF); the mark is not text;</item>
/// <item>no mark, but NUL bytes at every other offset (ASCII text in UTF-16): UTF-16, LE when the NULs are at odd
/// offsets, BE when they are at even ones;</item>
/// <item>otherwise UTF-8 when the bytes are valid UTF-8 (BigBlueButton writes no mark);</item>
/// <item>otherwise Windows-1252, which decodes any byte (an export made by an old tool).</item>
/// </list>
/// Windows-1252 comes from <see cref="CodePagesEncodingProvider.Instance"/> itself rather than from a process-wide
/// <c>Encoding.RegisterProvider</c> call: nothing global is touched, so it is safe however often and from whatever
/// thread it runs.
/// </summary>
public static class TextDecoding
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    // Invalid sequences become U+FFFD, as Excel shows them; LooksLikeText then judges how many there are.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16LittleEndian = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    /// <summary>Bytes looked at for the NUL pattern of UTF-16 without a mark.</summary>
    private const int NulSampleBytes = 4096;

    public static (string Text, FileEncoding Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        var encoding = Detect(bytes);
        var body = encoding switch
        {
            FileEncoding.Utf8WithBom => bytes[3..],
            FileEncoding.Utf16LittleEndian or FileEncoding.Utf16BigEndian when HasUtf16Bom(bytes) => bytes[2..],
            _ => bytes,
        };
        var decoder = encoding switch
        {
            FileEncoding.Utf8 or FileEncoding.Utf8WithBom => Utf8,
            FileEncoding.Utf16LittleEndian => Utf16LittleEndian,
            FileEncoding.Utf16BigEndian => Utf16BigEndian,
            _ => Windows1252,
        };
        return (decoder.GetString(body), encoding);
    }

    public static FileEncoding Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return FileEncoding.Utf8WithBom;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return FileEncoding.Utf16LittleEndian;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return FileEncoding.Utf16BigEndian;
        if (Utf16ByNuls(bytes) is { } utf16) return utf16;
        return System.Text.Unicode.Utf8.IsValid(bytes) ? FileEncoding.Utf8 : FileEncoding.Windows1252;
    }

    private static bool HasUtf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>
    /// UTF-16 without a mark: Latin text has a NUL in (nearly) every pair, always on the same side. More than a third
    /// of the pairs with a NUL on one side and almost none on the other is that pattern; text in any 8-bit encoding
    /// holds no NUL at all.
    /// </summary>
    private static FileEncoding? Utf16ByNuls(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, NulSampleBytes)];
        var pairs = sample.Length / 2;
        if (pairs == 0) return null;
        int even = 0, odd = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) even++;
            if (sample[i + 1] == 0) odd++;
        }
        if (odd * 3 >= pairs && even * 20 <= pairs) return FileEncoding.Utf16LittleEndian;
        if (even * 3 >= pairs && odd * 20 <= pairs) return FileEncoding.Utf16BigEndian;
        return null;
    }

    /// <summary>
    /// False for what is not a text file once decoded: a NUL character, or more than a few characters in a thousand
    /// that no text holds (control characters other than tab, line feed, carriage return, form feed and the DOS end
    /// of file mark; undecodable bytes; unassigned or private code points; lone surrogates). Binary files decoded as
    /// Windows-1252 or UTF-16 are full of them; a report has none, or one stray character.
    /// </summary>
    public static bool LooksLikeText(string text)
    {
        var odd = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // a character outside the BMP (an emoji in a name), not a lone surrogate
                continue;
            }
            if (IsOdd(c)) odd++;
        }
        return odd <= Math.Max(4, text.Length / 200);
    }

    private static bool IsOdd(char c)
    {
        if (c < ' ') return c is not ('\t' or '\n' or '\r' or '\f' or '\u001A');
        if (c < '\u007F') return false;
        if (c == '\uFFFD') return true;
        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
            or UnicodeCategory.Surrogate;
    }
}
