using AddinWeb.Reports;
using AddinWeb.Reports.Via;

namespace AddinWeb.Analysis;

public static class AnalysisServices
{
    /// <summary>Registers the report sources (Via first) and the pipeline.</summary>
    public static IServiceCollection AddReportAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IReportSource, ViaReportSource>();
        services.AddSingleton(new EmargementClock(configuration["Emargement:TimeZone"] ?? "Europe/Paris"));
        services.AddSingleton<ReportAnalyzer>();
        return services;
    }
}
