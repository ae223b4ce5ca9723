using System.Reflection;
using System.Xml.Linq;

namespace AddinWeb.Addin;

/// <summary>
/// Renders <c>Manifest/manifest.xml</c> (embedded in this assembly, so there is a single manifest to maintain) for a
/// public URL: every URL and app domain written for the development origin https://localhost:3000 is moved to the
/// public origin, and <c>&lt;Version&gt;</c> becomes the build's version, so that the admin center sees an update
/// whenever a new build is deployed.
/// </summary>
public sealed class ManifestRenderer
{
    /// <summary>The origin the committed manifest is written for (sideloading on a developer's machine).</summary>
    public const string DevelopmentOrigin = "https://localhost:3000";

    private const string ResourceName = "AddinWeb.Manifest.manifest.xml";
    private static readonly XNamespace OfficeApp = "http://schemas.microsoft.com/office/appforoffice/1.1";

    private readonly string _template;

    public ManifestRenderer(string template, Version version)
    {
        _template = template;
        Version = version;
    }

    /// <summary>Four-part manifest version (Office wants n.n.n.n), from the assembly's version (MSBuild Version).</summary>
    public Version Version { get; }

    public static ManifestRenderer FromEmbeddedManifest()
    {
        var assembly = typeof(ManifestRenderer).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Ressource {ResourceName} absente : Manifest/manifest.xml doit être incorporé à AddinWeb.");
        using var reader = new StreamReader(stream);
        var version = assembly.GetName().Version ?? new Version(1, 0, 0, 0);
        return new ManifestRenderer(reader.ReadToEnd(), version);
    }

    /// <summary>An absolute https origin (optionally with a path base such as /emargement), without query or fragment.</summary>
    public static bool TryParsePublicUrl(string? text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttps || parsed.Query.Length > 0 || parsed.Fragment.Length > 0) return false;
        url = parsed;
        return true;
    }

    /// <summary>The manifest XML for <paramref name="publicUrl"/> (an origin, possibly with a path base).</summary>
    public string Render(Uri publicUrl)
    {
        var baseUrl = publicUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var origin = publicUrl.GetLeftPart(UriPartial.Authority);
        var document = XDocument.Parse(_template);

        foreach (var attribute in document.Descendants().Attributes().Where(a => a.Name.LocalName is "DefaultValue" or "Value"))
            attribute.Value = Rebase(attribute.Value, baseUrl);
        foreach (var domain in document.Descendants(OfficeApp + "AppDomain"))
            domain.Value = Rebase(domain.Value, origin);
        document.Root!.Element(OfficeApp + "Version")!.Value = Version.ToString(4);

        // The development comment would be misleading in a downloaded manifest.
        foreach (var comment in document.Nodes().OfType<XComment>().ToList()) comment.Remove();
        document.Root.AddBeforeSelf(new XComment($" Émargement {Version.ToString(4)} pour {baseUrl} (généré par l'hôte). "));

        return document.Declaration + Environment.NewLine + document.ToString();
    }

    private static string Rebase(string value, string target) =>
        value.StartsWith(DevelopmentOrigin, StringComparison.OrdinalIgnoreCase)
            ? target + value[DevelopmentOrigin.Length..]
            : value;
}
