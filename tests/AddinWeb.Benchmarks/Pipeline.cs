using AddinWeb.Upload;
using System.Text.Json;
using AddinWeb.Analysis;
using AddinWeb.Api;
using AddinWeb.Excel;
using AddinWeb.Hosting;
using AddinWeb.Reports.Grid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AddinWeb.Benchmarks;

/// <summary>
/// The production pipeline, JSON settings and upload guard, taken from the host's own service registrations
/// (as in AddinWeb/Program.cs, default configuration) without starting a server, so the benchmarks measure what the
/// host runs.
/// </summary>
public static class Pipeline
{
    private static readonly IServiceProvider Services = CreateServices();

    /// <summary>MVC's JSON options: the API's shape plus the grid limits checked while reading.</summary>
    public static readonly JsonSerializerOptions Json =
        Services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;

    public static ReportAnalyzer CreateAnalyzer() => Services.GetRequiredService<ReportAnalyzer>();

    public static XlsxPackageGuard CreateGuard() => Services.GetRequiredService<XlsxPackageGuard>();

    /// <summary>The upload controller as MVC builds it (analyzer, upload reader, analysis gate, hosting options).</summary>
    public static UploadController CreateUploadController() => ActivatorUtilities.CreateInstance<UploadController>(Services);

    public static UploadReader CreateUploadReader() => Services.GetRequiredService<UploadReader>();

    public static RequestLimitOptions Limits => Services.GetRequiredService<IOptions<HostingOptions>>().Value.Limits;

    private static ServiceProvider CreateServices()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.AddAddinHosting();
        builder.Services.AddReportAnalysis(builder.Configuration);
        builder.Services.AddReportsApi();
        builder.Services.AddUpload();
        return builder.Services.BuildServiceProvider();
    }

    /// <summary>The request body the task pane would send for this workbook.</summary>
    public static byte[] RequestJson(WorkbookGrid workbook) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            sheets = workbook.Sheets.Select(s => new { name = s.Name, address = $"'{s.Name}'!A1", values = s.Rows }),
        }, Json);
}
