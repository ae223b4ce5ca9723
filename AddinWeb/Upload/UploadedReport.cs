using AddinWeb.Excel;
using AddinWeb.Hosting;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Upload;

/// <summary>
/// What an uploaded file became: the cells to analyse, and the package the Émargement sheet is added to (for an
/// .xlsx, the file itself). Another kind of input (a platform's .csv export) is another way of making one: its
/// cells, and a package made for it.
/// </summary>
public sealed record UploadedReport(WorkbookGrid Grid, byte[] Package);

/// <summary>Why an upload cannot be read: the answer's status and French text (never quoting the file).</summary>
public sealed record UploadProblem(int Status, string Title, string Detail, string? Code = null, string? Limit = null, long? Maximum = null);

/// <summary>
/// Reads an uploaded file: first what kind of file it is (from its bytes, not its name), then that kind's way in.
/// Only workbooks (.xlsx packages) have one today; everything else is told what to send instead.
/// </summary>
public sealed class UploadReader(XlsxPackageGuard guard)
{
    public enum Kind { Package, Other }

    /// <summary>An .xlsx is a zip; an .xls or an encrypted workbook an OLE compound file: the guard tells them apart.</summary>
    public static Kind Classify(byte[] file) =>
        file.AsSpan().StartsWith("PK"u8) || file.AsSpan().StartsWith(OleSignature) ? Kind.Package : Kind.Other;

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The report, or the problem; grid limits over the configured ones throw
    /// <see cref="RequestLimitExceededException"/> (413/422), as on the JSON endpoint.</summary>
    public (UploadedReport? Report, UploadProblem? Problem) Read(byte[] file, RequestLimitOptions limits, CancellationToken cancellation) =>
        Classify(file) switch
        {
            Kind.Package => ReadPackage(file, limits, cancellation),
            _ => (null, new UploadProblem(StatusCodes.Status400BadRequest, XlsxPackageGuard.NotXlsxTitle,
                "Le fichier déposé n'est pas un classeur Excel au format .xlsx. Exportez le rapport depuis la plateforme et "
                + "déposez le fichier .xlsx obtenu.", "not-xlsx")),
        };

    private (UploadedReport?, UploadProblem?) ReadPackage(byte[] file, RequestLimitOptions limits, CancellationToken cancellation)
    {
        // Zip bombs, macros, external links, encrypted workbooks, odd part names: refused before anything is inflated.
        if (guard.Check(new MemoryStream(file, writable: false)) is { } refusal)
            return (null, new UploadProblem(refusal.StatusCode, refusal.Title, refusal.Detail, refusal.Code, refusal.Limit, refusal.Maximum));
        try
        {
            using var package = SpreadsheetPackage.Open(file);
            var grid = SpreadsheetGridReader.Read(package,
                new GridReadLimits(limits.MaxSheets, limits.MaxRowsPerSheet, limits.MaxColumnsPerSheet, limits.MaxCellLength), cancellation);
            return (new UploadedReport(grid, file), null);
        }
        catch (GridLimitReachedException reached)
        {
            throw reached.Limit switch
            {
                GridLimit.Sheets => GridLimits.TooManySheets(limits),
                GridLimit.Rows => GridLimits.TooManyRows(limits, reached.Sheet),
                GridLimit.Columns => GridLimits.TooManyColumns(limits, reached.Sheet),
                _ => GridLimits.CellTooLong(limits, reached.Sheet),
            };
        }
        catch (SpreadsheetUnreadableException unreadable)
        {
            return (null, new UploadProblem(StatusCodes.Status400BadRequest, Unreadable, unreadable.Detail, "unreadable"));
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            // A part that is not well-formed XML, a broken deflate stream or checksum: the file is damaged.
            return (null, Damaged);
        }
    }

    public const string Unreadable = "Classeur illisible";

    public static readonly UploadProblem Damaged = new(StatusCodes.Status400BadRequest, "Fichier incomplet ou endommagé",
        "Ce fichier .xlsx est incomplet ou endommagé (le téléchargement a peut-être été interrompu). Ouvrez-le dans Excel ou "
        + "LibreOffice, enregistrez-le de nouveau au format .xlsx et réessayez.", "damaged");
}
