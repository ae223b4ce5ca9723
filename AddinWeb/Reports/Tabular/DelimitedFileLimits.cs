namespace AddinWeb.Reports.Tabular;

/// <summary>
/// What a delimited file may hold before it is refused. The defaults are the service's own grid limits
/// (<c>Hosting:Limits</c>: 16 Mo per file, 250 000 rows, 512 columns, 32 767 characters per cell, Excel's own cell
/// limit), so that the upload adapter can pass its configured values and a .csv is held to the same bounds as an .xlsx.
/// </summary>
/// <param name="MaxBytes">Size of the file itself.</param>
/// <param name="MaxRows">Records (Excel rows), blank lines included.</param>
/// <param name="MaxColumns">Fields of one record.</param>
/// <param name="MaxCellLength">Characters of one field.</param>
public sealed record DelimitedFileLimits(
    long MaxBytes = 16L * 1024 * 1024,
    int MaxRows = 250_000,
    int MaxColumns = 512,
    int MaxCellLength = 32_767)
{
    public static readonly DelimitedFileLimits Default = new();

    /// <summary>
    /// The longest record the CSV library may buffer: every cell at its limit is not a report, so a record is allowed
    /// a few cells of the maximum length plus room for ordinary ones. A longer record (an unclosed quote that swallows
    /// the rest of the file, a binary blob) is refused instead of being held in memory whole.
    /// </summary>
    internal int MaxRecordChars => (int)Math.Min(int.MaxValue / 2, 4L * MaxCellLength + 64 * 1024);
}
