using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AddinWeb.Attendance;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Convocation;
using AddinWeb.Tests.Seed;
using AddinWeb.Upload;
using ClosedXML.Excel;

namespace AddinWeb.Tests.Excel;

/// <summary>
/// The upload form's other fields on a Via report: the repeatable <c>slot</c> (the JSON option's rules and messages)
/// and the convened list as a second file (<c>convocation</c>, .xlsx or .csv), with their refusals in French.
/// </summary>
public sealed class UploadFormFieldsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    internal static MultipartFormDataContent Form(byte[]? convocation = null, string convocationName = "convoques.csv", params string[] slots)
    {
        var form = UploadEndpointTests.Form(SeedWorkbook.Bytes(), "rapport.xlsx", slots.Select(s => ("slot", s)).ToArray());
        if (convocation is not null)
        {
            var content = new ByteArrayContent(convocation);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, UploadController.ConvocationField, convocationName);
        }
        return form;
    }

    private async Task<(HttpResponseMessage Response, JsonNode? Body)> Post(HttpContent content, string path = "/api/reports/analyze-file")
    {
        var response = await _client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    private static JsonNode Participant(JsonNode body, string name) =>
        body["participants"]!.AsArray().Single(p => (string?)p!["name"] == name)!;

    [Fact]
    public async Task A_slot_field_replaces_the_report_slot_as_the_json_option_does()
    {
        // 14:30–16:30 instead of the report's 14:00–16:30: Inès (13:44:59–14:11:45, then 14:40:06–16:40:43) is in it
        // from 14:40:06 to 16:30:00, 1 h 49 min 54 s = 109.9 minutes of 120.
        var (response, body) = await Post(Form(slots: "2020-11-10T14:30/2020-11-10T16:30"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = body!["report"]!["sessions"]!.AsArray().Single()!;
        Assert.Equal(("2020-11-10T14:30:00", "2020-11-10T16:30:00", "Entered"),
            ((string?)session["start"], (string?)session["end"], (string?)session["source"]));
        Assert.Equal(120.0, (double)body["totals"]!["scheduledMinutes"]!, 6);
        Assert.Equal(109.9, (double)Participant(body, "Inès MOREAU")["minutesInSlot"]!, 6);

        // The same slot through the JSON option gives the same figures.
        var (_, json) = await AnalyzeJson.PostAsync(_client, AnalyzeJson.Request(SeedReport.Workbook(NumberStyle.Numeric, DateStyle.SerialNumber),
            new { slots = new[] { new { start = "2020-11-10T14:30", end = "2020-11-10T16:30" } } }));
        Assert.Equal(json!["participants"]!.ToJsonString(), body["participants"]!.ToJsonString());
        Assert.Equal(json["totals"]!.ToJsonString(), body["totals"]!.ToJsonString());
    }

    [Fact]
    public async Task Two_slot_fields_give_two_sessions_on_the_sheet_too()
    {
        var response = await _client.PostAsync("/api/reports/emargement.xlsx",
            Form(slots: ["2020-11-10T14:00/2020-11-10T15:00", "2020-11-10T15:30/2020-11-10T16:30"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var texts = workbook.Worksheet("Émargement").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("mardi 10 novembre 2020, 14:00 à 15:00 (créneau saisi par le formateur)", texts);
        Assert.Contains("mardi 10 novembre 2020, 15:30 à 16:30 (créneau saisi par le formateur)", texts);
    }

    [Theory]
    [InlineData("2020-11-10T16:30/2020-11-10T14:00", "Le créneau doit se terminer après son début.")]
    [InlineData("demain après-midi", "Le créneau n° 1 n'est pas lisible : écrivez-le début/fin, par exemple 2024-03-25T14:00/2024-03-25T16:30.")]
    [InlineData("2020-11-10T14:00Z/2020-11-10T16:00Z", "n'est pas lisible")]
    [InlineData("1990-11-10T14:00/1990-11-10T16:00", "Le créneau doit être compris entre l'an 2000 et l'an 2100.")]
    public async Task A_slot_field_that_cannot_be_used_is_a_400_with_the_json_option_message(string slot, string expected)
    {
        var (response, body) = await Post(Form(slots: slot));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, (string?)body!["detail"]);
        Assert.Contains(expected, body["errors"]!["slots"]!.AsArray().Select(m => (string?)m).Single());
    }

    [Fact]
    public async Task Too_many_slot_fields_are_refused_with_the_json_option_message()
    {
        var slots = Enumerable.Range(0, SlotInput.MaxSlots + 1).Select(i => $"2020-11-{1 + i % 28:00}T09:00/2020-11-{1 + i % 28:00}T10:00").ToArray();
        var (response, body) = await Post(Form(slots: slots));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"Au plus {SlotInput.MaxSlots} créneaux peuvent être saisis ({SlotInput.MaxSlots + 1} reçus).", (string?)body!["detail"]);
    }

    [Fact]
    public async Task Far_too_many_fields_are_refused_before_they_are_read_whole()
    {
        var slots = Enumerable.Repeat("2020-11-10T14:00/2020-11-10T15:00", 500).ToArray();
        var (response, body) = await Post(Form(slots: slots));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("« slot »", (string?)body!["detail"]);
    }

    [Fact]
    public async Task A_single_field_sent_twice_is_refused_rather_than_one_value_kept_silently()
    {
        var form = UploadEndpointTests.Form(SeedWorkbook.Bytes(), "rapport.xlsx", ("presentThreshold", "0.5"), ("presentThreshold", "0.9"));
        var (response, body) = await Post(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("« presentThreshold » est envoyé plusieurs fois", (string?)body!["detail"]);
    }

    [Theory]
    [InlineData("slots")]
    [InlineData("convocationsheets")]
    public async Task A_field_the_form_does_not_read_is_refused_with_the_fields_it_reads(string field)
    {
        var form = UploadEndpointTests.Form(SeedWorkbook.Bytes(), "rapport.xlsx", (field, "Liste GAIA"));
        var (response, body) = await Post(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unknown-field", (string?)body!["code"]);
        Assert.Equal($"Le champ « {field} » n'est pas lu par ce formulaire. Champs acceptés : file, convocation, slot (répétable), "
            + "presentThreshold, absentThreshold, toleranceMinutes, afternoonStartsAt, convocationSheet.", (string?)body["detail"]);
    }

    /// <summary>The seed report with the GAIA-like list pasted as a sheet of its own, as an .xlsx.</summary>
    private static byte[] SeedWithListXlsx()
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(SeedWorkbook.Bytes()));
        var sheet = workbook.AddWorksheet("Convoqués");
        var gaia = ConvocationSheets.Gaia();
        for (var r = 0; r < gaia.Rows.Count; r++)
            for (var c = 0; c < gaia.Rows[r].Count; c++)
                if (gaia.Rows[r][c].Text is { } text) sheet.Cell(r + 1, c + 1).SetValue(text);
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        return saved.ToArray();
    }

    [Fact]
    public async Task A_list_sheet_in_the_uploaded_workbook_is_taken_unless_the_convocation_sheet_field_says_none()
    {
        var bytes = SeedWithListXlsx();
        var (found, withList) = await Post(UploadEndpointTests.Form(bytes, "rapport.xlsx"));
        var (declined, without) = await Post(UploadEndpointTests.Form(bytes, "rapport.xlsx", ("convocationSheet", "")));
        var (named, named_) = await Post(UploadEndpointTests.Form(bytes, "rapport.xlsx", ("convocationSheet", "Convoqués")));

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("Convoqués", (string?)withList!["convocation"]!["sheet"]);
        Assert.Equal(15, withList["participants"]!.AsArray().Count); // the seed's 13 and the two convened absentees
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.False((bool)without!["convocation"]!["hasList"]!);
        Assert.Equal(13, without["participants"]!.AsArray().Count);
        Assert.All(without["participants"]!.AsArray(), p => Assert.Null(p!["convened"]));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("Convoqués", (string?)named_!["convocation"]!["sheet"]);
    }

    [Fact]
    public async Task A_list_given_both_as_a_file_and_as_a_sheet_is_refused()
    {
        var form = Form(GaiaCsv(), "convoques.csv");
        form.Add(new StringContent(""), "convocationSheet");
        var (response, body) = await Post(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("convocation-twice", (string?)body!["code"]);
    }

    [Fact]
    public async Task The_slot_field_name_is_read_whatever_its_case()
    {
        var (response, body) = await Post(UploadEndpointTests.Form(SeedWorkbook.Bytes(), "rapport.xlsx", ("Slot", "2020-11-10T14:30/2020-11-10T16:30")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(120.0, (double)body!["totals"]!["scheduledMinutes"]!, 6);
    }

    /// <summary>The GAIA-like list as a GAIA export gives it: a .csv, ';' separated, UTF-8 with its BOM.</summary>
    internal static byte[] GaiaCsv()
    {
        var sheet = ConvocationSheets.Gaia();
        var lines = sheet.Rows.Select(r => string.Join(';', r.Select(c => c.ToString())));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];
    }

    private static byte[] GaiaXlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Liste GAIA");
        var gaia = ConvocationSheets.Gaia();
        for (var r = 0; r < gaia.Rows.Count; r++)
            for (var c = 0; c < gaia.Rows[r].Count; c++)
                if (gaia.Rows[r][c].Text is { } text) sheet.Cell(r + 1, c + 1).SetValue(text);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_convocation_file_adds_the_convened_absentees_and_flags_the_uninvited(string kind)
    {
        var (file, name) = kind == "csv" ? (GaiaCsv(), "convoques.csv") : (GaiaXlsx(), "convoques.xlsx");
        var (response, body) = await Post(Form(file, name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var convocation = body!["convocation"]!;
        Assert.Equal("File", (string?)convocation["selection"]);
        Assert.Equal(name, (string?)convocation["file"]);
        Assert.Equal(13, (int)convocation["people"]!);
        Assert.Equal(15, body["participants"]!.AsArray().Count);
        var blanc = Participant(body, "Sophie BLANC");
        Assert.True((bool)blanc["convened"]!);
        Assert.Equal("Absent", (string?)blanc["status"]);
        Assert.False((bool)Participant(body, "Zoé FAURE")["convened"]!);
        var totals = body["totals"]!;
        Assert.Equal((13, 6, 2, 5, 1), ((int)totals["convened"]!, (int)totals["present"]!, (int)totals["partial"]!,
            (int)totals["absent"]!, (int)totals["notConvened"]!));
    }

    [Fact]
    public async Task The_workbook_with_a_convocation_file_has_the_absentee_rows_and_only_the_report_sheets_besides()
    {
        var response = await _client.PostAsync("/api/reports/emargement.xlsx", Form(GaiaCsv()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal([SeedReport.SummarySheetName, SeedReport.PresenceSheetName, "Émargement"], workbook.Worksheets.Select(s => s.Name));
        Assert.Contains(workbook.Worksheet("Émargement").CellsUsed(), c => c.GetString() == "BLANC");
    }

    [Fact]
    public async Task A_convocation_file_that_is_not_a_file_we_read_is_a_400_naming_it()
    {
        byte[] binary = [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10, 0x80, .. new byte[300]];
        var (response, body) = await Post(Form(binary, "liste.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(UploadController.ConvocationField, (string?)body!["field"]);
        Assert.StartsWith("Liste des convoqués : ", (string?)body["title"]);
        Assert.Contains("« liste.csv »", (string?)body["detail"]);
    }

    [Fact]
    public async Task A_convocation_file_without_a_list_is_a_422_naming_it()
    {
        var file = Encoding.UTF8.GetBytes("Repas;Salle\nvégétarien;B12\n");
        var (response, body) = await Post(Form(file, "menu.csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Le fichier de convocation « menu.csv » ne contient pas de liste des convoqués lisible", (string?)body!["detail"]);
    }

    [Fact]
    public async Task A_convocation_row_that_cannot_be_used_is_a_warning_naming_its_file_sheet_row_and_column()
    {
        var csv = Encoding.UTF8.GetString(GaiaCsv()[3..]) + "Mme;LEGRAND;Anne;EPS;Lycée;0310009Z;pas-une-adresse\r\n";
        var (response, body) = await Post(Form(Encoding.UTF8.GetBytes(csv), "convoques.csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = body!["issues"]!.AsArray().Select(i => (string?)i!["message"] ?? "").Single(m => m.Contains("« convoques »"));
        Assert.Contains("ligne 19", warning);
        Assert.DoesNotContain("pas-une-adresse", body["issues"]!.ToJsonString());
    }

    [Fact]
    public async Task Both_files_share_the_upload_limit()
    {
        var report = SeedWorkbook.Bytes();
        var form = Form(new byte[200], "convoques.csv");
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.ContentType = form.Headers.ContentType!.ToString();
        context.Request.Body = new MemoryStream(await form.ReadAsByteArrayAsync());

        var (read, refusal) = await MultipartUpload.ReadAsync(context.Request, UploadController.Shape, report.Length + 100, CancellationToken.None);

        Assert.Null(read);
        Assert.Equal(413, refusal!.Status);
        Assert.Equal("MaxUploadBytes", refusal.Limit);
        Assert.StartsWith("Les fichiers envoyés dépassent ensemble", refusal.Detail);
    }

    [Fact]
    public async Task A_list_file_input_left_empty_is_no_list_but_an_empty_file_chosen_is_said()
    {
        var form = UploadEndpointTests.Form(SeedWorkbook.Bytes(), "rapport.xlsx");
        var nameless = new ByteArrayContent([]);
        nameless.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        nameless.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"convocation\"", FileName = "\"\"" };
        form.Add(nameless);
        var (response, body) = await Post(form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal("NotFound", (string?)body!["convocation"]!["selection"]);

        var (empty, problem) = await Post(Form([], "convoques.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("« convocation » est vide", (string?)problem!["detail"]);

        var (text, refusal) = await Post(UploadEndpointTests.Form(SeedWorkbook.Bytes(), "rapport.xlsx", ("convocation", "Liste GAIA")));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal("Le champ « convocation » attend un fichier (.xlsx ou .csv), pas un texte.", (string?)refusal!["detail"]);
    }

    [Fact]
    public async Task The_form_keeps_each_file_and_every_slot_in_order()
    {
        var form = Form(GaiaCsv(), "convoques.csv", "2020-11-10T14:00/2020-11-10T15:00", "2020-11-10T15:30/2020-11-10T16:30");
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.ContentType = form.Headers.ContentType!.ToString();
        context.Request.Body = new MemoryStream(await form.ReadAsByteArrayAsync());

        var (read, refusal) = await MultipartUpload.ReadAsync(context.Request, UploadController.Shape, 16L << 20, CancellationToken.None);

        Assert.Null(refusal);
        Assert.True(read!.File.AsSpan().StartsWith("PK"u8));
        Assert.Equal("rapport.xlsx", read.FileName);
        Assert.Equal(GaiaCsv(), read.FileOf(UploadController.ConvocationField)!.Bytes);
        Assert.Equal(["2020-11-10T14:00/2020-11-10T15:00", "2020-11-10T15:30/2020-11-10T16:30"], read.ValuesOf(UploadController.SlotField));
        Assert.Empty(read.Fields);
    }

    [Theory]
    [InlineData("/api/reports/emargement.xlsx")]
    [InlineData("/api/reports/analyze-file")]
    public async Task Swagger_documents_the_csv_the_convocation_file_and_the_repeatable_slot(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"));
        var post = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post");
        var properties = post.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data")
            .GetProperty("schema").GetProperty("properties");

        Assert.Contains(".csv", properties.GetProperty("file").GetProperty("description").GetString());
        var convocation = properties.GetProperty(UploadController.ConvocationField);
        Assert.Equal(("string", "binary"), (convocation.GetProperty("type").GetString(), convocation.GetProperty("format").GetString()));
        var slot = properties.GetProperty(UploadController.SlotField);
        Assert.Equal("array", slot.GetProperty("type").GetString());
        Assert.Equal(SlotInput.MaxSlots, slot.GetProperty("maxItems").GetInt32());
        var pattern = new System.Text.RegularExpressions.Regex(slot.GetProperty("items").GetProperty("pattern").GetString()!);
        Assert.Matches(pattern, SlotInput.Example);
        Assert.DoesNotMatch(pattern, "2024-03-25T14:00");
        Assert.Contains(SlotInput.Example, slot.GetProperty("description").GetString());
        var said = string.Join(" ", new[] { "summary", "description" }.Select(k => post.TryGetProperty(k, out var v) ? v.GetString() : null));
        Assert.Contains(".csv", said);
    }
}
