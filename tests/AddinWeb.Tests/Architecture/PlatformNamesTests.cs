using System.Text.RegularExpressions;
using AddinWeb.Tests.Excel;

namespace AddinWeb.Tests.Architecture;

/// <summary>
/// Issue 9's seam: a platform is one folder under <c>AddinWeb/Reports/</c> and its registration, so no code or text
/// elsewhere names a platform or one of its sheets; the sheet, the answers and the pages get the platform's name from
/// the source. Comments may give a platform as an example (they explain, they do not decide), so comment lines are
/// not read. What a platform folder is, is read from the disk: a folder of <c>Reports/</c> with an
/// <c>IReportSource</c> in it.
/// </summary>
public sealed partial class PlatformNamesTests
{
    /// <summary>Names users know the platforms by, and the sheet names of Via's workbook.</summary>
    private static readonly string[] PlatformWords =
        ["Ma cl@sse virtuelle", "Via", "BigBlueButton", "BBB", "Teams", "Zoom", "Sommaire", "Temps de connexion en présence"];

    /// <summary>The one file allowed to name every source: the registration.</summary>
    private const string Registration = "Analysis/AnalysisServices.cs";

    private static readonly string Root = SeedWorkbook.RepositoryPath("AddinWeb");

    private static IEnumerable<string> PlatformFolders() =>
        Directory.GetDirectories(Path.Combine(Root, "Reports"))
            .Where(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories)
                .Any(f => SourceDeclaration().IsMatch(File.ReadAllText(f))));

    [GeneratedRegex(@"class \w+\s*(\([^)]*\))?\s*:\s*([\w<>, ]+,\s*)?IReportSource\b")]
    private static partial Regex SourceDeclaration();

    [Fact]
    public void Every_source_has_its_folder() =>
        Assert.Contains(PlatformFolders(), d => Path.GetFileName(d) == "Via");

    [Fact]
    public void No_code_outside_a_platform_folder_names_a_platform()
    {
        var platformFolders = PlatformFolders().Select(d => d + Path.DirectorySeparatorChar).ToList();
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (relative.StartsWith("bin/") || relative.StartsWith("obj/") || relative == Registration) continue;
            if (platformFolders.Any(file.StartsWith)) continue;
            if (Path.GetExtension(file) is not (".cs" or ".js" or ".html")) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (IsComment(lines[i])) continue;
                foreach (var word in PlatformWords)
                    if (Regex.IsMatch(lines[i], $@"(?<![\w@]){Regex.Escape(word)}(?!\w)"))
                        offences.Add($"{relative}:{i + 1}: {word}");
            }
        }
        Assert.True(offences.Count == 0, "Platform named outside its folder:\n" + string.Join('\n', offences));
    }

    private static bool IsComment(string line)
    {
        var text = line.TrimStart();
        return text.StartsWith("//") || text.StartsWith("/*") || text.StartsWith('*');
    }
}
