using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.BigBlueButton;
using AddinWeb.Reports.Teams;
using AddinWeb.Reports.Via;
using AddinWeb.Reports.Zoom;
using Microsoft.Extensions.Options;

namespace AddinWeb.Analysis;

public static class AnalysisServices
{
    /// <summary>Registers the report sources (Via first), the office the sheet goes to, and the pipeline.</summary>
    public static IServiceCollection AddReportAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IReportSource, ViaReportSource>();
        services.AddSingleton<IReportSource, BbbReportSource>();
        services.AddSingleton<IReportSource, TeamsReportSource>();
        services.AddSingleton<IReportSource, ZoomReportSource>();
        services.AddSingleton(new EmargementClock(configuration["Emargement:TimeZone"] ?? "Europe/Paris"));
        services.AddOptions<OfficeOptions>()
            .Bind(configuration.GetSection(OfficeOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OfficeOptions>, OfficeOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<OfficeOptions>>().Value.ToOffice());
        services.AddSingleton<ReportAnalyzer>();
        return services;
    }
}

/// <summary>
/// The <c>Emargement:Office</c> section: the académie's continuing-education office, named on the sheet's reminder
/// line (e.g. <c>Emargement__Office__Name="EAFC de l'académie de Toulouse"</c>). Left out: the generic EAFC wording.
/// </summary>
public sealed class OfficeOptions
{
    public const string Section = "Emargement:Office";

    /// <summary>The office as it signs its letters, without article.</summary>
    public string? Name { get; set; }

    /// <summary>Its postal address, on one line.</summary>
    public string? Address { get; set; }

    public EmargementOffice ToOffice() => new(
        string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
        string.IsNullOrWhiteSpace(Address) ? null : Address.Trim());
}

/// <summary>Refuses to start on an office the sheet could not print (an address without a name, a name on several lines).</summary>
internal sealed class OfficeOptionsValidator : IValidateOptions<OfficeOptions>
{
    public ValidateOptionsResult Validate(string? name, OfficeOptions options) =>
        options.ToOffice().Problems() is { Count: > 0 } problems
            ? ValidateOptionsResult.Fail(problems)
            : ValidateOptionsResult.Success;
}
