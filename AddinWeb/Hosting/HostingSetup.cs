using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AddinWeb.Hosting;

/// <summary>
/// What the host needs to run safely in front of trainers: HTTPS (with a localhost certificate made on first run),
/// request limits, security headers, CORS, rate limiting, French errors without stack traces, and /healthz.
/// Settings come from the "Hosting" section (<see cref="HostingOptions"/>) and are read when the host starts, so
/// tests and deployments can override them like any other setting.
/// </summary>
public static class HostingSetup
{
    public static WebApplicationBuilder AddAddinHosting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<HostingOptions>(builder.Configuration.GetSection(HostingOptions.Section));

        LocalhostCertificate.ConfigureKestrel(builder);

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HostingOptions>>((kestrel, hosting) =>
            RequestBodyLimits.ConfigureKestrel(kestrel, hosting.Value.Limits));
        services.AddOptions<IISServerOptions>().Configure<IOptions<HostingOptions>>((iis, hosting) =>
            RequestBodyLimits.ConfigureIis(iis, hosting.Value.Limits));
        services.AddOptions<FormOptions>().Configure<IOptions<HostingOptions>>((form, hosting) =>
            RequestBodyLimits.ConfigureForms(form, hosting.Value.Limits));

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDetailsInFrench.Apply);
        services.AddExceptionHandler<ProblemExceptionHandler>();

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<HostingOptions>>(
            (cors, hosting) => CorsSetup.Configure(cors, hosting.Value.Cors));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HostingOptions>>((limiter, hosting) =>
            RateLimiting.Configure(limiter, hosting.Value.RateLimiting, TimeProvider.System));
        services.AddSingleton<AnalysisGate>();

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<HostingOptions>>((timeouts, hosting) =>
            AnalysisTimeout.Configure(timeouts, hosting.Value.Limits));

        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = false; // the académie's other sites are not ours to pin
        });
        services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseAddinHosting(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HostingOptions>>().Value;

        app.UseSecurityHeaders(options.SecurityHeaders);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // ProblemExceptionHandler logs every exception itself, without its message (personal data).
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages();
        if (options.Hsts && !app.Environment.IsDevelopment()) app.UseHsts();
        if (options.HttpsRedirection) app.UseHttpsRedirection();
        app.UseRequestBodyLimits(options.Limits);
        app.UseCors();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseRequestBodyDeadline(options.Limits);
        app.MapHealthChecks("/healthz");
        return app;
    }
}
