namespace AddinWeb.Hosting;

/// <summary>
/// Security headers on every response: pages, static files, API answers, errors and Swagger. Set when the response
/// starts, so they survive the exception handler (which clears headers) and reach every status.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The task pane loads office.js from appsforoffice.microsoft.com; office.js then loads its host and locale
    /// scripts from the same origin (script-src, connect-src) and injects inline styles (style-src 'unsafe-inline',
    /// OfficeDev/office-js#1687). Swagger UI needs inline styles and data: images. No inline script anywhere.
    /// Office on the web frames the pane from the frame-ancestors hosts; X-Frame-Options is never sent, it cannot
    /// list them and would block Office.
    /// </summary>
    public static string ContentSecurityPolicy(SecurityHeaderOptions options) => string.Join("; ",
        "default-src 'self'",
        $"script-src {Sources(options.EffectiveScriptSources)}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        $"connect-src {Sources(options.EffectiveConnectSources)}",
        $"frame-src {Sources(options.EffectiveFrameSources)}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        $"frame-ancestors {string.Join(' ', options.EffectiveFrameAncestors.Distinct())}");

    private static string Sources(IEnumerable<string> extra) => string.Join(' ', new[] { "'self'" }.Concat(extra).Distinct());

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, SecurityHeaderOptions options)
    {
        var policy = ContentSecurityPolicy(options);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = options.ReferrerPolicy;
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Resource-Policy"] = "same-site";
                // Antiforgery or a library may add it: it would stop Office on the web from framing the task pane.
                headers.Remove("X-Frame-Options");
                // Answers of the API carry names and emails: never kept in a browser or proxy cache.
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
