using AddinWeb.Reports;
using System.IO.Compression;
using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Excel;
using AddinWeb.Tests.Emargement;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

public sealed class ClosedXmlSheetRendererTests
{
    /// <summary>Renders a layout into the seed workbook, saves it, and opens the saved bytes again.</summary>
    private static (XLWorkbook Reopened, byte[] Bytes) RoundTrip(SheetLayout layout, Action<XLWorkbook>? prepare = null)
    {
        using var workbook = SeedWorkbook.Create();
        prepare?.Invoke(workbook);
        ClosedXmlSheetRenderer.Render(workbook, layout);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        var bytes = output.ToArray();
        return (new XLWorkbook(new MemoryStream(bytes)), bytes);
    }

    [Fact]
    public void Every_value_of_the_layout_is_in_the_sheet_with_its_native_type_and_format()
    {
        var layout = EmargementLayout.Build(Documents.Seed());
        var probe = new LayoutProbe(layout);
        var (reopened, _) = RoundTrip(layout);
        using var _w = reopened;
        var sheet = reopened.Worksheet("Émargement");
        Assert.Equal(3, sheet.Position);

        for (var r = 1; r <= layout.RowCount; r++)
            for (var c = 1; c <= layout.ColumnCount; c++)
            {
                var cell = sheet.Cell(r, c);
                var format = probe.NumberFormat(r, c);
                switch (probe[r, c])
                {
                    case string text:
                        Assert.Equal(XLDataType.Text, cell.DataType);
                        Assert.False(cell.HasFormula);
                        Assert.Equal(text, cell.GetString());
                        break;
                    case double number:
                        Assert.False(cell.HasFormula);
                        Assert.Equal(number, WorkbookSnapshot.Number(cell), 9);
                        break;
                    case null:
                        Assert.True(cell.IsEmpty(), $"{cell.Address} should be blank");
                        break;
                }
                if (format is not null) Assert.Equal(format, cell.Style.NumberFormat.Format);
            }

        var first = probe.ParticipantRows()[0];
        var arrival = sheet.Cell(first, probe.Column("Arrivée"));
        Assert.Equal(XLDataType.DateTime, arrival.DataType);
        Assert.Equal(Documents.At("13:39:50"), arrival.GetDateTime());
        Assert.Equal("dd/mm/yyyy hh:mm", arrival.Style.NumberFormat.Format);
        Assert.Equal("[h]:mm", sheet.Cell(first, probe.Column("Temps sur le créneau")).Style.NumberFormat.Format);
        Assert.Equal("0.0%", sheet.Cell(first, probe.Column("Taux")).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, sheet.Cell(first, probe.Column("Connexions")).DataType);
    }

    [Fact]
    public void Layout_merges_widths_heights_freeze_and_print_settings_are_applied()
    {
        var layout = EmargementLayout.Build(Documents.Seed());
        var probe = new LayoutProbe(layout);
        var (reopened, bytes) = RoundTrip(layout);
        using var _w = reopened;
        var sheet = reopened.Worksheet("Émargement");

        Assert.Equal(layout.Merges.OrderBy(m => m), sheet.MergedRanges.Select(m => m.RangeAddress.ToString()).OrderBy(m => m));
        for (var c = 0; c < layout.ColumnWidths.Count; c++)
            Assert.Equal(layout.ColumnWidths[c], sheet.Column(c + 1).Width, 2);
        Assert.All(layout.RowHeights, h => Assert.Equal(h.Points, sheet.Row(h.Row).Height, 2));
        Assert.Equal(probe.HeaderRow, sheet.SheetView.SplitRow);

        var page = sheet.PageSetup;
        Assert.Equal(XLPageOrientation.Landscape, page.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, page.PaperSize);
        Assert.Equal(1, page.PagesWide);
        Assert.Equal(0, page.PagesTall);
        Assert.Equal(probe.HeaderRow, page.FirstRowToRepeatAtTop);
        Assert.Equal(probe.HeaderRow, page.LastRowToRepeatAtTop);
        Assert.Equal(layout.Print.PrintArea, page.PrintAreas.Single().RangeAddress.ToString()!.Replace("$", ""));
        Assert.True(page.CenterHorizontally);

        var xml = SheetXml(bytes, "sheet3.xml");
        Assert.Contains("&amp;CPage &amp;P / &amp;N", xml);
        Assert.Contains("orientation=\"landscape\"", xml);
        Assert.Contains("paperSize=\"9\"", xml);
        Assert.Contains("fitToHeight=\"0\"", xml);
        Assert.Contains("fitToPage=\"1\"", xml);
        Assert.Contains("Print_Titles", SheetXml(bytes, "workbook.xml"));
    }

    [Fact]
    public void Source_sheets_keep_every_value_and_number_format()
    {
        using var original = SeedWorkbook.Create();
        var before = original.Worksheets.ToDictionary(s => s.Name, WorkbookSnapshot.Of);
        var (reopened, _) = RoundTrip(EmargementLayout.Build(Documents.Seed()));
        using var _w = reopened;

        Assert.Equal([SeedReport.SummarySheetName, SeedReport.PresenceSheetName, "Émargement"], reopened.Worksheets.Select(s => s.Name));
        foreach (var (name, cells) in before)
        {
            Assert.True(cells.Count > 100);
            Assert.Equal(cells, WorkbookSnapshot.Of(reopened.Worksheet(name)));
        }
        var date = reopened.Worksheet(SeedReport.PresenceSheetName).Cell("C11");
        Assert.Equal(XLDataType.DateTime, date.DataType);
        Assert.Equal(SeedWorkbook.DateFormat, date.Style.NumberFormat.Format);
    }

    [Fact]
    public void Formula_looking_names_and_emails_are_written_as_text_never_as_formulas()
    {
        var odd = Documents.Participant("@admin", "=HYPERLINK(\"http://x.example\",\"clic\")", ParticipantRole.Trainee,
            Documents.At("14:00:00"), Documents.At("16:30:00"), 1, 150, 150, AttendanceStatus.Present, email: "+33@x");
        var minus = Documents.Participant("-", "-1+2", ParticipantRole.Trainee,
            Documents.At("14:00:00"), Documents.At("16:30:00"), 1, 150, 150, AttendanceStatus.Present, email: "10/11/2020");
        var layout = EmargementLayout.Build(Documents.Seed([odd, minus]) with { Fingerprint = "1234567890123456" });
        var probe = new LayoutProbe(layout);
        var (reopened, bytes) = RoundTrip(layout);
        using var _w = reopened;
        var sheet = reopened.Worksheet("Émargement");
        var rows = probe.ParticipantRows();

        void IsText(int row, string header, string expected)
        {
            var cell = sheet.Cell(row, probe.Column(header));
            Assert.False(cell.HasFormula, $"{cell.Address} became a formula");
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(expected, cell.GetString());
        }
        IsText(rows[0], "Nom", "=HYPERLINK(\"http://x.example\",\"clic\")");
        IsText(rows[0], "Prénom", "@admin");
        IsText(rows[0], "Email", "+33@x");
        IsText(rows[1], "Nom", "-1+2");
        IsText(rows[1], "Prénom", "-");
        IsText(rows[1], "Email", "10/11/2020");
        var fingerprint = probe.CellOfValue("Empreinte du rapport source");
        Assert.Equal(XLDataType.Text, sheet.Cell(fingerprint.Row, fingerprint.Column).DataType);
        Assert.Equal("1234567890123456", sheet.Cell(fingerprint.Row, fingerprint.Column).GetString());
        Assert.DoesNotContain("<x:f>", SheetXml(bytes, "sheet3.xml").Replace("<f>", "<x:f>"));
    }

    [Theory]
    [InlineData(new string[0], "Émargement")]
    [InlineData(new[] { "Émargement" }, "Émargement (2)")]
    [InlineData(new[] { "ÉMARGEMENT", "Émargement (2)" }, "Émargement (3)")]
    public void A_taken_name_gets_the_next_number(string[] existing, string expected)
    {
        var (reopened, _) = RoundTrip(EmargementLayout.Build(Documents.Seed()), workbook =>
        {
            foreach (var name in existing) workbook.Worksheets.Add(name).Cell("A1").SetValue("déjà là");
        });
        using var _w = reopened;
        Assert.Equal(expected, reopened.Worksheets.Last().Name);
        Assert.Equal("Feuille d'émargement — classe virtuelle", reopened.Worksheets.Last().Cell("A1").GetString());
        foreach (var name in existing) Assert.Equal("déjà là", reopened.Worksheet(name).Cell("A1").GetString());
    }

    private static string SheetXml(byte[] xlsx, string fileName)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var entry = zip.Entries.Single(e => e.FullName.EndsWith("/" + fileName, StringComparison.Ordinal));
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
