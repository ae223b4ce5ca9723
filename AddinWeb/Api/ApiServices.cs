using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using AddinWeb.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AddinWeb.Api;

public static class ApiServices
{
    /// <summary>MVC controllers with the JSON shape of the API and French ProblemDetails for bad requests.</summary>
    public static IServiceCollection AddReportsApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddControllers()
            .AddJsonOptions(json => ConfigureJson(json.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(api => api.InvalidModelStateResponseFactory = BadRequestInFrench);
        // The grid limits (Hosting:Limits), checked while the JSON is read.
        services.AddOptions<JsonOptions>().Configure<IOptions<HostingOptions>>((json, hosting) =>
            GridLimitJsonConverters.AddTo(json.JsonSerializerOptions, hosting.Value.Limits));
        return services;
    }

    /// <summary>The API's JSON shape; benchmarks and tests use the same settings.</summary>
    public static JsonSerializerOptions ConfigureJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new CellJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.NumberHandling = JsonNumberHandling.Strict;
        // A report's grid can be deep in rows but never deep in nesting.
        options.MaxDepth = 16;
        return options;
    }

    /// <summary>
    /// Replaces MVC's English validation answer. Nothing of the body is echoed: the reader's messages (which quote a
    /// byte of the body, in English) become one French sentence, only the service's own French messages are kept
    /// (<see cref="JsonErrors"/>, the options' ranges), and a field is named only by the request's own members and
    /// indexes ("$.sheets[0].values"), never by a name taken from the body.
    /// </summary>
    private static IActionResult BadRequestInFrench(ActionContext context)
    {
        var errors = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .GroupBy(e => FieldName(e.Key))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value!.Errors).Select(x => Translate(x.ErrorMessage, x.Exception)).Distinct().Take(5).ToArray());
        // When the JSON itself is unreadable MVC also reports the whole argument as missing: keep the useful part.
        if (errors.Count > 1) errors.Remove("request");
        var onlyOptions = errors.Keys.All(k => k.StartsWith("Options", StringComparison.OrdinalIgnoreCase)
                                               || k.StartsWith("$.options", StringComparison.OrdinalIgnoreCase));
        var problem = new ValidationProblemDetails(errors.Take(20).ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Requête invalide",
            Detail = onlyOptions
                ? "Une option de la requête est hors limites : voir le détail par champ."
                : "Le corps de la requête n'est pas le JSON attendu : "
                  + "{\"sheets\":[{\"name\":\"…\",\"values\":[[…]]}], \"options\":{…}}.",
        };
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    /// <summary>The members a field of the request may be named by (JSON and C# spellings).</summary>
    private static readonly HashSet<string> Members = new[] { typeof(AnalyzeRequest), typeof(SheetPayload), typeof(AnalyzeOptions) }
        .SelectMany(t => t.GetProperties()).Select(p => p.Name)
        .SelectMany(n => new[] { n, JsonNamingPolicy.CamelCase.ConvertName(n) })
        .Append("request").ToHashSet(StringComparer.Ordinal);

    /// <summary>"$.sheets[0].values" as is; anything naming something the body made up: "corps".</summary>
    internal static string FieldName(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 100) return "corps";
        var path = key.StartsWith('$') ? key[1..] : key;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            var member = bracket < 0 ? part : part[..bracket];
            var indexes = bracket < 0 ? "" : part[bracket..];
            if (member.Length > 0 && !Members.Contains(member)) return "corps";
            if (!System.Text.RegularExpressions.Regex.IsMatch(indexes, @"^(\[\d{1,7}\])*$")) return "corps";
        }
        return key;
    }

    private static string Translate(string message, Exception? exception)
    {
        if (message.Contains("required", StringComparison.OrdinalIgnoreCase))
            return "Ce champ est obligatoire.";
        if (JsonErrors.IsOwn(message)) return message; // the converters' French messages
        if (exception is not null || string.IsNullOrEmpty(message) || IsReaderMessage(message))
            return "Valeur JSON illisible à cet endroit.";
        if (message.StartsWith("The ", StringComparison.Ordinal) || message.Contains(" field ", StringComparison.Ordinal))
            return "Valeur invalide.";
        return OptionMessages.Contains(message) ? message : "Valeur invalide.";
    }

    /// <summary>What System.Text.Json says of a body it cannot read (English, quoting the byte it stopped at).</summary>
    private static bool IsReaderMessage(string message) =>
        message.Contains("Path:", StringComparison.Ordinal) || message.Contains("LineNumber", StringComparison.Ordinal)
        || message.Contains("JSON", StringComparison.Ordinal) || message.Contains("invalid", StringComparison.Ordinal);

    /// <summary>The options' own French messages (their validation attributes), the only other messages kept.</summary>
    private static readonly HashSet<string> OptionMessages = typeof(AnalyzeOptions).GetProperties()
        .SelectMany(p => p.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.ValidationAttribute), true))
        .Cast<System.ComponentModel.DataAnnotations.ValidationAttribute>()
        .Select(a => a.ErrorMessage).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Swagger UI at /swagger, fed by the XML comments of the controllers and models.</summary>
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new()
            {
                Title = "Émargement — API",
                Version = "v1",
                Description = "Analyse d'un rapport de session de classe virtuelle et production de la feuille d'émargement.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml)) swagger.IncludeXmlComments(xml, includeControllerXmlComments: true);
            swagger.OperationFilter<AnalyzeRequestExample>();
        });
        return services;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(ui => ui.DocumentTitle = "Émargement — API");
        return app;
    }
}
