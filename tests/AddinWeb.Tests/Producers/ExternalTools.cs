using System.Diagnostics;
using System.Text.Json;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Excel;

namespace AddinWeb.Tests.Producers;

/// <summary>
/// The third-party programs the producer matrix writes and checks workbooks with: Debian's python3 with openpyxl
/// and xlsxwriter (python3-openpyxl, python3-xlsxwriter, python3-pil), LibreOffice (libreoffice-calc-nogui) and
/// poppler's pdftotext/pdfinfo (poppler-utils), all installed by .ci/run. Each run is bounded in time; a missing
/// program fails the test with what to install.
/// </summary>
public static class ExternalTools
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The report's cells written by <paramref name="tool"/> ("openpyxl" or "xlsxwriter") with extra features.</summary>
    public static byte[] WriteWithPython(string tool, WorkbookGrid grid, params string[] features)
    {
        using var folder = new TemporaryFolder();
        var output = Path.Combine(folder.Path, "report.xlsx");
        var spec = Path.Combine(folder.Path, "spec.json");
        File.WriteAllText(spec, JsonSerializer.Serialize(new
        {
            tool,
            output,
            features,
            sheets = grid.Sheets.Select(s => new { name = s.Name, firstRow = s.FirstRow, firstColumn = s.FirstColumn, rows = s.Rows.Select(r => r.Select(Json)) }),
        }));
        Run(Python, [SeedWorkbook.RepositoryPath("tests", "AddinWeb.Tests", "Producers", "write_report.py"), spec],
            $"apt-get install python3-openpyxl python3-xlsxwriter python3-pil (for {tool})");
        return File.ReadAllBytes(output);
    }

    private static object? Json(Cell cell) => cell.Kind switch
    {
        CellKind.Text => cell.Text,
        CellKind.Number => cell.Number,
        CellKind.Boolean => cell.Boolean,
        CellKind.DateTime => new { date = cell.DateTime.ToString("yyyy-MM-ddTHH:mm:ss") },
        _ => null,
    };

    /// <summary>Each workbook opened and saved again as .xlsx by LibreOffice (one LibreOffice run for all).</summary>
    public static IReadOnlyList<byte[]> SaveWithLibreOffice(IReadOnlyList<byte[]> workbooks) =>
        ConvertWithLibreOffice(workbooks, "xlsx:Calc MS Excel 2007 XML", "xlsx");

    /// <summary>Each workbook printed to PDF by LibreOffice (one LibreOffice run for all).</summary>
    public static IReadOnlyList<byte[]> PrintWithLibreOffice(IReadOnlyList<byte[]> workbooks) =>
        ConvertWithLibreOffice(workbooks, "pdf", "pdf");

    private static IReadOnlyList<byte[]> ConvertWithLibreOffice(IReadOnlyList<byte[]> workbooks, string filter, string extension)
    {
        using var folder = new TemporaryFolder();
        var inputs = Directory.CreateDirectory(Path.Combine(folder.Path, "in")).FullName;
        var outputs = Directory.CreateDirectory(Path.Combine(folder.Path, "out")).FullName;
        var names = workbooks.Select((bytes, i) =>
        {
            var path = Path.Combine(inputs, $"workbook{i}.xlsx");
            File.WriteAllBytes(path, bytes);
            return path;
        }).ToList();
        // A profile of its own: LibreOffice refuses to run twice on one profile (tests run in parallel).
        Run("soffice", ["--headless", "--norestore", $"-env:UserInstallation=file://{folder.Path}/profile",
                "--convert-to", filter, "--outdir", outputs, .. names],
            "apt-get install libreoffice-calc-nogui");
        return names.Select(n =>
        {
            var converted = Path.Combine(outputs, Path.GetFileNameWithoutExtension(n) + "." + extension);
            return File.Exists(converted)
                ? File.ReadAllBytes(converted)
                : throw new Xunit.Sdk.XunitException($"LibreOffice did not convert {Path.GetFileName(n)} to {extension}.");
        }).ToList();
    }

    /// <summary>The text of each page of a PDF (pdftotext, layout kept).</summary>
    public static IReadOnlyList<string> PdfPages(byte[] pdf)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "print.pdf");
        File.WriteAllBytes(path, pdf);
        var text = Run("pdftotext", ["-layout", path, "-"], "apt-get install poppler-utils");
        return text.Split('\f').SkipLast(1).ToList();
    }

    /// <summary>Width and height in points of each page (pdfinfo).</summary>
    public static IReadOnlyList<(double Width, double Height)> PdfPageSizes(byte[] pdf)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "print.pdf");
        File.WriteAllBytes(path, pdf);
        var info = Run("pdfinfo", ["-f", "1", "-l", "9999", path], "apt-get install poppler-utils");
        return info.Split('\n').Where(l => l.StartsWith("Page") && l.Contains(" size:"))
            .Select(l => l[(l.IndexOf("size:", StringComparison.Ordinal) + 5)..].Trim().Split(' '))
            .Select(p => (double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static string Run(string program, IReadOnlyList<string> arguments, string install)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Xunit.Sdk.XunitException($"{program} is not installed: {install}.");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException($"{program} did not finish within {Timeout.TotalMinutes} minutes.");
            }
            if (process.ExitCode != 0)
                throw new Xunit.Sdk.XunitException($"{program} failed ({process.ExitCode}); if it is missing: {install}.\n{error.Result}");
            return output.Result;
        }
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("emargement-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
