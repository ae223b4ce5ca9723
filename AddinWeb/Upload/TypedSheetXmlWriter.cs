using System.Globalization;
using System.Text;
using System.Xml;
using AddinWeb.Excel;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Tabular;

namespace AddinWeb.Upload;

/// <summary>
/// Writes a delimited file's typed copy (<see cref="TypedSheetBuilder"/>'s contract) as a SpreadsheetML worksheet
/// part, row by row. Not through a <c>SheetLayout</c>: its writer folds a format for every cell of the rectangle, and
/// a .csv of 250,000 short lines with one long one would make that rectangle huge. Text is an inline string, always
/// literal (never a formula, number or date); numbers and booleans are native; a date-time is its serial number; each
/// cell with a number format gets the one style of that format. Rows and columns keep the file's numbers.
/// </summary>
internal static class TypedSheetXmlWriter
{
    /// <summary>Excel's default width, and the widest a column is made (longer text wraps nowhere: it is data).</summary>
    private const double MinWidth = 9, MaxWidth = 60;

    public static byte[] Write(SheetGrid sheet, StylesheetAppender styles, string mainNamespace, string relationshipsNamespace)
    {
        var styleOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int Style(string? format)
        {
            if (format is null or TypedFormats.General) return 0;
            if (!styleOf.TryGetValue(format, out var style))
                styleOf[format] = style = styles.StyleOf(new CellFormat { NumberFormat = format });
            return style;
        }

        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.None }))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("worksheet", mainNamespace);
            xml.WriteAttributeString("xmlns", "r", null, relationshipsNamespace);
            xml.WriteStartElement("sheetViews");
            xml.WriteStartElement("sheetView");
            xml.WriteAttributeString("workbookViewId", "0");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("sheetFormatPr");
            xml.WriteAttributeString("defaultRowHeight", "15");
            xml.WriteEndElement();
            WriteColumns(xml, sheet);

            xml.WriteStartElement("sheetData");
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = sheet.Rows[r];
                if (row.All(c => c.Kind == CellKind.Empty)) continue;
                xml.WriteStartElement("row");
                xml.WriteAttributeString("r", Number(sheet.ExcelRow(r)));
                for (var c = 0; c < row.Count; c++)
                    WriteCell(xml, sheet.ExcelColumn(c) + Number(sheet.ExcelRow(r)), row[c], Style(sheet.NumberFormatAt(r, c)));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            xml.WriteStartElement("pageMargins");
            foreach (var (side, inches) in new[] { ("left", "0.4"), ("right", "0.4"), ("top", "0.5"), ("bottom", "0.5"), ("header", "0.3"), ("footer", "0.3") })
                xml.WriteAttributeString(side, inches);
            xml.WriteEndElement();
            xml.WriteStartElement("pageSetup");
            xml.WriteAttributeString("paperSize", "9"); // A4
            xml.WriteAttributeString("orientation", "landscape");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return output.ToArray();
    }

    private static void WriteCell(XmlWriter xml, string reference, Cell cell, int style)
    {
        if (cell.Kind == CellKind.Empty) return;
        xml.WriteStartElement("c");
        xml.WriteAttributeString("r", reference);
        if (style != 0) xml.WriteAttributeString("s", Number(style));
        switch (cell.Kind)
        {
            case CellKind.Number when double.IsFinite(cell.Number):
                xml.WriteElementString("v", cell.Number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case CellKind.DateTime:
                xml.WriteElementString("v", ExcelDates.ToSerial(cell.DateTime).ToString("R", CultureInfo.InvariantCulture));
                break;
            case CellKind.Boolean:
                xml.WriteAttributeString("t", "b");
                xml.WriteElementString("v", cell.Boolean ? "1" : "0");
                break;
            default:
                // Text, and a number Excel cannot hold (never made by the parsers): what the cell reads as.
                var text = cell.ToString();
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is");
                xml.WriteStartElement("t");
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(WorksheetXmlWriter.Escape(text));
                xml.WriteEndElement();
                xml.WriteEndElement();
                break;
        }
        xml.WriteEndElement();
    }

    /// <summary>Each column wide enough for its longest value (a date-time is 19 characters): no "#####" on opening.</summary>
    private static void WriteColumns(XmlWriter xml, SheetGrid sheet)
    {
        var widths = new List<double>();
        foreach (var row in sheet.Rows)
            for (var c = 0; c < row.Count; c++)
            {
                while (widths.Count <= c) widths.Add(MinWidth);
                widths[c] = Math.Max(widths[c], Math.Min(MaxWidth, Length(row[c]) + 2));
            }
        if (widths.Count == 0) return;
        xml.WriteStartElement("cols");
        for (var c = 0; c < widths.Count; c++)
        {
            var column = sheet.FirstColumn + c;
            xml.WriteStartElement("col");
            xml.WriteAttributeString("min", Number(column));
            xml.WriteAttributeString("max", Number(column));
            xml.WriteAttributeString("width", widths[c].ToString("R", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static double Length(Cell cell) => cell.Kind switch
    {
        CellKind.Empty => 0,
        CellKind.DateTime => TypedFormats.DateTime.Length,
        CellKind.Number => 12,
        CellKind.Boolean => 5,
        _ => cell.Text!.Length,
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
