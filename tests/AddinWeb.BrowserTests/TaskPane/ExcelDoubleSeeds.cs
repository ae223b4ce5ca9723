using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// Test workbooks for the Excel double, served by the test host at /__excel-double/seeds/{id}: a 20,000-row workbook
/// takes a minute through Playwright's route or init script, and milliseconds over loopback HTTP.
/// </summary>
public sealed class ExcelDoubleSeeds
{
    public const string PathPrefix = "/__excel-double/seeds/";
    private readonly ConcurrentDictionary<string, string> _seeds = new();

    /// <summary>Stores the workbook's JSON and returns the address the double fetches it from.</summary>
    public string Add(string json)
    {
        var id = Guid.NewGuid().ToString("N");
        _seeds[id] = json;
        return PathPrefix + id;
    }

    internal sealed class Endpoint(ExcelDoubleSeeds seeds) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var path = context.Request.Path.Value ?? "";
                if (path.StartsWith(PathPrefix, StringComparison.Ordinal) && seeds._seeds.TryGetValue(path[PathPrefix.Length..], out var json))
                {
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.WriteAsync(json);
                    return;
                }
                await nextMiddleware();
            });
            next(app);
        };
    }
}
