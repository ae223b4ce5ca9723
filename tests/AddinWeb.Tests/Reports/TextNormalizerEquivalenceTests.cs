using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;
using AddinWeb.Reports.Via;
using AddinWeb.Reports;
using CsCheck;

namespace AddinWeb.Tests.Reports;

/// <summary>
/// The keys are computed without allocating on the hot path (stack buffers, words sorted in place, clean text
/// handed back as it is); they must stay exactly what the plain string versions below give, for any text.
/// </summary>
public class TextNormalizerEquivalenceTests
{
    /// <summary>Pieces real exports and typing mistakes mix: accents both ways, ligatures, every kind of space.</summary>
    private static readonly string[] Pieces =
    [
        "a", "Z", "é", "e\u0301", "È", "œ", "Œ", "æ", "Æ", "ß", "ǅ", "Ω\u0301", "\u1F82", "\uAC00", "K", "\u212A", "0", "7", " ",
        "  ", "\u00A0", "\u202F", "\u2009", "\u2000", "\u200B", "\t", "\n", "'", "’", "`", "-", "–", "−", ".", "_", "/", ":",
        "(", ")", ",", "@", "\ud83d\ude00", "\u0300", "total", "Total", "TOTAL", "Ťotal", "Nom", "de", "l'utilisateur", "Email",
    ];

    private static readonly Gen<string> AwkwardText = Gen.Frequency(
        (6, Gen.OneOf(Pieces).Array[0, 12].Select(string.Concat)),
        (1, Gen.OneOf(Pieces).Array[100, 300].Select(string.Concat)),   // past the stack buffers
        (1, Gen.OneOf("a ", "b,", "c-").Array[60, 90].Select(string.Concat)), // more words than the stack holds
        (2, Gen.String[0, 30]),
        (1, Gen.Char.Array[0, 20].Select(c => new string(c))),
        (2, Gen.Char['\u0000', '\u0180'].Array[0, 20].Select(c => new string(c))),     // ASCII and Latin-1/Extended-A
        (1, Gen.Char['\u0000', '\u0400'].Array[0, 20].Select(c => new string(c))));    // with combining marks and Greek

    [Fact]
    public void PersonKey_is_the_sorted_words_joined()
    {
        AwkwardText.Sample(text =>
        {
            var words = TextNormalizer.PersonWords(text);
            words.Sort(StringComparer.Ordinal);
            return TextNormalizer.PersonKey(text) == string.Join(' ', words);
        }, iter: 40_000);
    }

    [Fact]
    public void Key_HeaderKey_and_CollapseSpaces_are_the_plain_versions()
    {
        Span<char> buffer = stackalloc char[TextNormalizer.StackChars];
        foreach (var text in AwkwardText.Array[20_000].Single())
        {
            Assert.Equal(PlainKey(text), TextNormalizer.Key(text));
            Assert.Equal(PlainHeaderKey(text), TextNormalizer.HeaderKey(text));
            Assert.Equal(PlainCollapse(text), TextNormalizer.CollapseSpaces(text));
            Assert.Equal(PlainCollapse(text) == text, TextNormalizer.IsCollapsed(text));
            if (TextNormalizer.TryWriteKey(text, buffer, out var written))
                Assert.Equal(PlainKey(text), new string(buffer[..written]));
            if (TextNormalizer.TryWriteHeaderKey(text, buffer, out written))
                Assert.Equal(PlainHeaderKey(text), new string(buffer[..written]));
        }
    }

    /// <summary>The reader skips computing keys for names that cannot be "Total": it must find every total all the same.</summary>
    [Fact]
    public void A_name_cell_is_a_total_row_exactly_when_its_key_reads_total()
    {
        var totalLike = Gen.Select(Gen.OneOf("", " ", "\u00A0", "\u200B", "\u2000", "\t"),
                Gen.OneOf("total", "Total", "TOTAL", "Ťotal", "Totaux", "totales", "Totale", "total général", "TOTAL GENERAL",
                    "Tota", "tot al", "Théo", "Prénom NOM", "\u0300total", "ťotal"),
                Gen.OneOf("", " ", ":", " :", "\u00A0:", "s", "\u0301"))
            .Select((before, word, after) => before + word + after);
        var texts = Gen.Select(Gen.Frequency((3, totalLike), (1, AwkwardText)), Gen.Bool);
        var header = new HeaderMatch(0, new Dictionary<ViaColumn, int>
        {
            [ViaColumn.Name] = 1, [ViaColumn.Email] = 2, [ViaColumn.Start] = 3, [ViaColumn.End] = 4,
        });

        texts.Sample((text, inFirstColumn) =>
        {
            // The label in the name column, or (name left blank) in the first text cell of the row.
            IReadOnlyList<Cell> row = inFirstColumn
                ? [Cell.FromText(text), Cell.Empty, Cell.FromText("x@y.fr"), Cell.FromNumber(44145.6), Cell.FromNumber(44145.7)]
                : [Cell.Empty, Cell.FromText(text), Cell.FromText("x@y.fr"), Cell.FromNumber(44145.6), Cell.FromNumber(44145.7)];
            var reader = new ViaTableReader(new SheetGrid("Temps de connexion en présence", [[], row]), header, []);
            reader.ReadPresence();
            var expected = Regex.IsMatch(PlainKey(text).TrimEnd(' ', ':'), @"^total(?:e|es|ux)?(?:\s+general)?$");
            return reader.Totals.Count == (expected ? 1 : 0);
        }, iter: 5000);
    }

    private static string PlainKey(string text)
    {
        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var raw in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(raw) || raw == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(raw switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' or '\u2032' => "'",
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                _ => char.ToLowerInvariant(raw).ToString(),
            });
        }
        return builder.ToString();
    }

    private static string PlainHeaderKey(string text)
    {
        var key = PlainKey(text).TrimEnd(' ', ':');
        if (key.EndsWith(')') && key.LastIndexOf('(') is var open and > 0)
            key = key[..open].TrimEnd(' ', ':');
        return PlainCollapse(new string(key.Select(c => c is '\'' or '-' or '.' or '_' or '/' ? ' ' : c).ToArray()));
    }

    private static string PlainCollapse(string text) => FingerprintReference.CollapseSpaces(text);
}
