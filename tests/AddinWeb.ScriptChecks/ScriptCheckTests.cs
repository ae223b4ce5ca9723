using System.Text.Json;

namespace AddinWeb.ScriptChecks;

/// <summary>
/// The task pane's and the upload page's JavaScript, checked on every test run: TypeScript (checkJs, strict) against
/// Office.js's own declarations (@types/office-js, pinned), and ESLint with eslint-plugin-office-addins' recommended
/// rules. Any finding fails the test, with the findings in its message.
/// </summary>
public sealed class ScriptCheckTests
{
    [Fact]
    public void TypeScript_finds_no_error_against_office_js_types()
    {
        var (exitCode, output) = ScriptTools.Node(ScriptTools.Tool("typescript", "bin", "tsc"),
            "-p", Path.Combine(ScriptTools.Directory, "tsconfig.json"), "--pretty", "false");

        Assert.True(exitCode == 0 && output.Trim().Length == 0, "TypeScript:\n" + output);
    }

    [Fact]
    public void TypeScript_checks_every_script_of_the_pane_and_the_upload_page()
    {
        var (exitCode, output) = ScriptTools.Node(ScriptTools.Tool("typescript", "bin", "tsc"),
            "-p", Path.Combine(ScriptTools.Directory, "tsconfig.json"), "--listFilesOnly");
        Assert.Equal(0, exitCode);
        var checkedFiles = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath).ToHashSet();
        Assert.All(ScriptTools.Scripts(), script => Assert.Contains(Path.GetFullPath(script), checkedFiles));
        Assert.Contains(checkedFiles, f => f.EndsWith(Path.Combine("@types", "office-js", "index.d.ts"), StringComparison.Ordinal));
    }

    [Fact]
    public void TypeScript_catches_a_misused_office_js_member()
    {
        // The check can fail: a value Office.js does not accept, and a property Excel.Range does not have.
        var folder = System.IO.Directory.CreateTempSubdirectory("scriptchecks-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "bad.js"), """
                /** @param {Excel.RequestContext} context */
                export async function bad(context) {
                  const sheet = context.workbook.worksheets.getItem("Sommaire");
                  sheet.visibility = "Hiden";
                  sheet.getRange("A1").valuez = [[1]];
                  await context.sync();
                }
                """);
            File.WriteAllText(Path.Combine(folder.FullName, "tsconfig.json"), JsonSerializer.Serialize(new
            {
                extends = Path.Combine(ScriptTools.Directory, "tsconfig.json"),
                compilerOptions = new { typeRoots = new[] { ScriptTools.Tool("@types") } },
                include = new[] { "bad.js" },
            }));
            var (exitCode, output) = ScriptTools.Node(ScriptTools.Tool("typescript", "bin", "tsc"), "-p", Path.Combine(folder.FullName, "tsconfig.json"), "--pretty", "false");
            Assert.NotEqual(0, exitCode);
            Assert.Contains("\"Hiden\"", output);
            Assert.Contains("valuez", output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Eslint_with_the_office_addins_recommended_rules_finds_nothing()
    {
        var (_, output) = Lint(ScriptTools.Scripts());
        var files = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();

        Assert.Equal(ScriptTools.Scripts().Select(Path.GetFullPath).Order(), files.Select(f => f.GetProperty("filePath").GetString()!).Order());
        var findings = files.SelectMany(f => f.GetProperty("messages").EnumerateArray().Select(m =>
            $"{Path.GetFileName(f.GetProperty("filePath").GetString())}:{m.GetProperty("line")} {m.GetProperty("ruleId")} {m.GetProperty("message").GetString()}")).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Eslint_catches_a_read_before_sync_and_a_null_object_tested_without_isNullObject()
    {
        var probe = Path.Combine(ScriptTools.Repository, "AddinWeb", "wwwroot", "taskpane", $"lint-probe-{Guid.NewGuid():N}.js");
        File.WriteAllText(probe, """
            /** @param {Excel.RequestContext} context */
            export async function probe(context) {
              const range = context.workbook.worksheets.getItem("Sommaire").getRange("A1");
              range.load("values");
              const early = range.values;
              const sheet = context.workbook.worksheets.getItemOrNullObject("X");
              await context.sync();
              if (!sheet) return early;
              return early;
            }
            """);
        try
        {
            var (_, output) = Lint([probe]);
            var rules = JsonDocument.Parse(output).RootElement.EnumerateArray().Single().GetProperty("messages").EnumerateArray()
                .Select(m => m.GetProperty("ruleId").GetString()).ToList();
            Assert.Contains("office-addins/call-sync-before-read", rules);
            Assert.Contains("office-addins/test-for-null-using-isNullObject", rules);
        }
        finally
        {
            File.Delete(probe);
        }
    }

    [Fact]
    public void Every_disabled_lint_rule_says_why()
    {
        foreach (var script in ScriptTools.Scripts())
            foreach (var line in File.ReadLines(script).Where(l => l.Contains("eslint-disable", StringComparison.Ordinal)))
            {
                Assert.Contains(" -- ", line);
                Assert.Contains("office-addins/no-context-sync-in-loop", line); // the only rule the pane sets aside (batches under 5 MB)
            }
    }

    private static (int, string) Lint(IEnumerable<string> files) =>
        ScriptTools.Node([ScriptTools.Tool("eslint", "bin", "eslint.js"), "-c", Path.Combine(ScriptTools.Directory, "eslint.config.mjs"),
            "--format", "json", "--no-warn-ignored", .. files]);
}
