using System.IO.Compression;
using System.Xml;

namespace AddinWeb.Excel;

/// <summary>
/// An .xlsx opened as what it is, a zip of XML parts linked by relationships (ECMA-376 Part 2, OPC), without the
/// Open XML SDK's package layer: nothing is validated that a reader does not need, so a workbook that Excel or
/// LibreOffice opens is not refused for a detail (an odd hyperlink address, an unknown part). Part names are
/// compared without case, as OPC says.
/// </summary>
public sealed class SpreadsheetPackage : IDisposable
{
    public const string ContentTypesPart = "[Content_Types].xml";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    private SpreadsheetPackage(ZipArchive zip)
    {
        _zip = zip;
        foreach (var entry in zip.Entries)
            _entries.TryAdd(entry.FullName, entry);
    }

    /// <summary>Opens the bytes of an .xlsx (already checked by the upload's package guard).</summary>
    public static SpreadsheetPackage Open(byte[] bytes) =>
        new(new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read));

    public IEnumerable<ZipArchiveEntry> Entries => _zip.Entries;

    public bool Contains(string partName) => _entries.ContainsKey(partName);

    public ZipArchiveEntry? Entry(string partName) =>
        _entries.TryGetValue(partName, out var entry) ? entry : null;

    /// <summary>An XML reader over a part, or null when the part is missing. DTDs are refused (no entity tricks).</summary>
    public XmlReader? Read(string partName) =>
        Entry(partName) is { } entry ? XmlReader.Create(entry.Open(), ReaderSettings) : null;

    public static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>The main part the package's root relationships point at (xl/workbook.xml in practice).</summary>
    public string? WorkbookPart() =>
        Relationships("").FirstOrDefault(r => r.Is("officeDocument") && !r.External)?.Target;

    /// <summary>The relationships of a part ("" for the package itself), targets resolved to part names.</summary>
    public IReadOnlyList<Relationship> Relationships(string sourcePart)
    {
        var list = new List<Relationship>();
        using var reader = Read(RelationshipsPartOf(sourcePart));
        if (reader is null) return list;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
            var id = reader.GetAttribute("Id") ?? "";
            var type = reader.GetAttribute("Type") ?? "";
            var target = reader.GetAttribute("Target") ?? "";
            var external = string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
            list.Add(new Relationship(id, type, external ? target : Resolve(sourcePart, target), external));
        }
        return list;
    }

    /// <summary>"xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels".</summary>
    public static string RelationshipsPartOf(string partName)
    {
        var slash = partName.LastIndexOf('/');
        return slash < 0 ? $"_rels/{partName}.rels" : $"{partName[..slash]}/_rels/{partName[(slash + 1)..]}.rels";
    }

    /// <summary>A relationship target (relative to its source's folder, or absolute) as a part name.</summary>
    public static string Resolve(string sourcePart, string target)
    {
        target = Uri.UnescapeDataString(target.Replace('\\', '/'));
        var folder = sourcePart.LastIndexOf('/') is var slash and >= 0 ? sourcePart[..slash] : "";
        var path = target.StartsWith('/') ? target[1..] : folder.Length == 0 ? target : $"{folder}/{target}";
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); continue; }
            segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    public void Dispose() => _zip.Dispose();
}

/// <summary>One relationship of a part: its id, type URI and target part (or external address).</summary>
public sealed record Relationship(string Id, string Type, string Target, bool External)
{
    /// <summary>
    /// Whether the type is this kind ("worksheet", "styles"…), in Transitional or Strict Open XML: both end with
    /// "/kind".
    /// </summary>
    public bool Is(string kind) =>
        Type.Length > kind.Length && Type.EndsWith(kind, StringComparison.Ordinal) && Type[^(kind.Length + 1)] == '/';
}
