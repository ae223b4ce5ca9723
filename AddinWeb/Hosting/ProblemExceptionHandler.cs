using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace AddinWeb.Hosting;

/// <summary>
/// Last line of defence: every exception becomes a French ProblemDetails without stack trace, and is logged
/// without its message. Exception messages from parsers and libraries can quote the value that failed (a name, an
/// email), so only the exception type, the place in the code and the trace id reach the logs.
/// </summary>
internal sealed partial class ProblemExceptionHandler(
    IOptions<HostingOptions> options, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var limits = options.Value.Limits;
        switch (exception)
        {
            case RequestLimitExceededException limit:
                LogLimit(logger, limit.Limit, limit.StatusCode);
                await HostingProblems.WriteAsync(context, limit.StatusCode, limit.Title, limit.Detail,
                    new Dictionary<string, object?> { ["limit"] = limit.Limit, ["maximum"] = limit.Maximum });
                return true;

            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                LogLimit(logger, "MaxRequestBodySize", StatusCodes.Status413PayloadTooLarge);
                context.Response.Headers.Connection = "close";
                await RequestBodyLimits.WriteTooLargeAsync(context, RequestBodyLimits.IsFileUpload(context.Request), limits);
                return true;

            case AnalysisQueueFullException full:
                LogLimit(logger, nameof(RateLimitOptions.AnalysisQueueLimit), StatusCodes.Status429TooManyRequests);
                await RateLimiting.WriteTooManyAsync(context, full.RetryAfterSeconds, nameof(RateLimitOptions.AnalysisQueueLimit),
                    $"Le service calcule déjà autant d'analyses qu'il le peut et d'autres attendent. Réessayez dans "
                    + $"{full.RetryAfterSeconds} seconde(s).");
                return true;

            case BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout }:
                LogLimit(logger, nameof(RequestLimitOptions.BodyReadTimeoutSeconds), StatusCodes.Status408RequestTimeout);
                context.Response.Headers.Connection = "close";
                await HostingProblems.WriteAsync(context, StatusCodes.Status408RequestTimeout, "Envoi trop lent",
                    $"Les données envoyées ne sont pas arrivées en {limits.BodyReadTimeoutSeconds} secondes. Vérifiez votre "
                    + "connexion puis réessayez ; un rapport de session s'envoie en quelques secondes.",
                    new Dictionary<string, object?> { ["limit"] = nameof(limits.BodyReadTimeoutSeconds), ["maximum"] = limits.BodyReadTimeoutSeconds });
                return true;

            case BadHttpRequestException bad:
                await HostingProblems.WriteAsync(context, bad.StatusCode, "Requête invalide",
                    "La requête n'a pas pu être lue (corps incomplet ou mal formé). Réessayez ; si le problème persiste, "
                    + "rechargez le complément.");
                return true;

            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The client went away (or the analysis timed out): the work stopped, nobody is waiting for an answer.
                LogAborted(logger, context.Request.Method, context.Request.Path);
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                return true;

            default:
                LogUnhandled(logger, exception.GetType().FullName, context.Request.Method, context.Request.Path,
                    context.TraceIdentifier, Sanitized(exception));
                await HostingProblems.WriteAsync(context, StatusCodes.Status500InternalServerError,
                    "Erreur interne du serveur",
                    "L'analyse n'a pas pu aboutir à cause d'une erreur du service, pas de votre classeur, qui n'a pas été "
                    + "modifié. Réessayez dans quelques instants ; si le problème persiste, transmettez l'identifiant "
                    + "« traceId » de cette réponse à l'assistance.");
                return true;
        }
    }

    /// <summary>Types and stack frames of the exception and its inner ones: code locations, never data.</summary>
    internal static string Sanitized(Exception exception)
    {
        var text = new System.Text.StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            text.Append(current.GetType().FullName).AppendLine(current == exception ? "" : " (inner)");
            var trace = new System.Diagnostics.StackTrace(current, fNeedFileInfo: false);
            foreach (var frame in trace.GetFrames())
                if (frame.GetMethod() is { } method)
                    text.Append("   at ").Append(method.DeclaringType?.FullName).Append('.').AppendLine(method.Name);
        }
        return text.ToString();
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Request refused: limit {Limit} exceeded ({Status})")]
    private static partial void LogLimit(ILogger logger, string limit, int status);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Client disconnected during {Method} {Path}: work stopped")]
    private static partial void LogAborted(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error,
        Message = "Unhandled {ExceptionType} on {Method} {Path} (traceId {TraceId}); message withheld (may hold personal data)\n{StackTrace}")]
    private static partial void LogUnhandled(ILogger logger, string? exceptionType, string method, PathString path,
        string traceId, string stackTrace);
}
