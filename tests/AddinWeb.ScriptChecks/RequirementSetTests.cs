using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AddinWeb.ScriptChecks;

/// <summary>
/// The pane runs on every Excel the manifest admits: each Office.js member it uses is in the manifest's ExcelApi
/// requirement set, as @types/office-js annotates the member ("[Api set: ExcelApi 1.9]"), or sits behind a check of
/// the set it needs (<c>Office.context.requirements.isSetSupported("ExcelApi", "1.12")</c>) with a fallback.
/// </summary>
public sealed partial class RequirementSetTests
{
    private static string ManifestVersion()
    {
        var manifest = XDocument.Load(Path.Combine(ScriptTools.Repository, "Manifest", "manifest.xml"));
        var versions = manifest.Descendants().Where(e => e.Name.LocalName == "Set" && (string?)e.Attribute("Name") == "ExcelApi")
            .Select(e => (string)e.Attribute("MinVersion")!).Distinct().ToList();
        return Assert.Single(versions); // the add-in's and the ribbon's requirements say the same
    }

    private static JsonElement UsesAbove(string required, params string[] files)
    {
        string[] arguments = [Path.Combine(ScriptTools.Directory, "api-sets.mjs"), "--project", Path.Combine(ScriptTools.Directory, "tsconfig.json"), "--required", required];
        if (files.Length > 0) arguments = [.. arguments, "--files", .. files];
        var (exitCode, output) = ScriptTools.Node(arguments);
        Assert.True(exitCode == 0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    private static List<string> Unguarded(JsonElement result) =>
        [.. result.GetProperty("findings").EnumerateArray().Where(f => !f.GetProperty("guarded").GetBoolean())
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line")} {f.GetProperty("member").GetString()} ({f.GetProperty("apiSet").GetString()})")];

    [Fact]
    public void Every_member_the_pane_uses_is_in_the_manifest_requirement_set_or_guarded()
    {
        var result = UsesAbove(ManifestVersion());

        var unguarded = Unguarded(result);
        Assert.True(unguarded.Count == 0, "Office.js members above the manifest's ExcelApi " + ManifestVersion()
            + ", used without an isSetSupported check:\n" + string.Join("\n", unguarded));
        // The check saw the pane's Office.js use, not nothing: the sheet writes, the reads, the events.
        var members = result.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("member").GetString()).ToList();
        Assert.Contains("Range.values", members);
        Assert.Contains("PageLayout.setPrintTitleRows", members);
        Assert.Contains("WorksheetCollection.onChanged", members);
        Assert.Contains("WorksheetCollection.getItemOrNullObject", members);
    }

    [Fact]
    public void The_pane_checks_the_manifest_requirement_set_before_it_starts()
    {
        var pane = File.ReadAllText(Path.Combine(ScriptTools.Repository, "AddinWeb", "wwwroot", "taskpane", "taskpane.js"));

        var declared = RequiredSet().Match(pane);
        Assert.True(declared.Success, "taskpane.js declares REQUIRED_SET");
        Assert.Equal(("ExcelApi", ManifestVersion()), (declared.Groups["name"].Value, declared.Groups["version"].Value));
        Assert.Contains("isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version)", pane);
    }

    [Fact]
    public void The_check_catches_a_newer_member_used_without_a_check_of_its_set()
    {
        var probe = Probe("""
            /** @param {Excel.RequestContext} context */
            export async function probe(context) {
              const range = context.workbook.worksheets.getItem("Sommaire").getRange("A1:B2");
              const merged = range.getMergedAreasOrNullObject();
              range.load("numberFormatCategories");
              if (Office.context.requirements.isSetSupported("ExcelApi", "1.10")) range.getMergedAreasOrNullObject();
              if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) range.getMergedAreasOrNullObject();
              else range.load("address");
              const later = Office.context.requirements.isSetSupported("ExcelApi", "1.13") ? range.getMergedAreasOrNullObject() : null;
              await context.sync();
              return [merged, later];
            }
            """);
        try
        {
            var findings = UsesAbove("1.9", probe).GetProperty("findings").EnumerateArray()
                .Select(f => (Line: f.GetProperty("line").GetInt32(), Member: f.GetProperty("member").GetString(), Set: f.GetProperty("apiSet").GetString(), Guarded: f.GetProperty("guarded").GetBoolean()))
                .ToList();

            Assert.Equal(
            [
                (4, "Range.getMergedAreasOrNullObject", "ExcelApi 1.13", false),
                (5, "Range.numberFormatCategories", "ExcelApi 1.12", false), // named in load()
                (6, "Range.getMergedAreasOrNullObject", "ExcelApi 1.13", false), // checked, but for a lower set
                (7, "Range.getMergedAreasOrNullObject", "ExcelApi 1.13", true),
                (9, "Range.getMergedAreasOrNullObject", "ExcelApi 1.13", true),
            ], findings);
        }
        finally
        {
            File.Delete(probe);
        }
    }

    [Fact]
    public void The_same_members_are_fine_when_the_manifest_asks_for_their_set()
    {
        var probe = Probe("""
            /** @param {Excel.Range} range */
            export function probe(range) {
              return range.getMergedAreasOrNullObject();
            }
            """);
        try
        {
            Assert.Empty(Unguarded(UsesAbove("1.13", probe)));
            Assert.Single(Unguarded(UsesAbove("1.12", probe)));
        }
        finally
        {
            File.Delete(probe);
        }
    }

    /// <summary>
    /// A script checked with the pane's settings and types, kept out of the pane's folder (the other checks list it).
    /// </summary>
    private static string Probe(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"api-set-probe-{Guid.NewGuid():N}.js");
        File.WriteAllText(path, text);
        return path;
    }

    [GeneratedRegex("""const REQUIRED_SET = \{ name: "(?<name>\w+)", version: "(?<version>[\d.]+)" \};""")]
    private static partial Regex RequiredSet();
}
