using System.Net;
using System.Security.Cryptography.X509Certificates;
using AddinWeb.Hosting;

namespace AddinWeb.Tests.Hosting;

public sealed class HttpsTests
{
    [Fact]
    public void The_generated_certificate_serves_localhost_and_the_loopback_addresses()
    {
        using var certificate = X509CertificateLoader.LoadPkcs12(LocalhostCertificate.CreatePfx(), password: null);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=localhost", certificate.Subject);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.Contains(IPAddress.IPv6Loopback, names.EnumerateIPAddresses());
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages;
        Assert.Contains(usages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        Assert.True(certificate.NotAfter > DateTime.Now.AddDays(300));
    }

    [Fact]
    public void The_generated_certificate_is_kept_and_reused_so_it_is_trusted_once()
    {
        var folder = Directory.CreateTempSubdirectory("emargement-cert-");
        try
        {
            var path = Path.Combine(folder.FullName, "sub", "localhost.pfx");
            using var first = LocalhostCertificate.LoadOrCreate(path);
            using var second = LocalhostCertificate.LoadOrCreate(path);
            Assert.Equal(first.Thumbprint, second.Thumbprint);
            Assert.True(File.Exists(Path.ChangeExtension(path, ".crt")));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Http_is_redirected_to_https_unless_switched_off()
    {
        await using var on = new HostFactory(new Dictionary<string, string?>
        {
            ["Hosting:HttpsRedirection"] = "true",
            ["https_port"] = "3000",
        });
        var client = on.CreateClient(new() { AllowAutoRedirect = false });
        using var redirected = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://localhost:3000/healthz", redirected.Headers.Location!.ToString());

        await using var off = new DefaultHost(); // Hosting:HttpsRedirection=false, as the browser tests run
        using var plain = await off.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Hsts_is_sent_outside_development(string environment, bool expected)
    {
        await using var factory = new HostFactory(null, environment: environment);
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://emargement.ac-example.fr") });
        using var response = await client.GetAsync("/healthz");
        Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
    }
}
