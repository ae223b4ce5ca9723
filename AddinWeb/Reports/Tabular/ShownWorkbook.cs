using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Tabular;

/// <summary>What was done to one sheet to make it readable.</summary>
/// <param name="Sheet">The sheet's name (unchanged).</param>
/// <param name="ResplitWith">The separator its whole lines were split with, or null when they were not.</param>
/// <param name="RepairedTexts">Texts repaired from a Windows-1252 reading of UTF-8 (0: none).</param>
public sealed record SheetRepair(string Sheet, char? ResplitWith, int RepairedTexts);

/// <summary>A workbook made readable, and what was done to which sheet (nothing: an empty list).</summary>
public sealed record ReadableWorkbook(WorkbookGrid Workbook, IReadOnlyList<SheetRepair> Repairs)
{
    public bool Changed => Repairs.Count > 0;
}

/// <summary>
/// What Excel shows of a delimited file, made readable: the workbook the task pane sends (or an .xlsx saved from
/// it) with each sheet whose lines were left whole in column A split again (<see cref="WholeLineSheet"/>), then each
/// sheet read with the wrong encoding repaired (<see cref="MojibakeSheet"/>). Everything else is handed back as it
/// is: a proper sheet (a Via report, a file Excel split well) is the same instance, cell for cell, and so is the
/// workbook when no sheet changed. Values Excel converted (dates into serial numbers, durations into fractions of
/// a day, TRUE into booleans) are left to the readers' parsing (<c>Reports/Parsing</c>), which reads both forms.
/// Calling it again on its own result changes nothing for what exports give (tested on the samples and on random
/// files of BigBlueButton's shape); on a sheet that mixes every separator it cannot be promised.
/// </summary>
public static class ShownWorkbook
{
    public static ReadableWorkbook MakeReadable(WorkbookGrid workbook)
    {
        var repairs = new List<SheetRepair>();
        var sheets = new List<SheetGrid>(workbook.Sheets.Count);
        foreach (var sheet in workbook.Sheets)
        {
            var (readable, repair) = MakeReadable(sheet);
            sheets.Add(readable);
            if (repair is not null) repairs.Add(repair);
        }
        return new ReadableWorkbook(repairs.Count == 0 ? workbook : new WorkbookGrid(sheets), repairs);
    }

    /// <summary>One sheet made readable, and what was done (null: nothing, the same instance is returned).</summary>
    public static (SheetGrid Sheet, SheetRepair? Repair) MakeReadable(SheetGrid sheet)
    {
        var resplit = WholeLineSheet.Resplit(sheet, out var separator);
        var current = resplit ?? sheet;
        var repaired = MojibakeSheet.Repair(current, out var texts);
        current = repaired ?? current;
        return resplit is null && repaired is null
            ? (sheet, null)
            : (current, new SheetRepair(sheet.Name, resplit is null ? null : separator, texts));
    }
}
