using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Via;
using AddinWeb.Reports.Zoom;
using AddinWeb.Tests.Emargement;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.Zoom.ZoomRead;

namespace AddinWeb.Tests.Reports.Zoom;

/// <summary>
/// Zoom reports through the whole pipeline (reader, engine, layout) with the slot the trainer enters: figures worked
/// out by hand from the rows' times, the host as trainer, overlapping rows counted once, summaries as a range.
/// </summary>
public class ZoomPipelineTests
{
    private const double Precision = 1e-6;

    private static readonly ReportAnalyzer Analyzer = new([new ViaReportSource(), new ZoomReportSource()],
        new StoppedClock(new DateTimeOffset(2026, 11, 29, 12, 30, 0, TimeSpan.Zero)), new EmargementClock("Europe/Paris"));

    private static ReportAnalysis Analyse(WorkbookGrid workbook, params ScheduledSlot[] slots)
    {
        var analysis = Analyzer.Analyze(workbook, AttendanceOptions.Default with { Slots = slots });
        Assert.True(analysis.IsUsable, string.Join("\n", analysis.Issues.Select(i => i.Message)));
        return analysis;
    }

    private static WorkbookGrid VariantFile() =>
        DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.ZoomVariant), PlatformFiles.ZoomVariant).Workbook!;

    private static ScheduledSlot Slot(int month, int day, int fromH, int fromM, int toH, int toM) =>
        new(At(2021, month, day, fromH, fromM, 0), At(2021, month, day, toH, toM, 0));

    private static ParticipantAttendance Person(ReportAnalysis analysis, string name) =>
        analysis.Attendance!.Participants.Single(p => p.Name == name);

    private static double Minutes(int h, int m, int s) => h * 60 + m + s / 60.0;

    [Fact]
    public void The_host_is_the_trainer_and_two_devices_count_once_within_the_slot()
    {
        var analysis = Analyse(VariantFile(), Slot(11, 19, 9, 0, 12, 0));

        Assert.Equal(("zoom", "Zoom"), (analysis.Format, analysis.Platform));
        // Agnès is the header's "User Email": the host, the trainer; 08:58:02–12:03:10 covers the whole 09:00–12:00.
        var agnes = Person(analysis, "Agnès Formatrice");
        Assert.Equal(ParticipantRole.Trainer, agnes.Role);
        Assert.Equal(180, agnes.MinutesInSlot, Precision);
        // Bruno's rows 09:01:05–10:15:20 and 10:12:00–11:58:40 overlap by 3 min 20 s: together 09:01:05–11:58:40,
        // 2 h 57 min 35 s, not the 3 h 0 min 55 s of the two rows added (nor Zoom's 75 + 107 minutes).
        var bruno = Person(analysis, "Martin, Bruno");
        Assert.Equal(ParticipantRole.Trainee, bruno.Role);
        Assert.Equal(PresenceBasis.Connections, bruno.Basis);
        Assert.Equal(2, bruno.Connections);
        Assert.True(bruno.OverlappingConnections);
        Assert.Equal(Minutes(2, 57, 35), bruno.MinutesConnected, Precision);
        Assert.Equal(Minutes(2, 57, 35), bruno.MinutesInSlot, Precision);
        Assert.Equal(Minutes(2, 57, 35), bruno.MinutesInSlotMax, Precision);
        Assert.Equal(Minutes(2, 57, 35) / 180, bruno.Rate, Precision);
        Assert.Equal(AttendanceStatus.Present, bruno.Status);
        // Chloé was there on 3 December, outside the slot of 19 November.
        var chloe = Person(analysis, "Chloé Petit");
        Assert.Equal(0, chloe.MinutesInSlot);
        Assert.Equal(AttendanceStatus.Absent, chloe.Status);
        Assert.Equal((1, 0, 1), (analysis.Attendance!.Totals.Present, analysis.Attendance.Totals.Partial, analysis.Attendance.Totals.Absent));

        var sheet = new LayoutProbe(analysis.Sheet!);
        Assert.Equal("Zoom", sheet.ValueOf("Plateforme"));
        Assert.True(sheet.Contains("Atelier, numérique"));
        Assert.DoesNotContain(analysis.Issues, i => i.Code == "HostNotFound");
    }

    [Fact]
    public void Two_slots_clip_each_day_the_same_from_the_file_and_from_a_british_excel()
    {
        // 19/11 09:00–10:00 and 03/12 09:30–10:00, 90 minutes in all.
        ScheduledSlot[] slots = [Slot(11, 19, 9, 0, 10, 0), Slot(12, 3, 9, 30, 10, 0)];
        var file = Analyse(VariantFile(), slots);
        var shown = Analyse(PlatformFiles.Shown("zoom-variant-en.uk-excel"), slots);

        foreach (var analysis in new[] { file, shown })
        {
            Assert.Equal(90, analysis.Attendance!.Totals.ScheduledMinutes, Precision);
            // Bruno from 09:01:05 to 10:00: 58 min 55 s; nothing on 3 December.
            var bruno = Person(analysis, "Martin, Bruno");
            Assert.Equal(Minutes(0, 58, 55), bruno.MinutesInSlot, Precision);
            Assert.Equal([Minutes(0, 58, 55), 0], bruno.Sessions.Select(s => s.MinutesInSlot));
            // Chloé 09:20:33–10:05:00 on 3 December: 09:30–10:00, 30 minutes, a third of the 90.
            var chloe = Person(analysis, "Chloé Petit");
            Assert.Equal(30, chloe.MinutesInSlot, Precision);
            Assert.Equal(30.0 / 90, chloe.Rate, Precision);
            Assert.Equal(AttendanceStatus.Partial, chloe.Status);
            // On her day she came before 09:30 and left after 10:00: neither late nor early.
            Assert.False(chloe.LateArrival);
            Assert.False(chloe.EarlyLeave);
        }
        Assert.Equal(file.Fingerprint, shown.Fingerprint);
        Assert.Equal(file.Attendance!.Participants.Select(p => (p.Name, p.Role, p.MinutesInSlot)),
            shown.Attendance!.Participants.Select(p => (p.Name, p.Role, p.MinutesInSlot)));
    }

    [Fact]
    public void Unique_users_give_the_certain_figure_and_the_most_it_can_be()
    {
        const string text =
            "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n"
            + "81234567890,Atelier numérique,11/19/2021 08:58:02 AM,11/19/2021 12:03:10 PM,agnes.formatrice@ac-exemple.fr,186,3\r\n"
            + ",,,,,,\r\n"
            + "Name (Original Name),User Email,Join Time,Leave Time,Total Duration (Minutes),Guest\r\n"
            + "Agnès Formatrice,agnes.formatrice@ac-exemple.fr,11/19/2021 08:58:02 AM,11/19/2021 12:03:10 PM,186,No\r\n"
            + "\"Martin, Bruno\",bruno.martin@ac-exemple.fr,11/19/2021 09:01:05 AM,11/19/2021 11:58:40 AM,160,Yes\r\n";
        foreach (var workbook in new[]
        {
            DelimitedFile.Read(ExcelOpensCsv.Utf8(text), FileName).Workbook!,
            ExcelOpensCsv.Open(ExcelOpensCsv.Utf8(text), FileName, ExcelLocale.French),
            ExcelOpensCsv.Open(ExcelOpensCsv.Utf8(text), FileName, ExcelLocale.English),
        })
        {
            // Slot 09:30–12:00 (150 min). Bruno: 160 minutes somewhere in 09:01:05–11:58:40; 28 min 55 s of that
            // span is before 09:30, so at least 160 − 28.9167 = 131.0833 minutes are in the slot, and at most the
            // 148.6667 minutes of the span within it.
            var analysis = Analyse(workbook, Slot(11, 19, 9, 30, 12, 0));
            var bruno = Person(analysis, "Martin, Bruno");
            Assert.Equal(PresenceBasis.Summary, bruno.Basis);
            Assert.Equal(160, bruno.MinutesConnected, Precision);
            Assert.Equal(160 - Minutes(0, 28, 55), bruno.MinutesInSlot, Precision);
            Assert.Equal(Minutes(2, 28, 40), bruno.MinutesInSlotMax, Precision);
            Assert.Equal((160 - Minutes(0, 28, 55)) / 150, bruno.Rate, Precision);
            Assert.Equal(AttendanceStatus.Present, bruno.Status);
            Assert.Equal(ParticipantRole.Trainer, Person(analysis, "Agnès Formatrice").Role);

            var notes = analysis.Sheet!.Values.SelectMany(r => r).OfType<string>();
            Assert.Contains(notes, s => s.Contains("durée totale fournie par Zoom : au moins 2 h 11 sur le créneau, au plus 2 h 29",
                StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Without_the_meeting_header_everyone_is_a_trainee_and_the_warning_reaches_the_sheet()
    {
        var text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n"
            + "Agnès Formatrice,agnes.formatrice@ac-exemple.fr,11/19/2021 08:58:02 AM,11/19/2021 12:03:10 PM,186,No\r\n"
            + "Bruno Martin,bruno.martin@ac-exemple.fr,11/19/2021 09:01:05 AM,11/19/2021 10:15:20 AM,75,Yes\r\n";
        var analysis = Analyse(DelimitedFile.Read(ExcelOpensCsv.Utf8(text), FileName).Workbook!, Slot(11, 19, 9, 0, 12, 0));

        Assert.All(analysis.Attendance!.Participants, p => Assert.Equal(ParticipantRole.Trainee, p.Role));
        var warning = Assert.Single(analysis.Issues, i => i.Code == "HostUnknown");
        Assert.True(new LayoutProbe(analysis.Sheet!).Contains(warning.Message));
    }

    [Fact]
    public void An_empty_report_stops_with_its_error()
    {
        var text = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n";
        var analysis = Analyzer.Analyze(DelimitedFile.Read(ExcelOpensCsv.Utf8(text), FileName).Workbook!, AttendanceOptions.Default);

        Assert.False(analysis.IsUsable);
        Assert.Equal("zoom", analysis.Format);
        Assert.Equal(["NoParticipant"], analysis.Errors.Select(e => e.Code));
    }
}
