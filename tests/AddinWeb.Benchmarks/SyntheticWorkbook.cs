using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Benchmarks;

/// <summary>
/// A synthetic report saved as an .xlsx the way Ma cl@sse virtuelle delivers it (date cells, figures with two
/// decimals, bold headers), the input of the upload benchmarks.
/// </summary>
public static class SyntheticWorkbook
{
    public static byte[] Bytes(int connections)
    {
        using var workbook = new XLWorkbook();
        foreach (var sheet in SyntheticReport.Workbook(connections, dates: DateStyle.DateCell).Sheets)
            Write(workbook.Worksheets.Add(sheet.Name), sheet);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static void Write(IXLWorksheet worksheet, SheetGrid sheet)
    {
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            for (var c = 0; c < row.Count; c++)
            {
                var cell = worksheet.Cell(sheet.FirstRow + r, sheet.FirstColumn + c);
                switch (row[c].Kind)
                {
                    case CellKind.Text: cell.SetValue(row[c].Text!); break;
                    case CellKind.Number: cell.SetValue(row[c].Number); cell.Style.NumberFormat.Format = "0.00"; break;
                    case CellKind.Boolean: cell.SetValue(row[c].Boolean); break;
                    case CellKind.DateTime: cell.SetValue(row[c].DateTime); cell.Style.NumberFormat.Format = "dd/mm/yyyy hh:mm:ss"; break;
                }
            }
            if (row.Count > 0 && row[0].Text == "Nom de l'utilisateur") worksheet.Row(sheet.FirstRow + r).Style.Font.Bold = true;
        }
        worksheet.Cell(4, 1).Style.Font.SetBold().Font.SetFontSize(14);
        worksheet.Column(1).Width = 24;
        worksheet.Column(2).Width = 32;
        for (var c = 3; c <= 10; c++) worksheet.Column(c).Width = 14;
    }
}
