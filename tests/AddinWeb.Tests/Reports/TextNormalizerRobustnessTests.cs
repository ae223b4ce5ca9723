using System.Text;
using AddinWeb.Reports.Text;
using CsCheck;

namespace AddinWeb.Tests.Reports;

/// <summary>
/// The normaliser survives any string: lone surrogates (Excel's escape _xD800_ decoded, or a half of an emoji cut
/// off), control characters, unassigned code points, long texts. The attack run got a 500 from it on an upload.
/// </summary>
public sealed class TextNormalizerRobustnessTests
{
    private static void AllKeys(string text)
    {
        TextNormalizer.Key(text);
        TextNormalizer.HeaderKey(text);
        TextNormalizer.PersonKey(text);
        TextNormalizer.EmailKey(text);
        TextNormalizer.CollapseSpaces(text);
        TextNormalizer.PersonWords(text);
        Span<char> buffer = stackalloc char[TextNormalizer.StackChars];
        TextNormalizer.TryWriteKey(text, buffer, out _);
        TextNormalizer.TryWriteHeaderKey(text, buffer, out _);
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("Nom\uD800 de l'utilisateur")]
    [InlineData("\uDC00é")]
    [InlineData("é\uD83D")]
    [InlineData("\uD83D\uDE00\uDE00")]
    public void Lone_surrogates_give_keys(string text)
    {
        AllKeys(text);
        AllKeys(text + new string('é', 300)); // past the stack buffers, through ICU
        Assert.Equal(TextNormalizer.Key(text.Replace('\uD800', '\uFFFD')), TextNormalizer.Key(text));
    }

    [Fact]
    public void Any_string_gives_keys()
    {
        Gen.Char.Array[0, 400].Select(c => new string(c)).Sample(AllKeys, iter: 2000);
        Gen.Int[0, 0x10FFFF].Array[0, 60].Select(points => string.Concat(points.Select(p =>
            p is >= 0xD800 and <= 0xDFFF ? ((char)p).ToString() : char.ConvertFromUtf32(p)))).Sample(AllKeys, iter: 1000);
    }

    [Fact]
    public void A_lone_surrogate_is_found_and_a_pair_is_not()
    {
        Assert.True(TextNormalizer.HasLoneSurrogate("a\uD800b"));
        Assert.True(TextNormalizer.HasLoneSurrogate("\uDE00"));
        Assert.False(TextNormalizer.HasLoneSurrogate("😀 é"));
        Assert.Equal("a\uFFFDb", TextNormalizer.Normalized("a\uD800b", NormalizationForm.FormC));
    }
}
