using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AddinWeb.Analysis;
using AddinWeb.Api;
using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Hosting;
using AddinWeb.Reports;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Attendance;
using AddinWeb.Tests.Excel;
using AddinWeb.Tests.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AddinWeb.Tests.Api;

/// <summary>
/// Every setting's default, bounds and order are the same in the four places that apply them: what
/// <c>GET /api/settings</c> serves the pages, the JSON API (<c>/api/reports/analyze</c> and the pane's
/// <c>/api/options/check</c>), the upload form (<c>/api/reports/analyze-file</c>) and the attendance engine. The
/// cases are taken from what is served, so a bound changed in one place only fails here.
/// </summary>
public sealed class OptionBoundsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> NumberOptions() => [.. OptionRules.All.OfType<NumberOption>().Select(o => o.Name)];

    private async Task<JsonNode> Served() =>
        JsonNode.Parse(await _client.GetStringAsync("/api/settings"))!;

    private async Task<JsonNode> ServedOption(string name) =>
        (await Served())["options"]!.AsArray().Single(o => (string?)o!["name"] == name)!;

    [Fact]
    public async Task Every_definition_is_served_and_nothing_else()
    {
        var served = (await Served())["options"]!.AsArray().Select(o => ((string)o!["name"]!, (string)o["kind"]!)).ToList();

        Assert.Equal(AnalyzeOptions.Definitions.Select(o => (o.Name, o switch
        {
            NumberOption => "number",
            TimeOption => "time",
            SlotListOption => "slots",
            SheetChoiceOption => "sheet",
            _ => "unknown",
        })), served);
        Assert.Equal([.. OptionRules.All.Select(o => o.Name), ConvocationChoice.Option.Name], served.Select(o => o.Item1));
        Assert.Equal(["Trainer", "Trainer", "Trainer", "Trainer", "Report", "Report"],
            (await Served())["options"]!.AsArray().Select(o => (string?)o!["scope"] ?? ""));
    }

    [Theory]
    [MemberData(nameof(NumberOptions))]
    public async Task A_number_has_the_same_default_everywhere(string name)
    {
        var served = (double)(await ServedOption(name))["default"]!;

        var checkedDefaults = JsonNode.Parse(await (await _client.PostAsync("/api/options/check", AnalyzeJson.Content("{}"))).Content.ReadAsStringAsync())!;
        Assert.Equal(served, (double)checkedDefaults[name]!);
        Assert.Equal(served, Value(AnalyzeOptions.FromForm(new Dictionary<string, string>()).Options!, name));
        Assert.Equal(served, Value(AttendanceOptions.Default, name));
        Assert.Equal(served, Value(new AnalyzeOptions().Resolve().Options!, name));
    }

    [Theory]
    [MemberData(nameof(NumberOptions))]
    public async Task A_number_at_its_bounds_is_accepted_by_the_api_and_the_upload_form(string name)
    {
        var served = await ServedOption(name);
        foreach (var bound in new[] { (double)served["minimum"]!, (double)served["maximum"]! })
        {
            var options = InOrder(name, bound, await Served());

            var (api, apiBody) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), options));
            Assert.True(api.StatusCode == HttpStatusCode.OK, $"API {name} = {bound}: {apiBody?.ToJsonString()}");
            var check = await _client.PostAsync("/api/options/check", AnalyzeJson.Content(JsonSerializer.Serialize(options)));
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);

            var upload = await _client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(SeedWorkbook.Bytes(), fields: FormFields(options)));
            Assert.True(upload.StatusCode == HttpStatusCode.OK, $"upload {name} = {bound}: {await upload.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [MemberData(nameof(NumberOptions))]
    public async Task A_number_just_outside_its_bounds_is_refused_by_the_api_and_the_upload_form_with_one_message(string name)
    {
        var served = await ServedOption(name);
        var (minimum, maximum) = ((double)served["minimum"]!, (double)served["maximum"]!);
        var step = (maximum - minimum) / 1000;
        foreach (var outside in new[] { minimum - step, maximum + step })
        {
            var options = InOrder(name, outside, await Served());

            var (api, apiBody) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), options));
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            var message = (string?)apiBody!["errors"]![name]!.AsArray().Single();
            Assert.Contains(French(minimum * (double)served["displayScale"]!), message);
            Assert.Contains(French(maximum * (double)served["displayScale"]!), message);

            var check = JsonNode.Parse(await (await _client.PostAsync("/api/options/check", AnalyzeJson.Content(JsonSerializer.Serialize(options)))).Content.ReadAsStringAsync())!;
            Assert.Equal(message, (string?)check["errors"]![name]!.AsArray().Single());

            var upload = await _client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(SeedWorkbook.Bytes(), fields: FormFields(options)));
            Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
            Assert.Equal(message, (string?)JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["detail"]);
        }
    }

    /// <summary>
    /// A direct caller of the engine (no API in between) gets the same bounds: just outside computes exactly what the
    /// bound computes. The report is made so that each end matters: one trainee in from the slot's first second to its
    /// last (100 %, not late at a tolerance of 0), one five hours late on a ten-hour slot (late at 240 min only).
    /// </summary>
    [Theory]
    [MemberData(nameof(NumberOptions))]
    public async Task The_engine_keeps_a_number_within_the_served_bounds(string name)
    {
        var served = await ServedOption(name);
        var (minimum, maximum) = ((double)served["minimum"]!, (double)served["maximum"]!);
        var report = new ReportBuilder()
            .Slot("10/11 08:00", "10/11 18:00")
            .User("Anne ENTIÈRE", "anne@example.org").Connect("Anne ENTIÈRE", "anne@example.org", "10/11 08:00", "10/11 18:00")
            .User("Marc TARDIF", "marc@example.org").Connect("Marc TARDIF", "marc@example.org", "10/11 13:00", "10/11 18:00")
            .Build();
        string Computed(double value) =>
            JsonSerializer.Serialize(AttendanceEngine.Compute(report, With(AttendanceOptions.Default, name, value)), JsonSerializerOptions.Web);

        Assert.Equal(Computed(maximum), Computed(maximum + 1));
        Assert.Equal(Computed(maximum), Computed(double.PositiveInfinity));
        Assert.Equal(Computed(minimum), Computed(minimum - 1));
        Assert.Equal(Computed(minimum), Computed(double.NaN));
    }

    /// <summary>The sheet's rules line (what the manager reads) states the bound the engine used, not the value sent.</summary>
    [Fact]
    public void The_sheet_states_the_bounds_the_engine_used()
    {
        var analyzer = new ReportAnalyzer([new ViaReportSource()], TimeProvider.System, new EmargementClock("Europe/Paris"));
        var options = AttendanceOptions.Default with { ToleranceMinutes = OptionRules.ToleranceMinutes.Maximum * 10 };

        var analysis = analyzer.Analyze(SeedReport.Workbook(), options);

        var texts = analysis.Sheet!.Values.SelectMany(r => r).OfType<string>().ToList();
        Assert.Contains(texts, t => t.Contains($"plus de {OptionRules.ToleranceMinutes.Maximum:0} min"));
        Assert.DoesNotContain(texts, t => t.Contains($"plus de {OptionRules.ToleranceMinutes.Maximum * 10:0} min"));
    }

    [Fact]
    public async Task The_threshold_order_is_the_same_for_the_api_the_upload_form_and_what_is_served()
    {
        var order = (await Served())["orders"]!.AsArray().Single()!;
        var (lower, upper, message) = ((string)order["lower"]!, (string)order["upper"]!, (string)order["message"]!);
        Assert.Equal((OptionRules.AbsentThreshold.Name, OptionRules.PresentThreshold.Name), (lower, upper));

        var crossed = new Dictionary<string, object?> { [lower] = 0.5, [upper] = 0.4 };
        var (api, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), crossed));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(message, (string?)body!["errors"]![lower]!.AsArray().Single());
        var upload = await _client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(SeedWorkbook.Bytes(), fields: FormFields(crossed)));
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal(message, (string?)JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["detail"]);

        var equal = new Dictionary<string, object?> { [lower] = 0.5, [upper] = 0.5 };
        Assert.Equal(HttpStatusCode.OK, (await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), equal))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(SeedWorkbook.Bytes(), fields: FormFields(equal)))).StatusCode);
    }

    [Theory]
    [InlineData("9:30", true)]
    [InlineData("23:59", true)]
    [InlineData("00:00", true)]
    [InlineData("24:00", false)]
    [InlineData("13h", false)]
    [InlineData("13:5", false)]
    public async Task A_time_is_read_alike_by_the_api_and_the_upload_form(string text, bool accepted)
    {
        var name = OptionRules.AfternoonStartsAt.Name;
        var served = await ServedOption(name);
        Assert.Equal(AttendanceOptions.Default.AfternoonStartsAt.ToString("HH:mm", CultureInfo.InvariantCulture), (string?)served["default"]);

        var options = new Dictionary<string, object?> { [name] = text };
        var api = (await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), options))).Response.StatusCode;
        var upload = (await _client.PostAsync("/api/reports/analyze-file", UploadEndpointTests.Form(SeedWorkbook.Bytes(), fields: FormFields(options)))).StatusCode;

        var expected = accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest;
        Assert.Equal((expected, expected), (api, upload));
    }

    /// <summary>
    /// The slots' count, length and years as served, applied alike by the JSON API and the upload form's reading of
    /// its repeatable slot field (<see cref="AnalyzeOptions.FromForm"/>, which the upload endpoint is to pass them to).
    /// </summary>
    [Fact]
    public async Task The_slot_limits_are_the_same_for_the_api_the_upload_form_and_what_is_served()
    {
        var served = await ServedOption(OptionRules.Slots.Name);
        var maxCount = (int)served["maxCount"]!;
        var maxHours = (double)served["maxHours"]!;
        var earliest = DateTime.Parse((string)served["earliest"]!, CultureInfo.InvariantCulture);
        var latest = DateTime.Parse((string)served["latest"]!, CultureInfo.InvariantCulture);
        Assert.Equal((SlotInput.MaxSlots, SlotInput.MaxSlotHours, SlotInput.Earliest, SlotInput.Latest), (maxCount, maxHours, earliest, latest));
        var day = new DateTime(2020, 11, 10, 9, 0, 0);
        var minute = TimeSpan.FromMinutes(1);

        (DateTime, DateTime)[] Repeated(int count) => [.. Enumerable.Range(0, count).Select(i => (day.AddHours(i), day.AddHours(i).AddMinutes(30)))];
        var cases = new (string What, (DateTime Start, DateTime End)[] Slots, bool Accepted)[]
        {
            ("as many as allowed", Repeated(maxCount), true),
            ("one too many", Repeated(maxCount + 1), false),
            ("the longest", [(day, day.AddHours(maxHours))], true),
            ("a minute too long", [(day, day.AddHours(maxHours) + minute)], false),
            ("from the earliest", [(earliest, earliest.AddHours(1))], true),
            ("a minute before", [(earliest - minute, earliest.AddHours(1))], false),
            ("up to the latest", [(latest.AddHours(-1), latest)], true),
            ("a minute after", [(latest.AddHours(-1), latest + minute)], false),
            ("ending at its start", [(day, day)], false),
        };
        foreach (var (what, slots, accepted) in cases)
        {
            var json = new Dictionary<string, object?>
            {
                [OptionRules.Slots.Name] = slots.Select(s => new { start = Iso(s.Start), end = Iso(s.End) }).ToArray(),
            };
            var (api, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), json));
            var form = AnalyzeOptions.FromForm(new Dictionary<string, string>(), [.. slots.Select(s => $"{Iso(s.Start)}/{Iso(s.End)}")]);

            Assert.True((api.StatusCode == HttpStatusCode.OK) == accepted, $"API, {what}: {(int)api.StatusCode}");
            Assert.True((form.Options is not null) == accepted, $"form, {what}");
            if (!accepted)
                Assert.Equal(body!["errors"]![OptionRules.Slots.Name]!.AsArray().Select(m => (string?)m), form.Errors[OptionRules.Slots.Name]);
        }
    }

    /// <summary>
    /// The convened list's sheet name as served (<see cref="ConvocationChoice.Option"/>): at its longest it reaches the
    /// analysis (which says the workbook has no such sheet), one character more is refused before, under its own
    /// field, alike by the analysis and the check; the check answers it as given.
    /// </summary>
    [Fact]
    public async Task The_convened_list_sheet_has_the_same_bound_for_the_api_the_check_and_what_is_served()
    {
        var served = await ServedOption(ConvocationChoice.Option.Name);
        var maxLength = (int)served["maxLength"]!;
        Assert.Equal(("sheet", "Report", ConvocationChoice.Option.MaxLength), ((string?)served["kind"], (string?)served["scope"], maxLength));

        var longest = new Dictionary<string, object?> { [ConvocationChoice.Option.Name] = new string('L', maxLength) };
        var (api, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), longest));
        Assert.True(api.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)api.StatusCode}: {body?.ToJsonString()}");
        var check = JsonNode.Parse(await (await _client.PostAsync("/api/options/check", AnalyzeJson.Content(JsonSerializer.Serialize(longest)))).Content.ReadAsStringAsync())!;
        Assert.Equal(new string('L', maxLength), (string?)check[ConvocationChoice.Option.Name]);

        var tooLong = new Dictionary<string, object?> { [ConvocationChoice.Option.Name] = new string('L', maxLength + 1) };
        (api, body) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(), tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var message = (string?)body!["errors"]![ConvocationChoice.Option.Name]!.AsArray().Single();
        Assert.Contains($"{maxLength} caractères", message);
        var refused = await _client.PostAsync("/api/options/check", AnalyzeJson.Content(JsonSerializer.Serialize(tooLong)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(message, (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![ConvocationChoice.Option.Name]!.AsArray().Single());
    }

    /// <summary>The upload page's size limit is the one the server enforces (configuration), not a number of its own.</summary>
    [Fact]
    public async Task The_upload_limit_served_is_the_configured_one()
    {
        var limit = factory.Services.GetRequiredService<IOptions<HostingOptions>>().Value.Limits.MaxUploadBytes;

        var upload = (await Served())["upload"]!;

        Assert.Equal(limit, (long)upload["maxBytes"]!);
        Assert.Contains($"{HostingProblems.Size(limit)} au plus", (string?)upload["hint"]);
    }

    [Fact]
    public void The_upload_form_names_a_slot_it_cannot_read()
    {
        var resolution = AnalyzeOptions.FromForm(new Dictionary<string, string>(), ["2020-11-10T14:00/2020-11-10T16:30", "mardi"]);

        Assert.Null(resolution.Options);
        Assert.Contains("n° 2", resolution.Errors[OptionRules.Slots.Name].Single());
        Assert.Contains(SlotInput.Example, resolution.Errors[OptionRules.Slots.Name].Single());
        Assert.Equal([new ScheduledSlot(new DateTime(2020, 11, 10, 14, 0, 0), new DateTime(2020, 11, 10, 16, 30, 0))],
            AnalyzeOptions.FromForm(new Dictionary<string, string>(), ["2020-11-10T14:00/2020-11-10T16:30", " "]).Options!.Slots!);
    }

    /// <summary>
    /// <paramref name="name"/> at <paramref name="value"/>, with the other side of its order set so that the order
    /// holds (a threshold tested at 0 with the absent one above it would be refused for the order, not the bound).
    /// </summary>
    private static Dictionary<string, object?> InOrder(string name, double value, JsonNode served)
    {
        var options = new Dictionary<string, object?> { [name] = value };
        foreach (var order in served["orders"]!.AsArray())
        {
            var (lower, upper) = ((string)order!["lower"]!, (string)order["upper"]!);
            Option bound(string other, string end) => new(other, (double)served["options"]!.AsArray().Single(o => (string?)o!["name"] == other)![end]!);
            if (name == lower) options[upper] = bound(upper, "maximum").Value;
            if (name == upper) options[lower] = bound(lower, "minimum").Value;
        }
        return options;
    }

    private sealed record Option(string Name, double Value);

    /// <summary>The options as a French user types them in the upload form: "0,8".</summary>
    private static (string, string)[] FormFields(Dictionary<string, object?> options) =>
        [.. options.Select(o => (o.Key, o.Value is double d ? d.ToString("R", CultureInfo.InvariantCulture).Replace('.', ',') : Convert.ToString(o.Value, CultureInfo.InvariantCulture) ?? ""))];

    private static string French(double value) =>
        Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Iso(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static double Value(AttendanceOptions options, string name) => name switch
    {
        "presentThreshold" => options.PresentThreshold,
        "absentThreshold" => options.AbsentThreshold,
        "toleranceMinutes" => options.ToleranceMinutes,
        _ => throw new ArgumentException($"Option {name} is not covered by this test: add it.", nameof(name)),
    };

    private static AttendanceOptions With(AttendanceOptions options, string name, double value) => name switch
    {
        "presentThreshold" => options with { PresentThreshold = value },
        "absentThreshold" => options with { AbsentThreshold = value },
        "toleranceMinutes" => options with { ToleranceMinutes = value },
        _ => throw new ArgumentException($"Option {name} is not covered by this test: add it.", nameof(name)),
    };
}
