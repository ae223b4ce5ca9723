namespace AddinWeb.Hosting;

/// <summary>
/// A request over one of the configured limits (<see cref="RequestLimitOptions"/>). Thrown where the limit is seen
/// (while the JSON is read, or on a workbook read from an upload) and turned into a French 413/422 ProblemDetails by
/// <see cref="ProblemExceptionHandler"/>. The message names the limit, never a value from the request.
/// </summary>
public sealed class RequestLimitExceededException(int statusCode, string limit, long maximum, string title, string detail)
    : Exception(detail)
{
    public int StatusCode { get; } = statusCode;
    /// <summary>Configuration key of the limit, e.g. "MaxRowsPerSheet" (section Hosting:Limits).</summary>
    public string Limit { get; } = limit;
    public long Maximum { get; } = maximum;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
}
