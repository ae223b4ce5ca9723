using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AddinWeb.Upload;

/// <summary>One uploaded file, in memory, with its name as the browser sent it (folders dropped).</summary>
public sealed record UploadedFile(byte[] Bytes, string FileName);

/// <summary>The files and text fields of a multipart/form-data request, read into memory.</summary>
/// <param name="Files">Each file field sent, by its name (the main one is always there).</param>
/// <param name="Fields">The single-valued text fields, by name (case aside).</param>
/// <param name="Repeated">The values of each repeatable field, in the order sent (none: not in the dictionary).</param>
public sealed record UploadedForm(
    IReadOnlyDictionary<string, UploadedFile> Files,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Repeated)
{
    /// <summary>The main file (the report), as <see cref="UploadFormShape.FileField"/> names it.</summary>
    public required UploadedFile Main { get; init; }

    public byte[] File => Main.Bytes;
    public string FileName => Main.FileName;

    /// <summary>A file field sent besides the main one, or null.</summary>
    public UploadedFile? FileOf(string field) => Files.GetValueOrDefault(field);

    /// <summary>The values of a repeatable field (empty when none was sent).</summary>
    public IReadOnlyList<string> ValuesOf(string field) => Repeated.GetValueOrDefault(field) ?? [];
}

/// <summary>
/// What a form may hold: its required file field, the optional ones, and the text fields that may come several
/// times with their most values. Every other text field may come once. The number of sections is bounded by what
/// the shape allows, plus a few extra fields, so a repeatable field never opens the door to thousands of sections.
/// </summary>
public sealed record UploadFormShape(string FileField)
{
    public IReadOnlyList<string> OptionalFileFields { get; init; } = [];
    public IReadOnlyDictionary<string, int> RepeatableFields { get; init; } = new Dictionary<string, int>();

    /// <summary>Sections beyond the files and the repeatable values: the single fields, known or not.</summary>
    public const int SingleFields = 16;

    /// <summary>One repeatable value over its most is still read (so the caller can say "at most 40, 41 sent").</summary>
    public int MaxSections => 1 + OptionalFileFields.Count + SingleFields + RepeatableFields.Values.Sum(n => n + 1);
}

/// <summary>Why a multipart body was refused, in French for the ProblemDetails.</summary>
public sealed record UploadRefusal(int Status, string Title, string Detail, string? Limit = null, long? Maximum = null);

/// <summary>
/// Reads a multipart/form-data body section by section straight into memory. MVC's <c>IFormFile</c> would spool any
/// file above 64 KB to a temporary file on disk; an attendance report holds names and emails, which must never be
/// written to disk. Every file of the form counts against one byte limit, the upload's.
/// </summary>
public static class MultipartUpload
{
    private const int MaxFieldChars = 200;

    /// <summary>A form with one file field and single-valued text fields.</summary>
    public static Task<(UploadedForm? Form, UploadRefusal? Refusal)> ReadAsync(
        HttpRequest request, string fileField, long maxFileBytes, CancellationToken cancellation) =>
        ReadAsync(request, new UploadFormShape(fileField), maxFileBytes, cancellation);

    /// <param name="request">The request, its body not read yet.</param>
    /// <param name="shape">The fields the form may hold.</param>
    /// <param name="maxFileBytes">The configured upload limit (<c>Hosting:Limits:MaxUploadBytes</c>), for all files together.</param>
    /// <param name="cancellation">The request's token.</param>
    public static async Task<(UploadedForm? Form, UploadRefusal? Refusal)> ReadAsync(
        HttpRequest request, UploadFormShape shape, long maxFileBytes, CancellationToken cancellation)
    {
        var fileField = shape.FileField;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return (null, Refused($"Envoyez le rapport en multipart/form-data, dans le champ « {fileField} »."));

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxFileBytes + 64 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var repeated = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var files = new Dictionary<string, UploadedFile>(StringComparer.OrdinalIgnoreCase);
        var fileFields = new[] { fileField }.Concat(shape.OptionalFileFields).ToHashSet(StringComparer.OrdinalIgnoreCase);
        long fileBytes = 0;
        try
        {
            for (var count = 0; await reader.ReadNextSectionAsync(cancellation) is { } section; count++)
            {
                if (count >= shape.MaxSections) return (null, Refused("Le formulaire envoyé contient trop de champs."));
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition() && fileFields.Contains(name))
                {
                    if (files.ContainsKey(name)) return (null, Refused($"Envoyez un seul fichier dans le champ « {name} »."));
                    var bytes = await ReadAllAsync(section.Body, maxFileBytes - fileBytes, cancellation);
                    if (bytes is null) return (null, TooLarge(maxFileBytes, files.Count > 0));
                    fileBytes += bytes.Length;
                    files[name] = new UploadedFile(bytes, FileNameOf(disposition, name == fileField ? "rapport.xlsx" : "convocation.xlsx"));
                }
                else if (disposition.IsFormDisposition() && fileFields.Contains(name))
                {
                    // A file input left empty comes as an empty part without a file name: no file, as if left out.
                    using var text = new StreamReader(section.Body);
                    if (await text.ReadAsync(new char[1], cancellation) > 0)
                        return (null, Refused($"Le champ « {name} » attend un fichier (.xlsx ou .csv), pas un texte."));
                }
                else if (disposition.IsFormDisposition())
                {
                    using var text = new StreamReader(section.Body);
                    var buffer = new char[MaxFieldChars + 1];
                    var read = await text.ReadBlockAsync(buffer, cancellation);
                    if (read > MaxFieldChars) return (null, Refused($"Le champ « {name} » est trop long."));
                    var value = new string(buffer, 0, read);
                    if (shape.RepeatableFields.TryGetValue(name, out var most))
                    {
                        if (!repeated.TryGetValue(name, out var values)) repeated[name] = values = [];
                        // One over the most is kept, for the caller's own message ("at most n, n + 1 sent").
                        if (values.Count > most) return (null, Refused($"Le champ « {name} » est envoyé plus de {most} fois."));
                        values.Add(value);
                    }
                    else if (!fields.TryAdd(name, value))
                        return (null, Refused($"Le champ « {name} » est envoyé plusieurs fois : envoyez-le une seule fois."));
                }
            }
        }
        catch (InvalidDataException)
        {
            // Malformed multipart framing or a body above BodyLengthLimit.
            return (null, Refused("Le formulaire envoyé est illisible ou trop volumineux."));
        }

        if (!files.TryGetValue(fileField, out var main) || main.Bytes.Length == 0)
            return (null, Refused($"Aucun fichier reçu : joignez le rapport (.xlsx ou .csv) dans le champ « {fileField} »."));
        foreach (var (name, file) in files)
            if (file.Bytes.Length == 0)
                return (null, Refused($"Le fichier du champ « {name} » est vide : choisissez-le de nouveau, ou retirez-le."));
        return (new UploadedForm(files, fields, repeated.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.OrdinalIgnoreCase))
        {
            Main = main,
        }, null);
    }

    private static string FileNameOf(ContentDispositionHeaderValue disposition, string fallback)
    {
        var original = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        var fileName = string.IsNullOrWhiteSpace(original) ? fallback : Path.GetFileName(original.Replace('\\', '/'));
        return fileName.Length > 255 ? fileName[..255] : fileName; // only a file name, never a story
    }

    private static UploadRefusal TooLarge(long maxFileBytes, bool several) =>
        new(StatusCodes.Status413PayloadTooLarge, "Fichier trop volumineux",
            (several ? $"Les fichiers envoyés dépassent ensemble {Hosting.HostingProblems.Size(maxFileBytes)}"
                     : $"Le fichier dépasse {Hosting.HostingProblems.Size(maxFileBytes)}")
            + ", la taille maximale acceptée : un rapport de session est bien plus petit.", "MaxUploadBytes", maxFileBytes);

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
