using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Tabular;

/// <summary>
/// A sheet of a UTF-8 file that Excel decoded as Windows-1252 ("ModÃ©rateur", "HÃ©lÃ¨ne"), repaired cell by cell
/// with <see cref="Mojibake"/>. Whether a sheet is such a sheet is decided over the whole sheet, by its texts that hold
/// a character beyond ASCII (the only ones a wrong decoding changes): the sheet is repaired when more of them are
/// repairable than not. Per sheet, because a wrong decoding is a property of the file: in a sheet decoded wrongly
/// every accented text is repairable, whatever its column (an English header over French names, which a
/// header-only rule would miss), and a rare one that is not (a character Excel could not map) does not stop the
/// others; in a sheet decoded right the accented texts are not repairable, so the odd correct text that happens to
/// read as UTF-8 ("É»") is outvoted and left alone. Then every repairable text cell is repaired, and nothing else.
/// </summary>
public static class MojibakeSheet
{
    /// <summary>The repaired sheet and how many texts were repaired, or null when the sheet was decoded right.</summary>
    public static SheetGrid? Repair(SheetGrid sheet, out int repaired)
    {
        repaired = 0;
        int repairable = 0, other = 0;
        foreach (var row in sheet.Rows)
            foreach (var cell in row)
                if (cell.Kind == CellKind.Text && Mojibake.HasNonAscii(cell.Text))
                {
                    if (Mojibake.IsRepairable(cell.Text)) repairable++;
                    else other++;
                }
        if (repairable == 0 || repairable <= other)
            return null;

        var rows = new List<IReadOnlyList<Cell>>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            var cells = new Cell[row.Count];
            for (var c = 0; c < row.Count; c++)
            {
                cells[c] = row[c];
                if (row[c].Kind == CellKind.Text && Mojibake.TryRepair(row[c].Text, out var text))
                {
                    cells[c] = Cell.FromText(text);
                    repaired++;
                }
            }
            rows.Add(cells);
        }
        return sheet with { Rows = rows };
    }
}
