namespace AddinWeb.Reports.Grid;

/// <summary>
/// One worksheet as a rectangular-ish grid of cells (rows may be ragged).
/// <see cref="FirstRow"/> and <see cref="FirstColumn"/> are the 1-based Excel coordinates of <c>Rows[0][0]</c>:
/// Office.js sends the used range, which does not always start at A1, and every message must name the row the
/// user sees in Excel. <see cref="NumberFormats"/> are only what a typed copy of a delimited file is to be written
/// with (<see cref="Tabular.TypedSheetBuilder"/>): no stage reads them, so neither the task pane (it sends values
/// only) nor the workbook reader fills them.
/// </summary>
public sealed record SheetGrid(
    string Name,
    IReadOnlyList<IReadOnlyList<Cell>> Rows,
    int FirstRow = 1,
    int FirstColumn = 1,
    IReadOnlyList<IReadOnlyList<string?>>? NumberFormats = null)
{
    public Cell this[int rowIndex, int columnIndex] =>
        rowIndex >= 0 && rowIndex < Rows.Count && columnIndex >= 0 && columnIndex < Rows[rowIndex].Count
            ? Rows[rowIndex][columnIndex]
            : Cell.Empty;

    public string? NumberFormatAt(int rowIndex, int columnIndex) =>
        NumberFormats is { } formats && rowIndex >= 0 && rowIndex < formats.Count
            && columnIndex >= 0 && columnIndex < formats[rowIndex].Count
            ? formats[rowIndex][columnIndex]
            : null;

    /// <summary>Excel row number (1-based, as shown in Excel) of a row index in <see cref="Rows"/>.</summary>
    public int ExcelRow(int rowIndex) => FirstRow + rowIndex;

    /// <summary>Excel column letters (A, B, …, AA) of a column index in a row.</summary>
    public string ExcelColumn(int columnIndex) => ColumnLetters(FirstColumn + columnIndex);

    public static string ColumnLetters(int columnNumber)
    {
        var letters = "";
        for (var n = columnNumber; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}

/// <summary>A workbook as the reader sees it: its sheets in tab order.</summary>
public sealed record WorkbookGrid(IReadOnlyList<SheetGrid> Sheets);
