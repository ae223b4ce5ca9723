using AddinWeb.Reports.Via;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using CsCheck;
using static AddinWeb.Tests.Reports.GridEdits;

namespace AddinWeb.Tests.Reports;

/// <summary>"Empreinte du rapport source": same report, same print, whichever way the cells came in.</summary>
public class ReportFingerprintTests
{
    private static string Print(params SheetGrid[] sheets) => ViaReportSource.Fingerprint(sheets);

    private static string SeedPrint(NumberStyle n = NumberStyle.Numeric, DateStyle d = DateStyle.SerialNumber) =>
        Print(SeedReport.SummarySheet(n), SeedReport.PresenceSheet(n, d));

    /// <summary>
    /// Pinned: a sheet made today must show the same print for this report as one made with a later version. If a
    /// change to the normalisation is deliberate, every sheet already printed loses its check: think twice.
    /// </summary>
    private const string SeedFingerprint = "f47c15b17d827f0c";

    [Fact]
    public void Is_sixteen_lowercase_hex_digits_and_pinned_for_the_seed()
    {
        var print = SeedPrint();

        Assert.Matches("^[0-9a-f]{16}$", print);
        Assert.Equal(SeedFingerprint, print);
    }

    [Theory]
    [MemberData(nameof(ViaSeedReadTests.AllStyles), MemberType = typeof(ViaSeedReadTests))]
    public void Is_the_same_for_serial_numbers_date_cells_and_texts_holding_the_same_values(NumberStyle n, DateStyle d)
    {
        Assert.Equal(SeedPrint(), SeedPrint(n, d));
    }

    [Fact]
    public void Is_the_same_for_an_office_js_used_range_and_a_closedxml_sheet_from_A1()
    {
        // Office.js: the used range starts at B3, blanks come as "".
        var officeSummary = SeedReport.SummarySheet().At(3, 2);
        var officePresence = SeedReport.PresenceSheet().At(3, 2);
        // ClosedXML: the same cells from A1 (two blank rows, one blank column first), date cells, trailing blanks.
        var closedSummary = Shift(SeedReport.SummarySheet(), 2, 1).WithTrailingBlanks(5, 3);
        var closedPresence = Shift(SeedReport.PresenceSheet(dates: DateStyle.DateCell), 2, 1).WithTrailingBlanks(2, 1);

        Assert.Equal(Print(officeSummary, officePresence), Print(closedSummary, closedPresence));
        Assert.NotEqual(SeedPrint(), Print(officeSummary, officePresence)); // positions are absolute
    }

    [Fact]
    public void Takes_the_sheets_in_role_order_whatever_the_tab_order()
    {
        Assert.Equal(SeedPrint(), Print(SeedReport.PresenceSheet(), SeedReport.SummarySheet()));
    }

    [Fact]
    public void Ignores_surrounding_spaces_and_unicode_composition_of_texts()
    {
        var decomposed = SeedReport.SummarySheet().WithText(3, 0, "  Sommaire ")
            .WithText(13, 0, "Camille DURAND".Normalize(System.Text.NormalizationForm.FormD) + " ")
            .WithText(15, 0, "Chloe\u0301 LEFE\u0300VRE");

        Assert.Equal(SeedPrint(), Print(decomposed, SeedReport.PresenceSheet()));
    }

    [Fact]
    public void Changes_when_one_figure_changes()
    {
        var summary = SeedReport.SummarySheet().WithCell(13, 2, Cell.FromNumber(174.29));

        Assert.NotEqual(SeedPrint(), Print(summary, SeedReport.PresenceSheet()));
    }

    [Fact]
    public void Changes_when_a_time_moves_by_one_second()
    {
        var presence = SeedReport.PresenceSheet(dates: DateStyle.DateCell)
            .WithCell(10, 2, Cell.FromDateTime(new DateTime(2020, 11, 10, 13, 39, 51)));

        Assert.NotEqual(SeedPrint(), Print(SeedReport.SummarySheet(), presence));
    }

    [Fact]
    public void Changes_when_a_name_or_a_position_changes()
    {
        var renamed = SeedReport.SummarySheet().WithText(13, 0, "Camille DURANT");
        var moved = SeedReport.SummarySheet().WithRowsInserted(13, Row());

        Assert.NotEqual(SeedPrint(), Print(renamed, SeedReport.PresenceSheet()));
        Assert.NotEqual(SeedPrint(), Print(moved, SeedReport.PresenceSheet()));
    }

    [Fact]
    public void Changes_when_the_presence_sheet_is_left_out()
    {
        Assert.NotEqual(SeedPrint(), Print(SeedReport.SummarySheet()));
    }

    [Fact]
    public void Any_whole_second_gives_the_same_print_as_serial_number_date_cell_or_text()
    {
        Gen.Long[0, 200L * 365 * 86400].Sample(seconds =>
        {
            var time = new DateTime(1950, 1, 1).AddSeconds(seconds);
            var serial = time.ToOADate();
            // What Office.js hands over may differ from .NET's conversion in the last bits.
            var officeSerial = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(serial) + 2);
            var asSerial = Print(new SheetGrid("Sommaire", [[Cell.FromNumber(officeSerial)]]));
            var asDateCell = Print(new SheetGrid("Sommaire", [[Cell.FromDateTime(DateTime.FromOADate(serial))]]));
            var asText = Print(new SheetGrid("Sommaire", [[Cell.FromText(time.ToString("dd/MM/yyyy HH:mm:ss"))]]));
            return asSerial == asDateCell && asDateCell == asText;
        }, iter: 2000);
    }

    /// <summary>Pinned on large reports in every date style, so a faster hashing cannot drift on what the seed lacks.</summary>
    [Theory]
    [InlineData(DateStyle.SerialNumber, "79100a6d79f5f80c")]
    [InlineData(DateStyle.DateCell, "79100a6d79f5f80c")]
    [InlineData(DateStyle.Text, "79100a6d79f5f80c")]
    public void Is_pinned_for_a_synthetic_report_of_five_thousand_rows(DateStyle dates, string expected)
    {
        var workbook = SyntheticReport.Workbook(5_000, dates: dates);

        Assert.Equal(expected, ViaReportSource.Fingerprint(workbook.Sheets));
        Assert.Equal(FingerprintReference.Compute(workbook.Sheets), ViaReportSource.Fingerprint(workbook.Sheets));
    }

    private static readonly string[] AwkwardTexts =
    [
        "", " ", "\u00a0", "\u202f", "\u200b", "\t", "174,28", " 174,28 ", "174.28", "1 234,5", "1\u00a0234,56", "1\u202f234,5",
        "1.234,5", "1,234.5", "\u22123,5", "-0", "0,00", "1e308", "NaN", "10/11/2020 13:39:50", " 10/11/2020\u00a013:39:50 ",
        "10/11/2020  13:39", "10/11/0001 00:00:00", "2020-11-10T14:00:00", "2020-11-10T14:00:00.5", "31/02/2020 10:00:00",
        "Chloe\u0301 LEFE\u0300VRE", "Chloé LEFÈVRE", "Œuvre ß", "a\u200bb", "Total :", "Prénom NOM", "x@y.fr",
        "\ud83d\ude00", "\u0340", "Ω\u0301", "ǅ", "ǰ\u0323", "ḱ",
    ];

    private static readonly Gen<Cell> AwkwardCell = Gen.Frequency(
        (4, Gen.OneOf(AwkwardTexts).Select(Cell.FromText)),
        (2, Gen.String[0, 20].Select(Cell.FromText)),
        (1, Gen.Char.Array[0, 6].Select(c => Cell.FromText(new string(c)))),
        (2, Gen.OneOf(0, -0.0, 1e12, -1e12, 1e15, 44145.5693287, 0.00000005, 174.28, double.NaN, double.PositiveInfinity,
            double.NegativeInfinity, double.MaxValue, double.Epsilon).Select(Cell.FromNumber)),
        (2, Gen.Double.Select(Cell.FromNumber)),
        (1, Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks].Select(t => Cell.FromDateTime(new DateTime(t)))),
        (1, Gen.Bool.Select(Cell.FromBoolean)),
        (1, Gen.Const(Cell.Empty)));

    private static readonly Gen<SheetGrid> AwkwardSheet =
        Gen.Select(Gen.OneOf("Sommaire", "Temps de connexion en présence", "Autre"), AwkwardCell.Array[0, 10].Array[0, 12],
                Gen.Int[1, 1_000_000], Gen.Int[1, 16_384])
            .Select((name, rows, firstRow, firstColumn) =>
                new SheetGrid(name, rows.Select(r => (IReadOnlyList<Cell>)r).ToList(), firstRow, firstColumn));

    [Fact]
    public void Is_the_first_shipped_value_for_any_grid()
    {
        AwkwardSheet.Array[0, 4].Sample(sheets =>
            ViaReportSource.Fingerprint(sheets) == FingerprintReference.Compute(sheets), iter: 3000);
    }

    [Fact]
    public void Is_the_first_shipped_value_for_long_texts_across_hashing_blocks()
    {
        // Texts longer than a block, with characters of two, three and four UTF-8 bytes.
        var rows = Enumerable.Range(0, 40).Select(i =>
            (IReadOnlyList<Cell>)[Cell.FromText(string.Concat(Enumerable.Repeat("é€\ud83d\ude00a ", 1_000 * (i % 7 + 1))))]).ToList();
        var sheet = new SheetGrid("Sommaire", rows);

        Assert.Equal(FingerprintReference.Compute([sheet]), ViaReportSource.Fingerprint([sheet]));
    }

    /// <summary>Numbers are written digit by digit when they can be: exactly the text the custom format gave.</summary>
    [Fact]
    public void Writes_every_number_as_the_first_shipped_version()
    {
        var numbers = Gen.Frequency(
            (2, Gen.Double),
            (2, Gen.Double[-1e9, 1e9]),
            (2, Gen.Long[-1_000_000_000_000_000, 1_000_000_000_000_000].Select(n => n / 1e7)),
            (2, Gen.Long[-1_000_000_000_000_000, 1_000_000_000_000_000].Select(n => (n + 0.5) / 1e7)), // midpoints
            (2, Gen.Long[-100_000_000, 100_000_000].Select(n => n / 100.0)),                               // figures
            (2, Gen.Long[0, 200L * 365 * 86400].Select(s => 25_000 + s / 86400.0)),                      // serial dates
            (1, Gen.Double[-1e-6, 1e-6]),
            (1, Gen.Double[99_999_999, 100_000_001]),
            (1, Gen.Long[-1_000_000, 1_000_000].Select(n => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1e8) + n))));
        numbers.Sample(value =>
        {
            Span<char> buffer = stackalloc char[64];
            var written = ReportFingerprint.Number(value, buffer);
            Assert.Equal(FingerprintReference.Number(value), new string(buffer[..written]));
        }, iter: 200_000);
    }

    /// <summary>The fingerprint skips NFC normalisation below U+0300: any text made of those characters is already NFC.</summary>
    [Fact]
    public void Texts_below_U0300_are_already_in_NFC()
    {
        var all = Enumerable.Range(1, 0x2FF).Select(i => (char)i).ToArray();
        foreach (var first in all)
        {
            // Every ordered pair (first, other) and (other, first) sits side by side in this text.
            var text = string.Concat(all.Select(other => $"{first}{other}"));
            Assert.Equal(text, text.Normalize(System.Text.NormalizationForm.FormC));
        }
    }

    /// <summary>The same cells <paramref name="rows"/> rows lower and <paramref name="columns"/> columns to the right, from A1.</summary>
    private static SheetGrid Shift(SheetGrid sheet, int rows, int columns) =>
        sheet with
        {
            Rows = Enumerable.Range(0, rows).Select(_ => (IReadOnlyList<Cell>)[])
                .Concat(sheet.Rows.Select(r => (IReadOnlyList<Cell>)Enumerable.Repeat(Cell.FromText(""), columns).Concat(r).ToList()))
                .ToList(),
        };
}
