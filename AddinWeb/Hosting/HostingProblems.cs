using Microsoft.AspNetCore.Mvc;

namespace AddinWeb.Hosting;

/// <summary>
/// French RFC 7807 answers written by the hosting layer itself (limits, rate limiting, errors), through the same
/// <see cref="IProblemDetailsService"/> as MVC so that they carry the same shape and trace id.
/// </summary>
internal static class HostingProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail,
        IDictionary<string, object?>? extensions = null)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (extensions is not null)
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = value;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }

    /// <summary>"32 Mo", "16 Mo", "512 Ko": sizes as a French user reads them.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} Mo",
        >= 1024 * 1024 => $"{bytes / (1024d * 1024):0.#} Mo",
        >= 1024 => $"{bytes / 1024} Ko",
        _ => $"{bytes} octets",
    };

    /// <summary>"250 000": thousands separated the French way (narrow no-break space kept simple: a space).</summary>
    public static string Count(long value) =>
        value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', ' ');
}
