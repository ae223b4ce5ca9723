using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AddinWeb.Addin;

/// <summary>The add-in manifest for this host, to upload in the Microsoft 365 admin center ("Integrated apps").</summary>
[ApiController]
public sealed class ManifestController(ManifestRenderer renderer, IOptions<AddinOptions> options, IWebHostEnvironment environment)
    : ControllerBase
{
    /// <summary>
    /// The XML manifest whose URLs point at <c>Addin:PublicUrl</c>. Without it, only in Development, at this request's
    /// origin: anywhere else the Host header is the client's to choose, and a manifest built from it would send
    /// Office to whatever site the client named.
    /// </summary>
    /// <response code="200">The manifest, version of this build.</response>
    /// <response code="503">Addin:PublicUrl is not set (outside Development).</response>
    [HttpGet("/manifest.xml")]
    [Produces("application/xml")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
    public IActionResult Get()
    {
        var configured = options.Value.PublicUrl;
        if (!string.IsNullOrWhiteSpace(configured) && ManifestRenderer.TryParsePublicUrl(configured, out var url))
            return Content(renderer.Render(url), "application/xml; charset=utf-8");
        if (environment.IsDevelopment())
            return Content(renderer.Render(new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}")), "application/xml; charset=utf-8");
        return Problem(
            title: "Adresse publique du complément non configurée",
            detail: "Le manifeste ne peut être produit qu'avec l'adresse publique du service. L'administrateur doit la "
                    + "renseigner dans la configuration (Addin:PublicUrl, par exemple Addin__PublicUrl=https://emargement.ac-exemple.fr), "
                    + "puis redémarrer le service.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
