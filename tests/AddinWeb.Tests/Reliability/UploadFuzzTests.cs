using AddinWeb.Upload;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Hosting;
using CsCheck;

namespace AddinWeb.Tests.Reliability;

/// <summary>
/// The upload endpoints refuse whatever is not a plain report with 400/413/422 and a French ProblemDetails: random,
/// truncated and corrupted bytes, zip bombs, macros, external links, encrypted workbooks. Never a 500.
/// </summary>
public sealed class UploadFuzzTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private static readonly HttpStatusCode[] Refusals =
        [HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity];

    private static readonly string[] Paths = ["/api/reports/analyze-file", "/api/reports/emargement.xlsx"];

    private readonly HttpClient _client = host.CreateClient();

    private static readonly Lazy<byte[]> Seed = new(() => SeedWorkbook.Bytes());

    private async Task<(HttpStatusCode Status, JsonNode? Problem)> Upload(byte[] file, string path = "/api/reports/analyze-file")
    {
        using var response = await _client.PostAsync(path, UploadEndpointTests.Form(file));
        var text = await response.Content.ReadAsStringAsync();
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonNode.Parse(text) : null;
        if (response.StatusCode == HttpStatusCode.InternalServerError)
            throw new Xunit.Sdk.XunitException($"500 on {path}: {text}");
        return (response.StatusCode, problem);
    }

    [Fact]
    public async Task Random_bytes_are_refused()
    {
        await Gen.Byte.Array[0, 2048].SampleAsync(async bytes =>
        {
            var (status, problem) = await Upload(bytes);
            Assert.Contains(status, Refusals);
            Assert.NotNull(problem);
        }, iter: 60, threads: 1);
    }

    [Fact]
    public async Task Truncated_reports_are_refused()
    {
        await Gen.Int[0, Seed.Value.Length - 1].SampleAsync(async length =>
        {
            var (status, _) = await Upload(Seed.Value[..length]);
            Assert.Equal(HttpStatusCode.BadRequest, status);
        }, iter: 40, threads: 1);
    }

    [Fact]
    public async Task Corrupted_reports_are_read_or_refused_never_a_500()
    {
        await Gen.Select(Gen.Int[0, Seed.Value.Length - 1].Array[1, 8], Gen.Byte, Gen.Int[0, 1]).SampleAsync(async (positions, value, path) =>
        {
            var corrupted = (byte[])Seed.Value.Clone();
            foreach (var p in positions) corrupted[p] ^= (byte)(value | 1);
            var (status, _) = await Upload(corrupted, Paths[path]);
            Assert.True(status == HttpStatusCode.OK || Refusals.Contains(status), $"{(int)status}");
        }, iter: 120, threads: 1);
    }

    [Fact]
    public async Task Zip_bombs_macros_links_and_encrypted_workbooks_are_refused_with_their_reason()
    {
        var bomb = XlsxPackageGuardTests.WithEntries(Seed.Value, [("xl/worksheets/sheet9.xml", new byte[16 * 1024 * 1024])]);
        var macros = XlsxPackageGuardTests.WithEntries(Seed.Value, [("xl/vbaProject.bin", new byte[256])]);
        var links = XlsxPackageGuardTests.WithEntries(Seed.Value, [("xl/externalLinks/externalLink1.xml", "<externalLink/>"u8.ToArray())]);
        var encrypted = new byte[8192];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(encrypted, 0);
        Encoding.Unicode.GetBytes("EncryptionInfo").CopyTo(encrypted, 1152);

        foreach (var path in Paths)
        {
            foreach (var (file, status, code) in new[]
                     {
                         (bomb, HttpStatusCode.RequestEntityTooLarge, "compression-ratio"),
                         (macros, HttpStatusCode.UnprocessableEntity, "macros"),
                         (links, HttpStatusCode.UnprocessableEntity, "external-links"),
                         (encrypted, HttpStatusCode.UnprocessableEntity, "encrypted"),
                     })
            {
                var (actual, problem) = await Upload(file, path);
                Assert.Equal(status, actual);
                Assert.Equal(code, (string?)problem!["code"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
            }
        }
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_a_413_before_it_is_read()
    {
        var big = new byte[17 * 1024 * 1024];
        var (status, problem) = await Upload(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("MaxUploadBytes", (string?)problem!["limit"]);
    }

    [Fact]
    public async Task A_report_over_the_grid_limits_is_a_413_naming_the_sheet()
    {
        await using var small = new HostFactory(new Dictionary<string, string?> { ["Hosting:Limits:MaxRowsPerSheet"] = "20" });
        using var response = await small.CreateClient().PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(Seed.Value));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("MaxRowsPerSheet", (string?)problem["limit"]);
        Assert.Contains("« Sommaire »", (string?)problem["detail"]);
    }

    /// <summary>Browsers and curl label the file; a client that does not must still be served.</summary>
    [Fact]
    public async Task A_file_part_without_content_type_is_read()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Seed.Value), "file", "rapport de session Via.xlsx");
        using var response = await _client.PostAsync("/api/reports/analyze-file", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
