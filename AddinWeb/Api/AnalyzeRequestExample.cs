using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AddinWeb.Api;

/// <summary>
/// Puts a real, small Via report (fictional names, figures from the user's own example) into Swagger's
/// "Try it out" for <c>POST /api/reports/analyze</c>, so a newcomer gets correct figures in one click.
/// The same file is analysed by the API tests, so the example cannot rot.
/// </summary>
public sealed class AnalyzeRequestExample : IOperationFilter
{
    public const string ResourceName = "AddinWeb.Api.Examples.analyze-request.json";

    private static readonly Lazy<string> Json = new(() =>
    {
        using var stream = typeof(AnalyzeRequestExample).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Ressource manquante : {ResourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Text => Json.Value;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo.Name != nameof(ReportsController.Analyze)
            || context.MethodInfo.DeclaringType != typeof(ReportsController)
            || operation.RequestBody?.Content is not { } content)
            return;
        foreach (var media in content.Values.OfType<OpenApiMediaType>())
            media.Example = JsonNode.Parse(Text);
    }
}
