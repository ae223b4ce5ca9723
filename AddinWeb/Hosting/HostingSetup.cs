namespace AddinWeb.Hosting;

/// <summary>What the host needs to run safely in front of trainers: filled in by the reliability work.</summary>
public static class HostingSetup
{
    public static WebApplicationBuilder AddAddinHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseAddinHosting(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/healthz");
        return app;
    }
}
