using System.Diagnostics.CodeAnalysis;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Tabular;

/// <summary>How the bytes of a delimited file were turned into text.</summary>
public enum FileEncoding
{
    /// <summary>UTF-8 without a byte order mark (valid UTF-8 throughout).</summary>
    Utf8,
    /// <summary>UTF-8 announced by its byte order mark (EF BB BF).</summary>
    Utf8WithBom,
    /// <summary>UTF-16 little-endian, by its byte order mark (FF FE) or, without one, by its NUL bytes at odd offsets.</summary>
    Utf16LittleEndian,
    /// <summary>UTF-16 big-endian, by its byte order mark (FE FF) or, without one, by its NUL bytes at even offsets.</summary>
    Utf16BigEndian,
    /// <summary>No byte order mark and not valid UTF-8: read as Windows-1252, as Excel reads such a file.</summary>
    Windows1252,
}

/// <summary>
/// Why a delimited file was not read. <see cref="Message"/> is French, polite and says what to do; it never quotes the
/// file's content (names, emails), only row numbers and limits.
/// </summary>
/// <param name="Code">One of the constants below, stable for tests and clients.</param>
/// <param name="Message">The French explanation to show.</param>
/// <param name="Limit">
/// The limit that was exceeded, named as the hosting option (<c>MaxUploadBytes</c>, <c>MaxRowsPerSheet</c>,
/// <c>MaxColumnsPerSheet</c>, <c>MaxCellLength</c>), so that the adapter answers as it does for an .xlsx; null when
/// the file is refused for what it is, not for its size.
/// </param>
/// <param name="Row">The 1-based record (Excel row) where the limit was met, when there is one.</param>
public sealed record DelimitedFileRefusal(string Code, string Message, string? Limit = null, int? Row = null)
{
    public const string Empty = "CsvEmpty";
    public const string NotText = "CsvNotText";
    public const string SpreadsheetFile = "CsvIsSpreadsheet";
    public const string TooLarge = "CsvTooLarge";
    public const string TooManyRows = "CsvTooManyRows";
    public const string TooManyColumns = "CsvTooManyColumns";
    public const string CellTooLong = "CsvCellTooLong";
}

/// <summary>
/// A delimited file read as Excel would open it (<see cref="Workbook"/>: one sheet), or why it was not
/// (<see cref="Refusal"/>). Exactly one of the two is set.
/// </summary>
public sealed record DelimitedFileResult
{
    public WorkbookGrid? Workbook { get; init; }
    public DelimitedFileRefusal? Refusal { get; init; }
    /// <summary>The encoding found; null when the file was refused before it was decoded.</summary>
    public FileEncoding? Encoding { get; init; }
    /// <summary>The field separator found (',', ';' or tab); null when the file was refused before.</summary>
    public char? Separator { get; init; }

    [MemberNotNullWhen(true, nameof(Workbook))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsRead => Workbook is not null;

    /// <summary>The one sheet of <see cref="Workbook"/>.</summary>
    public SheetGrid? Sheet => Workbook?.Sheets[0];

    internal static DelimitedFileResult Refused(DelimitedFileRefusal refusal, FileEncoding? encoding = null, char? separator = null) =>
        new() { Refusal = refusal, Encoding = encoding, Separator = separator };
}
