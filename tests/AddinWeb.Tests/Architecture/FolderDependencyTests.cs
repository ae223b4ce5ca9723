using System.Text.RegularExpressions;
using AddinWeb.Tests.Excel;

namespace AddinWeb.Tests.Architecture;

/// <summary>
/// The folders of AddinWeb show the architecture: the pure core (Reports, Attendance, Emargement, Analysis) needs
/// no adapter, Excel holds only the ClosedXML/Open XML adapters, Hosting knows nothing of the features, and no
/// adapter folder needs itself through others (Api → Excel → Hosting → Api was a cycle). Read from the sources: every
/// <c>AddinWeb.X</c> a file of a folder names.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly string[] Folders = Directory.GetDirectories(SeedWorkbook.RepositoryPath("AddinWeb"))
        .Select(Path.GetFileName).OfType<string>()
        .Where(f => f is not ("bin" or "obj" or "wwwroot" or "Properties")).ToArray();

    private static Dictionary<string, HashSet<string>> Graph()
    {
        var root = SeedWorkbook.RepositoryPath("AddinWeb");
        return Folders.ToDictionary(f => f, f => Directory.EnumerateFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => Reference().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Where(d => d != f && Folders.Contains(d))
            .ToHashSet());
    }

    [GeneratedRegex(@"\bAddinWeb\.(\w+)")]
    private static partial Regex Reference();

    /// <summary>
    /// No cycle through an adapter folder (issue 10's Api → Excel → Hosting → Api). The core's own folders are left to
    /// their owners: Emargement and Convocation need each other since the convened list came (noted on issue 10).
    /// </summary>
    [Fact]
    public void No_adapter_folder_needs_itself()
    {
        var graph = Graph();
        foreach (var start in new[] { "Addin", "Api", "Excel", "Hosting", "Upload" })
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>(graph[start]);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                Assert.False(next == start, $"{start} needs itself through {string.Join(", ", seen)}");
                if (seen.Add(next)) foreach (var d in graph[next]) stack.Push(d);
            }
        }
    }

    [Theory]
    [InlineData("Reports")]
    [InlineData("Attendance")]
    [InlineData("Emargement")]
    [InlineData("Analysis")]
    public void The_core_needs_no_adapter(string core) =>
        Assert.Empty(Graph()[core].Intersect(["Api", "Excel", "Hosting", "Upload", "Addin"]));

    [Fact]
    public void Excel_and_hosting_know_nothing_of_the_features()
    {
        var graph = Graph();
        Assert.Empty(graph["Excel"].Intersect(["Api", "Hosting", "Upload", "Analysis"]));
        Assert.Empty(graph["Hosting"].Intersect(["Api", "Excel", "Upload", "Analysis"]));
    }
}
