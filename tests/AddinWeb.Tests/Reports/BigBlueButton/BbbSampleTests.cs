using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.BigBlueButton.Dashboard;

namespace AddinWeb.Tests.Reports.BigBlueButton;

/// <summary>
/// The samples of <c>shared/platforms</c> read from the file and from what Excel shows: the same people, roles and
/// figures, worked out by hand from the files' lines.
/// </summary>
public class BbbSampleTests
{
    /// <summary>
    /// bbb-learning-dashboard-fr.csv, rows 2 to 4 (row 5 is "Anonyme", the anonymous poll answers, no person):
    /// Agnès is the moderator (TRUE), 08:57:41 → 12:02:19 with 03:04:38 = 184 min 38 s; Bruno 09:01:05 → 11:58:40
    /// with 02:41:12 = 161.2 min; Chloé 09:20:33 → 10:05:00 with 00:44:27 = 44.45 min; all on 4 March 2025 (French
    /// labels: a French browser wrote the dates day first).
    /// </summary>
    private static readonly List<Person> Sample =
    [
        new("Agnès Formatrice", ParticipantRole.Trainer, At(2025, 3, 4, 8, 57, 41), At(2025, 3, 4, 12, 2, 19), Minutes(3, 4, 38), 2),
        new("Bruno Stagiaire", ParticipantRole.Trainee, At(2025, 3, 4, 9, 1, 5), At(2025, 3, 4, 11, 58, 40), 161.2, 3),
        new("Chloé Stagiaire", ParticipantRole.Trainee, At(2025, 3, 4, 9, 20, 33), At(2025, 3, 4, 10, 5, 0), 44.45, 4),
    ];

    /// <summary>
    /// bbb-variant-fr.csv: Agnès over two days, 12/03 08:57:41 → 13/03 12:02:19 with 27:04:38 (1 624 min 38 s);
    /// "Martin, Bruno" (a comma inside the quotes) and "ANAÏS Hélène" as Bruno and Chloé of the sample.
    /// </summary>
    private static readonly List<Person> Variant =
    [
        new("Agnès Formatrice", ParticipantRole.Trainer, At(2025, 3, 12, 8, 57, 41), At(2025, 3, 13, 12, 2, 19), Minutes(27, 4, 38), 2),
        new("Martin, Bruno", ParticipantRole.Trainee, At(2025, 3, 4, 9, 1, 5), At(2025, 3, 4, 11, 58, 40), 161.2, 3),
        new("ANAÏS Hélène", ParticipantRole.Trainee, At(2025, 3, 4, 9, 20, 33), At(2025, 3, 4, 10, 5, 0), 44.45, 4),
    ];

    [Fact]
    public void The_sample_file_gives_three_people_and_no_issue()
    {
        var read = FromFile(PlatformFiles.Bytes(PlatformFiles.BbbSample), PlatformFiles.BbbSample);

        Assert.Equal(Sample, People(read));
        Assert.Empty(read.Issues);
        var report = read.Report!;
        Assert.Equal("BigBlueButton", report.Platform);
        Assert.Equal(["bbb-learning-dashboard-fr"], report.SourceSheets);
        Assert.All(report.Users, u => Assert.Null(u.Email));
        Assert.Empty(report.Header.Slots);
        Assert.Null(report.Header.Meeting);
    }

    [Fact]
    public void The_sample_as_a_french_excel_shows_it_whole_lines_and_mojibake_gives_the_same()
    {
        var read = FromExcel(PlatformFiles.Bytes(PlatformFiles.BbbSample), ExcelLocale.French, PlatformFiles.BbbSample);

        Assert.Equal(Sample, People(read));
        Assert.Empty(read.Issues);
    }

    [Fact]
    public void The_sample_as_an_american_excel_shows_it_cannot_tell_the_day_and_says_so()
    {
        // Every date is 04/03 with times: an American Excel made them 3 April, and no day over 12 is left to show it
        // read them the other way round. The people, roles and durations are the same; the dates are as Excel read
        // them, and the trainer is warned at the join column's header.
        var read = FromExcel(PlatformFiles.Bytes(PlatformFiles.BbbSample), ExcelLocale.English, PlatformFiles.BbbSample);

        var people = People(read);
        Assert.Equal(Sample.Select(p => (p.Name, p.Role, p.Minutes, p.Row)), people.Select(p => (p.Name, p.Role, p.Minutes, p.Row)));
        Assert.Equal(At(2025, 4, 3, 9, 1, 5), people[1].Join);
        var warning = Assert.Single(read.Issues);
        Assert.Equal(("AmbiguousDates", IssueSeverity.Warning, 1, "J"), (warning.Code, warning.Severity, warning.Row, warning.Column));
        Assert.Equal("Feuille « bbb-learning-dashboard-fr », ligne 1, colonne J (Rejoindre) : Excel a converti les dates "
            + "d'arrivée et de départ selon ses propres réglages, et rien ne dit s'il a lu le jour ou le mois en premier ; "
            + "elles sont reprises telles qu'Excel les affiche : vérifiez-les (par exemple 04/03 peut être le 4 mars ou le "
            + "3 avril), ou déposez le fichier .csv lui-même.", warning.Message);
    }

    [Fact]
    public void The_variant_file_gives_its_three_people()
    {
        var read = FromFile(PlatformFiles.Bytes(PlatformFiles.BbbVariant), PlatformFiles.BbbVariant);

        Assert.Equal(Variant, People(read));
        Assert.Empty(read.Issues);
    }

    [Theory]
    [InlineData("bbb-variant-fr.french-excel")]
    [InlineData("bbb-variant-fr.us-excel")]
    public void The_variant_as_libreoffice_shows_it_gives_the_same(string shown)
    {
        // French: whole lines with mojibake (Ï undefined in Windows-1252). American: split cells, 12/03 and 04/03 made
        // 3 December and 3 April while 13/03 stayed text, which shows the swap; clocks as fractions, TRUE as booleans.
        var read = FromShown(PlatformFiles.Shown(shown));

        Assert.Equal(Variant, People(read));
        Assert.Empty(read.Issues);
    }

    [Theory]
    [InlineData(ExcelLocale.French)]
    [InlineData(ExcelLocale.English)]
    public void The_variant_as_excel_shows_it_gives_the_same(ExcelLocale locale)
    {
        var read = FromExcel(PlatformFiles.Bytes(PlatformFiles.BbbVariant), locale, PlatformFiles.BbbVariant);

        Assert.Equal(Variant, People(read));
        Assert.Empty(read.Issues);
    }

    [Fact]
    public void The_typed_copy_holds_dates_durations_flags_and_numbers_and_leaves_the_rest_as_text()
    {
        var read = FromFile(PlatformFiles.Bytes(PlatformFiles.BbbSample), PlatformFiles.BbbSample);
        var typed = Assert.Single(read.Report!.TypedSheets);

        Assert.Equal("bbb-learning-dashboard-fr", typed.Name);
        Assert.Equal(5, typed.Rows.Count);
        Assert.Equal(Cell.FromText("Nom"), typed[0, 0]);                        // the header stays text
        Assert.Equal(Cell.FromText("Bruno Stagiaire"), typed[2, 0]);
        Assert.Equal(Cell.FromBoolean(false), typed[2, 1]);
        Assert.Equal(Cell.FromNumber(3.5), typed[2, 2]);                        // "3,5"
        Assert.Equal(Cell.FromNumber((2 * 60 + 10) / 86400.0), typed[2, 3]);    // talk time 00:02:10
        Assert.Equal(Cell.FromText("-"), typed[2, 4]);                          // no webcam
        Assert.Equal(Cell.FromNumber(2), typed[2, 5]);
        Assert.Equal(Cell.FromDateTime(At(2025, 3, 4, 9, 1, 5)), typed[2, 9]);
        Assert.Equal("dd/mm/yyyy hh:mm:ss", typed.NumberFormatAt(2, 9));
        Assert.Equal(Cell.FromNumber((2 * 3600 + 41 * 60 + 12) / 86400.0), typed[2, 11]);
        Assert.Equal("[h]:mm:ss", typed.NumberFormatAt(2, 11));
        Assert.Equal(Cell.FromText("Oui"), typed[2, 12]);                       // a poll answer
        Assert.Equal(Cell.FromText("Anonyme"), typed[4, 0]);
    }

    [Fact]
    public void The_typed_copy_is_the_same_from_the_file_and_from_excel_so_is_the_fingerprint()
    {
        var file = FromFile(PlatformFiles.Bytes(PlatformFiles.BbbVariant), PlatformFiles.BbbVariant).Report!;
        foreach (var locale in new[] { ExcelLocale.French, ExcelLocale.English })
        {
            var shown = FromExcel(PlatformFiles.Bytes(PlatformFiles.BbbVariant), locale, PlatformFiles.BbbVariant).Report!;
            Assert.Equal(Fingerprint(file), Fingerprint(shown));
        }
        // LibreOffice's American view too: split cells, Excel values typed back to the same copy. (Its French view
        // reads the anonymous answers' row differently, see ShownWorkbookTests: that row alone differs.)
        Assert.Equal(Fingerprint(file), Fingerprint(FromShown(PlatformFiles.Shown("bbb-variant-fr.us-excel")).Report!));
    }

    private static string Fingerprint(SessionReport report) =>
        ReportFingerprint.Compute(report.TypedSheets, sheet => report.SheetRank(sheet.Name));
}
