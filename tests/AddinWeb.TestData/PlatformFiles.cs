using System.Text;
using AddinWeb.Excel;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Tests.Seed;

/// <summary>
/// The platforms' export files as the trainer has them (synthetic people), embedded from <c>Platforms/</c>:
/// <list type="bullet">
/// <item><c>bbb-learning-dashboard-fr.csv</c>, <c>teams-attendance-en.csv</c>, <c>zoom-participants-en.csv</c>: the
/// samples of <c>shared/platforms</c>, byte for byte;</item>
/// <item><c>bbb-variant-fr.csv</c>: a BigBlueButton export over two days (a first number over 12), a name with a
/// comma, an upper-case "Ï" (a byte Windows-1252 leaves undefined once read as UTF-8), a poll question with a comma
/// in the unquoted header and an answer with a ';';</item>
/// <item><c>zoom-variant-en.csv</c>: a Zoom export with a meeting header, a topic and a name with commas, dates that
/// prove month first, one date whose day is 3 December, a guest without email;</item>
/// <item><c>shown/*.xlsx</c>: those files as LibreOffice Calc shows them with the import options of a French, an
/// American or a British Excel (<c>Platforms/make-shown.sh</c> says which): whole lines in column A with mojibake, or
/// split cells with dates, clocks and flags turned into values by that locale.</item>
/// </list>
/// </summary>
public static class PlatformFiles
{
    public const string BbbSample = "bbb-learning-dashboard-fr.csv";
    public const string TeamsSample = "teams-attendance-en.csv";
    public const string ZoomSample = "zoom-participants-en.csv";
    public const string BbbVariant = "bbb-variant-fr.csv";
    public const string ZoomVariant = "zoom-variant-en.csv";

    public static byte[] Bytes(string name)
    {
        using var stream = typeof(PlatformFiles).Assembly.GetManifestResourceStream("Platforms/" + name)
            ?? throw new FileNotFoundException($"No embedded platform file '{name}'.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A shown workbook (<c>shown/{name}.xlsx</c>) as the task pane would send it, read by the upload's own reader.</summary>
    public static WorkbookGrid Shown(string name)
    {
        using var package = SpreadsheetPackage.Open(Bytes($"shown/{name}.xlsx"));
        return SpreadsheetGridReader.Read(package, new GridReadLimits(64, 250_000, 512, 32_767));
    }

    /// <summary>The text of a UTF-8 file (the samples and variants but Teams').</summary>
    public static string Utf8Text(string name) => new UTF8Encoding(false).GetString(Bytes(name));
}
