using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AddinWeb.Addin;

/// <summary>The add-in manifest for this host, to upload in the Microsoft 365 admin center ("Integrated apps").</summary>
[ApiController]
public sealed class ManifestController(ManifestRenderer renderer, IOptions<AddinOptions> options) : ControllerBase
{
    /// <summary>The XML manifest whose URLs point at <c>Addin:PublicUrl</c> (or at this request's origin when it is not set).</summary>
    /// <response code="200">The manifest, version of this build.</response>
    [HttpGet("/manifest.xml")]
    [Produces("application/xml")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public IActionResult Get()
    {
        var configured = options.Value.PublicUrl;
        var publicUrl = !string.IsNullOrWhiteSpace(configured) && ManifestRenderer.TryParsePublicUrl(configured, out var url)
            ? url
            : new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        return Content(renderer.Render(publicUrl), "application/xml; charset=utf-8");
    }
}
