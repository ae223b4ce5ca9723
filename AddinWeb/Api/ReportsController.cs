using AddinWeb.Analysis;
using AddinWeb.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace AddinWeb.Api;

/// <summary>Analyses a session report sent as cell grids (what the task pane reads with Office.js).</summary>
[ApiController]
[Route("api/reports")]
public sealed class ReportsController(ReportAnalyzer analyzer) : ControllerBase
{
    /// <summary>Reads, validates and computes attendance; returns the figures and the "Émargement" sheet layout.</summary>
    /// <response code="200">A usable report: participants, warnings and the sheet.</response>
    /// <response code="400">The body is not valid JSON, or an option is out of range.</response>
    /// <response code="422">The workbook is not a usable session report: the errors say what is missing.</response>
    [HttpPost("analyze")]
    [Consumes("application/json")]
    [AnalysisSlot] // taken once MVC has read the body, never while a client is still sending it
    [ProducesResponseType<AnalyzeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public ActionResult<AnalyzeResponse> Analyze([FromBody] AnalyzeRequest request, CancellationToken cancellationToken)
    {
        var resolution = (request.Options ?? new AnalyzeOptions()).Resolve();
        if (resolution.Options is not { } options)
            return OptionsProblem.For(this, resolution);

        // Grid limits are enforced while the JSON is read (Api/GridLimitJsonConverters).
        var analysis = analyzer.Analyze(request.ToWorkbook(), options, resolution.Convocation, cancellationToken);
        if (!analysis.IsUsable)
            return UnusableReport.Problem(this, analysis);

        var names = request.SheetNames ?? request.Sheets.Select(s => s.Name).ToList();
        return AnalyzeResponse.From(analysis) with { Placement = SheetPlacement.For(analysis.Sheet!.Name, names) };
    }
}
