using System.IO.Compression;
using System.Text;
using AddinWeb.Emargement;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Upload;

/// <summary>
/// The workbook returned for a delimited file (.csv), which has no package of its own to add a sheet to: a new .xlsx
/// holding the report's data as typed sheets (dates as dates, durations as durations, text as text: the reader's
/// <see cref="Reports.SessionReport.TypedSheets"/>), then the "Émargement" sheet, each added by
/// <see cref="SheetInsertion"/> as it adds a sheet to an uploaded workbook. It opens on the Émargement sheet, the one
/// the trainer came for.
/// </summary>
public static class TypedWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <param name="dataSheets">The report's sheets, typed (or as read, when the source typed none).</param>
    /// <param name="emargement">The Émargement sheet.</param>
    public static byte[] Create(IReadOnlyList<SheetGrid> dataSheets, SheetLayout emargement)
    {
        var package = Empty(activeTab: dataSheets.Count);
        foreach (var sheet in dataSheets)
            package = SheetInsertion.Insert(package, sheet.Name, new PrintSetup(),
                (_, styles, main, relationships) => TypedSheetXmlWriter.Write(sheet, styles, main, relationships));
        return SheetInsertion.Insert(package, emargement);
    }

    /// <summary>
    /// The least package SheetInsertion can add to: content types, the package's relationship to the workbook, and a
    /// workbook with no sheet yet (its relationships and styles parts are made with the first sheet).
    /// </summary>
    private static byte[] Empty(int activeTab)
    {
        var parts = new (string Name, string Xml)[]
        {
            ("[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"""
                + """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"""
                + """<Default Extension="xml" ContentType="application/xml"/>"""
                + """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"""),
            ("_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + $"""<Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""),
            ("xl/workbook.xml",
                $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}">"""
                + $"""<bookViews><workbookView activeTab="{activeTab}"/></bookViews><sheets/></workbook>"""),
        };
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, xml) in parts)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(Encoding.UTF8.GetBytes(xml));
            }
        return memory.ToArray();
    }
}
