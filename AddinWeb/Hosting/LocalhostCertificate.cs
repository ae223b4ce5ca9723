using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AddinWeb.Hosting;

/// <summary>
/// Makes <c>dotnet run --project AddinWeb</c> serve https://localhost:3000 on a machine where nobody ran
/// <c>dotnet dev-certs https</c>: Kestrel's own fallback is the ASP.NET development certificate, and without it the
/// host refuses to start. Order: a configured certificate (Kestrel:Certificates:Default or an endpoint's own) wins and
/// is left to Kestrel; else the ASP.NET development certificate; else a self-signed localhost certificate made once
/// and kept in the user's profile, so that it can be trusted once (README, "Sécurité").
/// </summary>
internal static class LocalhostCertificate
{
    /// <summary>The extension that marks the ASP.NET Core development certificate (dotnet dev-certs).</summary>
    private const string AspNetDevCertificateOid = "1.3.6.1.4.1.311.84.1.1";
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    private static readonly Lock Gate = new();
    private static X509Certificate2? _cached;

    public static void ConfigureKestrel(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Nothing about the server in answers.
            kestrel.AddServerHeader = false;
            kestrel.ConfigureHttpsDefaults(https =>
            {
                if (https.ServerCertificate is not null || https.ServerCertificateSelector is not null) return;
                if (configuration.GetSection("Kestrel:Certificates:Default").Exists()) return;
                // An endpoint with its own certificate gets it after these defaults: nothing to make.
                if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => e.GetSection("Certificate").Exists())) return;
                var options = configuration.GetSection(HostingOptions.Section).Get<HostingOptions>()?.Certificate
                              ?? new CertificateOptions();
                https.ServerCertificate = Resolve(options);
            });
        });
    }

    /// <summary>The development certificate when there is one, else the generated one; null when generation is off
    /// (Kestrel then reports the missing certificate itself).</summary>
    internal static X509Certificate2? Resolve(CertificateOptions options)
    {
        lock (Gate)
        {
            if (_cached is { } cached && cached.NotAfter > DateTime.Now.AddDays(1)) return cached;
            _cached = FindDevelopmentCertificate() ?? (options.GenerateLocalhost ? LoadOrCreate(PathOf(options)) : null);
            return _cached;
        }
    }

    internal static string PathOf(CertificateOptions options) =>
        !string.IsNullOrWhiteSpace(options.GeneratedPath)
            ? options.GeneratedPath
            : Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
                "Emargement", "localhost-https.pfx");

    private static X509Certificate2? FindDevelopmentCertificate()
    {
        try
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var now = DateTime.Now;
            return store.Certificates
                .Where(c => c.Extensions.Any(e => e.Oid?.Value == AspNetDevCertificateOid))
                .Where(c => c.HasPrivateKey && c.NotBefore <= now && c.NotAfter > now.AddDays(1))
                .OrderByDescending(c => c.NotAfter)
                .FirstOrDefault();
        }
        catch (CryptographicException)
        {
            return null; // no user store yet (fresh profile)
        }
    }

    /// <summary>Reuses the certificate made on a previous run while it is valid, else makes a new one.</summary>
    internal static X509Certificate2 LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            try
            {
                var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null,
                    X509KeyStorageFlags.Exportable);
                if (existing.HasPrivateKey && existing.NotAfter > DateTime.Now.AddDays(7)) return existing;
            }
            catch (CryptographicException)
            {
                // unreadable or damaged: replaced below
            }
        }

        var pfx = CreatePfx();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, pfx);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
        // The public part beside it, for the "trust it" step of the README.
        var certificate = X509CertificateLoader.LoadPkcs12(pfx, password: null, X509KeyStorageFlags.Exportable);
        File.WriteAllText(Path.ChangeExtension(path, ".crt"), certificate.ExportCertificatePem());
        return certificate;
    }

    /// <summary>A localhost server certificate like the one dotnet dev-certs makes: SAN localhost, 127.0.0.1, ::1.</summary>
    internal static byte[] CreatePfx()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build(critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        // Export and reload: an ephemeral key cannot serve TLS on Windows.
        return certificate.Export(X509ContentType.Pfx);
    }
}
