using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace AddinWeb.Hosting;

/// <summary>
/// At most <see cref="RateLimitOptions.MaxConcurrentAnalyses"/> analyses computed at once, whoever asks, the others
/// waiting in a queue of <see cref="RateLimitOptions.AnalysisQueueLimit"/>. A slot is taken only once the request's
/// body has been read (by MVC for the JSON endpoint, by the upload controller for a file), so a client that sends
/// its body slowly holds a connection, never a slot: four clients trickling bytes cannot make anyone else wait.
/// The wait counts towards the analysis timeout (the request's token), like the analysis itself.
/// </summary>
public sealed class AnalysisGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly int _slots;
    private readonly bool _enabled;
    private readonly object _lock = new();
    private double _averageSeconds = 1;
    private int _waiting;

    public AnalysisGate(IOptions<HostingOptions> options)
    {
        var limits = options.Value.RateLimiting;
        _enabled = limits.Enabled;
        _slots = limits.MaxConcurrentAnalyses > 0 ? limits.MaxConcurrentAnalyses : 2 * Environment.ProcessorCount;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _slots,
            QueueLimit = Math.Max(0, limits.AnalysisQueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Waits for a slot; <see cref="AnalysisQueueFullException"/> (429) when the queue is full.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellation)
    {
        if (!_enabled) return new Slot(this, null);
        Interlocked.Increment(ref _waiting);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, cancellation);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new AnalysisQueueFullException(RetryAfterSeconds());
        }
        return new Slot(this, lease);
    }

    /// <summary>
    /// When the queue will have room again, from the analyses seen so far: the ones waiting, shared among the slots,
    /// each taking the recent average (at least one second).
    /// </summary>
    public int RetryAfterSeconds()
    {
        lock (_lock)
            return Math.Max(1, (int)Math.Ceiling(_averageSeconds * (Volatile.Read(ref _waiting) + 1) / _slots));
    }

    private void Finished(TimeSpan took)
    {
        lock (_lock) _averageSeconds = 0.8 * _averageSeconds + 0.2 * took.TotalSeconds;
    }

    public void Dispose() => _limiter.Dispose();

    private sealed class Slot(AnalysisGate gate, RateLimitLease? lease) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public void Dispose()
        {
            if (lease is null) return;
            gate.Finished(Stopwatch.GetElapsedTime(_started));
            lease.Dispose();
        }
    }
}

/// <summary>Every analysis slot is taken and the queue is full: 429 with the expected wait.</summary>
public sealed class AnalysisQueueFullException(int retryAfterSeconds) : Exception("Analysis queue full.")
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}

/// <summary>
/// Takes an analysis slot for the action, after model binding has read the body (MVC runs action filters then).
/// For actions that read their body themselves, call <see cref="AnalysisGate.EnterAsync"/> after reading it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AnalysisSlotAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var gate = context.HttpContext.RequestServices.GetRequiredService<AnalysisGate>();
        using var slot = await gate.EnterAsync(context.HttpContext.RequestAborted);
        await next();
    }
}
