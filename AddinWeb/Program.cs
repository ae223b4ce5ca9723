using AddinWeb.Addin;
using AddinWeb.Analysis;
using AddinWeb.Api;
using AddinWeb.Hosting;
using AddinWeb.Upload;

var builder = WebApplication.CreateBuilder(args);

builder.AddAddinHosting();                                   // HTTPS certificate, limits, security, rate limits
builder.Services.AddReportAnalysis(builder.Configuration);   // report sources, validation, attendance, layout
builder.Services.AddAddinManifest(builder.Configuration);    // /manifest.xml for the configured public URL
builder.Services.AddReportsApi();                            // MVC controllers, JSON, French ProblemDetails
builder.Services.AddUpload();                                // .xlsx upload: package guard, reader, sheet insertion
builder.Services.AddApiDocumentation();                      // Swagger at /swagger

var app = builder.Build();

app.UseAddinHosting();                                       // errors, headers, HSTS, CORS, rate limits, /healthz
app.UseApiDocumentation();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapControllers();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory tests.</summary>
public partial class Program;
