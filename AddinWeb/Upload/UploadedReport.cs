using AddinWeb.Excel;
using AddinWeb.Hosting;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Upload;

/// <summary>
/// What an uploaded file became: the cells to analyse, and, for a workbook (.xlsx), the package the Émargement sheet
/// is added to. A delimited file (.csv) has no package: the workbook returned for it is made from the report's typed
/// copy (<see cref="TypedWorkbook"/>).
/// </summary>
public sealed record UploadedReport(WorkbookGrid Grid, byte[]? Package)
{
    public bool IsDelimited => Package is null;
}

/// <summary>Why an upload cannot be read: the answer's status and French text (never quoting the file).</summary>
public sealed record UploadProblem(int Status, string Title, string Detail, string? Code = null, string? Limit = null, long? Maximum = null)
{
    /// <summary>The form field the problem is about, when it is not the report's (the convened list's).</summary>
    public string? Field { get; init; }
}

/// <summary>
/// Reads an uploaded file as the kind its bytes say it is: a package (an .xlsx is a zip; an .xls or an encrypted
/// workbook an OLE compound file, refused by the guard with what to do) or a delimited text file (.csv), read by
/// <see cref="DelimitedUpload"/>. The name only settles what the bytes leave open: text under a workbook's extension
/// (.xlsx…) is refused as "not a workbook", a package under a text extension (.csv…) as "not a text file"; a name
/// with any other extension, or none, is read as its bytes say.
/// </summary>
public sealed class UploadReader(XlsxPackageGuard guard)
{
    public enum Kind { Package, Delimited, Mismatch }

    private static readonly string[] WorkbookExtensions = [".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb", ".xls", ".ods"];
    private static readonly string[] TextExtensions = [".csv", ".tsv", ".txt", ".tab"];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static bool IsPackage(byte[] file) =>
        file.AsSpan().StartsWith("PK"u8) || file.AsSpan().StartsWith(OleSignature);

    /// <summary>The way in for these bytes under this name (see the class).</summary>
    public static Kind Classify(byte[] file, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var package = IsPackage(file);
        if (package) return TextExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? Kind.Delimited : Kind.Package;
        return WorkbookExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? Kind.Mismatch : Kind.Delimited;
    }

    /// <summary>The report, or the problem; grid limits over the configured ones throw
    /// <see cref="RequestLimitExceededException"/> (413/422) for a workbook, as on the JSON endpoint; a delimited
    /// file's are answered the same way, as a problem.</summary>
    public (UploadedReport? Report, UploadProblem? Problem) Read(UploadedFile file, RequestLimitOptions limits, CancellationToken cancellation) =>
        Classify(file.Bytes, file.FileName) switch
        {
            // A package named .csv goes to the delimited reader too: it says what the file really is.
            Kind.Delimited => DelimitedUpload.Read(file, limits) is var (grid, problem) && grid is not null
                ? (new UploadedReport(grid, null), null)
                : (null, problem),
            Kind.Package => ReadPackage(file.Bytes, limits, cancellation),
            _ => (null, new UploadProblem(StatusCodes.Status400BadRequest, XlsxPackageGuard.NotXlsxTitle,
                "Le fichier déposé porte l'extension d'un classeur Excel mais n'est pas un classeur .xlsx : déposez le "
                + "fichier tel qu'il a été téléchargé (.xlsx ou .csv), sans le renommer.", "not-xlsx")),
        };

    /// <summary>
    /// The convened list sent as a file of its own (the <c>convocation</c> field): read the same way, its problems
    /// said of that file, by its name, so the trainer knows which of the two files is at fault.
    /// </summary>
    public (WorkbookGrid? Grid, UploadProblem? Problem) ReadConvocation(UploadedFile file, RequestLimitOptions limits, CancellationToken cancellation)
    {
        try
        {
            var (report, problem) = Read(file, limits, cancellation);
            return report is not null ? (report.Grid, null) : (null, OfConvocation(problem!, file.FileName));
        }
        catch (RequestLimitExceededException limit)
        {
            return (null, OfConvocation(new UploadProblem(limit.StatusCode, limit.Title, limit.Detail, "limit", limit.Limit, limit.Maximum), file.FileName));
        }
    }

    private static UploadProblem OfConvocation(UploadProblem problem, string fileName) => problem with
    {
        Title = $"Liste des convoqués : {LowerFirst(problem.Title)}",
        Detail = $"Fichier de la liste des convoqués {Convocation.ConvocationText.Quoted(fileName)} : {LowerFirst(problem.Detail)}",
    };

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

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
