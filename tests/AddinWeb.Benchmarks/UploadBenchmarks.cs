using AddinWeb.Upload;
using System.Text;
using AddinWeb.Api;
using AddinWeb.Excel;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AddinWeb.Benchmarks;

/// <summary>
/// <c>POST /api/reports/emargement.xlsx</c> (multipart body read, package guard, streaming read of the cells,
/// analysis, sheet written and inserted into the original package) against its floor: opening the package and
/// scanning the source sheets' XML, the least any reader of the file must do. The Ratio column is the upload's cost
/// in floors (target ≤ 2).
/// </summary>
[MemoryDiagnoser]
public class UploadBenchmarks
{
    internal const string Boundary = "----emargement-benchmark";
    private byte[] _xlsx = null!;
    private byte[] _multipart = null!;
    private UploadController _controller = null!;

    [Params(20, 1_000, 20_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _xlsx = SyntheticWorkbook.Bytes(Rows);
        _multipart = Multipart(_xlsx);
        _controller = Pipeline.CreateUploadController();
        if (Upload() is not FileContentResult { FileContents.Length: > 0 })
            throw new InvalidOperationException("The synthetic workbook must give an Émargement workbook.");
    }

    /// <summary>The floor: the package opened and every node of its sheets' XML read, nothing kept.</summary>
    [Benchmark(Baseline = true)]
    public int OpenAndScan() => Scan(_xlsx);

    internal static int Scan(byte[] xlsx)
    {
        using var package = SpreadsheetPackage.Open(xlsx);
        var workbook = package.WorkbookPart()!;
        var nodes = 0;
        foreach (var sheet in package.Relationships(workbook).Where(r => r.Is("worksheet")))
        {
            using var reader = package.Read(sheet.Target)!;
            while (reader.Read()) nodes++;
        }
        return nodes;
    }

    /// <summary>The controller's action on an in-memory request, as Kestrel would hand it over.</summary>
    [Benchmark]
    public IActionResult Upload()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = $"multipart/form-data; boundary={Boundary}";
        context.Request.Body = new MemoryStream(_multipart, writable: false);
        _controller.ControllerContext = new ControllerContext { HttpContext = context };
        return _controller.Workbook(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The request body a browser sends for this file (one <c>file</c> field).</summary>
    internal static byte[] Multipart(byte[] file)
    {
        var head = Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{UploadController.FileField}\"; filename=\"rapport.xlsx\"\r\n"
            + $"Content-Type: {UploadController.XlsxContentType}\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes($"\r\n--{Boundary}--\r\n");
        return [.. head, .. file, .. tail];
    }
}
