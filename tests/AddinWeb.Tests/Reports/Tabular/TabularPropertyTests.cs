using System.Text;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Text;
using AddinWeb.Tests.Seed;
using CsCheck;

namespace AddinWeb.Tests.Reports.Tabular;

/// <summary>
/// Random tables written as delimited files (by a plain RFC 4180 writer here, so the reader is not checked against
/// itself), in every encoding, and as a French Excel shows them (<see cref="ExcelOpensCsv"/>): read back, they are the
/// table. Then fuzzing: no input makes the layer throw.
/// </summary>
public class TabularPropertyTests
{
    private static readonly string[] Pieces =
    [
        "a", "Bruno", " ", "Hélène", "LEFÈVRE", "é", "Œ", "ANAÏS", "Zoë", "3,5", "04/03/2025 08:57:41", "-", "#", "=1+1",
        "\"", "\"\"", ",", ";", "\t", "\r\n", "\n", "😀", "’", "«\u00A0", "Ý", "日本",
    ];

    private static readonly char[] Separators = [',', ';', '\t'];

    /// <summary>A field made of pieces, without the separators that are not <paramref name="separator"/>.</summary>
    private static Gen<string> Field(char separator, bool lineBreaks = true) =>
        Gen.OneOf(Pieces).Array[0, 5].Select(string.Concat).Select(f =>
        {
            foreach (var other in Separators.Where(s => s != separator)) f = f.Replace(other.ToString(), "");
            return lineBreaks ? f : f.Replace("\r", "").Replace("\n", "");
        });

    private static Gen<string[][]> Table(char separator, bool lineBreaks = true) =>
        Gen.Int[2, 6].SelectMany(width => Field(separator, lineBreaks).Array[width].Array[2, 12]);

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"") + "\"";

    private static string Write(string[][] table, char separator, bool quoteAll) =>
        string.Concat(table.Select(row => string.Join(separator, row.Select(f =>
            quoteAll || f.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? Quote(f) : f)) + "\r\n"));

    private static string[][] Expected(string[][] table) =>
        table.Select(r => GridText.Row(r.Select(Cell.FromText).ToArray())).ToArray();

    [Fact]
    public void A_table_written_in_any_encoding_and_separator_reads_back_as_the_table()
    {
        var encodings = new[] { "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "windows-1252" };
        Gen.Select(Gen.OneOf(Separators), Gen.Bool, Gen.OneOf(encodings))
            .SelectMany(t => Table(t.Item1).Select(table => (Separator: t.Item1, QuoteAll: t.Item2, Encoding: t.Item3, Table: table)))
            .Sample(c =>
            {
                var text = Write(c.Table, c.Separator, c.QuoteAll);
                // Only blanks and separators is an empty file, refused as such (another test says so).
                if (text.All(ch => char.IsWhiteSpace(ch) || ch == c.Separator)) return;
                var encoding = c.Encoding;
                // Windows-1252 only for text it can hold, and whose bytes are not valid UTF-8 as well (such a file is
                // UTF-8 by the documented rule, and another test says so).
                if (encoding == "windows-1252")
                {
                    var cp = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
                    try { if (System.Text.Unicode.Utf8.IsValid(cp.GetBytes(text))) encoding = "utf-8"; }
                    catch (EncoderFallbackException) { encoding = "utf-8"; }
                }
                var result = DelimitedFile.Read(DelimitedFileEncodingTests.Encode(text, encoding), "r.csv");
                Assert.True(result.IsRead, result.Refusal?.Message);
                Assert.Equal(c.Separator, result.Separator);
                GridText.Equal(Expected(c.Table), result.Sheet!);
            }, iter: 3_000);
    }

    /// <summary>
    /// BigBlueButton's shape: an unquoted header, every value quoted (its moderator flag among them: a value that needs
    /// no quotes, which is how the sheet shows its writer quotes everything). A French Excel shows each line whole in
    /// column A, decoded as Windows-1252; made readable, it is the file. The first field holds no quote, the others no
    /// line break (Excel would cut the line there: the file itself is the only way to read those).
    /// </summary>
    [Fact]
    public void What_a_french_excel_shows_of_a_quoted_comma_file_made_readable_is_the_file()
    {
        var header = Gen.OneOf("Nom", "Rejoindre", "Quitté", "Duration", "Êtes-vous prêts ?").Array[1, 5];
        Gen.Select(header, Gen.Int[1, 10], Gen.Int[0, 1_000_000])
            .SelectMany(h => Gen.Select(
                Field(',', lineBreaks: false).Select(f => f.Replace("\"", "")).Select(f => f.Length == 0 ? "Anonyme" : f),
                Gen.Bool,
                Field(',', lineBreaks: false).Array[h.Item1.Length - 1]).Array[h.Item2]
                .Select(rows => (Header: (string[])[h.Item1[0], "Modérateur", .. h.Item1[1..]],
                    Rows: rows.Select(r => (string[])[r.Item1, r.Item2 ? "TRUE" : "FALSE", .. r.Item3]).ToArray())))
            .Sample(c =>
            {
                var text = string.Join(',', c.Header) + "\r\n"
                    + string.Concat(c.Rows.Select(r => string.Join(',', r.Select(Quote)) + "\r\n"));
                var bytes = new UTF8Encoding(false).GetBytes(text);
                var file = DelimitedFile.Read(bytes, "séance.csv").Sheet!;
                var shown = ExcelOpensCsv.Open(bytes, "séance.csv", ExcelLocale.French);
                var readable = ShownWorkbook.MakeReadable(shown).Workbook.Sheets[0];
                Assert.Equal(file.Name, readable.Name);
                try { GridText.Equal(GridText.Rows(file), readable); }
                catch (Exception e) { throw new Exception($"{e.Message}\nFile: {Escaped(text)}", e); }
                Assert.Null(ShownWorkbook.MakeReadable(readable).Repair); // once is enough
            }, iter: 3_000);
    }

    [Fact]
    public void Any_text_read_wrongly_is_repaired_to_itself()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        Gen.Frequency((3, Gen.OneOf(Pieces).Array[1, 8].Select(string.Concat)), (1, Gen.String[1, 30]))
            .Where(Mojibake.HasNonAscii)
            .Where(s => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)) == s) // no lone surrogate
            .Sample(s =>
            {
                Assert.True(Mojibake.TryRepair(windows1252.GetString(Encoding.UTF8.GetBytes(s)), out var repaired));
                Assert.Equal(s, repaired);
            }, iter: 20_000);
    }

    // Running French text: lower-case words, some with a capital first letter, typographic spaces before ? ! : ;.
    // An apostrophe follows a consonant (l’, d’). Œ, œ and Ÿ (bytes a UTF-8 sequence can continue with) come in
    // words, where French has them: at the start or after a plain letter (cœur, Œuvre, L'HAŸ).
    private static readonly Gen<string> FrenchWord = Gen.Frequency(
        (4, Gen.OneOf("a", "e", "r", "t", "n", "s", "é", "è", "ê", "à", "â", "ç", "ô", "î", "ï", "ù", "û", "ë", "ÿ").Array[1, 10].Select(string.Concat)),
        (1, Gen.Select(Gen.OneOf("É", "È", "À", "Ç", "Ô", "Ê", "L", "M"), Gen.OneOf("a", "e", "l", "é", "è", "o").Array[1, 8])
            .Select(t => t.Item1 + string.Concat(t.Item2))),
        (1, Gen.OneOf("cœur", "Œuvre", "L'HAŸ", "Hélène", "Noël", "naïf", "où", "çà", "Modérateur", "prêts", "Quitté")));

    // Guillemets come in pairs, « word », as French writes a quotation.
    private static readonly Gen<string> FrenchText = Gen.Select(FrenchWord,
            Gen.Select(Gen.OneOf(" ", "-", " l'", " d’", ", ", ". ", "\u00A0: ", "\u00A0?", "\u00A0!", " (", ") "), FrenchWord, Gen.Bool).Array[0, 6])
        .Select(t => t.Item1 + string.Concat(t.Item2.Select(p => p.Item1 + (p.Item3 ? $"« {p.Item2}\u00A0»" : p.Item2))));

    /// <summary>Running French text is never taken for a wrong reading, text by text.</summary>
    [Fact]
    public void French_text_is_never_repaired()
    {
        FrenchText.Where(Mojibake.HasNonAscii)
            .Sample(text => Assert.False(Mojibake.TryRepair(text, out _), Escaped(text)), iter: 20_000);
    }

    /// <summary>
    /// Capitals before a typographic space ("OÙ ?", "ALLÔ !") do read as UTF-8 (D9 A0, D4 A0), and so does a closing
    /// guillemet alone after an accented letter ("café »"): there the text rule alone would be wrong, and the sheet's
    /// other accented texts outvote it. A sheet of French texts where such texts are fewer than the others is never
    /// repaired (a sheet made mostly of them would be: the rule is a vote, and says so).
    /// </summary>
    [Fact]
    public void A_sheet_of_french_text_capitals_included_is_never_repaired()
    {
        Assert.True(Mojibake.IsRepairable("OÙ\u00A0?"));
        Assert.True(Mojibake.IsRepairable("ALLÔ\u00A0!"));
        Assert.True(Mojibake.IsRepairable("café\u00A0»"));
        string[] capitalShapes = ["OÙ\u00A0?", "ALLÔ\u00A0!", "CAFÉ\u00A0!", "café\u00A0»"];
        var capitals = Gen.OneOf([.. capitalShapes, "LEFÈVRE", "ÉLODIE"]);
        var text = Gen.Frequency((5, FrenchText), (1, capitals));
        text.Array[2].Array[3, 12]
            .Where(rows => rows.SelectMany(r => r).Count(Mojibake.HasNonAscii) >= 4
                && rows.SelectMany(r => r).Count(t => capitalShapes.Contains(t)) * 2 < rows.SelectMany(r => r).Count(Mojibake.HasNonAscii))
            .Sample(rows =>
            {
                var sheet = new SheetGrid("r", rows.Select(r => (IReadOnlyList<Cell>)r.Select(Cell.FromText).ToArray()).ToList());
                Assert.Null(MojibakeSheet.Repair(sheet, out _));
            }, iter: 5_000);
    }

    [Fact]
    public void Fuzzed_bytes_never_throw_and_always_give_a_grid_or_a_reason()
    {
        var samples = new[] { PlatformFiles.BbbSample, PlatformFiles.TeamsSample, PlatformFiles.ZoomSample, PlatformFiles.BbbVariant }
            .Select(PlatformFiles.Bytes).ToArray();
        var mutation = Gen.Select(Gen.Int[0, 1 << 20], Gen.Byte, Gen.Int[0, 3]);
        Gen.Select(Gen.Int[0, samples.Length], mutation.Array[0, 12], Gen.Byte.Array[0, 64])
            .Sample(c =>
            {
                var bytes = c.Item1 == samples.Length ? c.Item3 : (byte[])samples[c.Item1].Clone();
                foreach (var (at, value, kind) in c.Item2)
                {
                    if (bytes.Length == 0) break;
                    var i = at % bytes.Length;
                    bytes = kind switch
                    {
                        0 => bytes.Take(i).Append(value).Concat(bytes.Skip(i)).ToArray(),
                        1 => bytes.Take(i).Concat(bytes.Skip(i + 1)).ToArray(),
                        2 => bytes.Take(i).Append((byte)'"').Concat(bytes.Skip(i)).ToArray(),
                        _ => Set(bytes, i, value),
                    };
                }
                var result = DelimitedFile.Read(bytes, "fuzz.csv", new DelimitedFileLimits(MaxCellLength: 2_000));
                Assert.True(result.IsRead ^ result.Refusal is not null);
                if (result.IsRead)
                {
                    var readable = ShownWorkbook.MakeReadable(result.Workbook);
                    Assert.Equal(result.Sheet!.Rows.Count, readable.Workbook.Sheets[0].Rows.Count);
                }
                else
                    Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Message));
            }, iter: 3_000);
    }

    private static string Escaped(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    private static byte[] Set(byte[] bytes, int i, byte value)
    {
        bytes[i] = value;
        return bytes;
    }

    /// <summary>
    /// Any grid, however strange (separators of every kind mixed, lone quotes, numbers): never an exception, the same
    /// rows at the same place. (That a second pass changes nothing is checked on what exports give, above and in
    /// <see cref="ShownWorkbookTests"/>: on such a mix of separators it cannot be promised.)
    /// </summary>
    [Fact]
    public void Any_shown_grid_made_readable_keeps_its_rows()
    {
        var cell = Gen.Frequency(
            (6, Gen.OneOf(Pieces).Array[0, 6].Select(string.Concat).Select(Cell.FromText)),
            (1, Gen.Double[-10, 50_000].Select(Cell.FromNumber)),
            (1, Gen.Bool.Select(Cell.FromBoolean)),
            (1, Gen.Const(Cell.Empty)));
        var row = Gen.Frequency((3, cell.Array[1]), (1, cell.Array[0, 5]));
        Gen.Select(row.Array[0, 15], Gen.Int[1, 5], Gen.Int[1, 3])
            .Sample(c =>
            {
                var sheet = new SheetGrid("r", c.Item1.Select(r => (IReadOnlyList<Cell>)r).ToList(), c.Item2, c.Item3);
                var (readable, repair) = ShownWorkbook.MakeReadable(sheet);
                Assert.Equal(sheet.Rows.Count, readable.Rows.Count);
                Assert.Equal(sheet.FirstRow, readable.FirstRow);
                Assert.Equal(sheet.Name, readable.Name);
                if (repair is null) Assert.Same(sheet, readable);
            }, iter: 10_000);
    }

}
