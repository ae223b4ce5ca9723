using System.Net;
using System.Text;
using System.Text.Json;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AddinWeb.Tests.Hosting;

/// <summary>A bug anywhere in the pipeline: the client gets a French 500 without stack trace or exception text, and
/// the logs get the exception's type and stack frames but not its message (which may quote a cell).</summary>
public sealed class ErrorHandlingTests : IAsyncLifetime
{
    private const string Secret = "camille.durand@ac-toulouse.fr";

    private readonly HostFactory _factory = new(null, services: services =>
    {
        services.RemoveAll<IReportSource>();
        services.AddSingleton<IReportSource, ExplodingSource>();
    });

    [Theory]
    [InlineData("Testing")]
    [InlineData("Development")]
    public async Task An_unexpected_exception_is_a_french_problem_without_details(string environment)
    {
        await using var factory = new HostFactory(null, environment: environment, services: services =>
        {
            services.RemoveAll<IReportSource>();
            services.AddSingleton<IReportSource, ExplodingSource>();
        });
        using var response = await factory.CreateClient().PostAsync("/api/reports/analyze",
            new StringContent("""{"sheets":[{"name":"Sommaire","values":[["x"]]}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain(nameof(ExplodingSource), body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("Erreur interne du serveur", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("traceId", problem.RootElement.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("traceId").GetString()));

        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(Secret));
        Assert.Contains(factory.Logs.Lines, line => line.Contains("InvalidOperationException") && line.Contains(nameof(ExplodingSource)));
    }

    [Fact]
    public async Task Unknown_address_is_a_french_404_problem()
    {
        using var response = await _factory.CreateClient().GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Ressource introuvable", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Wrong_content_type_is_a_french_415_problem()
    {
        using var response = await _factory.CreateClient().PostAsync("/api/reports/analyze",
            new StringContent("sheets", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Type de contenu non pris en charge", problem.RootElement.GetProperty("title").GetString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private sealed class ExplodingSource : IReportSource
    {
        public string Format => "via";
        public string Platform => "Test";
        public string Expected => "rien";
        public bool Recognises(WorkbookGrid workbook) => true;
        public ReportReadResult Read(WorkbookGrid workbook) =>
            throw new InvalidOperationException($"La valeur « {Secret} » n'a pas pu être lue.");
    }
}
