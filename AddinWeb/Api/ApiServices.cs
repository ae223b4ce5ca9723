using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

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
    /// Replaces MVC's English validation answer. System.Text.Json messages name the JSON path and position, never
    /// the values, so no personal data is echoed back.
    /// </summary>
    private static IActionResult BadRequestInFrench(ActionContext context)
    {
        var errors = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .ToDictionary(
                e => string.IsNullOrEmpty(e.Key) ? "corps" : e.Key,
                e => e.Value!.Errors.Select(x => Translate(x.ErrorMessage, x.Exception)).Distinct().ToArray());
        // When the JSON itself is unreadable MVC also reports the whole argument as missing: keep the useful part.
        if (errors.Count > 1) errors.Remove("request");
        var unreadableJson = errors.Keys.Any(k => k is "corps" or "request" || k.StartsWith('$'));
        var problem = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Requête invalide",
            Detail = unreadableJson
                ? "Le corps de la requête n'est pas le JSON attendu : "
                  + "{\"sheets\":[{\"name\":\"Sommaire\",\"values\":[[…]]}], \"options\":{…}}."
                : "Une option de la requête est hors limites : voir le détail par champ.",
        };
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    private static string Translate(string message, Exception? exception)
    {
        if (message.Contains("required", StringComparison.OrdinalIgnoreCase))
            return "Ce champ est obligatoire.";
        if (string.IsNullOrEmpty(message) || message.StartsWith("The JSON", StringComparison.Ordinal)
            || message.Contains("is invalid", StringComparison.Ordinal) || exception is not null)
            return "Valeur JSON illisible à cet endroit.";
        if (message.StartsWith("The ", StringComparison.Ordinal) || message.Contains(" field ", StringComparison.Ordinal))
            return "Valeur invalide.";
        return message; // our own French messages (options' ranges)
    }

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
                Description = "Analyse d'un rapport de session Ma cl@sse virtuelle (Via) et production de la feuille d'émargement.",
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
