namespace AddinWeb.Hosting;

/// <summary>
/// CORS is closed by default: the task pane and the upload page are served by this host, so they call the API from
/// the same origin. <c>Hosting:Cors:AllowedOrigins</c> opens the API to listed origins only (no credentials).
/// </summary>
internal static class CorsSetup
{
    public static void Configure(Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions cors, CorsOriginsOptions options) =>
        cors.AddDefaultPolicy(policy =>
        {
            if (options.AllowedOrigins.Length == 0) return; // no origin allowed: preflights get no CORS headers
            policy.WithOrigins(options.AllowedOrigins)
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type")
                .WithExposedHeaders("Retry-After", "Content-Disposition")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        });
}
