namespace AddinWeb.Addin;

/// <summary>Where the add-in is published, from the <c>Addin</c> configuration section.</summary>
public sealed class AddinOptions
{
    /// <summary>
    /// Public HTTPS origin of the task pane, e.g. "https://emargement.ac-exemple.fr". When left out, the manifest
    /// uses the origin of the request that asked for it (fine for a quick look, not for the admin center).
    /// </summary>
    public string? PublicUrl { get; set; }
}

public static class ManifestServices
{
    /// <summary>Serves the add-in manifest rendered for <c>Addin:PublicUrl</c> (see <see cref="ManifestController"/>).</summary>
    public static IServiceCollection AddAddinManifest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AddinOptions>()
            .Bind(configuration.GetSection("Addin"))
            .Validate(o => o.PublicUrl is null or "" || ManifestRenderer.TryParsePublicUrl(o.PublicUrl, out _),
                "Addin:PublicUrl doit être une adresse HTTPS absolue, sans chemin de requête, par exemple https://emargement.ac-exemple.fr.")
            .ValidateOnStart();
        services.AddSingleton(_ => ManifestRenderer.FromEmbeddedManifest());
        return services;
    }
}
