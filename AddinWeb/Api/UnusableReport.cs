using AddinWeb.Analysis;
using Microsoft.AspNetCore.Mvc;

namespace AddinWeb.Api;

/// <summary>The 422 answer for a workbook that cannot be used, shared by the JSON and the upload endpoints.</summary>
public static class UnusableReport
{
    public const string Title = "Ce classeur n'est pas un rapport de session utilisable";

    public static ObjectResult Problem(ControllerBase controller, ReportAnalysis analysis)
    {
        var errors = analysis.Errors.ToList();
        var problem = controller.ProblemDetailsFactory.CreateProblemDetails(
            controller.HttpContext,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: Title,
            detail: errors.Count > 0
                ? string.Join(" ", errors.Select(e => e.Message))
                : "Le rapport n'a pas pu être lu.");
        problem.Extensions["errors"] = errors;
        problem.Extensions["issues"] = analysis.Issues;
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status422UnprocessableEntity, ContentTypes = { "application/problem+json" } };
    }
}
