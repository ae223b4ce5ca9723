namespace AddinWeb.Hosting;

/// <summary>
/// The "Hosting" configuration section. Every default is safe for a public deployment; each can be overridden in
/// appsettings.json or with environment variables (e.g. <c>Hosting__Limits__MaxRowsPerSheet=300000</c>).
/// </summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Redirects HTTP to HTTPS. The browser tests turn it off: they run plain HTTP on 127.0.0.1.</summary>
    public bool HttpsRedirection { get; set; } = true;

    /// <summary>Strict-Transport-Security outside Development (never sent for localhost, by ASP.NET design).</summary>
    public bool Hsts { get; set; } = true;

    public CertificateOptions Certificate { get; set; } = new();
    public SecurityHeaderOptions SecurityHeaders { get; set; } = new();
    public CorsOriginsOptions Cors { get; set; } = new();
    public RateLimitOptions RateLimiting { get; set; } = new();
    public RequestLimitOptions Limits { get; set; } = new();
}

public sealed class CertificateOptions
{
    /// <summary>
    /// When no certificate is configured (Kestrel:Certificates:Default or an endpoint's own) and there is no ASP.NET
    /// development certificate, make a self-signed localhost certificate so that <c>dotnet run</c> works on a fresh
    /// machine.
    /// </summary>
    public bool GenerateLocalhost { get; set; } = true;

    /// <summary>Where the generated certificate is kept, so it is trusted once and reused. Empty: the user's local
    /// application data folder (…/Emargement/localhost-https.pfx). It holds no personal data.</summary>
    public string? GeneratedPath { get; set; }
}

public sealed class SecurityHeaderOptions
{
    /// <summary>
    /// Who may frame the pages (CSP frame-ancestors); empty: <see cref="DefaultFrameAncestors"/>. Office on the web
    /// frames the task pane from these hosts; Office desktop (WebView2, WKWebView) shows it as a top-level page, which
    /// frame-ancestors does not restrict. (Configuration appends to arrays, so defaults live apart.)
    /// </summary>
    public string[] FrameAncestors { get; set; } = [];

    public static readonly string[] DefaultFrameAncestors =
    [
        "'self'",
        "https://*.officeapps.live.com",
        "https://*.office.com",
        "https://*.office365.com",
        "https://*.microsoft365.com",
        "https://*.cloud.microsoft",
        "https://*.sharepoint.com",
        "https://onedrive.live.com",
        "https://*.onedrive.com",
    ];

    /// <summary>Scripts allowed besides the host itself; empty: office.js's origin, from which it also loads its
    /// host-specific and locale scripts.</summary>
    public string[] ScriptSources { get; set; } = [];

    /// <summary>Origins the pages may fetch from besides the host; empty: office.js's origin.</summary>
    public string[] ConnectSources { get; set; } = [];

    public const string OfficeJsOrigin = "https://appsforoffice.microsoft.com";

    /// <summary>Pages the pane may frame (CSP frame-src besides 'self'); empty: <see cref="DefaultFrameSources"/>.</summary>
    public string[] FrameSources { get; set; } = [];

    /// <summary>
    /// office.js frames Microsoft's telemetry proxy page as soon as it loads, inside Office or not; refusing it
    /// only fills the console with errors.
    /// </summary>
    public static readonly string[] DefaultFrameSources = ["https://telemetryservice.firstpartyapps.oaspapps.com"];

    public IReadOnlyList<string> EffectiveFrameSources => FrameSources.Length > 0 ? FrameSources : DefaultFrameSources;

    public IReadOnlyList<string> EffectiveFrameAncestors => FrameAncestors.Length > 0 ? FrameAncestors : DefaultFrameAncestors;
    public IReadOnlyList<string> EffectiveScriptSources => ScriptSources.Length > 0 ? ScriptSources : [OfficeJsOrigin];
    public IReadOnlyList<string> EffectiveConnectSources => ConnectSources.Length > 0 ? ConnectSources : [OfficeJsOrigin];

    public string ReferrerPolicy { get; set; } = "strict-origin-when-cross-origin";
}

public sealed class CorsOriginsOptions
{
    /// <summary>Origins allowed to call the API from another site. Empty (the default): CORS closed; the task pane
    /// is served by this host, so it is same-origin and needs none.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client (IP address) may make per window, static files included.</summary>
    public int PermitLimit { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Analyses (JSON or upload) computed at once, whoever asks: bounds CPU and memory under load.
    /// 0: twice the number of processors. A slot is taken once the request's body has been read.</summary>
    public int MaxConcurrentAnalyses { get; set; }

    /// <summary>Analyses waiting for a free slot before the host answers 429.</summary>
    public int AnalysisQueueLimit { get; set; } = 256;

    /// <summary>Analysis requests (JSON or upload) one client (IP address) may have in flight at once, bodies still
    /// arriving included. 0: no limit.</summary>
    public int MaxConcurrentRequestsPerClient { get; set; } = 8;
}

public sealed class RequestLimitOptions
{
    /// <summary>JSON body of an analysis (the task pane's cell grids): 32 MB.</summary>
    public long MaxJsonBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Uploaded file: 16 MB. The one limit on an upload's size (multipart reading, package check).</summary>
    public long MaxUploadBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Seconds a request's body may take to arrive (408 after), whatever its rate: 16 MB at 2.2 Mbit/s.</summary>
    public int BodyReadTimeoutSeconds { get; set; } = 60;

    public int MaxSheets { get; set; } = 64;

    /// <summary>Rows of one sheet: 100,000 connections plus a title block and a margin.</summary>
    public int MaxRowsPerSheet { get; set; } = 250_000;

    public int MaxColumnsPerSheet { get; set; } = 512;

    /// <summary>Characters of one cell: Excel's own maximum.</summary>
    public int MaxCellLength { get; set; } = 32_767;

    /// <summary>Entries of an .xlsx package (a report has about 10–30).</summary>
    public int MaxZipEntries { get; set; } = 1_000;

    /// <summary>Decompressed size of all the package's entries together.</summary>
    public long MaxDecompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Decompressed/compressed ratio of one entry, checked for entries above
    /// <see cref="CompressionRatioThresholdBytes"/>: real sheets stay well under 100.</summary>
    public int MaxCompressionRatio { get; set; } = 200;

    public long CompressionRatioThresholdBytes { get; set; } = 1024 * 1024;

    /// <summary>Seconds a request may take, from its start to its answer (body, wait for a slot, analysis), before the
    /// host gives up (504).</summary>
    public int AnalysisTimeoutSeconds { get; set; } = 120;
}
