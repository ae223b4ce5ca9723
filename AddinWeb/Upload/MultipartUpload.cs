using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AddinWeb.Upload;

/// <summary>One file and the text fields of a multipart/form-data request, read into memory.</summary>
public sealed record UploadedForm(byte[] File, string FileName, IReadOnlyDictionary<string, string> Fields);

/// <summary>Why a multipart body was refused, in French for the ProblemDetails.</summary>
public sealed record UploadRefusal(int Status, string Title, string Detail, string? Limit = null, long? Maximum = null);

/// <summary>
/// Reads a multipart/form-data body section by section straight into memory. MVC's <c>IFormFile</c> would spool any
/// file above 64 KB to a temporary file on disk; an attendance report holds names and emails, which must never be
/// written to disk.
/// </summary>
public static class MultipartUpload
{
    private const int MaxFieldChars = 200;
    private const int MaxSections = 16;

    /// <param name="request">The request, its body not read yet.</param>
    /// <param name="fileField">The form field holding the file.</param>
    /// <param name="maxFileBytes">The configured upload limit (<c>Hosting:Limits:MaxUploadBytes</c>).</param>
    /// <param name="cancellation">The request's token.</param>
    public static async Task<(UploadedForm? Form, UploadRefusal? Refusal)> ReadAsync(
        HttpRequest request, string fileField, long maxFileBytes, CancellationToken cancellation)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return (null, Refused($"Envoyez le rapport en multipart/form-data, dans le champ « {fileField} »."));

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxFileBytes + 64 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        byte[]? file = null;
        var fileName = "rapport.xlsx";
        try
        {
            for (var count = 0; await reader.ReadNextSectionAsync(cancellation) is { } section; count++)
            {
                if (count >= MaxSections) return (null, Refused("Le formulaire envoyé contient trop de champs."));
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition() && name.Equals(fileField, StringComparison.OrdinalIgnoreCase))
                {
                    if (file is not null) return (null, Refused("Envoyez un seul fichier à la fois."));
                    file = await ReadAllAsync(section.Body, maxFileBytes, cancellation);
                    if (file is null)
                        return (null, new UploadRefusal(StatusCodes.Status413PayloadTooLarge, "Fichier trop volumineux",
                            $"Le fichier dépasse {Hosting.HostingProblems.Size(maxFileBytes)}, la taille maximale acceptée : un "
                            + "rapport de session est bien plus petit.", "MaxUploadBytes", maxFileBytes));
                    var original = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    if (!string.IsNullOrWhiteSpace(original)) fileName = Path.GetFileName(original.Replace('\\', '/'));
                    if (fileName.Length > 255) fileName = fileName[..255]; // only a file name, never a story
                }
                else if (disposition.IsFormDisposition())
                {
                    using var text = new StreamReader(section.Body);
                    var buffer = new char[MaxFieldChars + 1];
                    var read = await text.ReadBlockAsync(buffer, cancellation);
                    if (read > MaxFieldChars) return (null, Refused($"Le champ « {name} » est trop long."));
                    fields[name] = new string(buffer, 0, read);
                }
            }
        }
        catch (InvalidDataException)
        {
            // Malformed multipart framing or a body above BodyLengthLimit.
            return (null, Refused("Le formulaire envoyé est illisible ou trop volumineux."));
        }

        return file is null or { Length: 0 }
            ? (null, Refused($"Aucun fichier reçu : joignez le rapport .xlsx dans le champ « {fileField} »."))
            : (new UploadedForm(file, fileName, fields), null);
    }

    /// <summary>Null when the stream is longer than <paramref name="maxFileBytes"/>.</summary>
    private static async Task<byte[]?> ReadAllAsync(Stream body, long maxFileBytes, CancellationToken cancellation)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellation)) > 0)
        {
            if (memory.Length + read > maxFileBytes) return null;
            memory.Write(buffer, 0, read);
        }
        return memory.ToArray();
    }

    private static UploadRefusal Refused(string detail) =>
        new(StatusCodes.Status400BadRequest, "Envoi de fichier invalide", detail);
}
