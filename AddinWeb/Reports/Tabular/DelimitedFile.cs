using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Tabular;

/// <summary>
/// A delimited file (.csv, .tsv, .txt) read into the workbook Excel would show when it opens the file well (split
/// into columns, decoded with the right encoding): one sheet named as Excel names it (<see cref="ExcelSheetName"/>),
/// one row per record, so that row <c>n</c> of the grid is row <c>n</c> in Excel (blank lines are empty rows; a
/// quoted field that holds a line break keeps its record on one row, as in Excel). Every cell is text exactly as in
/// the file (<see cref="Cell.FromText"/>): no number, date or boolean is guessed here; readers parse their own
/// columns with <c>Reports/Parsing</c>. Pure: bytes in memory in, a grid out, never an exception for bad input.
/// </summary>
public static class DelimitedFile
{
    public static DelimitedFileResult Read(ReadOnlySpan<byte> bytes, string? fileName, DelimitedFileLimits? limits = null)
    {
        limits ??= DelimitedFileLimits.Default;
        if (bytes.Length > limits.MaxBytes)
            return DelimitedFileResult.Refused(DelimitedFileRefusals.TooLarge(limits));
        if (SpreadsheetKind(bytes) is { } kind)
            return DelimitedFileResult.Refused(DelimitedFileRefusals.Spreadsheet(kind));

        var (text, encoding) = TextDecoding.Decode(bytes);
        if (string.IsNullOrWhiteSpace(text))
            return DelimitedFileResult.Refused(DelimitedFileRefusals.Empty(), encoding);
        if (!TextDecoding.LooksLikeText(text))
            return DelimitedFileResult.Refused(DelimitedFileRefusals.NotText(), encoding);

        var separator = Separators.Detect(text);
        var (rows, refusal) = DelimitedText.Parse(text, separator, limits);
        if (refusal is not null)
            return DelimitedFileResult.Refused(refusal, encoding, separator);
        var sheet = new SheetGrid(ExcelSheetName.FromFileName(fileName), rows!);
        return new DelimitedFileResult { Workbook = new WorkbookGrid([sheet]), Encoding = encoding, Separator = separator };
    }

    /// <summary>An Excel workbook given a .csv name: a zip package (.xlsx, .ods) or an OLE compound file (.xls).</summary>
    private static string? SpreadsheetKind(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return "classeur (.xlsx ou .ods)";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return "classeur Excel 97-2003 (.xls)";
        return null;
    }
}
