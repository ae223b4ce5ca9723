using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AddinWeb.Addin;
using AddinWeb.BrowserTests.TaskPane;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AddinWeb.BrowserTests;

/// <summary>The committed manifest (sideloading) and GET /manifest.xml (admin center), both valid for Office.</summary>
public sealed class ManifestTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly XNamespace Office = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(OfficeJsRoutes.TestsDirectory, "..", ".."));

    [Fact]
    public async Task The_host_serves_the_manifest_for_its_public_url_with_the_build_version()
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/manifest.xml");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Empty(SchemaProblems(xml));
        var manifest = XDocument.Parse(xml);
        Assert.DoesNotContain("localhost", xml);
        var urls = manifest.Descendants().Attributes().Where(a => a.Name.LocalName is "DefaultValue" or "Value")
            .Select(a => a.Value).Where(v => v.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.Contains("https://emargement.ac-exemple.fr/complement/taskpane.html", urls);
        Assert.All(urls, url => Assert.StartsWith("https://emargement.ac-exemple.fr/complement/", url));
        Assert.Equal("https://emargement.ac-exemple.fr", manifest.Descendants(Office + "AppDomain").Single().Value);
        var version = typeof(ManifestRenderer).Assembly.GetName().Version!.ToString(4);
        Assert.Equal(version, manifest.Root!.Element(Office + "Version")!.Value);
        // Same add-in as the sideloaded one: same id, so that the admin's deployment replaces a trial sideload.
        Assert.Equal(Committed().Root!.Element(Office + "Id")!.Value, manifest.Root.Element(Office + "Id")!.Value);
    }

    [Fact]
    public async Task Without_a_public_url_the_manifest_points_at_the_requested_origin_in_development_only()
    {
        await using var development = new WebApplicationFactory<Program>().WithWebHostBuilder(h => h.UseEnvironment("Development"));
        using var local = development.CreateClient(new() { BaseAddress = new Uri("https://localhost:3000/") });
        var xml = await local.GetStringAsync("/manifest.xml");
        Assert.Contains("https://localhost:3000/taskpane.html", xml);
        Assert.Empty(SchemaProblems(xml));

        // Anywhere else the Host header is the client's: the manifest is never built from it.
        await using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(h => h.UseEnvironment("Production"));
        using var client = production.CreateClient(new() { BaseAddress = new Uri("https://attaquant.example/") });
        using var response = await client.GetAsync("/manifest.xml");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("attaquant", body);
        Assert.Contains("Addin:PublicUrl", body);
    }

    [Fact]
    public void A_public_url_that_is_not_https_stops_the_host_at_start_up()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(h =>
        {
            h.UseEnvironment("Testing");
            h.UseSetting("Addin:PublicUrl", "http://emargement.ac-exemple.fr");
        });
        // The host must refuse to start. Which exception reaches the test is a race inside WebApplicationFactory's
        // deferred host: when Program.Main throws first, the factory trips over the already disposed service provider
        // and reports ObjectDisposedException instead. The message itself is checked deterministically below.
        var error = Record.Exception(() => factory.CreateClient());
        Assert.True(error is OptionsValidationException or ObjectDisposedException, $"Unexpected: {error}");
        if (error is OptionsValidationException validation) Assert.Contains("Addin:PublicUrl", validation.Message);
    }

    [Theory]
    [InlineData("http://emargement.ac-exemple.fr")]
    [InlineData("emargement.ac-exemple.fr")]
    [InlineData("https://emargement.ac-exemple.fr/?x=1")]
    public void The_start_up_check_names_the_setting_and_says_what_is_expected(string publicUrl)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Addin:PublicUrl"] = publicUrl }).Build();
        using var services = new ServiceCollection().AddAddinManifest(configuration).BuildServiceProvider();

        // IStartupValidator is what ValidateOnStart registers and what the host runs before it listens.
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Addin:PublicUrl doit être une adresse HTTPS absolue", error.Message);
    }

    [Fact]
    public void The_start_up_check_accepts_a_public_https_origin_or_no_setting()
    {
        foreach (var publicUrl in new[] { "https://emargement.ac-exemple.fr", "" })
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Addin:PublicUrl"] = publicUrl }).Build();
            using var services = new ServiceCollection().AddAddinManifest(configuration).BuildServiceProvider();
            services.GetRequiredService<IStartupValidator>().Validate();
        }
    }

    [Fact]
    public void The_committed_manifest_is_valid_and_its_icons_are_real_pngs_of_the_declared_sizes()
    {
        var path = Path.Combine(RepositoryRoot, "Manifest", "manifest.xml");
        Assert.Empty(SchemaProblems(File.ReadAllText(path)));
        var manifest = Committed();
        Assert.Equal("ReadWriteDocument", manifest.Root!.Element(Office + "Permissions")!.Value);
        Assert.Contains(manifest.Descendants(Office + "Set"), s => (string?)s.Attribute("Name") == "ExcelApi" && (string?)s.Attribute("MinVersion") == "1.9");

        var images = manifest.Descendants().Where(e => e.Name.LocalName is "Image" or "IconUrl" or "HighResolutionIconUrl")
            .Select(e => (string?)e.Attribute("DefaultValue")).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(images);
        foreach (var url in images)
        {
            var file = Path.Combine(RepositoryRoot, "AddinWeb", "wwwroot", new Uri(url).AbsolutePath.TrimStart('/'));
            var bytes = File.ReadAllBytes(file);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
            var declared = int.Parse(System.Text.RegularExpressions.Regex.Match(url, @"icon-(\d+)\.png").Groups[1].Value);
            Assert.Equal(declared, width);
            Assert.Equal(declared, height);
        }
    }

    private static XDocument Committed() => XDocument.Load(Path.Combine(RepositoryRoot, "Manifest", "manifest.xml"));

    /// <summary>Validation against Microsoft's published Office manifest schemas (shared/office-manifest-schemas).</summary>
    private static List<string> SchemaProblems(string xml)
    {
        var schemaDirectory = new[] { Path.Combine(RepositoryRoot, "..", "shared", "office-manifest-schemas"), "/work/shared/office-manifest-schemas" }
            .Select(Path.GetFullPath).FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException("Office manifest schemas not found beside the repository (../shared/office-manifest-schemas).");
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(schemaDirectory, "OfficeAppManifestV1_1.xsd"));
        schemas.Compile();
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add($"line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return problems;
    }
}
