using System.Text;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Text;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reports.Tabular;

public class ShownWorkbookTests
{
    private static SheetGrid FileSheet(string name) => DelimitedFile.Read(PlatformFiles.Bytes(name), name).Sheet!;

    private static SheetGrid Column(params string[] lines) =>
        new("rapport", lines.Select(l => (IReadOnlyList<Cell>)(l.Length == 0 ? [] : [Cell.FromText(l)])).ToList());

    public static TheoryData<string> ViaWorkbooks => new() { "numeric-serial", "french-text", "date-cells", "text-dates", "synthetic", "synthetic-text" };

    private static WorkbookGrid Via(string which) => which switch
    {
        "numeric-serial" => SeedReport.Workbook(),
        "french-text" => SeedReport.Workbook(NumberStyle.FrenchText, DateStyle.Text),
        "date-cells" => SeedReport.Workbook(NumberStyle.Numeric, DateStyle.DateCell),
        "text-dates" => SeedReport.Workbook(NumberStyle.Numeric, DateStyle.Text),
        "synthetic" => SyntheticReport.Workbook(2_000),
        _ => SyntheticReport.Workbook(500, dates: DateStyle.Text),
    };

    [Theory]
    [MemberData(nameof(ViaWorkbooks))]
    public void Via_reports_are_handed_back_exactly_as_they_are(string which)
    {
        var workbook = Via(which);
        var readable = ShownWorkbook.MakeReadable(workbook);
        Assert.False(readable.Changed);
        Assert.Same(workbook, readable.Workbook);
        // And each sheet alone, cell for cell.
        foreach (var sheet in Via(which).Sheets)
        {
            var (same, repair) = ShownWorkbook.MakeReadable(sheet);
            Assert.Null(repair);
            Assert.Same(sheet, same);
        }
    }

    [Theory]
    [InlineData(PlatformFiles.BbbSample)]
    [InlineData(PlatformFiles.TeamsSample)]
    [InlineData(PlatformFiles.ZoomSample)]
    [InlineData(PlatformFiles.BbbVariant)]
    [InlineData(PlatformFiles.ZoomVariant)]
    public void A_file_read_well_is_left_as_it_is(string name)
    {
        var sheet = FileSheet(name);
        Assert.Same(sheet, ShownWorkbook.MakeReadable(sheet).Sheet);
    }

    [Theory]
    [InlineData("bbb-variant-fr.french-excel", PlatformFiles.BbbVariant)]
    [InlineData("zoom-variant-en.french-excel", PlatformFiles.ZoomVariant)]
    public void Whole_lines_with_mojibake_as_libreoffice_shows_them_read_as_the_file(string shown, string file)
    {
        var readable = ShownWorkbook.MakeReadable(PlatformFiles.Shown(shown));
        var repair = Assert.Single(readable.Repairs);
        Assert.Equal(',', repair.ResplitWith);
        Assert.True(repair.RepairedTexts > 0);
        var expected = GridText.Rows(FileSheet(file));
        var actual = readable.Workbook.Sheets[0];
        Assert.Equal(FileSheet(file).Name, actual.Name);
        // LibreOffice read the anonymous line "Anonyme","","",… as one quoted field and turned each "" into one quote:
        // what is left of its empty fields cannot be told apart; its name, the only thing readers look at, is right.
        if (file == PlatformFiles.BbbVariant)
        {
            Assert.Equal("Anonyme", actual[4, 0].Text);
            expected = expected.Take(4).ToList();
            actual = actual with { Rows = actual.Rows.Take(4).ToList() };
        }
        GridText.Equal(expected, actual);
    }

    [Fact]
    public void Split_cells_with_mojibake_are_repaired_values_excel_made_are_left_to_the_parsers()
    {
        var readable = ShownWorkbook.MakeReadable(PlatformFiles.Shown("bbb-variant-fr.us-excel"));
        var repair = Assert.Single(readable.Repairs);
        Assert.Null(repair.ResplitWith);
        var sheet = readable.Workbook.Sheets[0];
        Assert.Equal("Modérateur", sheet[0, 1].Text);
        Assert.Equal("Êtes-vous prêts", sheet[0, 12].Text);
        Assert.Equal("Agnès Formatrice", sheet[1, 0].Text);
        Assert.Equal("ANAÏS Hélène", sheet[3, 0].Text);     // Ï: a byte Windows-1252 leaves undefined
        Assert.Equal(CellKind.Boolean, sheet[1, 1].Kind);
        Assert.Equal(CellKind.DateTime, sheet[1, 9].Kind);
    }

    [Fact]
    public void Excels_shape_first_field_quotes_removed_rest_literal()
    {
        var sheet = Column(
            "Nom,Modérateur,Rejoindre",
            "Agnès Formatrice,\"TRUE\",\"04/03/2025 08:57:41\"",
            "Martin, Bruno,\"FALSE\",\"04/03/2025 09:01:05\"",
            "Jean \"JJ\" Dupont,\"FALSE\",\"04/03/2025 09:02:00\"",
            "",
            "Chloé Petit,\"FALSE\",\"04/03/2025 09:20:33\"");
        var (readable, repair) = ShownWorkbook.MakeReadable(sheet);
        Assert.Equal(',', repair!.ResplitWith);
        GridText.Equal(
        [
            ["Nom", "Modérateur", "Rejoindre"],
            ["Agnès Formatrice", "TRUE", "04/03/2025 08:57:41"],
            ["Martin, Bruno", "FALSE", "04/03/2025 09:01:05"],
            ["Jean \"JJ\" Dupont", "FALSE", "04/03/2025 09:02:00"],
            [],
            ["Chloé Petit", "FALSE", "04/03/2025 09:20:33"],
        ], readable);
    }

    [Fact]
    public void Row_numbers_do_not_move_when_the_used_range_starts_lower()
    {
        var sheet = Column("a,b,c", "d,e,f", "g,h,i") with { FirstRow = 4 };
        var readable = ShownWorkbook.MakeReadable(sheet).Sheet;
        Assert.Equal(4, readable.FirstRow);
        Assert.Equal(6, readable.ExcelRow(2));
        Assert.Equal("h", readable[2, 1].Text);
    }

    [Fact]
    public void A_line_excel_cut_at_a_semicolon_is_put_back_together()
    {
        IReadOnlyList<Cell>[] rows =
        [
            [Cell.FromText("Nom,Réponse")],
            [Cell.FromText("Agnès,\"Oui")], // "Oui; enfin" cut by Excel
            [Cell.FromText("Bruno,Non")],
            [Cell.FromText("Chloé,Oui")],
        ];
        rows[1] = [Cell.FromText("Agnès,\"Oui"), Cell.FromText(" enfin\"")];
        var readable = ShownWorkbook.MakeReadable(new SheetGrid("r", rows)).Sheet;
        Assert.Equal("Oui; enfin", readable[1, 1].Text);
    }

    [Fact]
    public void Teams_sections_shown_split_are_not_taken_for_whole_lines()
    {
        var shown = PlatformFiles.Shown("teams-attendance-en.us-excel");
        Assert.Same(shown, ShownWorkbook.MakeReadable(shown).Workbook);
    }

    [Fact]
    public void A_sheet_of_notes_in_column_A_is_not_whole_lines()
    {
        Assert.Null(ShownWorkbook.MakeReadable(Column("Bonjour, voici le compte rendu.")).Repair);
        Assert.Null(ShownWorkbook.MakeReadable(Column("Titre", "Une phrase, une virgule.", "Une autre phrase.", "Encore une.", "Et une.")).Repair);
    }

    [Fact]
    public void Lone_numbers_excel_made_of_one_field_lines_stay()
    {
        IReadOnlyList<Cell>[] rows = [[Cell.FromText("a,b")], [Cell.FromNumber(2025)], [Cell.FromText("c,d")], [Cell.FromText("e,f")]];
        var readable = ShownWorkbook.MakeReadable(new SheetGrid("r", rows)).Sheet;
        Assert.Equal(CellKind.Number, readable[1, 0].Kind);
        Assert.Equal("f", readable[3, 1].Text);
    }

    [Fact]
    public void Making_readable_twice_changes_nothing_more()
    {
        var once = ShownWorkbook.MakeReadable(PlatformFiles.Shown("bbb-variant-fr.french-excel")).Workbook;
        Assert.Same(once, ShownWorkbook.MakeReadable(once).Workbook);
    }
}

/// <summary>The per-sheet rule of <see cref="MojibakeSheet"/>, and the per-text rule of <see cref="Mojibake"/>.</summary>
public class MojibakeTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static string Shown(string text) => Windows1252.GetString(Encoding.UTF8.GetBytes(text));

    private static SheetGrid Sheet(params string[][] rows) =>
        new("r", rows.Select(r => (IReadOnlyList<Cell>)r.Select(Cell.FromText).ToArray()).ToList());

    [Theory]
    [InlineData("ModÃ©rateur", "Modérateur")]
    [InlineData("HÃ©lÃ¨ne", "Hélène")]
    [InlineData("QuittÃ©", "Quitté")]
    [InlineData("lâ€™Ã©cole", "l’école")]
    [InlineData("ÃŠtes-vous prÃªts ?", "Êtes-vous prêts ?")] // Ê is C3 8A: 8A is Š in Windows-1252
    [InlineData("ANAÃ\u008FS", "ANAÏS")]                      // 8F is undefined: Windows gives U+008F
    [InlineData("ANAÃ\uF18FS", "ANAÏS")]                      // LibreOffice gives U+F18F
    [InlineData("Å’uvre", "Œuvre")]
    [InlineData("ðŸ˜€", "😀")]
    public void Utf8_read_as_windows_1252_is_repaired(string shown, string expected)
    {
        Assert.True(Mojibake.TryRepair(shown, out var repaired));
        Assert.Equal(expected, repaired);
    }

    [Theory]
    [InlineData("Modérateur")]
    [InlineData("é")]
    [InlineData("Hélène Lefèvre")]
    [InlineData("l’école")]        // ’ is not a Windows-1252 reading of UTF-8
    [InlineData("Zoë « Œdipe »")]
    [InlineData("Plain ASCII")]
    [InlineData("")]
    [InlineData("Łukasz")]        // not in Windows-1252 at all
    public void Correct_text_is_never_touched(string text) => Assert.False(Mojibake.TryRepair(text, out _));

    [Fact]
    public void A_correct_text_that_happens_to_read_as_utf8_exists()
    {
        // "É»" is C9 BB in Windows-1252: valid UTF-8 (U+027B). Alone, the text rule cannot tell; the sheet rule does.
        Assert.True(Mojibake.IsRepairable("É»"));
    }

    [Fact]
    public void Per_sheet_an_english_header_over_french_names_is_repaired()
    {
        var sheet = Sheet(["Name", "Moderator"], [Shown("Hélène Lefèvre"), "TRUE"], [Shown("Chloé Petit"), "FALSE"], ["Bruno", "FALSE"]);
        var repaired = MojibakeSheet.Repair(sheet, out var count)!;
        Assert.Equal(2, count);
        Assert.Equal("Hélène Lefèvre", repaired[1, 0].Text);
        Assert.Equal("Bruno", repaired[3, 0].Text);
    }

    [Fact]
    public void Per_sheet_one_text_that_cannot_be_repaired_does_not_stop_the_others()
    {
        var sheet = Sheet([Shown("Modérateur"), Shown("Quitté")], [Shown("Hélène"), "Jos\u00E9?"], [Shown("Chloé"), "x"]);
        var repaired = MojibakeSheet.Repair(sheet, out var count)!;
        Assert.Equal(4, count);
        Assert.Equal("Jos\u00E9?", repaired[1, 1].Text);
    }

    [Fact]
    public void Per_sheet_a_correct_sheet_outvotes_its_odd_text()
    {
        var sheet = Sheet(["Modérateur", "Quitté"], ["Hélène", "É»"], ["Chloé", "x"]);
        Assert.Null(MojibakeSheet.Repair(sheet, out _));
    }

    [Fact]
    public void Per_sheet_a_tie_leaves_the_sheet_alone()
    {
        Assert.Null(MojibakeSheet.Repair(Sheet(["É»", "Modérateur"]), out _));
        Assert.Null(MojibakeSheet.Repair(Sheet(["Name", "Email"], ["Bruno", "b@x.fr"]), out _));
    }

    [Fact]
    public void Numbers_dates_and_formats_are_kept()
    {
        var sheet = new SheetGrid("r",
            [[Cell.FromText(Shown("Durée")), Cell.FromNumber(0.5)], [Cell.FromText(Shown("Hélène")), Cell.FromDateTime(new DateTime(2025, 3, 4))]],
            3, 2, [["General", "[h]:mm:ss"], [null, "dd/mm/yyyy"]]);
        var repaired = MojibakeSheet.Repair(sheet, out _)!;
        Assert.Equal((3, 2), (repaired.FirstRow, repaired.FirstColumn));
        Assert.Equal("[h]:mm:ss", repaired.NumberFormatAt(0, 1));
        Assert.Equal(0.5, repaired[0, 1].Number);
        Assert.Equal(CellKind.DateTime, repaired[1, 1].Kind);
    }
}
