namespace AddinWeb.Addin;

public static class ManifestServices
{
    /// <summary>Serves the add-in manifest rendered for <c>Addin:PublicUrl</c> (filled in by the add-in work).</summary>
    public static IServiceCollection AddAddinManifest(this IServiceCollection services, IConfiguration configuration) => services;
}
