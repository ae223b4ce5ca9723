using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using AddinWeb.Emargement;
using AddinWeb.Excel;

namespace AddinWeb.Upload;

/// <summary>
/// Adds a sheet to an .xlsx package without rewriting it: every part is copied as it is (same bytes once
/// inflated), a new worksheet part is added, and only the workbook's bookkeeping parts are edited, by additions:
/// <c>[Content_Types].xml</c> (the new part's type), the workbook (its &lt;sheet&gt; and print names), the
/// workbook's relationships (one more) and the styles part (the new sheet's styles, appended). Nothing else is
/// touched: not the other sheets (so the workbook opens on the tab it opened on before, the new sheet last), not
/// the shared strings (the new sheet's text is inline), not docProps or the calculation chain. Works on any
/// package, the uploaded one or one made by the service.
/// </summary>
public static class SheetInsertion
{
    private const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelationshipsPackageNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The package with the sheet added (named <see cref="SheetLayout.Name"/>, or "… (2)" when taken).</summary>
    public static byte[] Insert(byte[] package, SheetLayout layout) =>
        Insert(package, layout.Name, layout.Print,
            (name, styles, main, relationships) => WorksheetXmlWriter.Write(layout with { Name = name }, styles, main, relationships));

    /// <summary>Writes a worksheet part: its final name, the styles it adds to, the main and relationships namespaces.</summary>
    internal delegate byte[] SheetWriter(string name, StylesheetAppender styles, string mainNamespace, string relationshipsNamespace);

    /// <summary>
    /// The package with a sheet added whose part <paramref name="write"/> makes: the Émargement sheet's layout, or a
    /// delimited file's typed copy (<see cref="TypedSheetXmlWriter"/>, streamed: a layout would hold a format per cell).
    /// </summary>
    internal static byte[] Insert(byte[] package, string wantedName, PrintSetup print, SheetWriter write)
    {
        using var source = SpreadsheetPackage.Open(package);
        var workbookPart = source.WorkbookPart() ?? throw new InvalidDataException("The package has no workbook.");
        var workbookRelsPart = SpreadsheetPackage.RelationshipsPartOf(workbookPart);

        var contentTypes = Load(source, SpreadsheetPackage.ContentTypesPart) ?? throw new InvalidDataException("No content types.");
        var workbook = Load(source, workbookPart) ?? throw new InvalidDataException("No workbook part.");
        var relationships = Load(source, workbookRelsPart)
            ?? new XDocument(new XElement(XNamespace.Get(RelationshipsPackageNamespace) + "Relationships"));

        var main = workbook.Root!.Name.Namespace;
        var officeRelationships = OfficeRelationshipsNamespace(source, workbook);
        var sheets = workbook.Root.Element(main + "sheets") ?? throw new InvalidDataException("No sheets.");
        var name = AvailableName(sheets.Elements(main + "sheet").Select(s => (string?)s.Attribute("name") ?? ""), wantedName);

        // Styles: the workbook's own part, appended to, or a new one.
        var existing = source.Relationships(workbookPart).FirstOrDefault(r => r.Is("styles") && !r.External);
        var stylesPart = existing?.Target ?? FreePartName(source, Folder(workbookPart) + "styles", ".xml");
        var styles = new StylesheetAppender(existing is null ? null : Load(source, stylesPart));

        var sheetPart = FreePartName(source, Folder(workbookPart) + "worksheets/sheet", ".xml");
        var sheetXml = write(name, styles, main.NamespaceName, officeRelationships);

        var relationshipType = RelationshipTypePrefix(source) + "worksheet";
        var id = AddRelationship(relationships, relationshipType, Relative(workbookPart, sheetPart));
        if (existing is null) AddRelationship(relationships, RelationshipTypePrefix(source) + "styles", Relative(workbookPart, stylesPart));
        AddOverride(contentTypes, sheetPart, WorksheetContentType);
        if (existing is null) AddOverride(contentTypes, stylesPart, StylesContentType);
        AddSheet(workbook, sheets, name, id, officeRelationships, print);

        var replaced = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase)
        {
            [SpreadsheetPackage.ContentTypesPart] = Save(contentTypes),
            [workbookPart] = Save(workbook),
            [workbookRelsPart] = Save(relationships),
            [stylesPart] = Save(styles.Document),
        };
        var added = new List<(string, byte[])> { (sheetPart, sheetXml) };
        if (existing is null) added.Add((stylesPart, replaced[stylesPart]));
        if (!source.Contains(workbookRelsPart)) added.Add((workbookRelsPart, replaced[workbookRelsPart]));
        return RepackRaw(package, source, replaced, added) ?? Repack(source, replaced, added);
    }

    /// <summary>Excel compares sheet names without case: "émargement" takes "Émargement" too.</summary>
    public static string AvailableName(IEnumerable<string> taken, string wanted)
    {
        var names = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!names.Contains(wanted)) return wanted;
        for (var n = 2; ; n++)
            if (!names.Contains($"{wanted} ({n})")) return $"{wanted} ({n})";
    }

    /// <summary>The new &lt;sheet&gt; after the others, and its print titles and area as the sheet's own names.</summary>
    private static void AddSheet(XDocument workbook, XElement sheets, string name, string relationshipId,
        string officeRelationships, PrintSetup print)
    {
        var main = sheets.Name.Namespace;
        var position = sheets.Elements(main + "sheet").Count(); // the new sheet's index, for localSheetId
        var sheetId = sheets.Elements(main + "sheet")
            .Select(s => int.TryParse((string?)s.Attribute("sheetId"), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        sheets.Add(new XElement(main + "sheet", new XAttribute("name", name), new XAttribute("sheetId", sheetId),
            new XAttribute(XNamespace.Get(officeRelationships) + "id", relationshipId)));

        var names = new List<XElement>();
        if (WorksheetXmlWriter.PrintArea(name, print.PrintArea) is { } area)
            names.Add(new XElement(main + "definedName", new XAttribute("name", "_xlnm.Print_Area"),
                new XAttribute("localSheetId", position), area));
        if (WorksheetXmlWriter.PrintTitles(name, print.TitleRows) is { } titles)
            names.Add(new XElement(main + "definedName", new XAttribute("name", "_xlnm.Print_Titles"),
                new XAttribute("localSheetId", position), titles));
        if (names.Count == 0) return;

        var definedNames = workbook.Root!.Element(main + "definedNames");
        if (definedNames is null)
        {
            // CT_Workbook: definedNames come after sheets, functionGroups and externalReferences.
            definedNames = new XElement(main + "definedNames");
            var after = workbook.Root.Elements().LastOrDefault(e => e.Name.LocalName is "sheets" or "functionGroups" or "externalReferences") ?? sheets;
            after.AddAfterSelf(definedNames);
        }
        definedNames.Add(names);
    }

    private static string AddRelationship(XDocument relationships, string type, string target)
    {
        var ns = relationships.Root!.Name.Namespace;
        var ids = relationships.Root.Elements(ns + "Relationship").Select(r => (string?)r.Attribute("Id")).ToHashSet(StringComparer.Ordinal);
        var n = ids.Count + 1;
        while (ids.Contains($"rId{n}")) n++;
        var id = $"rId{n}";
        relationships.Root.Add(new XElement(ns + "Relationship", new XAttribute("Id", id), new XAttribute("Type", type),
            new XAttribute("Target", target)));
        return id;
    }

    private static void AddOverride(XDocument contentTypes, string part, string contentType)
    {
        var ns = contentTypes.Root!.Name.Namespace;
        if (ns == XNamespace.None) ns = ContentTypesNamespace;
        contentTypes.Root.Add(new XElement(ns + "Override", new XAttribute("PartName", "/" + part), new XAttribute("ContentType", contentType)));
    }

    /// <summary>
    /// The relationship types' common start, from the package's own officeDocument relationship:
    /// Transitional "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" or Strict's.
    /// </summary>
    private static string RelationshipTypePrefix(SpreadsheetPackage package)
    {
        var type = package.Relationships("").FirstOrDefault(r => r.Is("officeDocument"))?.Type;
        return type is null ? "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" : type[..^"officeDocument".Length];
    }

    /// <summary>The namespace of r:id in the workbook (Transitional or Strict).</summary>
    private static string OfficeRelationshipsNamespace(SpreadsheetPackage package, XDocument workbook) =>
        workbook.Root!.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value.EndsWith("relationships", StringComparison.Ordinal)
                && !a.Value.Contains("/package/", StringComparison.Ordinal))
            .Select(a => a.Value).FirstOrDefault()
        ?? RelationshipTypePrefix(package).TrimEnd('/');

    /// <summary>"xl/worksheets/sheet" + n + ".xml" with the first n no part has.</summary>
    private static string FreePartName(SpreadsheetPackage package, string stem, string extension)
    {
        if (!package.Contains(stem + extension) && !stem.EndsWith("sheet", StringComparison.Ordinal)) return stem + extension;
        for (var n = 1; ; n++)
            if (!package.Contains($"{stem}{n}{extension}")) return $"{stem}{n}{extension}";
    }

    private static string Folder(string part) => part.LastIndexOf('/') is var slash and >= 0 ? part[..(slash + 1)] : "";

    /// <summary>The target of a relationship from <paramref name="source"/> to <paramref name="target"/>, relative.</summary>
    private static string Relative(string source, string target)
    {
        var folder = Folder(source);
        return folder.Length > 0 && target.StartsWith(folder, StringComparison.OrdinalIgnoreCase) ? target[folder.Length..] : "/" + target;
    }

    private static XDocument? Load(SpreadsheetPackage package, string part)
    {
        using var reader = package.Read(part);
        return reader is null ? null : XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    private static byte[] Save(XDocument document)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings
               {
                   Encoding = new System.Text.UTF8Encoding(false),
                   Indent = false,
                   NewLineHandling = NewLineHandling.None,
                   OmitXmlDeclaration = document.Declaration is null,
               }))
            document.Save(writer);
        return output.ToArray();
    }

    /// <summary>
    /// The new zip, every unchanged entry copied as its compressed bytes (no inflating and deflating again: at
    /// 20,000 rows that was most of the upload's time, see docs/performance.md). The new and edited parts are
    /// deflated by the runtime's zip writer first, then copied the same way. Null when the original needs Zip64
    /// (not for a 16 MB upload; the plain repacking below handles it).
    /// </summary>
    private static byte[]? RepackRaw(byte[] original, SpreadsheetPackage source, Dictionary<string, byte[]> replaced,
        List<(string Name, byte[] Content)> added)
    {
        var entries = ZipDirectory.Entries(new MemoryStream(original, writable: false));
        if (entries is null || original.Length >= uint.MaxValue || entries.Any(e => e.Size >= uint.MaxValue)) return null;

        var changed = replaced.Where(r => source.Contains(r.Key)).Select(r => (Name: r.Key, Content: r.Value)).Concat(added).ToList();
        byte[] fresh;
        using (var memory = new MemoryStream())
        {
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var (name, content) in changed)
                {
                    using var to = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                    to.Write(content);
                }
            fresh = memory.ToArray();
        }
        var made = ZipDirectory.Entries(new MemoryStream(fresh, writable: false))!
            .ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

        using var output = new MemoryStream(original.Length + fresh.Length);
        var central = new List<(ZipDirectory.Entry Entry, byte[] Name, long Offset)>();
        void Copy(byte[] zip, ZipDirectory.Entry entry, byte[] name, ZipDirectory.Entry attributes)
        {
            var start = ZipDirectory.DataStart(zip, entry);
            if (start < 0) throw new InvalidDataException("An entry's local header is missing.");
            // The name's encoding flag (bit 11, UTF-8) goes with the name's bytes.
            entry = entry with { Flags = (ushort)((entry.Flags & ~0x0800) | (attributes.Flags & 0x0800)) };
            central.Add((entry with { LocalHeaderOffset = output.Position, VersionMadeBy = attributes.VersionMadeBy,
                InternalAttributes = attributes.InternalAttributes, ExternalAttributes = attributes.ExternalAttributes }, name, output.Position));
            WriteLocalHeader(output, entry, name);
            output.Write(zip, (int)start, (int)entry.Compressed);
        }
        foreach (var entry in entries)
        {
            if (entry.Name.EndsWith('/')) continue; // a folder, not a part
            if (replaced.ContainsKey(entry.Name) && made.TryGetValue(entry.Name, out var edited)) Copy(fresh, edited, entry.RawName, entry);
            else Copy(original, entry, entry.RawName, entry);
        }
        foreach (var (name, _) in added)
            Copy(fresh, made[name], made[name].RawName, made[name]);
        WriteCentralDirectory(output, central);
        return output.ToArray();
    }

    private static void WriteLocalHeader(Stream output, ZipDirectory.Entry entry, byte[] name)
    {
        Span<byte> header = stackalloc byte[30];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header, ZipDirectory.LocalHeaderSignature);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[4..], entry.VersionNeeded);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)(entry.Flags & ~0x0008)); // sizes are here, no descriptor
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[8..], entry.Method);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[10..], entry.TimeAndDate);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[14..], entry.Crc);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[18..], (uint)entry.Compressed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[22..], (uint)entry.Size);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)name.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0);
        output.Write(header);
        output.Write(name);
    }

    private static void WriteCentralDirectory(MemoryStream output, List<(ZipDirectory.Entry Entry, byte[] Name, long Offset)> central)
    {
        var start = output.Position;
        Span<byte> header = stackalloc byte[46];
        foreach (var (entry, name, offset) in central)
        {
            header.Clear();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header, ZipDirectory.CentralHeaderSignature);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[4..], entry.VersionMadeBy);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[6..], entry.VersionNeeded);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[8..], (ushort)(entry.Flags & ~0x0008));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[10..], entry.Method);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[12..], entry.TimeAndDate);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[16..], entry.Crc);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)entry.Compressed);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)entry.Size);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)name.Length);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(header[36..], entry.InternalAttributes);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[38..], entry.ExternalAttributes);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[42..], (uint)offset);
            output.Write(header);
            output.Write(name);
        }
        var size = output.Position - start;
        Span<byte> end = stackalloc byte[22];
        end.Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(end, ZipDirectory.EndOfCentralDirectorySignature);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)central.Count);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)central.Count);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)size);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)start);
        output.Write(end);
    }

    /// <summary>A new zip: every entry of the original in its order (replaced content where given), then the new parts.</summary>
    private static byte[] Repack(SpreadsheetPackage source, Dictionary<string, byte[]> replaced, List<(string Name, byte[] Content)> added)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue; // a folder, not a part
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = entry.LastWriteTime;
                using var to = copy.Open();
                if (replaced.TryGetValue(entry.FullName, out var content)) to.Write(content);
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
            foreach (var (name, content) in added)
            {
                using var to = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                to.Write(content);
            }
        }
        return output.ToArray();
    }
}
