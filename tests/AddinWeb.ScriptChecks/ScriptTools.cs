using System.Diagnostics;
using System.Reflection;

namespace AddinWeb.ScriptChecks;

/// <summary>Runs the npm tools of this project (TypeScript, ESLint) with Node.js, from the repository root.</summary>
public static class ScriptTools
{
    public static string Directory { get; } =
        typeof(ScriptTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ScriptChecksDirectory").Value!;

    public static string Repository { get; } = Path.GetFullPath(Path.Combine(Directory, "..", ".."));

    public static string Tool(params string[] parts) => Path.Combine([Directory, "node_modules", .. parts]);

    /// <summary>The pane's and the upload page's scripts, as the page serves them.</summary>
    public static IReadOnlyList<string> Scripts() =>
    [
        .. System.IO.Directory.GetFiles(Path.Combine(Repository, "AddinWeb", "wwwroot", "taskpane"), "*.js"),
        .. System.IO.Directory.GetFiles(Path.Combine(Repository, "AddinWeb", "wwwroot", "site"), "*.js"),
    ];

    public static (int ExitCode, string Output) Node(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
