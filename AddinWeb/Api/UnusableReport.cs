using AddinWeb.Analysis;
using Microsoft.AspNetCore.Mvc;

namespace AddinWeb.Api;

/// <summary>
/// The 422 answer for a workbook that cannot be used, shared by the JSON and the upload endpoints. Bounded whatever
/// the workbook: at most <see cref="MaxListed"/> errors and issues listed (the counts say how many there were),
/// each message at most <see cref="MaxMessageLength"/> characters, the detail the first few errors.
/// </summary>
public static class UnusableReport
{
    public const string Title = "Ce classeur n'est pas un rapport de session utilisable";
    public const int MaxListed = 100;
    public const int MaxMessageLength = 600;
    private const int ErrorsInDetail = 3;

    public static ObjectResult Problem(ControllerBase controller, ReportAnalysis analysis)
    {
        var errors = analysis.Errors.ToList();
        var problem = controller.ProblemDetailsFactory.CreateProblemDetails(
            controller.HttpContext,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: Title,
            detail: errors.Count > 0
                ? string.Join(" ", errors.Take(ErrorsInDetail).Select(e => Bounded(e).Message))
                  + (errors.Count > ErrorsInDetail ? $" (et {errors.Count - ErrorsInDetail} autre(s) erreur(s), voir « errors »)" : "")
                : "Le rapport n'a pas pu être lu.");
        problem.Extensions["errors"] = errors.Take(MaxListed).Select(Bounded).ToList();
        problem.Extensions["issues"] = analysis.Issues.Take(MaxListed).Select(Bounded).ToList();
        problem.Extensions["errorCount"] = errors.Count;
        problem.Extensions["issueCount"] = analysis.Issues.Count;
        // The same as the error's message, in parts a page lays out as a list (one line per platform read).
        if (analysis.Unrecognised is { } unrecognised)
            problem.Extensions["unrecognised"] = unrecognised;
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status422UnprocessableEntity, ContentTypes = { "application/problem+json" } };
    }

    private static string Bounded(string message) =>
        message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)].TrimEnd() + "…";

    // The unrecognised workbook's message is the service's own words (each platform read, a few sheet names), bounded
    // by construction: cut, it would lose the last platforms.
    private static Reports.ReportIssue Bounded(Reports.ReportIssue issue) =>
        issue.Message.Length <= MaxMessageLength || issue.Code == ReportAnalyzer.UnrecognisedReport
            ? issue
            : issue with { Message = Bounded(issue.Message) };
}
