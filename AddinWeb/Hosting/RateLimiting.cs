using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AddinWeb.Hosting;

/// <summary>
/// Per client (IP address), two limits, chained: a fixed window of <see cref="RateLimitOptions.PermitLimit"/>
/// requests, generous for a trainer (a task pane load and an analysis are about a dozen requests) but stopping a
/// script that floods the host; and at most <see cref="RateLimitOptions.MaxConcurrentRequestsPerClient"/> analysis
/// requests in flight at once, so one client cannot hold many connections open by sending bodies slowly. Over a
/// limit: 429 with a Retry-After that says the real wait and a French ProblemDetails. The analyses computed at once
/// for everyone are bounded separately, once each body has been read (<see cref="AnalysisGate"/>). /healthz is never
/// limited (load balancers poll it).
/// </summary>
internal static class RateLimiting
{
    public static void Configure(RateLimiterOptions limiter, RateLimitOptions options, TimeProvider time)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsHealthCheck(context) || !options.Enabled
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.Get(ClientKey(context), _ =>
                        new ClientWindowLimiter(options.PermitLimit, TimeSpan.FromSeconds(Math.Max(1, options.WindowSeconds)), time))),
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsAnalysis(context) && options.Enabled && options.MaxConcurrentRequestsPerClient > 0
                    ? RateLimitPartition.GetConcurrencyLimiter("in-flight " + ClientKey(context), _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.MaxConcurrentRequestsPerClient,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("other")));
        limiter.OnRejected = (rejected, _) => OnRejectedAsync(rejected, options);
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
        var window = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait);
        // Too many in flight: one of the client's own requests has to finish; an analysis takes about this long.
        var seconds = window
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : context.RequestServices.GetRequiredService<AnalysisGate>().RetryAfterSeconds();
        await WriteTooManyAsync(context, seconds,
            window ? nameof(options.PermitLimit) : nameof(options.MaxConcurrentRequestsPerClient),
            window
                ? $"Ce service a reçu trop de demandes de votre part en peu de temps. Réessayez dans {seconds} seconde(s)."
                : "Vous avez déjà plusieurs envois en cours sur ce service. Attendez qu'ils se terminent, puis réessayez "
                  + $"dans {seconds} seconde(s).");
    }

    /// <summary>The French 429 with its Retry-After, also used when the analysis queue is full.</summary>
    public static Task WriteTooManyAsync(HttpContext context, int retryAfterSeconds, string limit, string detail)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return HostingProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Trop de requêtes", detail,
            new Dictionary<string, object?> { ["limit"] = limit, ["retryAfterSeconds"] = retryAfterSeconds });
    }

    /// <summary>
    /// A fixed window per client that knows when it ends. The runtime's fixed-window limiter answers a refused
    /// request with the whole window as Retry-After (60 s while the next window opens after 28 s); this one says
    /// the time left in the current window. The window starts with the client's first request.
    /// </summary>
    internal sealed class ClientWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
    {
        private readonly object _lock = new();
        private DateTimeOffset _start = DateTimeOffset.MinValue;
        private int _used;

        public override TimeSpan? IdleDuration
        {
            get
            {
                lock (_lock)
                {
                    var ended = _start == DateTimeOffset.MinValue ? TimeSpan.MaxValue : time.GetUtcNow() - (_start + window);
                    return ended > TimeSpan.Zero ? ended : null;
                }
            }
        }

        public override RateLimiterStatistics? GetStatistics()
        {
            lock (_lock) return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, permitLimit - _used) };
        }

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                if (now >= _start + window)
                {
                    _start = now;
                    _used = 0;
                }
                if (_used + permitCount <= permitLimit)
                {
                    _used += permitCount;
                    return Lease.Acquired;
                }
                return new Lease(false, _start + window - now);
            }
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));

        private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
        {
            public static readonly Lease Acquired = new(true, null);

            public override bool IsAcquired => acquired;

            public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = metadataName == MetadataName.RetryAfter.Name && retryAfter is { } wait ? wait : null;
                return metadata is not null;
            }
        }
    }
}
