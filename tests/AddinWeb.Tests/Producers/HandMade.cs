using System.IO.Compression;
using System.Text;

namespace AddinWeb.Tests.Producers;

/// <summary>
/// Minimal .xlsx packages written by hand, part by part, for what no tool writes on demand: a given cell XML,
/// odd part names, extra parts, hostile content. <see cref="Package"/> gives one sheet ("Feuille"); every part can
/// be replaced or added.
/// </summary>
public static class HandMade
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] Package(string sheetData, string sharedStrings = "", string numberFormats = "", string cellFormats = "",
        string sheetName = "Feuille", IReadOnlyDictionary<string, byte[]>? extraParts = null, string extraContentTypes = "",
        string extraWorkbookRelationships = "")
    {
        var parts = new List<(string, byte[])>
        {
            ("[Content_Types].xml", Utf8($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>{extraContentTypes}</Types>
                """)),
            ("_rels/.rels", Utf8($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """)),
            ("xl/workbook.xml", Utf8($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="{Main}" xmlns:r="{OfficeRelationships}"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>
                """)),
            ("xl/_rels/workbook.xml.rels", Utf8($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{OfficeRelationships}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{OfficeRelationships}/sharedStrings" Target="sharedStrings.xml"/>{extraWorkbookRelationships}</Relationships>
                """)),
            ("xl/styles.xml", Utf8($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="{Main}"><numFmts>{numberFormats}</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>{cellFormats}</cellXfs></styleSheet>
                """)),
            ("xl/sharedStrings.xml", Utf8($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="{Main}">{sharedStrings}</sst>
                """)),
            ("xl/worksheets/sheet1.xml", Utf8($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="{Main}" xmlns:r="{OfficeRelationships}"><sheetData>{sheetData}</sheetData></worksheet>
                """)),
        };
        foreach (var (name, content) in extraParts ?? new Dictionary<string, byte[]>()) parts.Add((name, content));
        return Zip(parts);
    }

    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> parts)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in parts)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        return memory.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text.Trim());
}
