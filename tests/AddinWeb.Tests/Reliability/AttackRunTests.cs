using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AddinWeb.Excel;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Hosting;
using AddinWeb.Tests.Producers;
using AddinWeb.Tests.Seed;
using AddinWeb.Upload;
using CsCheck;

namespace AddinWeb.Tests.Reliability;

/// <summary>
/// Each finding of the attack run, as it was tried, and what the service answers now (see docs/reliability.md).
/// The slow-client findings are in <see cref="SlowClientTests"/>.
/// </summary>
public sealed class AttackRunTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private static readonly string[] Paths = ["/api/reports/emargement.xlsx", "/api/reports/analyze-file"];
    private readonly HttpClient _client = host.CreateClient();

    private async Task<(HttpStatusCode Status, string Body)> Upload(string path, byte[] file, string fileName = "rapport.xlsx")
    {
        using var response = await _client.PostAsync(path, UploadEndpointTests.Form(file, fileName));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static byte[] Seed => SeedWorkbook.Bytes();

    private static byte[] With(byte[] package, params (string Name, byte[] Content)[] extra)
    {
        var parts = PackageParts.Of(package).Select(p => (p.Key, p.Value)).Concat(extra);
        return HandMade.Zip(parts);
    }

    private static byte[] Replace(byte[] package, string part, Func<string, string> edit)
    {
        var parts = PackageParts.Of(package);
        parts[part] = Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(parts[part])));
        return HandMade.Zip(parts.Select(p => (p.Key, p.Value)));
    }

    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public async Task A_vba_project_under_another_part_name_is_refused_by_its_content_type_or_relationship()
    {
        const string vba = "application/vnd.ms-office.vbaProject";
        // The content type declared for the renamed part…
        var byContentType = Replace(With(Seed, ("xl/macros.bin", Ole)), "[Content_Types].xml",
            x => x.Replace("</Types>", $"<Override PartName=\"/xl/macros.bin\" ContentType=\"{vba}\"/></Types>"));
        // …or only its relationship from the workbook (the file's extension declared as plain binary).
        var byRelationship = Replace(With(Seed, ("xl/macros.dat", Ole)), "xl/_rels/workbook.xml.rels",
            x => x.Replace("</Relationships>",
                "<Relationship Id=\"rId99\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"macros.dat\"/></Relationships>"));
        foreach (var file in new[] { byContentType, byRelationship })
            foreach (var path in Paths)
            {
                var (status, body) = await Upload(path, file);
                Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
                Assert.Equal("macros", (string?)JsonNode.Parse(body)!["code"]);
            }
    }

    [Theory]
    [InlineData("../../etc/x")]
    [InlineData("/etc/x")]
    [InlineData("xl\\worksheets\\sheet9.xml")]
    [InlineData("C:/Windows/x.xml")]
    [InlineData("xl//x.xml")]
    [InlineData("xl/./x.xml")]
    [InlineData("xl/x.")]
    [InlineData("xl/%2e%2e/x.xml")]
    [InlineData("xl/%2Fx.xml")]
    [InlineData("XL/WORKBOOK.XML")] // the same part twice
    public async Task An_entry_that_is_not_a_valid_part_name_is_refused(string name)
    {
        var file = With(Seed, (name, "<x/>"u8.ToArray()));
        foreach (var path in Paths)
        {
            var (status, body) = await Upload(path, file);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            var problem = JsonNode.Parse(body)!;
            Assert.Equal("bad-part-name", (string?)problem["code"]);
            Assert.DoesNotContain("etc", (string?)problem["detail"]);
        }
    }

    [Fact]
    public async Task Nested_archives_and_embedded_objects_are_refused_whatever_their_names()
    {
        var zip = HandMade.Zip([("inner.txt", "pas un rapport"u8.ToArray())]);
        byte[] gzip;
        using (var memory = new MemoryStream())
        {
            using (var compress = new System.IO.Compression.GZipStream(memory, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                compress.Write("texte"u8);
            gzip = memory.ToArray();
        }
        foreach (var (file, code) in new[]
                 {
                     (With(Seed, ("xl/embeddings/archive.zip", zip)), "nested-archive"),
                     (With(Seed, ("xl/media/image1.png", zip)), "nested-archive"),
                     (With(Seed, ("customXml/item9.xml", gzip)), "nested-archive"),
                     (With(Seed, ("xl/embeddings/oleObject1.bin", Ole)), "embedded-object"),
                 })
            foreach (var path in Paths)
            {
                var (status, body) = await Upload(path, file);
                Assert.Equal(HttpStatusCode.BadRequest, status);
                Assert.Equal(code, (string?)JsonNode.Parse(body)!["code"]);
            }
    }

    [Fact]
    public async Task A_lone_surrogate_is_a_400_on_both_paths_never_a_500()
    {
        var withEscape = Replace(Seed, "xl/sharedStrings.xml", x => x.Replace(">Nom de l'utilisateur<", ">Nom_xD800_ de l'utilisateur<"));
        foreach (var path in Paths)
        {
            var (status, body) = await Upload(path, withEscape);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("caractère invalide", (string?)JsonNode.Parse(body)!["detail"]);
        }
        var (response, problem) = await AnalyzeJson.PostAsync(_client,
            """{"sheets":[{"name":"Sommaire","values":[["Nom\ud800 de l'utilisateur"]]}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Requête invalide", (string?)problem!["title"]);
    }

    [Fact]
    public async Task A_huge_sheet_name_is_refused_without_being_echoed()
    {
        // Letters at random, so that the part does not compress like a bomb (that is refused before: 413).
        var random = new Random(7);
        var name = new string(Enumerable.Range(0, 10 * 1024 * 1024).Select(_ => (char)('A' + random.Next(26))).ToArray());
        var file = Replace(Seed, "xl/workbook.xml", x => x.Replace("name=\"Sommaire\"", $"name=\"{name}\""));
        foreach (var path in Paths)
        {
            var (status, body) = await Upload(path, file);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(body.Length < 2048, $"{body.Length} bytes");
            Assert.DoesNotContain(name[..12], body);
            Assert.Contains("31 caractères", body);
            Assert.Contains("1re feuille", body);
        }
        var json = $$"""{"sheets":[{"name":"{{new string('Z', 5 * 1024 * 1024)}}","values":[[1]]}]}""";
        var (response, problem) = await AnalyzeJson.PostAsync(_client, json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.DoesNotContain("ZZZZ", problem!.ToJsonString());
        Assert.Equal("MaxSheetNameLength", (string?)problem["limit"]);
    }

    [Fact]
    public async Task An_unusable_report_gets_a_bounded_answer()
    {
        // Header rows with a missing title: the reader's message quotes the titles it found, here 100 of 30,000 characters.
        string[] row = ["Nom de l'utilisateur", "Email", .. Enumerable.Range(0, 100).Select(i => $"{i} {new string('T', 30_000)}")];
        var sheets = new[] { SeedReport.SummarySheetName, SeedReport.PresenceSheetName }.Select(name => new { name, values = new[] { row } });
        var json = System.Text.Json.JsonSerializer.Serialize(new { sheets });
        using var response = await _client.PostAsync("/api/reports/analyze", AnalyzeJson.Content(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(body.Length < 32 * 1024, $"{body.Length} bytes for a {json.Length}-byte request");
        Assert.DoesNotContain(new string('T', 1000), body);
    }

    [Fact]
    public void Bidi_and_invisible_characters_never_reach_the_download_name()
    {
        var name = UploadController.DownloadName("rapport\u202Excod.exe\u200B\u2066\uFEFF.xlsx");
        Assert.Equal("rapportxcod.exe - émargement.xlsx", name);
        Assert.DoesNotContain(name, c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control);
    }

    [Fact]
    public async Task The_downloaded_file_name_has_no_bidi_control()
    {
        using var response = await _client.PostAsync("/api/reports/emargement.xlsx", UploadEndpointTests.Form(Seed, "rapport\u202Eslx.exe.xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = response.Content.Headers.ContentDisposition!;
        Assert.Equal("rapportslx.exe - émargement.xlsx", header.FileNameStar);
        Assert.DoesNotContain("%E2%80%AE", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Malformed_json_gets_french_errors_that_echo_nothing()
    {
        const string marker = "ZQXJ";
        string[] bodies =
        [
            $"{{\"sheets\":[{{\"name\":\"S\",\"values\":[[{marker}]]}}]}}",
            $"{{\"sheets\":[]}} {marker}",
            $"{{\"sheets\":[{{\"{marker}\":[1,}}]}}",
            $"{{\"sheets\":[{{\"name\":\"S\",\"values\":[[1]]}}], \"options\":{{\"presentThreshold\":\"{marker}\"}}}}",
            $"{{\"{marker}\":{{\"a\":[}}}}",
            $"[\"{marker}\"]",
            $"{{\"sheets\":[{{\"name\":\"S\",\"values\":[[{{\"{marker}\":1}}]]}}]}}",
            "{\"sheets\":[{\"name\":\"S\",\"values\":[[1]]}]",
        ];
        foreach (var body in bodies) await AssertFrenchWithoutEcho(body, marker);
        // And random garbage around the marker.
        await Gen.Select(Gen.String[Gen.Char["{}[]\":,0123456789 \\ntrue"], 0, 40], Gen.Int[0, 40]).SampleAsync(async (noise, at) =>
        {
            var cut = Math.Min(at, noise.Length);
            await AssertFrenchWithoutEcho(noise[..cut] + marker + noise[cut..], marker);
        }, iter: 60, threads: 1);
    }

    private async Task AssertFrenchWithoutEcho(string body, string marker)
    {
        using var response = await _client.PostAsync("/api/reports/analyze", AnalyzeJson.Content(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} for {body}");
        Assert.DoesNotContain(marker, text);
        foreach (var english in new[] { "is an invalid", "Expected", "The JSON", "Path:", "LineNumber", "BytePosition", "could not" })
            Assert.DoesNotContain(english, text);
    }

    [Fact]
    public async Task A_sheet_spanning_a_million_rows_is_refused_at_once()
    {
        var file = HandMade.Package("""<row r="1"><c r="A1" t="inlineStr"><is><t>Sommaire</t></is></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>""");
        foreach (var path in Paths)
        {
            var (status, body) = await Upload(path, file);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
            Assert.Equal("MaxRowsPerSheet", (string?)JsonNode.Parse(body)!["limit"]);
        }
    }

    /// <summary>A sheet of 1,048,576 written rows: the reader stops past the limit, holding only that many rows.</summary>
    [Fact]
    public void A_million_written_rows_are_refused_while_reading_with_bounded_memory()
    {
        var rows = new StringBuilder();
        for (var r = 1; r <= 1_048_576; r++) rows.Append("<row r=\"").Append(r).Append("\"><c r=\"A").Append(r).Append("\"><v>1</v></c></row>");
        var file = HandMade.Package(rows.ToString());
        rows.Clear();
        using var package = SpreadsheetPackage.Open(file);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<GridLimitReachedException>(() => SpreadsheetGridReader.Read(package, new GridReadLimits(64, 250_000, 512, 32_767)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(GridLimit.Rows, refused.Limit);
        // About 250,000 rows read (strings of the XML reader included), not a million.
        Assert.True(allocated < 200L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
    }
}
