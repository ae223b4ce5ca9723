using Microsoft.AspNetCore.Http.Features;

namespace AddinWeb.Hosting;

/// <summary>
/// A request's body must have arrived within <see cref="RequestLimitOptions.BodyReadTimeoutSeconds"/> of its start.
/// Kestrel only checks a minimum rate (240 bytes per second), which a client can trickle just above for hours; past
/// the deadline the read fails with a 408 (French ProblemDetails) and the connection is closed. The body is not
/// buffered: the request's stream is wrapped, and the clock starts when the request does.
/// </summary>
internal static class RequestBodyDeadline
{
    public static IApplicationBuilder UseRequestBodyDeadline(this IApplicationBuilder app, RequestLimitOptions limits) =>
        app.Use(async (context, next) =>
        {
            if (limits.BodyReadTimeoutSeconds > 0 && HasBody(context.Request))
                context.Request.Body = new DeadlineStream(context.Request.Body, TimeSpan.FromSeconds(limits.BodyReadTimeoutSeconds));
            await next(context);
        });

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0
        || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    /// <summary>The exception Kestrel itself throws for a body too slow, so both are answered alike.</summary>
    public static BadHttpRequestException TooSlow() =>
        new("Request body did not arrive in time.", StatusCodes.Status408RequestTimeout);

    private sealed class DeadlineStream(Stream inner, TimeSpan allowed) : Stream
    {
        private readonly CancellationTokenSource _deadline = new(allowed);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_deadline.IsCancellationRequested) throw TooSlow();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
            try
            {
                return await inner.ReadAsync(buffer, linked.Token);
            }
            catch (OperationCanceledException) when (_deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw TooSlow();
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_deadline.IsCancellationRequested) throw TooSlow();
            return inner.Read(buffer, offset, count);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _deadline.Dispose();
            base.Dispose(disposing);
        }
    }
}
