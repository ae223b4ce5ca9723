using ClosedXML.Excel;

namespace AddinWeb.Excel;

/// <summary>
/// Opens uploaded bytes as an .xlsx workbook, in memory. Anything else (an .xls, a PDF, a password-protected
/// workbook, a broken zip) gets a French reason instead of an exception.
/// </summary>
public static class XlsxWorkbookLoader
{
    public const string NotXlsxTitle = "Ce fichier n'est pas un classeur Excel .xlsx";

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The workbook, or null and the reason it could not be opened.</summary>
    public static (XLWorkbook? Workbook, string? Problem) Open(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(CompoundFileSignature))
            return (null, "Ce fichier est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de passe. "
                          + "Ouvrez-le dans Excel, retirez la protection si besoin, puis enregistrez-le au format .xlsx.");
        if (!bytes.AsSpan().StartsWith(ZipSignature))
            return (null, "Le fichier reçu n'est pas un classeur .xlsx. Téléchargez le rapport de session depuis "
                          + "Ma cl@sse virtuelle (bouton « Rapport ») et envoyez ce fichier tel quel.");
        try
        {
            return (new XLWorkbook(new MemoryStream(bytes, writable: false)), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ClosedXML and the Open XML SDK throw many kinds of exceptions on a damaged package; none is the
            // server's fault. The exception text is not echoed: it can quote the file's contents.
            return (null, "Le fichier ressemble à un classeur .xlsx mais n'a pas pu être ouvert (fichier endommagé "
                          + "ou incomplet). Ouvrez-le dans Excel, enregistrez-le de nouveau au format .xlsx et réessayez.");
        }
    }

    /// <summary>Saves to bytes, or null when ClosedXML cannot write this workbook back.</summary>
    public static byte[]? Save(XLWorkbook workbook)
    {
        try
        {
            using var output = new MemoryStream();
            workbook.SaveAs(output);
            return output.ToArray();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
