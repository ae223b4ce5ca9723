using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using AddinWeb.Hosting;
using Microsoft.Extensions.Options;

namespace AddinWeb.Upload;

/// <summary>Why an uploaded file is refused before ClosedXML opens it: HTTP status, a stable code and French text.</summary>
public sealed record XlsxRefusal(int StatusCode, string Code, string Title, string Detail, string? Limit = null, long? Maximum = null);

/// <summary>
/// Checks an uploaded .xlsx before it is trusted to ClosedXML. Reads the zip's central directory (the index at the
/// end of the file) without inflating anything: entry count, declared sizes, compression ratios, encryption flags and
/// part names. Only [Content_Types].xml (bounded) is inflated. The runtime's zip reader never inflates an entry past
/// its declared size, so bounding the declared sizes bounds what ClosedXML can be made to read: a zip bomb is refused
/// in microseconds with a few kilobytes of memory. Refuses encrypted workbooks (OLE compound files), .xls, .xlsb,
/// macros (.xlsm) and external links, each with a French message saying what to do.
/// </summary>
public sealed class XlsxPackageGuard(IOptions<HostingOptions> options)
{
    public const string NotXlsxTitle = "Ce fichier n'est pas un classeur Excel .xlsx";

    private const uint LocalHeaderSignature = ZipDirectory.LocalHeaderSignature;
    private const int MaxContentTypesBytes = 1024 * 1024;
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Null when the package may be opened; the stream is rewound either way.</summary>
    public XlsxRefusal? Check(Stream stream) => Check(stream, options.Value.Limits);

    public static XlsxRefusal? Check(Stream stream, RequestLimitOptions limits)
    {
        if (!stream.CanSeek) throw new ArgumentException("The upload must be buffered (seekable) before it is checked.", nameof(stream));
        try
        {
            stream.Position = 0;
            return CheckPackage(stream, limits);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            return Damaged();
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static XlsxRefusal? CheckPackage(Stream stream, RequestLimitOptions limits)
    {
        if (stream.Length > limits.MaxUploadBytes)
            return new(StatusCodes.Status413PayloadTooLarge, "upload-too-large", "Fichier trop volumineux",
                $"Le fichier dépasse {HostingProblems.Size(limits.MaxUploadBytes)}, la taille maximale acceptée. Un rapport de "
                + "session pèse en général moins de 1 Mo : vérifiez qu'il s'agit bien du rapport exporté de la plateforme de classe virtuelle.",
                nameof(limits.MaxUploadBytes), limits.MaxUploadBytes);

        Span<byte> head = stackalloc byte[8];
        if (stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8) return NotAWorkbook();
        if (head.SequenceEqual(OleSignature)) return ContainsUtf16(stream, "EncryptionInfo") ? Encrypted() : LegacyXls();
        if (BinaryPrimitives.ReadUInt32LittleEndian(head) != LocalHeaderSignature) return NotAWorkbook();

        var directory = ZipDirectory.FindCentralDirectory(stream);
        if (directory is null) return Damaged();
        var (entryCount, directoryOffset, directorySize) = directory.Value;
        if (entryCount > limits.MaxZipEntries) return TooManyEntries(limits);
        if (directoryOffset + directorySize > stream.Length) return Damaged();

        stream.Position = directoryOffset;
        var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        long totalDeclared = 0;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<ZipDirectory.Entry>();
        (long Offset, long Compressed, long Size, ushort Method)? contentTypes = null;
        for (long i = 0; i < entryCount; i++)
        {
            var entry = ZipDirectory.ReadCentralEntry(reader);
            if (entry is null) return Damaged();
            var e = entry.Value;
            if ((e.Flags & 1) != 0) return Encrypted();
            if (e.Method is not (0 or 8 or 9)) return Damaged();
            if (e.Size > limits.CompressionRatioThresholdBytes && e.Size > (long)limits.MaxCompressionRatio * Math.Max(1, e.Compressed))
                return new(StatusCodes.Status413PayloadTooLarge, "compression-ratio", "Fichier compressé suspect",
                    $"Une partie du fichier se décompresse plus de {limits.MaxCompressionRatio} fois sa taille, ce qu'aucun "
                    + "rapport de session ne fait (archive piégée ou fichier corrompu). Téléchargez à nouveau le rapport depuis "
                    + "la plateforme de classe virtuelle puis réessayez.",
                    nameof(limits.MaxCompressionRatio), limits.MaxCompressionRatio);
            totalDeclared += e.Size;
            if (totalDeclared > limits.MaxDecompressedBytes)
                return new(StatusCodes.Status413PayloadTooLarge, "decompressed-too-large", "Classeur trop volumineux",
                    $"Une fois décompressé, ce classeur dépasse {HostingProblems.Size(limits.MaxDecompressedBytes)}, la limite de "
                    + "ce service. Déposez le rapport exporté tel quel, sans feuilles ni images ajoutées, ou utilisez le complément "
                    + "dans Excel.",
                    nameof(limits.MaxDecompressedBytes), limits.MaxDecompressedBytes);
            // Part names are URIs inside the package: nothing that climbs out of it, or names one part twice.
            if (e.Name.EndsWith('/') ? e.Size > 0 || !IsValidPartName(e.Name[..^1]) : !IsValidPartName(e.Name)) return BadPartName();
            if (!names.Add(e.Name)) return BadPartName();
            entries.Add(e);
            if (e.Name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))
                contentTypes = (e.LocalHeaderOffset, e.Compressed, e.Size, e.Method);
        }

        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return Macros();
        if (names.Any(n => n.StartsWith("xl/externalLinks/", StringComparison.OrdinalIgnoreCase))) return ExternalLinks();
        if (names.Contains("word/document.xml") || names.Contains("ppt/presentation.xml")) return OtherOfficeDocument();
        if (contentTypes is not { } types || types.Size > MaxContentTypesBytes) return NotAWorkbook();

        var declared = ReadEntry(stream, types.Offset, types.Compressed, types.Size, types.Method);
        if (declared is null) return Damaged();
        if (declared.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || HasActiveContent(declared)) return Macros();
        if (declared.Contains("sheet.binary", StringComparison.OrdinalIgnoreCase)) return Binary();
        if (declared.Contains("externalLink", StringComparison.OrdinalIgnoreCase)) return ExternalLinks();
        if (!declared.Contains("spreadsheetml.sheet.main+xml", StringComparison.OrdinalIgnoreCase)
            && !declared.Contains("spreadsheetml.template.main+xml", StringComparison.OrdinalIgnoreCase))
            return NotAWorkbook();

        // Parts are judged by what they are, not by their names: a VBA project under any name is declared by its
        // content type (checked above) and linked by its relationship type; an archive or an OLE container inside
        // the package shows in its first bytes.
        foreach (var e in entries)
        {
            if (e.Name.EndsWith('/') || e.Method == 9) continue; // folders; deflate64 is left to the reader
            if (e.Name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                if (e.Size > MaxRelationshipsBytes) return Damaged();
                var relationships = ReadEntry(stream, e.LocalHeaderOffset, e.Compressed, e.Size, e.Method);
                if (relationships is null) return Damaged();
                if (HasActiveContent(relationships)) return Macros();
                if (relationships.Contains("/externalLink", StringComparison.OrdinalIgnoreCase)) return ExternalLinks();
                continue;
            }
            if (ReadHead(stream, e) is not { } first) return Damaged();
            if (IsArchive(first)) return NestedArchive();
            if (first.AsSpan().StartsWith(OleSignature)) return EmbeddedObject();
        }
        return null;
    }

    /// <summary>Content or relationship types of code a workbook can run: VBA projects, Excel 4 macro sheets, ActiveX.</summary>
    private static bool HasActiveContent(string declarations) =>
        declarations.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
        || declarations.Contains("macrosheet", StringComparison.OrdinalIgnoreCase)
        || declarations.Contains("activeX", StringComparison.OrdinalIgnoreCase);

    /// <summary>Zip, gzip, 7-Zip, RAR, CAB, bzip2 and xz start with these bytes.</summary>
    private static bool IsArchive(ReadOnlySpan<byte> head) =>
        head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8) || head.StartsWith("PK\x07\x08"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || head.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])
        || head.StartsWith("Rar!\x1A\x07"u8) || head.StartsWith("MSCF"u8) || head.StartsWith("BZh"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]);

    /// <summary>
    /// Whether a zip entry name is a valid part name (ECMA-376 Part 2, 6.2.2): relative, segments separated by "/",
    /// none empty, "." or "..", none ending with a dot, no backslash, no drive, no query or fragment, percent
    /// escapes well formed and not hiding a "/", "\" or ".". The package's own "[Content_Types].xml" is the one
    /// name with brackets.
    /// </summary>
    internal static bool IsValidPartName(string name)
    {
        if (name.Length is 0 or > 1024) return false;
        if (name == "[Content_Types].xml") return true;
        if (name[0] == '/' || (name.Length > 1 && name[1] == ':')) return false;
        foreach (var segment in name.Split('/'))
            if (segment.Length == 0 || segment.EndsWith('.')) return false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c) || c is '\\' or '"' or '<' or '>' or '|' or '?' or '#' or '[' or ']' or '^' or '`' or '{' or '}'
                || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
                return false;
            if (c != '%') continue;
            if (i + 2 >= name.Length || !Uri.IsHexDigit(name[i + 1]) || !Uri.IsHexDigit(name[i + 2])) return false;
            var escaped = Convert.ToByte(name.Substring(i + 1, 2), 16);
            if (escaped is (byte)'/' or (byte)'\\' or (byte)'.' || escaped < 0x20) return false;
        }
        return true;
    }

    private const int MaxRelationshipsBytes = 16 * 1024 * 1024;

    /// <summary>The first bytes of an entry once inflated (at most 8), or null when its local header is not there.</summary>
    private static byte[]? ReadHead(Stream stream, ZipDirectory.Entry entry)
    {
        if (entry.Size == 0) return [];
        if (entry.LocalHeaderOffset + 30 > stream.Length) return null;
        stream.Position = entry.LocalHeaderOffset;
        Span<byte> header = stackalloc byte[30];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature) return null;
        var dataStart = entry.LocalHeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header[26..])
                        + BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        if (dataStart + entry.Compressed > stream.Length) return null;
        stream.Position = dataStart;
        var raw = new byte[Math.Min(entry.Compressed, 4096)];
        stream.ReadExactly(raw);
        var head = new byte[Math.Min(8, entry.Size)];
        if (entry.Method == 0) return raw.AsSpan(0, Math.Min(raw.Length, head.Length)).ToArray();
        using var inflate = new DeflateStream(new MemoryStream(raw), CompressionMode.Decompress);
        var read = inflate.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    /// <summary>Inflates one small entry, never past its declared size.</summary>
    private static string? ReadEntry(Stream stream, long localHeaderOffset, long compressed, long size, ushort method)
    {
        if (localHeaderOffset + 30 > stream.Length) return null;
        stream.Position = localHeaderOffset;
        Span<byte> header = stackalloc byte[30];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature) return null;
        var skip = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var dataStart = localHeaderOffset + 30 + skip;
        if (dataStart + compressed > stream.Length || method == 9) return method == 9 ? "" : null;
        stream.Position = dataStart;
        var raw = new byte[compressed];
        stream.ReadExactly(raw);
        if (method == 0) return Encoding.UTF8.GetString(raw, 0, (int)Math.Min(raw.Length, size));
        using var inflate = new DeflateStream(new MemoryStream(raw), CompressionMode.Decompress);
        var text = new byte[size];
        var read = inflate.ReadAtLeast(text, text.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(text, 0, read);
    }

    private static bool ContainsUtf16(Stream stream, string marker)
    {
        var needle = Encoding.Unicode.GetBytes(marker);
        stream.Position = 0;
        var buffer = new byte[64 * 1024 + needle.Length];
        var carried = 0;
        int read;
        while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var filled = carried + read;
            if (buffer.AsSpan(0, filled).IndexOf(needle) >= 0) return true;
            carried = Math.Min(needle.Length - 1, filled);
            buffer.AsSpan(filled - carried, carried).CopyTo(buffer);
        }
        return false;
    }

    private const string ExportAgain = "Exportez le rapport depuis la plateforme de classe virtuelle et déposez le fichier obtenu (.xlsx ou .csv).";

    // Every "this is not an .xlsx" answer is a 400 with the same title as the upload loader's, whatever the file
    // turned out to be; only workbooks that are .xlsx but unusable (encrypted, macros, links) are 422.
    private static XlsxRefusal NotAWorkbook() => new(StatusCodes.Status400BadRequest, "not-xlsx",
        NotXlsxTitle, $"Le fichier déposé n'est pas un classeur Excel au format .xlsx. {ExportAgain}");

    private static XlsxRefusal Damaged() => new(StatusCodes.Status400BadRequest, "damaged",
        "Fichier incomplet ou endommagé",
        $"Ce fichier .xlsx est incomplet ou endommagé (le téléchargement a peut-être été interrompu). {ExportAgain}");

    private static XlsxRefusal Encrypted() => new(StatusCodes.Status422UnprocessableEntity, "encrypted",
        "Classeur protégé par un mot de passe",
        "Ce classeur est chiffré par un mot de passe à l'ouverture : le service ne peut pas le lire. Ouvrez-le dans Excel, "
        + "retirez le mot de passe (Fichier > Informations > Protéger le classeur > Chiffrer avec mot de passe, champ vide), "
        + "enregistrez-le puis déposez-le à nouveau, ou utilisez le complément directement dans Excel.");

    private static XlsxRefusal LegacyXls() => new(StatusCodes.Status400BadRequest, "legacy-xls",
        NotXlsxTitle,
        "Ce fichier est au format Excel 97-2003 (.xls). Ouvrez-le dans Excel, enregistrez-le au format « Classeur Excel (.xlsx) » "
        + "puis déposez le nouveau fichier.");

    private static XlsxRefusal Binary() => new(StatusCodes.Status400BadRequest, "xlsb",
        NotXlsxTitle,
        "Ce classeur est au format binaire (.xlsb). Enregistrez-le au format « Classeur Excel (.xlsx) » puis déposez le nouveau fichier.");

    private static XlsxRefusal Macros() => new(StatusCodes.Status422UnprocessableEntity, "macros",
        "Classeur avec macros refusé",
        "Ce classeur contient des macros ou des contrôles ActiveX : par sécurité, le service ne les accepte pas. Un rapport exporté "
        + "d'une plateforme de classe virtuelle n'en contient pas : déposez le fichier d'origine, ou enregistrez une copie au format "
        + "« Classeur Excel (.xlsx) ».");

    private static XlsxRefusal BadPartName() => new(StatusCodes.Status400BadRequest, "bad-part-name",
        "Fichier .xlsx non conforme",
        "Ce fichier contient un élément au nom invalide pour un classeur Excel (chemin absolu, remontée de dossier, barre "
        + "oblique inverse ou nom en double) : ce n'est pas un fichier produit par Excel ou LibreOffice. Ouvrez le rapport "
        + "dans Excel ou LibreOffice, enregistrez-le au format .xlsx puis déposez le nouveau fichier.");

    private static XlsxRefusal NestedArchive() => new(StatusCodes.Status400BadRequest, "nested-archive",
        "Archive dans le classeur",
        "Ce classeur contient une archive compressée (zip, 7z, rar…) ou un document incorporé, que le service n'accepte pas "
        + "par sécurité. Supprimez l'objet incorporé, ou copiez les feuilles du rapport dans un nouveau classeur, puis "
        + "déposez-le à nouveau.");

    private static XlsxRefusal EmbeddedObject() => new(StatusCodes.Status400BadRequest, "embedded-object",
        "Objet incorporé dans le classeur",
        "Ce classeur contient un objet incorporé (document OLE), que le service n'accepte pas par sécurité. Supprimez "
        + "l'objet, ou copiez les feuilles du rapport dans un nouveau classeur, puis déposez-le à nouveau.");

    private static XlsxRefusal ExternalLinks() => new(StatusCodes.Status422UnprocessableEntity, "external-links",
        "Classeur lié à d'autres classeurs",
        "Ce classeur contient des liaisons vers d'autres classeurs, que le service ne suit pas. Déposez le rapport d'origine, "
        + "ou rompez les liaisons dans Excel (Données > Modifier les liens > Rompre la liaison) puis réessayez.");

    private static XlsxRefusal OtherOfficeDocument() => new(StatusCodes.Status400BadRequest, "not-a-workbook",
        NotXlsxTitle,
        $"Le fichier déposé est un document Word ou PowerPoint, pas un classeur Excel. {ExportAgain}");

    private static XlsxRefusal TooManyEntries(RequestLimitOptions limits) => new(StatusCodes.Status413PayloadTooLarge,
        "too-many-entries", "Classeur trop complexe",
        $"Ce fichier contient plus de {HostingProblems.Count(limits.MaxZipEntries)} éléments internes, bien plus qu'un rapport de "
        + "session. Déposez le rapport exporté tel quel, sans feuilles ni images ajoutées.",
        nameof(limits.MaxZipEntries), limits.MaxZipEntries);
}
