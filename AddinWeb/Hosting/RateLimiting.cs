using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AddinWeb.Hosting;

/// <summary>
/// Two limits, chained. Per client (IP address): a fixed window of <see cref="RateLimitOptions.PermitLimit"/>
/// requests, generous for a trainer (a task pane load and an analysis are about a dozen requests) but stopping a
/// script that floods the host. For everyone: at most <see cref="RateLimitOptions.MaxConcurrentAnalyses"/> analyses
/// computed at once, the others waiting in a queue, so that a burst does not exhaust memory. Over a limit: 429 with
/// Retry-After and a French ProblemDetails. /healthz is never limited (load balancers poll it).
/// </summary>
internal static class RateLimiting
{
    private const string AnalysisPartition = "analyses";

    public static void Configure(RateLimiterOptions limiter, RateLimitOptions options)
    {
        var concurrent = options.MaxConcurrentAnalyses > 0 ? options.MaxConcurrentAnalyses : 2 * Environment.ProcessorCount;
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsHealthCheck(context) || !options.Enabled
                        ? RateLimitPartition.GetNoLimiter("health")
                        : RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.PermitLimit,
                            Window = TimeSpan.FromSeconds(options.WindowSeconds),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        })),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsAnalysis(context) && options.Enabled
                        ? RateLimitPartition.GetConcurrencyLimiter(AnalysisPartition, _ => new ConcurrencyLimiterOptions
                        {
                            PermitLimit = concurrent,
                            QueueLimit = options.AnalysisQueueLimit,
                            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                        })
                        : RateLimitPartition.GetNoLimiter("other")));
            limiter.OnRejected = (rejected, _) => OnRejectedAsync(rejected, options);
        }
    }

    private static bool IsHealthCheck(HttpContext context) => context.Request.Path.StartsWithSegments("/healthz");

    /// <summary>Every POST of the reports API runs the whole pipeline (JSON analysis, upload, sheet).</summary>
    private static bool IsAnalysis(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/reports");

    /// <summary>The client's address (the proxy's one unless forwarded headers are configured, see docs/reliability.md).</summary>
    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, RateLimitOptions options)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : 5; // a full analysis queue drains in seconds
        context.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await HostingProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Trop de requêtes",
            $"Ce service reçoit trop de demandes de votre part ou au total. Réessayez dans {Math.Max(1, retryAfter)} seconde(s).",
            new Dictionary<string, object?>
            {
                ["limit"] = IsAnalysis(context) && !rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out _)
                    ? nameof(options.AnalysisQueueLimit)
                    : nameof(options.PermitLimit),
                ["retryAfterSeconds"] = Math.Max(1, retryAfter),
            });
    }
}
