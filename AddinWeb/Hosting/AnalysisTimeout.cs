using Microsoft.AspNetCore.Http.Timeouts;

namespace AddinWeb.Hosting;

/// <summary>
/// An analysis that runs longer than <see cref="RequestLimitOptions.AnalysisTimeoutSeconds"/> is stopped: the
/// request's cancellation token fires (the pipeline checks it between stages) and the client gets a French 504.
/// </summary>
internal static class AnalysisTimeout
{
    public static void Configure(RequestTimeoutOptions timeouts, RequestLimitOptions limits) =>
        timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(Math.Max(1, limits.AnalysisTimeoutSeconds)),
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = context => HostingProblems.WriteAsync(context, StatusCodes.Status504GatewayTimeout,
                "Délai dépassé",
                $"L'analyse a dépassé {limits.AnalysisTimeoutSeconds} secondes et a été interrompue. Réessayez dans "
                + "quelques instants ; si le rapport est très grand, envoyez uniquement ses deux feuilles.",
                new Dictionary<string, object?> { ["limit"] = nameof(limits.AnalysisTimeoutSeconds), ["maximum"] = limits.AnalysisTimeoutSeconds }),
        };
}
