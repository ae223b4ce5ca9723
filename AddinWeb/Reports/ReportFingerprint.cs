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
    public static string Compute(IEnumerable<SheetGrid> sourceSheets)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var ordered = sourceSheets.Select((sheet, index) => (sheet, index))
            .OrderBy(s => ViaSheets.Role(s.sheet)).ThenBy(s => s.index);
        var position = 0;
        foreach (var (sheet, _) in ordered)
        {
            Append(hash, $"sheet {position++} role {ViaSheets.Role(sheet)}\n");
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = sheet.Rows[r];
                for (var c = 0; c < row.Count; c++)
                {
                    if (Canonical(row[c]) is not { } value)
                        continue;
                    var excelRow = sheet.FirstRow + r;
                    var excelColumn = sheet.FirstColumn + c;
                    Append(hash, $"{excelRow},{excelColumn},{value.Kind},{value.Text.Length}:{value.Text}\n");
                }
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static (char Kind, string Text)? Canonical(Cell cell)
    {
        if (cell.IsEmpty)
            return null;
        switch (cell.Kind)
        {
            case CellKind.Number:
                return ('n', Number(cell.Number));
            case CellKind.DateTime:
                return ('n', Number(ExcelDates.ToSerial(ExcelDates.RoundToSecond(cell.DateTime))));
            case CellKind.Boolean:
                return ('b', cell.Boolean ? "1" : "0");
            default:
                var text = cell.Text!.Trim();
                if (FrenchNumbers.TryParse(text, out var number))
                    return ('n', Number(number));
                if (ExcelDates.TryParse(text, out var date))
                    return ('n', Number(ExcelDates.ToSerial(date)));
                return ('t', text.Normalize(NormalizationForm.FormC));
        }
    }

    private static string Number(double value)
    {
        if (!double.IsFinite(value))
            return value.ToString(CultureInfo.InvariantCulture);
        if (Math.Abs(value) >= 1e12)
            return value.ToString("R", CultureInfo.InvariantCulture);
        var rounded = Math.Round(value, 7, MidpointRounding.AwayFromZero);
        if (rounded == 0)
            rounded = 0; // no "-0"
        return rounded.ToString("0.#######", CultureInfo.InvariantCulture);
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
