using AddinWeb.Upload;
using System.IO.Compression;
using System.Text;
using AddinWeb.Excel;
using AddinWeb.Hosting;
using ClosedXML.Excel;
using CsCheck;

namespace AddinWeb.Tests.Reliability;

public sealed class XlsxPackageGuardTests
{
    private static readonly RequestLimitOptions Defaults = new();

    internal static byte[] RealWorkbook()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Sommaire");
        sheet.Cell(1, 1).Value = "SVI eSolutions";
        sheet.Cell(2, 1).Value = 174.28;
        workbook.AddWorksheet("Temps de connexion en présence").Cell(1, 1).Value = "Nom de l'utilisateur";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The real workbook with entries added (and content types optionally rewritten).</summary>
    internal static byte[] WithEntries(byte[] xlsx, IEnumerable<(string Name, byte[] Data)> entries, Func<string, string>? contentTypes = null)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(data);
            }
            if (contentTypes is not null)
            {
                var types = zip.GetEntry("[Content_Types].xml")!;
                string text;
                using (var reader = new StreamReader(types.Open())) text = reader.ReadToEnd();
                types.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
                writer.Write(contentTypes(text));
            }
        }
        return stream.ToArray();
    }

    private static XlsxRefusal? Check(byte[] bytes, RequestLimitOptions? limits = null) =>
        XlsxPackageGuard.Check(new MemoryStream(bytes), limits ?? Defaults);

    [Fact]
    public void A_real_workbook_passes_and_the_stream_is_rewound()
    {
        var stream = new MemoryStream(RealWorkbook());
        Assert.Null(XlsxPackageGuard.Check(stream, Defaults));
        Assert.Equal(0, stream.Position);
        using var reopened = new XLWorkbook(stream); // still readable by ClosedXML
        Assert.Equal(2, reopened.Worksheets.Count);
    }

    [Fact]
    public void Macros_are_refused_by_part_or_by_content_type()
    {
        var withProject = WithEntries(RealWorkbook(), [("xl/vbaProject.bin", new byte[512])]);
        Assert.Equal("macros", Check(withProject)!.Code);
        var macroEnabled = WithEntries(RealWorkbook(), [], types => types.Replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
        var refusal = Check(macroEnabled)!;
        Assert.Equal(422, refusal.StatusCode);
        Assert.Contains("macros", refusal.Detail);
    }

    [Fact]
    public void External_links_are_refused()
    {
        var linked = WithEntries(RealWorkbook(), [("xl/externalLinks/externalLink1.xml", "<externalLink/>"u8.ToArray())]);
        var refusal = Check(linked)!;
        Assert.Equal((422, "external-links"), (refusal.StatusCode, refusal.Code));
        Assert.Contains("Rompre la liaison", refusal.Detail);
    }

    [Fact]
    public void An_encrypted_workbook_an_xls_and_a_word_document_are_told_apart()
    {
        byte[] Ole(string? stream)
        {
            var bytes = new byte[4096];
            new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
            if (stream is not null) Encoding.Unicode.GetBytes(stream).CopyTo(bytes, 1024 + 3);
            return bytes;
        }
        Assert.Equal(("encrypted", 422), (Check(Ole("EncryptionInfo"))!.Code, Check(Ole("EncryptionInfo"))!.StatusCode));
        Assert.Contains("mot de passe", Check(Ole("EncryptionInfo"))!.Detail);
        Assert.Equal("legacy-xls", Check(Ole("Workbook"))!.Code);

        var docx = WithEntries(RealWorkbook(), [("word/document.xml", "<w:document/>"u8.ToArray())]);
        Assert.Equal("not-a-workbook", Check(docx)!.Code);
    }

    [Fact]
    public void A_zip_bomb_is_refused_from_its_index_quickly_and_with_little_memory()
    {
        var bomb = WithEntries(RealWorkbook(), [("xl/worksheets/sheet3.xml", new byte[16 * 1024 * 1024])]);
        Assert.True(bomb.Length < 100 * 1024);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Check(bomb)!;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((413, "compression-ratio", "MaxCompressionRatio"), (refusal.StatusCode, refusal.Code, refusal.Limit));
        Assert.True(allocated < 512 * 1024, $"{allocated} bytes allocated to refuse a 16 MB bomb");
    }

    [Fact]
    public void Total_decompressed_size_and_entry_count_are_bounded()
    {
        var random = new Random(1);
        byte[] Noise(int size) { var b = new byte[size]; random.NextBytes(b); return b; }
        var big = WithEntries(RealWorkbook(), Enumerable.Range(0, 4).Select(i => ($"xl/media/image{i}.bin", Noise(1024 * 1024))));
        var refusal = Check(big, new RequestLimitOptions { MaxDecompressedBytes = 3 * 1024 * 1024 })!;
        Assert.Equal((413, "MaxDecompressedBytes"), (refusal.StatusCode, refusal.Limit));
        Assert.Null(Check(big));

        var many = WithEntries(RealWorkbook(), Enumerable.Range(0, 1001).Select(i => ($"xl/custom/item{i}.xml", new byte[1])));
        Assert.Equal(("too-many-entries", "MaxZipEntries"), (Check(many)!.Code, Check(many)!.Limit));
    }

    /// <summary>The guard trusts declared sizes because the runtime never inflates an entry past its declared size:
    /// a zip whose index lies (1,000 bytes declared, 8 MB inside) yields 1,000 bytes to ClosedXML, never 8 MB.</summary>
    [Fact]
    public void An_entry_that_lies_about_its_size_is_never_inflated_past_it()
    {
        var honest = WithEntries(RealWorkbook(), [("xl/worksheets/sheet9.xml", new byte[8 * 1024 * 1024])]);
        var liar = (byte[])honest.Clone();
        var name = Encoding.ASCII.GetBytes("xl/worksheets/sheet9.xml");
        var central = liar.AsSpan().LastIndexOf(name) - 46;
        var local = liar.AsSpan().IndexOf(name) - 30;
        BitConverter.GetBytes(1000u).CopyTo(liar, central + 24);
        BitConverter.GetBytes(1000u).CopyTo(liar, local + 22);

        Assert.Null(Check(liar)); // small as declared
        using var zip = new ZipArchive(new MemoryStream(liar));
        using var entry = zip.GetEntry("xl/worksheets/sheet9.xml")!.Open();
        var total = 0L;
        var buffer = new byte[81920];
        int read;
        while ((read = entry.Read(buffer)) > 0) total += read;
        Assert.Equal(1000, total);
    }

    [Fact]
    public void Random_bytes_are_refused_never_thrown()
    {
        Gen.Byte.Array[0, 4096].Sample(bytes =>
        {
            var refusal = Check(bytes);
            Assert.NotNull(refusal);
            Assert.InRange(refusal.StatusCode, 400, 422);
        }, iter: 2000);
    }

    [Fact]
    public void Truncated_workbooks_are_refused_as_damaged()
    {
        var xlsx = RealWorkbook();
        Gen.Int[0, xlsx.Length - 1].Sample(length =>
        {
            var refusal = Check(xlsx[..length]);
            Assert.NotNull(refusal);
            Assert.Contains(refusal.Code, new[] { "damaged", "not-xlsx" });
        }, iter: 500);
    }

    [Fact]
    public void Corrupted_workbooks_never_throw()
    {
        var xlsx = RealWorkbook();
        Gen.Select(Gen.Int[0, xlsx.Length - 1].Array[1, 16], Gen.Byte).Sample((positions, value) =>
        {
            var corrupted = (byte[])xlsx.Clone();
            foreach (var p in positions) corrupted[p] ^= (byte)(value | 1);
            var refusal = Check(corrupted);
            if (refusal is not null) Assert.InRange(refusal.StatusCode, 400, 422);
        }, iter: 1000);
    }

    [Fact]
    public void An_upload_over_the_size_limit_is_a_413()
    {
        var refusal = Check(RealWorkbook(), new RequestLimitOptions { MaxUploadBytes = 1024 })!;
        Assert.Equal((413, "MaxUploadBytes"), (refusal.StatusCode, refusal.Limit));
    }
}
