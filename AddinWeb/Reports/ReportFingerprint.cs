using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Via;

namespace AddinWeb.Reports;

/// <summary>
/// "Empreinte du rapport source": first 16 lowercase hex digits of a SHA-256 over the normalised cells of the
/// source sheets, the same whether the workbook came through Office.js (used range not at A1, dates as serial
/// numbers, blanks as "") or an upload read by ClosedXML (date cells, A1 origin, trailing blank rows/columns).
/// <para>Normalisation, in this order:</para>
/// <list type="number">
/// <item>Sheets in role order: the summary sheet ("Sommaire"), then the presence sheet, then any other sheet given,
/// in the order given. Sheet names are not hashed (only their role index), so renaming a tab keeps the print.</item>
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
    /// <summary>Lines are gathered and hashed in blocks of about this many characters, not one allocation per cell.</summary>
    private const int BlockChars = 32 * 1024;

    public static string Compute(IEnumerable<SheetGrid> sourceSheets)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var ordered = sourceSheets.Select((sheet, index) => (sheet, index))
            .OrderBy(s => ViaSheets.Role(s.sheet)).ThenBy(s => s.index);
        var lines = new StringBuilder(BlockChars + 1024);
        var number = new char[64];
        var position = 0;
        foreach (var (sheet, _) in ordered)
        {
            lines.Append("sheet ").Append(position++).Append(" role ").Append(ViaSheets.Role(sheet)).Append('\n');
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = sheet.Rows[r];
                for (var c = 0; c < row.Count; c++)
                {
                    if (Canonical(row[c], number, out var numberLength) is not { } kind)
                        continue;
                    lines.Append(sheet.FirstRow + r).Append(',').Append(sheet.FirstColumn + c).Append(',')
                        .Append(kind.Kind).Append(',');
                    if (kind.Text is { } text) lines.Append(text.Length).Append(':').Append(text);
                    else lines.Append(numberLength).Append(':').Append(number, 0, numberLength);
                    lines.Append('\n');
                    if (lines.Length >= BlockChars) Flush(hash, lines);
                }
            }
        }
        Flush(hash, lines);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>The cell's kind and text; a number's text is written into <paramref name="number"/> instead.</summary>
    private static (char Kind, string? Text)? Canonical(Cell cell, char[] number, out int numberLength)
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
    private static int Number(double value, Span<char> destination)
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
                rounded = 0; // no "-0"
            rounded.TryFormat(destination, out written, "0.#######", CultureInfo.InvariantCulture);
        }
        return written;
    }

    /// <summary>Hashes the gathered lines as UTF-8. Blocks end on a line break, so no character is ever split.</summary>
    private static void Flush(IncrementalHash hash, StringBuilder lines)
    {
        if (lines.Length == 0)
            return;
        var chars = ArrayPool<char>.Shared.Rent(lines.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(lines.Length));
        try
        {
            lines.CopyTo(0, chars, 0, lines.Length);
            var count = Encoding.UTF8.GetBytes(chars, 0, lines.Length, bytes, 0);
            hash.AppendData(bytes, 0, count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
            lines.Clear();
        }
    }
}
