using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;

namespace AddinWeb.Reports;

/// <summary>
/// "Empreinte du rapport source": first 16 lowercase hex digits of a SHA-256 over the normalised cells of the
/// source sheets, the same whether the workbook came through Office.js (used range not at A1, dates as serial
/// numbers, blanks as "") or an upload read by ClosedXML (date cells, A1 origin, trailing blank rows/columns).
/// <para>Normalisation, in this order:</para>
/// <list type="number">
/// <item>Sheets in role order, the role being the sheet's rank among the report's source sheets (Via: its summary
/// sheet, then its presence sheet), sheets of equal role in the order given. Sheet names are not hashed (only their
/// role index), so renaming a tab keeps the print.</item>
/// <item>Cells at their absolute Excel position (<see cref="SheetGrid.FirstRow"/>/<see cref="SheetGrid.FirstColumn"/>
/// added), row by row, left to right. Blank cells (empty, "" or only spaces) are skipped, so neither the used range
/// nor trailing blank rows and columns matter.</item>
/// <item>Numbers: rounded to 7 decimals and printed invariantly ("174.28", "44145.5693287"). Seven decimals are
/// under a hundredth of a second on a serial date, and no whole second lies within 0.1 ms of a rounding midpoint at
/// that precision (a second is 1/86400 day: its 7th-decimal remainders are multiples of 1/27), so the
/// tiny differences between a serial double and a converted date do not change the print.</item>
/// <item>Date cells: rounded to the second and turned into their serial number, then as numbers.</item>
/// <item>Text: trimmed and NFC-normalised. Text that reads as a number ("174,28", "1 234,5") or as a date-time
/// ("10/11/2020 13:39:50") is hashed as that number or serial, because it carries the same figure.</item>
/// <item>Booleans as 1/0, marked as booleans.</item>
/// </list>
/// Each cell is written as <c>row,column,kind,length:value</c> on its own line, and each sheet starts with its role
/// index, into one UTF-8 stream.
/// </summary>
public static class ReportFingerprint
{
    /// <summary>Lines are written as UTF-8 straight into a block of this many bytes, hashed each time it fills up.</summary>
    private const int BlockBytes = 64 * 1024;

    /// <summary>Room kept free for a line's row, column, kind, length and number (texts are measured).</summary>
    private const int LineRoom = 256;

    /// <param name="sourceSheets">The sheets the report was read from.</param>
    /// <param name="role">Each sheet's rank among the report's source sheets (0 for the first).</param>
    public static string Compute(IEnumerable<SheetGrid> sourceSheets, Func<SheetGrid, int> role)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var ordered = sourceSheets.Select((sheet, index) => (sheet, index, role: role(sheet)))
            .OrderBy(s => s.role).ThenBy(s => s.index);
        var block = new Utf8Block(hash);
        try
        {
            Span<char> number = stackalloc char[64];
            var position = 0;
            foreach (var (sheet, _, sheetRole) in ordered)
            {
                block.Ascii("sheet ");
                block.Integer(position++);
                block.Ascii(" role ");
                block.Integer(sheetRole);
                block.Ascii("\n");
                for (var r = 0; r < sheet.Rows.Count; r++)
                {
                    var row = sheet.Rows[r];
                    for (var c = 0; c < row.Count; c++)
                    {
                        if (Canonical(row[c], number, out var numberLength) is not { } kind)
                            continue;
                        block.Integer(sheet.FirstRow + r);
                        block.Byte((byte)',');
                        block.Integer(sheet.FirstColumn + c);
                        block.Byte((byte)',');
                        block.Byte((byte)kind.Kind);
                        block.Byte((byte)',');
                        if (kind.Text is { } text)
                        {
                            block.Integer(text.Length);
                            block.Byte((byte)':');
                            block.Text(text);
                        }
                        else
                        {
                            block.Integer(numberLength);
                            block.Byte((byte)':');
                            block.Ascii(number[..numberLength]);
                        }
                        block.Byte((byte)'\n');
                    }
                }
            }
            block.Flush();
        }
        finally
        {
            block.Return();
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>
    /// The UTF-8 stream being hashed, a pooled block at a time: the same bytes as encoding the lines whole, since
    /// every line's pieces are ASCII but its text, and a text is always encoded in one piece.
    /// </summary>
    private sealed class Utf8Block(IncrementalHash hash)
    {
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(BlockBytes + LineRoom);
        private int _length;

        /// <summary>Makes room for a short ASCII piece, hashing the block when it is full.</summary>
        private Span<byte> Room()
        {
            if (_length > BlockBytes)
                Flush();
            return _bytes.AsSpan(_length);
        }

        public void Byte(byte value)
        {
            Room()[0] = value;
            _length++;
        }

        /// <summary>As <see cref="StringBuilder.Append(int)"/> writes it (current culture), in UTF-8.</summary>
        public void Integer(int value)
        {
            if (value < 0 || !value.TryFormat(Room(), out var written))
            {
                Text(value.ToString());
                return;
            }
            _length += written;
        }

        /// <summary>A short piece, usually ASCII (numbers, labels); anything else is encoded as text.</summary>
        public void Ascii(ReadOnlySpan<char> chars)
        {
            var room = Room();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] > '\u007F' || i >= LineRoom / 2)
                {
                    Encode(chars);
                    return;
                }
                room[i] = (byte)chars[i];
            }
            _length += chars.Length;
        }

        public void Text(string text) => Encode(text);

        private void Encode(ReadOnlySpan<char> chars)
        {
            var most = Encoding.UTF8.GetMaxByteCount(chars.Length);
            if (most > _bytes.Length - _length)
            {
                Flush();
                if (most > _bytes.Length)
                {
                    // A text larger than a block is hashed on its own, after what came before it.
                    var large = ArrayPool<byte>.Shared.Rent(most);
                    hash.AppendData(large, 0, Encoding.UTF8.GetBytes(chars, large));
                    ArrayPool<byte>.Shared.Return(large);
                    return;
                }
            }
            _length += Encoding.UTF8.GetBytes(chars, _bytes.AsSpan(_length));
        }

        public void Flush()
        {
            hash.AppendData(_bytes, 0, _length);
            _length = 0;
        }

        public void Return()
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
        }
    }

    /// <summary>The cell's kind and text; a number's text is written into <paramref name="number"/> instead.</summary>
    private static (char Kind, string? Text)? Canonical(Cell cell, Span<char> number, out int numberLength)
    {
        numberLength = 0;
        if (cell.IsEmpty)
            return null;
        switch (cell.Kind)
        {
            case CellKind.Number:
                numberLength = Number(cell.Number, number);
                return ('n', null);
            case CellKind.DateTime:
                numberLength = Number(ExcelDates.ToSerial(ExcelDates.RoundToSecond(cell.DateTime)), number);
                return ('n', null);
            case CellKind.Boolean:
                return ('b', cell.Boolean ? "1" : "0");
            default:
                var text = cell.Text!.Trim();
                if (FrenchNumbers.TryParse(text, out var parsed))
                {
                    numberLength = Number(parsed, number);
                    return ('n', null);
                }
                if (ExcelDates.TryParse(text, out var date))
                {
                    numberLength = Number(ExcelDates.ToSerial(date), number);
                    return ('n', null);
                }
                return ('t', IsComposed(text) ? text : text.Normalize(NormalizationForm.FormC));
        }
    }

    /// <summary>
    /// True when the text is surely NFC already, without asking ICU (which allocates even to say yes): below U+0300
    /// every character is a starter that NFC keeps as it is (Unicode's NFC_Quick_Check is Yes for all of them).
    /// </summary>
    private static bool IsComposed(string text)
    {
        foreach (var c in text)
            if (c >= '\u0300')
                return false;
        return true;
    }

    /// <summary>Writes the number's canonical text into <paramref name="destination"/>; returns its length.</summary>
    internal static int Number(double value, Span<char> destination)
    {
        int written;
        if (!double.IsFinite(value))
            value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        else if (Math.Abs(value) >= 1e12)
            value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
        else
        {
            var rounded = Math.Round(value, 7, MidpointRounding.AwayFromZero);
            if (rounded == 0)
            {
                destination[0] = '0'; // never "-0"
                return 1;
            }
            if (Math.Abs(rounded) < 1e8)
                return SevenDecimals(rounded, destination);
            rounded.TryFormat(destination, out written, "0.#######", CultureInfo.InvariantCulture);
        }
        return written;
    }

    /// <summary>
    /// What "0.#######" prints for a whole number of ten-millionths under 10^8, written digit by digit (the custom
    /// format is the slowest part of the fingerprint). Such a number has at most 15 significant digits, and the
    /// custom format prints a double's 15 significant digits: those of the nearest such decimal, which is exactly
    /// what <see cref="Math.Round(double, int, MidpointRounding)"/> aimed at, since a double is far closer to it
    /// than to any other 15-digit decimal.
    /// </summary>
    private static int SevenDecimals(double rounded, Span<char> destination)
    {
        // Exact: |rounded| × 10^7 is within far less than 0.5 of the whole number of ten-millionths (under 2^53).
        var units = (long)Math.Round(Math.Abs(rounded) * 1e7);
        var length = 0;
        if (rounded < 0)
            destination[length++] = '-';
        // The whole part, then the decimals without trailing zeros.
        var whole = Math.DivRem(units, 10_000_000, out var fraction);
        whole.TryFormat(destination[length..], out var written, default, CultureInfo.InvariantCulture);
        length += written;
        if (fraction == 0)
            return length;
        var digits = 7;
        for (; fraction % 10 == 0; digits--)
            fraction /= 10;
        destination[length++] = '.';
        for (var i = digits - 1; i >= 0; i--, fraction /= 10)
            destination[length + i] = (char)('0' + fraction % 10);
        return length + digits;
    }
}
