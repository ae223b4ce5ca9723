using AddinWeb.Hosting;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;

namespace AddinWeb.Upload;

/// <summary>
/// An uploaded delimited file (.csv) read with <see cref="DelimitedFile"/> under the host's own limits, so a .csv is
/// held to the bounds of an .xlsx, and its refusals answered as the .xlsx path answers: a limit is a 413 (size, rows,
/// columns) or a 422 (a cell longer than Excel allows) naming the limit; a file that is not text, is empty, or is a
/// workbook under a .csv name, a 400 that says what to send.
/// </summary>
public static class DelimitedUpload
{
    public const string NotTextTitle = "Ce fichier n'est ni un classeur .xlsx ni un fichier .csv";

    public static DelimitedFileLimits LimitsOf(RequestLimitOptions limits) =>
        new(limits.MaxUploadBytes, limits.MaxRowsPerSheet, limits.MaxColumnsPerSheet, limits.MaxCellLength);

    public static (WorkbookGrid? Grid, UploadProblem? Problem) Read(UploadedFile file, RequestLimitOptions limits)
    {
        var read = DelimitedFile.Read(file.Bytes, file.FileName, LimitsOf(limits));
        return read.IsRead ? (read.Workbook, null) : (null, ProblemOf(read.Refusal, limits));
    }

    public static UploadProblem ProblemOf(DelimitedFileRefusal refusal, RequestLimitOptions limits) => refusal.Limit switch
    {
        nameof(limits.MaxUploadBytes) => Limit(StatusCodes.Status413PayloadTooLarge, "Fichier trop volumineux", refusal, limits.MaxUploadBytes),
        nameof(limits.MaxRowsPerSheet) => Limit(StatusCodes.Status413PayloadTooLarge, "Trop de lignes dans une feuille", refusal, limits.MaxRowsPerSheet),
        nameof(limits.MaxColumnsPerSheet) => Limit(StatusCodes.Status413PayloadTooLarge, "Trop de colonnes dans une feuille", refusal, limits.MaxColumnsPerSheet),
        nameof(limits.MaxCellLength) => Limit(StatusCodes.Status422UnprocessableEntity, "Cellule trop longue", refusal, limits.MaxCellLength),
        _ => new UploadProblem(StatusCodes.Status400BadRequest, refusal.Code switch
        {
            DelimitedFileRefusal.Empty => "Fichier vide",
            DelimitedFileRefusal.SpreadsheetFile => "Ce fichier n'est pas un fichier .csv",
            _ => NotTextTitle,
        }, refusal.Message, refusal.Code),
    };

    private static UploadProblem Limit(int status, string title, DelimitedFileRefusal refusal, long maximum) =>
        new(status, title, refusal.Message, refusal.Code, refusal.Limit, maximum);
}
