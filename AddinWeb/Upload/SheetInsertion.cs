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
    public static byte[] Insert(byte[] package, SheetLayout layout)
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
        var name = AvailableName(sheets.Elements(main + "sheet").Select(s => (string?)s.Attribute("name") ?? ""), layout.Name);

        // Styles: the workbook's own part, appended to, or a new one.
        var existing = source.Relationships(workbookPart).FirstOrDefault(r => r.Is("styles") && !r.External);
        var stylesPart = existing?.Target ?? FreePartName(source, Folder(workbookPart) + "styles", ".xml");
        var styles = new StylesheetAppender(existing is null ? null : Load(source, stylesPart));

        var sheetPart = FreePartName(source, Folder(workbookPart) + "worksheets/sheet", ".xml");
        var sheetXml = WorksheetXmlWriter.Write(layout with { Name = name }, styles, main.NamespaceName, officeRelationships);

        var relationshipType = RelationshipTypePrefix(source) + "worksheet";
        var id = AddRelationship(relationships, relationshipType, Relative(workbookPart, sheetPart));
        if (existing is null) AddRelationship(relationships, RelationshipTypePrefix(source) + "styles", Relative(workbookPart, stylesPart));
        AddOverride(contentTypes, sheetPart, WorksheetContentType);
        if (existing is null) AddOverride(contentTypes, stylesPart, StylesContentType);
        AddSheet(workbook, sheets, name, id, officeRelationships, layout.Print);

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
        return Repack(source, replaced, added);
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
