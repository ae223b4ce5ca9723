using System.Net;
using System.Text.Json.Nodes;
using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Reports;
using AddinWeb.Reports.BigBlueButton;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Emargement;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Reports.BigBlueButton;

/// <summary>
/// The dashboard sample through the whole pipeline with the slot the trainer enters, 4 March 2025 09:30–11:30
/// (120 minutes). Each person is known by first join J, last leave L and duration D only, so the engine gives the
/// certain time in the slot (D minus the part of [J, L] outside it) and the most it can be. By hand:
/// <list type="bullet">
/// <item>Bruno, 09:01:05–11:58:40, D 161.2 min: outside the slot 28 min 55 s before and 28 min 40 s after, 57.5833
/// min; at least 161.2 − 57.5833 = 103.6167 min, at most min(161.2, 120) = 120; 103.6167 / 120 = 86.3 %: present;</item>
/// <item>Chloé, 09:20:33–10:05:00, D 44.45 min (connected all along): 9 min 27 s before the slot, so at least
/// 44.45 − 9.45 = 35 min, at most min(44.45, 35 within the slot) = 35; 29.2 %: partial, left at 10:05;</item>
/// <item>Agnès, moderator, 08:57:41–12:02:19, D 184.6333 min: 32 min 19 s outside at each end, at least
/// 184.6333 − 64.6333 = 120, at most 120.</item>
/// </list>
/// </summary>
public sealed class BbbPipelineTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly DateTimeOffset Now = new(2025, 3, 5, 10, 0, 0, TimeSpan.Zero);

    private static readonly AttendanceOptions Slot = new()
    {
        Slots = [new ScheduledSlot(new DateTime(2025, 3, 4, 9, 30, 0), new DateTime(2025, 3, 4, 11, 30, 0))],
    };

    private static ReportAnalysis Analyze(WorkbookGrid workbook, AttendanceOptions options) =>
        new ReportAnalyzer([new ViaReportSource(), new BbbReportSource()], new StoppedClock(Now), new EmargementClock("Europe/Paris"))
            .Analyze(workbook, options);

    private static WorkbookGrid File() =>
        DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.BbbSample), PlatformFiles.BbbSample).Workbook!;

    private static WorkbookGrid FrenchExcel() =>
        ExcelOpensCsv.Open(PlatformFiles.Bytes(PlatformFiles.BbbSample), PlatformFiles.BbbSample, ExcelLocale.French);

    private static ParticipantAttendance Person(ReportAnalysis analysis, string name) =>
        analysis.Attendance!.Participants.Single(p => p.Name == name);

    private static List<string> Texts(ReportAnalysis analysis) =>
        analysis.Sheet!.Values.SelectMany(r => r).Select(v => v?.ToString() ?? "").ToList();

    [Fact]
    public void The_slot_clips_and_each_summary_gives_its_certain_and_largest_time()
    {
        foreach (var workbook in new[] { File(), FrenchExcel() })
        {
            var analysis = Analyze(workbook, Slot);

            Assert.True(analysis.IsUsable);
            Assert.Equal(("bbb", "BigBlueButton"), (analysis.Format, analysis.Platform));
            var bruno = Person(analysis, "Bruno Stagiaire");
            Assert.Equal((PresenceBasis.Summary, ParticipantRole.Trainee, AttendanceStatus.Present),
                (bruno.Basis, bruno.Role, bruno.Status));
            Assert.Equal(103.61667, bruno.MinutesInSlot, 4);
            Assert.Equal(120, bruno.MinutesInSlotMax, 6);
            Assert.Equal(161.2, bruno.MinutesConnected, 6);
            var chloe = Person(analysis, "Chloé Stagiaire");
            Assert.Equal((35.0, 35.0, AttendanceStatus.Partial, true), (Math.Round(chloe.MinutesInSlot, 6),
                Math.Round(chloe.MinutesInSlotMax, 6), chloe.Status, chloe.EarlyLeave));
            var agnes = Person(analysis, "Agnès Formatrice");
            Assert.Equal((ParticipantRole.Trainer, 120.0, 120.0), (agnes.Role, Math.Round(agnes.MinutesInSlot, 6),
                Math.Round(agnes.MinutesInSlotMax, 6)));
            Assert.Equal((1, 1, 0), (analysis.Attendance!.Totals.Present, analysis.Attendance.Totals.Partial, analysis.Attendance.Totals.Absent));
        }
    }

    [Fact]
    public void The_sheet_names_the_platform_and_says_what_the_total_duration_proves()
    {
        var analysis = Analyze(File(), Slot);
        var texts = Texts(analysis);

        var platform = analysis.Sheet!.Values.Single(r => r.Any(v => v?.ToString() == "Plateforme"));
        Assert.Contains("BigBlueButton", platform.Select(v => v?.ToString()));
        // 103.6167 minutes print as 1 h 44, 120 as 2 h.
        Assert.Contains("D'après la durée totale fournie par BigBlueButton : au moins 1 h 44 sur le créneau, au plus 2 h.", texts);
        Assert.Contains("D'après la durée totale fournie par BigBlueButton : 35 min sur le créneau ; départ à 10:05 (fin du créneau à 11:30).", texts);
        Assert.Contains(texts, t => t.Contains("Quand BigBlueButton ne donne que l'arrivée, le départ et la durée totale"));
    }

    [Fact]
    public void The_file_and_what_excel_shows_give_the_same_fingerprint()
    {
        Assert.Equal(Analyze(File(), Slot).Fingerprint, Analyze(FrenchExcel(), Slot).Fingerprint);
    }

    [Fact]
    public void Without_a_slot_the_sessions_are_inferred_and_the_trainer_asked_for_the_slot()
    {
        var analysis = Analyze(File(), AttendanceOptions.Default);

        Assert.True(analysis.IsUsable);
        Assert.Contains(analysis.Issues, i => i.Code == "SessionsInferred");
    }

    private static WorkbookGrid Written(string text) => DelimitedFile.Read(ExcelOpensCsv.Utf8(text), "tableau.csv").Workbook!;

    private const string Header = "Nom,Modérateur,Activity Score,Rejoindre,Quitté,Duration";

    [Fact]
    public void Two_overlapping_rows_of_one_name_are_one_person_counted_once()
    {
        // Léa twice (two devices): 09:00–10:00 with 1 h and 09:30–11:00 with 1 h 30, slot 09:00–11:00. Each row alone
        // lies in the slot, so each proves its whole duration; they overlap, so the same minutes may be counted
        // twice: at least the larger, 90 min; at most the durations' sum, 150, capped by the spans' union within
        // the slot (09:00–11:00), 120. Time connected: the larger duration, 90.
        var analysis = Analyze(Written(Header + "\r\n"
            + "\"Marc Durand\",\"TRUE\",\"0\",\"14/03/2025 08:50:00\",\"14/03/2025 11:10:00\",\"02:20:00\"\r\n"
            + "\"Léa Petit\",\"FALSE\",\"1\",\"14/03/2025 09:00:00\",\"14/03/2025 10:00:00\",\"01:00:00\"\r\n"
            + "\"LÉA PETIT\",\"FALSE\",\"1\",\"14/03/2025 09:30:00\",\"14/03/2025 11:00:00\",\"01:30:00\"\r\n"),
            new AttendanceOptions { Slots = [new ScheduledSlot(new DateTime(2025, 3, 14, 9, 0, 0), new DateTime(2025, 3, 14, 11, 0, 0))] });

        Assert.True(analysis.IsUsable);
        var lea = Assert.Single(analysis.Attendance!.Participants, p => p.Role == ParticipantRole.Trainee);
        Assert.Equal((90.0, 120.0, 90.0), (Math.Round(lea.MinutesInSlot, 6), Math.Round(lea.MinutesInSlotMax, 6),
            Math.Round(lea.MinutesConnected, 6)));
        Assert.Equal([3, 4], lea.SourceRows.Select(r => r.Row));
    }

    [Fact]
    public void Still_connected_ends_at_the_last_time_of_the_report_and_is_said()
    {
        // Hélène joined at 09:01:05 and is still connected ("-"), 2 h 41 min 12 s so far; the report's last time is
        // Marc's leave at 12:02:19. Her span is 09:01:05–12:02:19; 2 min 19 s of it is after the 09:00–12:00 slot, so
        // at least 161.2 − 2.3167 = 158.8833 min are in it, at most 161.2.
        var analysis = Analyze(Written(Header + "\r\n"
            + "\"Marc Durand\",\"TRUE\",\"0\",\"14/03/2025 08:57:41\",\"14/03/2025 12:02:19\",\"03:04:38\"\r\n"
            + "\"Hélène Martin\",\"FALSE\",\"1\",\"14/03/2025 09:01:05\",\"-\",\"02:41:12\"\r\n"),
            new AttendanceOptions { Slots = [new ScheduledSlot(new DateTime(2025, 3, 14, 9, 0, 0), new DateTime(2025, 3, 14, 12, 0, 0))] });

        var helene = Person(analysis, "Hélène Martin");
        Assert.Equal(158.88333, helene.MinutesInSlot, 4);
        Assert.Equal(161.2, helene.MinutesInSlotMax, 6);
        var said = Assert.Single(analysis.Issues, i => i.Code == "LeaveUnknown");
        Assert.Equal(3, said.Row);
    }

    [Fact]
    public async Task The_task_pane_sends_the_sheet_a_french_excel_shows_and_the_slot_and_gets_the_figures()
    {
        var json = AnalyzeJson.Request(FrenchExcel(), new { slots = new[] { new { start = "2025-03-04T09:30", end = "2025-03-04T11:30" } } });
        var (response, body) = await AnalyzeJson.PostAsync(factory.CreateClient(), json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bbb", (string?)body!["format"]);
        Assert.Equal("BigBlueButton", (string?)body["report"]!["platform"]);
        var bruno = body["participants"]!.AsArray().Single(p => (string?)p!["name"] == "Bruno Stagiaire")!;
        Assert.Equal(103.61667, (double)bruno["minutesInSlot"]!, 4);
        Assert.Equal(120, (double)bruno["minutesInSlotMax"]!, 6);
        Assert.Equal(161.2, (double)bruno["minutesConnected"]!, 6);
        Assert.Equal("Summary", (string?)bruno["basis"]);
        var agnes = body["participants"]!.AsArray().Single(p => (string?)p!["name"] == "Agnès Formatrice")!;
        Assert.Equal("Trainer", (string?)agnes["role"]);
    }
}
