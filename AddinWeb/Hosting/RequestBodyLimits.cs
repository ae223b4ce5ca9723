using Microsoft.AspNetCore.Http.Features;

namespace AddinWeb.Hosting;

/// <summary>
/// Body size limits: 32 MB for the JSON of an analysis, 16 MB for an uploaded workbook. Kestrel enforces the JSON
/// ceiling for every request; this middleware lowers it for file uploads and refuses a declared Content-Length over
/// the limit at once, before anything is read. Uploads are kept in memory (never buffered to a temporary file on
/// disk): they carry names and emails.
/// </summary>
internal static class RequestBodyLimits
{
    private static readonly string[] FileContentTypes =
    [
        "multipart/form-data",
        "application/octet-stream",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-excel",
    ];

    public static void ConfigureKestrel(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, RequestLimitOptions limits) =>
        kestrel.Limits.MaxRequestBodySize = Math.Max(limits.MaxJsonBodyBytes, limits.MaxUploadBytes);

    public static void ConfigureIis(IISServerOptions iis, RequestLimitOptions limits) =>
        iis.MaxRequestBodySize = Math.Max(limits.MaxJsonBodyBytes, limits.MaxUploadBytes);

    public static void ConfigureForms(FormOptions form, RequestLimitOptions limits)
    {
        form.MultipartBodyLengthLimit = limits.MaxUploadBytes;
        // The whole upload stays in memory: ASP.NET would otherwise spill files above 64 KB to a temporary file.
        form.MemoryBufferThreshold = (int)Math.Min(int.MaxValue, limits.MaxUploadBytes + 64 * 1024);
        form.ValueCountLimit = 64;
    }

    public static bool IsFileUpload(HttpRequest request) =>
        request.ContentType is { } type && FileContentTypes.Any(f => type.StartsWith(f, StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app, RequestLimitOptions limits) =>
        app.Use(async (context, next) =>
        {
            var upload = IsFileUpload(context.Request);
            var limit = upload ? limits.MaxUploadBytes : limits.MaxJsonBodyBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit)
            {
                // The client may still be sending: do not keep the connection for the rest of it.
                context.Response.Headers.Connection = "close";
                await WriteTooLargeAsync(context, upload, limits);
                return;
            }
            await next(context);
        });

    public static Task WriteTooLargeAsync(HttpContext context, bool upload, RequestLimitOptions limits) =>
        upload
            ? HostingProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Fichier trop volumineux",
                $"Le fichier envoyé dépasse {HostingProblems.Size(limits.MaxUploadBytes)}, la taille maximale acceptée. "
                + "Un rapport de session pèse en général moins de 1 Mo : vérifiez qu'il s'agit bien du rapport téléchargé "
                + "depuis la plateforme de la session, ou ouvrez-le dans Excel et utilisez le complément.",
                new Dictionary<string, object?> { ["limit"] = nameof(limits.MaxUploadBytes), ["maximum"] = limits.MaxUploadBytes })
            : HostingProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Requête trop volumineuse",
                $"Les données envoyées dépassent {HostingProblems.Size(limits.MaxJsonBodyBytes)}, la taille maximale acceptée. "
                + "Envoyez uniquement les feuilles du rapport de session et, s'il y a lieu, celle de la liste des convoqués.",
                new Dictionary<string, object?> { ["limit"] = nameof(limits.MaxJsonBodyBytes), ["maximum"] = limits.MaxJsonBodyBytes });
}
