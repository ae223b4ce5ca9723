using System.Text;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reports.Tabular;

public class DelimitedFileTests
{
    private static DelimitedFileResult Read(string text, string name = "rapport.csv", DelimitedFileLimits? limits = null) =>
        DelimitedFile.Read(new UTF8Encoding(false).GetBytes(text), name, limits);

    private static SheetGrid Sheet(string text) => Assert.IsType<SheetGrid>(Read(text).Sheet);

    [Fact]
    public void Bbb_sample_utf8_without_bom_comma_unquoted_header_and_quoted_values()
    {
        var result = DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.BbbSample), PlatformFiles.BbbSample);
        Assert.True(result.IsRead);
        Assert.Equal(FileEncoding.Utf8, result.Encoding);
        Assert.Equal(',', result.Separator);
        var sheet = result.Sheet!;
        Assert.Equal("bbb-learning-dashboard-fr", sheet.Name);
        Assert.Equal(5, sheet.Rows.Count);
        Assert.Equal(["Nom", "Modérateur", "Activity Score"], GridText.Row(sheet.Rows[0]).Take(3));
        Assert.Equal("Êtes-vous prêts ?", sheet[0, 12].Text);
        Assert.Equal(["Bruno Stagiaire", "FALSE", "3,5", "00:02:10", "-"], GridText.Row(sheet.Rows[2]).Take(5));
        Assert.Equal("04/03/2025 09:01:05", sheet[2, 9].Text);
        // The anonymous row: empty quoted fields are empty cells, the poll answer is kept.
        Assert.Equal("Anonyme", sheet[4, 0].Text);
        Assert.True(sheet[4, 1].IsEmpty);
        Assert.Equal("Oui", sheet[4, 12].Text);
        Assert.All(sheet.Rows.SelectMany(r => r), c => Assert.True(c.Kind is CellKind.Text or CellKind.Empty));
    }

    [Fact]
    public void Teams_sample_utf16_tab_sections_of_different_widths_blank_lines_as_rows()
    {
        var result = DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.TeamsSample), PlatformFiles.TeamsSample);
        Assert.Equal(FileEncoding.Utf16LittleEndian, result.Encoding);
        Assert.Equal('\t', result.Separator);
        var sheet = result.Sheet!;
        Assert.Equal("1. Summary", sheet[0, 0].Text);
        Assert.Single(sheet.Rows[0]);
        Assert.Equal(["Start time", "3/4/25, 8:58:02 AM"], GridText.Row(sheet.Rows[3]));
        Assert.Empty(sheet.Rows[7]);                 // the blank line is Excel's row 8
        Assert.Equal("2. Participants", sheet[8, 0].Text);
        Assert.Equal(7, sheet.Rows[9].Count);
        Assert.Equal("Martin, Bruno", sheet[11, 0].Text);
        Assert.Equal("3. In-Meeting Activities", sheet[14, 0].Text);
        Assert.Equal(6, sheet.Rows[15].Count);
        Assert.Equal(20, sheet.Rows.Count);
        Assert.Equal(20, sheet.ExcelRow(19));
        Assert.Equal("Chloé Petit", sheet[19, 0].Text);
    }

    [Fact]
    public void Zoom_sample_meeting_header_separator_line_then_participants()
    {
        var result = DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.ZoomSample), PlatformFiles.ZoomSample);
        Assert.Equal(',', result.Separator);
        var sheet = result.Sheet!;
        Assert.Equal("Atelier numérique", sheet[1, 1].Text);
        Assert.Equal(7, sheet.Rows[2].Count);
        Assert.All(sheet.Rows[2], c => Assert.True(c.IsEmpty));
        Assert.Equal("Name (Original Name)", sheet[3, 0].Text);
        Assert.Equal("Chloé Petit (Chloé)", sheet[7, 0].Text);
    }

    [Fact]
    public void Poll_question_with_commas_in_the_unquoted_header_gives_extra_header_fields()
    {
        var sheet = Sheet("Nom,Join,Êtes-vous prêts, vraiment, ?\r\n\"Agnès\",\"04/03/2025 08:57:41\",\"Oui\"\r\n");
        Assert.Equal(["Nom", "Join", "Êtes-vous prêts", " vraiment", " ?"], GridText.Row(sheet.Rows[0]));
        Assert.Equal(["Agnès", "04/03/2025 08:57:41", "Oui"], GridText.Row(sheet.Rows[1]));
    }

    [Theory]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\rc,d\r")]
    [InlineData("a,b\r\nc,d")]
    public void Line_endings(string text) =>
        GridText.Equal([["a", "b"], ["c", "d"]], Sheet(text));

    [Fact]
    public void Blank_lines_are_kept_leading_ones_too_trailing_ones_dropped()
    {
        var sheet = Sheet("\r\ntitre\r\n\r\n\r\na,b\r\n\r\n\r\n");
        GridText.Equal([[], ["titre"], [], [], ["a", "b"]], sheet);
        Assert.Equal(5, sheet.ExcelRow(4));
    }

    [Fact]
    public void A_quoted_line_break_keeps_its_record_on_one_row_as_in_excel()
    {
        var sheet = Sheet("a,b\r\n\"deux\r\nlignes\",c\r\nd,e\r\n");
        GridText.Equal([["a", "b"], ["deux\r\nlignes", "c"], ["d", "e"]], sheet);
    }

    [Fact]
    public void Quotes_as_excel_reads_them_doubled_stray_and_after_a_closing_quote()
    {
        var sheet = Sheet("\"dit \"\"oui\"\"\",Jean \"JJ\" Dupont,\"ab\"cd,#pas un commentaire\r\n");
        GridText.Equal([["dit \"oui\"", "Jean \"JJ\" Dupont", "abcd", "#pas un commentaire"]], sheet);
    }

    [Fact]
    public void Cells_are_the_file_text_exactly_spaces_and_formulas_included()
    {
        var sheet = Sheet(" a ,=1+1,+33 6,  \r\n");
        Assert.Equal(" a ", sheet[0, 0].Text);
        Assert.Equal("=1+1", sheet[0, 1].Text);
        Assert.Equal("+33 6", sheet[0, 2].Text);
        Assert.Equal(CellKind.Text, sheet[0, 3].Kind);
        Assert.Equal("  ", sheet[0, 3].Text);
    }

    [Fact]
    public void Ragged_rows_keep_their_own_width()
    {
        var sheet = Sheet("titre\r\na,b,c,d,e\r\nf,g\r\n");
        Assert.Equal([1, 5, 2], sheet.Rows.Select(r => r.Count));
    }

    [Theory]
    [InlineData("Nom;Score;Durée\r\nAgnès;3,5;1,25\r\nBruno;2,5;0,5\r\n", ';')]
    [InlineData("Nom\tDébut\tFin\r\nMartin, Bruno\t3/4/25, 9:01:05 AM\t3/4/25, 10:15:20 AM\r\nChloé\t3/4/25, 9:20:33 AM\t3/4/25, 10:05:00 AM\r\n", '\t')]
    [InlineData("1. Summary\r\nMeeting title\tAtelier, numérique\r\nStart time\t3/4/25, 8:58:02 AM\r\n\r\n2. Participants\r\nName\tFirst join\tRole\r\nA\t3/4/25, 8:58:02 AM\tOrganizer\r\n", '\t')]
    [InlineData("Name,Email,Join\r\n\"Martin; Bruno\",b@x.fr,\"3/4/25, 9:01:05 AM\"\r\n\"Petit; Chloé\",c@x.fr,\"3/4/25, 9:20:33 AM\"\r\n", ',')]
    [InlineData("une seule colonne\r\nsans séparateur\r\n", ',')]
    public void Separator_found_outside_quotes_whatever_the_title_lines(string text, char expected) =>
        Assert.Equal(expected, Read(text).Separator);

    [Theory]
    [InlineData("rapport.csv", "rapport")]
    [InlineData("meetingAttendanceReport(Atelier numérique).csv", "meetingAttendanceReport(Atelier")]
    [InlineData("participants_81234567890.csv", "participants_81234567890")]
    [InlineData("rapport[1].csv", "rapport(1)")]
    [InlineData("C:\\Users\\elsa\\Téléchargements\\séance.csv", "séance")]
    [InlineData("/home/elsa/séance.2025.03.04.csv", "séance.2025.03.04")]
    [InlineData("a:b*c?d.csv", "a_b_c_d")]
    [InlineData("'cité'.csv", "cité")]
    [InlineData("sans extension", "sans extension")]
    [InlineData(".csv", "Feuil1")]
    [InlineData("", "Feuil1")]
    [InlineData(null, "Feuil1")]
    public void Sheet_named_as_excel_names_it(string? fileName, string expected) =>
        Assert.Equal(expected, ExcelSheetName.FromFileName(fileName));

    [Fact]
    public void Sheet_name_cut_to_31_characters_never_inside_an_emoji()
    {
        Assert.Equal(31, ExcelSheetName.FromFileName(new string('a', 40) + ".csv").Length);
        var name = ExcelSheetName.FromFileName(new string('a', 30) + "😀b.csv");
        Assert.Equal(new string('a', 30), name);
    }
}

public class DelimitedFileEncodingTests
{
    private const string Text = "Nom,Rôle\r\nHélène Lefèvre,Modérateur\r\nZoë « Œdipe »,Participant\r\n";
    private static readonly string[][] Expected = [["Nom", "Rôle"], ["Hélène Lefèvre", "Modérateur"], ["Zoë « Œdipe »", "Participant"]];

    public static TheoryData<string, FileEncoding> Encodings => new()
    {
        { "utf-8", FileEncoding.Utf8 },
        { "utf-8-bom", FileEncoding.Utf8WithBom },
        { "utf-16le-bom", FileEncoding.Utf16LittleEndian },
        { "utf-16be-bom", FileEncoding.Utf16BigEndian },
        { "utf-16le", FileEncoding.Utf16LittleEndian },
        { "utf-16be", FileEncoding.Utf16BigEndian },
        { "windows-1252", FileEncoding.Windows1252 },
    };

    internal static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
        "windows-1252" => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text),
        _ => throw new ArgumentException(encoding),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Encoding_found_and_the_byte_order_mark_is_not_text(string encoding, FileEncoding expected)
    {
        var result = DelimitedFile.Read(Encode(Text, encoding), "rapport.csv");
        Assert.Equal(expected, result.Encoding);
        GridText.Equal(Expected, result.Sheet!);
    }

    [Fact]
    public void Windows_1252_is_taken_without_registering_a_provider_process_wide_and_again_and_again()
    {
        var bytes = Encode(Text, "windows-1252");
        var results = Enumerable.Range(0, 50).AsParallel().Select(_ => DelimitedFile.Read(bytes, "r.csv")).ToList();
        Assert.All(results, r => GridText.Equal(Expected, r.Sheet!));
    }

    [Fact]
    public void An_emoji_in_a_name_is_text()
    {
        var result = DelimitedFile.Read(Encoding.UTF8.GetBytes("Nom,Réactions\r\nAgnès 😀,👍\r\n"), "r.csv");
        Assert.Equal("👍", result.Sheet![1, 1].Text);
    }
}

/// <summary>Files written by other tools (Python's csv module, LibreOffice Calc: Files/make-files.py).</summary>
public class DelimitedFileToolTests
{
    private static readonly string[][] Table =
    [
        ["Nom", "Modérateur", "Rejoindre", "Durée", "Remarque"],
        ["Hélène Lefèvre", "TRUE", "04/03/2025 08:57:41", "03:04:38", "a dit « oui », puis \"non\""],
        ["Martin, Bruno", "FALSE", "04/03/2025 09:01:05", "-", "deux\r\nlignes"],
        ["Zoë O'Neil", "FALSE", "", "00:44:27", "3,5"],
    ];

    [Theory]
    [InlineData("python-quote-all.utf8-bom.csv", FileEncoding.Utf8WithBom, ',')]
    [InlineData("python-minimal.utf8.csv", FileEncoding.Utf8, ',')]
    [InlineData("python-minimal.semicolon.cp1252.csv", FileEncoding.Windows1252, ';')]
    [InlineData("python-excel-tab.utf16le-bom.tsv", FileEncoding.Utf16LittleEndian, '\t')]
    [InlineData("python-excel-tab.utf16be-bom.tsv", FileEncoding.Utf16BigEndian, '\t')]
    [InlineData("python-excel-tab.utf16le.tsv", FileEncoding.Utf16LittleEndian, '\t')]
    [InlineData("libreoffice.utf8.csv", FileEncoding.Utf8, ',')]
    public void Same_table_whichever_tool_wrote_it(string file, FileEncoding encoding, char separator)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Reports", "Tabular", "Files", file));
        var result = DelimitedFile.Read(bytes, file);
        Assert.Equal(encoding, result.Encoding);
        Assert.Equal(separator, result.Separator);
        // LibreOffice writes a line break inside a field as LF alone.
        var expected = file.StartsWith("libreoffice")
            ? Table.Select(r => r.Select(f => f.Replace("\r\n", "\n")).ToArray()).ToArray()
            : Table;
        GridText.Equal(expected, result.Sheet!);
    }
}

public class DelimitedFileRefusalTests
{
    private static DelimitedFileRefusal Refusal(byte[] bytes, DelimitedFileLimits? limits = null)
    {
        var result = DelimitedFile.Read(bytes, "rapport.csv", limits);
        Assert.False(result.IsRead);
        Assert.Null(result.Workbook);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Message));
        return result.Refusal;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\r\n\t ")]
    public void Empty(string text) => Assert.Equal(DelimitedFileRefusal.Empty, Refusal(Utf8(text)).Code);

    [Fact]
    public void Empty_with_only_a_byte_order_mark() =>
        Assert.Equal(DelimitedFileRefusal.Empty, Refusal([0xEF, 0xBB, 0xBF]).Code);

    [Fact]
    public void A_workbook_given_a_csv_name()
    {
        Assert.Equal(DelimitedFileRefusal.SpreadsheetFile, Refusal(PlatformFiles.Bytes("shown/bbb-variant-fr.us-excel.xlsx")).Code);
        Assert.Equal(DelimitedFileRefusal.SpreadsheetFile, Refusal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).Code);
    }

    [Fact]
    public void Binary_files_are_not_text()
    {
        var random = new Random(7);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(64, 4096)];
            random.NextBytes(bytes);
            Assert.Equal(DelimitedFileRefusal.NotText, Refusal(bytes).Code);
        }
        // A PNG header, a PDF with binary streams, a text with a NUL.
        Assert.Equal(DelimitedFileRefusal.NotText, Refusal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]).Code);
        Assert.Equal(DelimitedFileRefusal.NotText, Refusal([.. Utf8("%PDF-1.7\n"), .. Enumerable.Range(0, 200).Select(b => (byte)b)]).Code);
        Assert.Equal(DelimitedFileRefusal.NotText, Refusal(Utf8("Nom,Email\r\nA\0,b\r\n")).Code);
    }

    [Fact]
    public void One_stray_control_character_does_not_make_a_report_binary() =>
        Assert.True(DelimitedFile.Read(Utf8("Nom,Email\r\nAgnès\u0001,a@x.fr\r\n\u001A"), "r.csv").IsRead);

    [Fact]
    public void Over_the_size_limit()
    {
        var refusal = Refusal(new byte[2001], new DelimitedFileLimits(MaxBytes: 2000));
        Assert.Equal(DelimitedFileRefusal.TooLarge, refusal.Code);
        Assert.Equal("MaxUploadBytes", refusal.Limit);
        Assert.Contains("16 Mo", Refusal(new byte[16 * 1024 * 1024 + 1]).Message);
    }

    [Fact]
    public void Over_the_row_limit_blank_lines_count()
    {
        var refusal = Refusal(Utf8("a,b\r\n\r\n\r\nc,d\r\n"), new DelimitedFileLimits(MaxRows: 3));
        Assert.Equal(DelimitedFileRefusal.TooManyRows, refusal.Code);
        Assert.Equal("MaxRowsPerSheet", refusal.Limit);
        Assert.Contains("plus de 3 lignes", refusal.Message);
        Assert.True(DelimitedFile.Read(Utf8("a,b\r\n\r\nc,d\r\n"), "r.csv", new DelimitedFileLimits(MaxRows: 3)).IsRead);
    }

    [Fact]
    public void Over_the_column_limit_names_the_row()
    {
        var refusal = Refusal(Utf8("a,b\r\n" + string.Join(',', Enumerable.Range(0, 513))), DelimitedFileLimits.Default);
        Assert.Equal(DelimitedFileRefusal.TooManyColumns, refusal.Code);
        Assert.Equal(2, refusal.Row);
        Assert.StartsWith("La ligne 2 du fichier compte plus de 512 colonnes", refusal.Message);
    }

    [Fact]
    public void A_cell_over_excels_limit_names_row_and_column()
    {
        var refusal = Refusal(Utf8($"a,b\r\nc,{new string('x', 101)}\r\n"), new DelimitedFileLimits(MaxCellLength: 100));
        Assert.Equal(DelimitedFileRefusal.CellTooLong, refusal.Code);
        Assert.Equal("MaxCellLength", refusal.Limit);
        Assert.Contains("ligne 2 du fichier (colonne B)", refusal.Message);
    }

    [Fact]
    public void An_unclosed_quote_that_swallows_the_file_is_refused_not_held_whole()
    {
        var text = "Nom,Email\r\n\"Agnès,a@x.fr\r\n" + string.Concat(Enumerable.Repeat("Bruno,b@x.fr\r\n", 20_000));
        var refusal = Refusal(Utf8(text));
        Assert.Equal(DelimitedFileRefusal.CellTooLong, refusal.Code);
        Assert.Equal(2, refusal.Row);
        Assert.Contains("guillemet", refusal.Message);
    }

    [Fact]
    public void Refusals_never_quote_the_file()
    {
        var name = "Hélène Confidentielle";
        foreach (var bytes in new[]
        {
            Utf8($"{name},{new string('x', 40_000)}"),
            Utf8($"\"{name}" + new string('y', 200_000)),
            Utf8($"{name},{string.Join(',', Enumerable.Range(0, 600))}"),
        })
            Assert.DoesNotContain("Hélène", Refusal(bytes).Message);
    }
}
