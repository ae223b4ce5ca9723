using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Teams;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Emargement;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.Teams.TeamsFiles;

namespace AddinWeb.Tests.Reports.Teams;

/// <summary>
/// A Teams report through the whole pipeline (every source registered in order, engine, sheet), with the slot the
/// trainer entered on 4 March 2025. Figures worked out by hand from the sample's rows (see <see cref="TeamsSampleTests"/>).
/// </summary>
public class TeamsPipelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 30, 0, TimeSpan.Zero);

    private static ReportAnalysis Analyse(WorkbookGrid workbook, params (int H, int M, int EndH, int EndM)[] slots) =>
        new ReportAnalyzer([new ViaReportSource(), new TeamsReportSource()], new StoppedClock(Now), new EmargementClock("Europe/Paris"))
            .Analyze(workbook, AttendanceOptions.Default with
            {
                Slots = slots.Select(s => new ScheduledSlot(At(2025, 3, 4, s.H, s.M, 0), At(2025, 3, 4, s.EndH, s.EndM, 0))).ToList(),
            });

    private static ParticipantAttendance Person(ReportAnalysis analysis, string name) =>
        analysis.Attendance!.Participants.Single(p => p.Name == name);

    private static byte[] Sample => PlatformFiles.Bytes(PlatformFiles.TeamsSample);

    [Fact]
    public void The_sample_against_a_9_to_12_slot()
    {
        var analysis = Analyse(FromFile(Sample, PlatformFiles.TeamsSample), (9, 0, 12, 0));

        Assert.True(analysis.IsUsable);
        Assert.Equal(("teams", "Microsoft Teams"), (analysis.Format, analysis.Platform));
        // Agnès, the organiser: 08:58:02–12:03:10, 185 min 8 s connected, the slot's 180 within it.
        var agnes = Person(analysis, "Agnès Formatrice");
        Assert.Equal(ParticipantRole.Trainer, agnes.Role);
        Assert.Equal(Minutes(3, 5, 8), agnes.MinutesConnected, 1e-9);
        Assert.Equal(180, agnes.MinutesInSlot, 1e-9);
        // Bruno: 09:01:05–10:15:20 (74 min 15 s) and 10:31:43–11:58:40 (86 min 57 s), both inside: 161.2 min,
        // 161.2 / 180 = 89.6 %: present, one reconnection.
        var bruno = Person(analysis, "Martin, Bruno");
        Assert.Equal(PresenceBasis.Connections, bruno.Basis);
        Assert.Equal((2, 1), (bruno.Connections, bruno.Reconnections));
        Assert.Equal(161.2, bruno.MinutesInSlot, 1e-9);
        Assert.Equal(161.2 / 180, bruno.Rate, 1e-9);
        Assert.Equal(AttendanceStatus.Present, bruno.Status);
        // Chloé: 09:20:33–10:05:00, 44 min 27 s = 44.45 min, 24.7 %: partial.
        var chloe = Person(analysis, "Chloé Petit");
        Assert.Equal(44.45, chloe.MinutesInSlot, 1e-9);
        Assert.Equal(AttendanceStatus.Partial, chloe.Status);
        Assert.Equal((1, 1, 0), (analysis.Attendance!.Totals.Present, analysis.Attendance.Totals.Partial, analysis.Attendance.Totals.Absent));

        var sheet = new LayoutProbe(analysis.Sheet!);
        Assert.Equal("Microsoft Teams", sheet.ValueOf("Plateforme"));
        Assert.Contains("Atelier numérique", analysis.Sheet!.Values.SelectMany(r => r).OfType<string>());
    }

    [Fact]
    public void A_shorter_slot_clips_the_connections()
    {
        // 09:30–11:00 (90 min). Bruno: 09:30–10:15:20 (45 min 20 s) + 10:31:43–11:00 (28 min 17 s) = 73 min 37 s,
        // 81.8 %: present. Chloé: 09:30–10:05 = 35 min, 38.9 %: partial, late (09:20:33 is before the slot: not late).
        var analysis = Analyse(FromFile(Sample, PlatformFiles.TeamsSample), (9, 30, 11, 0));

        var bruno = Person(analysis, "Martin, Bruno");
        Assert.Equal(Minutes(1, 13, 37), bruno.MinutesInSlot, 1e-9);
        Assert.Equal(AttendanceStatus.Present, bruno.Status);
        var chloe = Person(analysis, "Chloé Petit");
        Assert.Equal(35, chloe.MinutesInSlot, 1e-9);
        Assert.Equal(Minutes(0, 44, 27), chloe.MinutesConnected, 1e-9);
        Assert.False(chloe.LateArrival);
        Assert.True(chloe.EarlyLeave);
    }

    [Fact]
    public void Without_activities_the_certain_figure_and_the_most_it_can_be()
    {
        // 09:30–12:00 (150 min), summaries only.
        // Bruno: J 09:01:05, L 11:58:40, D 161.2 min. Outside the slot: 09:01:05–09:30 = 28 min 55 s, so at least
        // 161.2 − 28.917 = 132.283 min; at most the least of D and 09:30–11:58:40 (148.667 min).
        // Chloé: J 09:20:33, L 10:05:00, D 44.45: 9 min 27 s outside, at least 35 min, at most 35.
        var analysis = Analyse(FromFile(Utf16(TeamsVariantTests.WithoutActivities)), (9, 30, 12, 0));

        var bruno = Person(analysis, "Martin, Bruno");
        Assert.Equal(PresenceBasis.Summary, bruno.Basis);
        Assert.Equal(161.2 - Minutes(0, 28, 55), bruno.MinutesInSlot, 1e-9);
        Assert.Equal(Minutes(2, 28, 40), bruno.MinutesInSlotMax, 1e-9);
        Assert.Equal(161.2, bruno.MinutesConnected, 1e-9);
        Assert.Equal((161.2 - Minutes(0, 28, 55)) / 150, bruno.Rate, 1e-9);
        var chloe = Person(analysis, "Chloé Petit");
        Assert.Equal(35, chloe.MinutesInSlot, 1e-9);
        Assert.Equal(35, chloe.MinutesInSlotMax, 1e-9);

        var texts = analysis.Sheet!.Values.SelectMany(r => r).OfType<string>().ToList();
        Assert.True(texts.Any(t => t.Contains("D'après la durée totale fournie par Microsoft Teams : au moins 2 h 12") && t.Contains("au plus 2 h 29")),
            string.Join("\n", texts.Where(t => t.Contains("durée"))));
    }

    [Fact]
    public void Excel_shown_sample_gives_the_same_attendance_and_fingerprint_as_the_file()
    {
        var fromFile = Analyse(FromFile(Sample, PlatformFiles.TeamsSample), (9, 0, 12, 0));
        foreach (var shown in new[]
        {
            ExcelOpensCsv.Open(Sample, PlatformFiles.TeamsSample, ExcelLocale.French),
            PlatformFiles.Shown("teams-attendance-en.us-excel"),
        })
        {
            var analysis = Analyse(shown, (9, 0, 12, 0));
            Assert.Equal(fromFile.Fingerprint, analysis.Fingerprint);
            Assert.Equal(
                fromFile.Attendance!.Participants.Select(p => (p.Name, p.Role, p.MinutesInSlot, p.Status)),
                analysis.Attendance!.Participants.Select(p => (p.Name, p.Role, p.MinutesInSlot, p.Status)));
        }
    }

    [Fact]
    public void Two_devices_at_once_count_once()
    {
        // Bruno's second row overlaps the first (10:00 to 11:58:40 while connected until 10:15:20): the union is
        // 09:01:05–11:58:40, 177 min 35 s, all within 09:00–12:00.
        var text = TeamsVariantTests.PlatformText().Replace("Martin, Bruno\t3/4/25, 10:31:43 AM", "Martin, Bruno\t3/4/25, 10:00:00 AM");

        var bruno = Person(Analyse(FromFile(Utf16(text))), "Martin, Bruno");

        Assert.True(bruno.OverlappingConnections);
        Assert.Equal(Minutes(2, 57, 35), bruno.MinutesConnected, 1e-9);
    }

    [Fact]
    public void A_guest_without_email_is_one_person_across_sections()
    {
        var analysis = Analyse(FromFile(Utf16(TeamsVariantTests.French)));

        var guest = Assert.Single(analysis.Attendance!.Participants, p => p.Name.StartsWith("Zoé"));
        Assert.Null(guest.Email);
        Assert.Equal(PresenceBasis.Connections, guest.Basis);
        Assert.Equal(30, guest.MinutesConnected, 1e-9);
        Assert.Equal(3, analysis.Attendance.Participants.Count);
    }
}
