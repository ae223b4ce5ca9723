using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.Zoom.ZoomRead;

namespace AddinWeb.Tests.Reports.Zoom;

/// <summary>
/// The sample of <c>shared/platforms</c> and the variant beside it, read from the file and from what Excel shows:
/// the same people, times and header whichever way, with the figures worked out by hand from the files.
/// </summary>
public class ZoomSampleTests
{
    // ---- The sample: "03/04/2025 08:58:02 AM" reads as 4 March (month first, by its AM/PM) or 3 April: nothing proves which.

    public static TheoryData<string> SampleViews => new() { "file", "french-excel", "us-excel" };

    private static ReportReadResult Sample(string view)
    {
        var bytes = PlatformFiles.Bytes(PlatformFiles.ZoomSample);
        return view switch
        {
            "file" => File(bytes, PlatformFiles.ZoomSample),
            "french-excel" => AsExcelShows(bytes, ExcelLocale.French, PlatformFiles.ZoomSample),
            _ => AsExcelShows(bytes, ExcelLocale.English, PlatformFiles.ZoomSample),
        };
    }

    [Theory]
    [MemberData(nameof(SampleViews))]
    public void The_sample_gives_one_connection_per_row_and_the_header(string view)
    {
        var read = Sample(view);
        var report = Report(read);

        Assert.Equal("Zoom", report.Platform);
        Assert.Equal(["zoom-participants-en"], report.SourceSheets);
        Assert.Equal("Atelier numérique", report.Header.Title);
        Assert.Equal("agnes.formatrice@ac-exemple.fr", report.Header.HostEmail);
        Assert.Equal(new ScheduledSlot(At(2025, 3, 4, 8, 58, 2), At(2025, 3, 4, 12, 3, 10)), report.Header.Meeting);
        Assert.Empty(report.Header.Slots);
        Assert.Empty(report.Users);
        Assert.Equal(
        [
            (5, "Agnès Formatrice", "agnes.formatrice@ac-exemple.fr", At(2025, 3, 4, 8, 58, 2), At(2025, 3, 4, 12, 3, 10)),
            (6, "Bruno Martin", "bruno.martin@ac-exemple.fr", At(2025, 3, 4, 9, 1, 5), At(2025, 3, 4, 10, 15, 20)),
            (7, "Bruno Martin", "bruno.martin@ac-exemple.fr", At(2025, 3, 4, 10, 12, 0), At(2025, 3, 4, 11, 58, 40)),
            // "Chloé Petit (Chloé)": renamed in the meeting, her account's name in brackets is left out.
            (8, "Chloé Petit", "chloe.petit@ac-exemple.fr", At(2025, 3, 4, 9, 20, 33), At(2025, 3, 4, 10, 5, 0)),
        ],
            report.Connections.Select(c => (c.Source.Row, c.Name, c.Email, c.Start, c.End)));
        Assert.All(report.Connections, c => Assert.Equal("zoom-participants-en", c.Source.Sheet));
        Assert.All(report.Connections, c => Assert.Null(c.Role)); // the host is the header's email, not a row's flag

        // The order cannot be proven (no number over 12): read month first, as its AM/PM hints, and said. An
        // American Excel turned every text into its own date, month first: read as it did, and said so.
        var warning = Assert.Single(read.Issues);
        Assert.Equal(("AmbiguousDates", IssueSeverity.Warning, 4, "C"), (warning.Code, warning.Severity, warning.Row, warning.Column));
        Assert.Equal("Feuille « zoom-participants-en », ligne 4, colonne C (Join Time) : les dates ont été lues "
            + (view == "us-excel" ? "comme Excel les a converties, selon sa langue : jour et mois peuvent être inversés" : "mois/jour")
            + " ; vérifiez-les (le fichier ne permet pas de trancher).", warning.Message);
    }

    [Fact]
    public void The_sample_gives_the_same_rows_and_fingerprint_every_way()
    {
        var file = Report(Sample("file"));
        foreach (var view in new[] { "french-excel", "us-excel" })
        {
            var shown = Report(Sample(view));
            Assert.Equal(Rows(file), Rows(shown));
            Assert.Equal(file.Header, shown.Header);
            Assert.Equal(Fingerprint(file), Fingerprint(shown));
        }
    }

    [Fact]
    public void The_typed_copy_holds_dates_and_minutes_as_values()
    {
        var typed = Report(Sample("file")).TypedSheets.Single();
        Assert.Equal("zoom-participants-en", typed.Name);
        Assert.Equal(Cell.FromDateTime(At(2025, 3, 4, 8, 58, 2)), typed[1, 2]);         // header's start time
        Assert.Equal(Cell.FromNumber(81234567890), typed[1, 0]);                      // meeting ID
        Assert.Equal(Cell.FromDateTime(At(2025, 3, 4, 10, 15, 20)), typed[5, 3]);       // Bruno's first leave
        Assert.Equal(Cell.FromNumber(75), typed[5, 4]);
        Assert.Equal("dd/mm/yyyy hh:mm:ss", typed.NumberFormatAt(5, 3));
        Assert.Equal(Cell.FromText("Yes"), typed[5, 5]);                               // flags stay the file's text
        Assert.Equal(Cell.FromText("Bruno Martin"), typed[5, 0]);
    }

    // ---- The variant: commas in the topic and a name, "11/19/2021" proving month first, Chloé on 3 December, no email.

    public static TheoryData<string> VariantViews => new() { "file", "french-excel", "uk-excel", "model-french", "model-us" };

    private static ReportReadResult Variant(string view)
    {
        var bytes = PlatformFiles.Bytes(PlatformFiles.ZoomVariant);
        return view switch
        {
            "file" => File(bytes, PlatformFiles.ZoomVariant),
            "french-excel" => Shown(PlatformFiles.Shown("zoom-variant-en.french-excel")),
            "uk-excel" => Shown(PlatformFiles.Shown("zoom-variant-en.uk-excel")),
            "model-french" => AsExcelShows(bytes, ExcelLocale.French, PlatformFiles.ZoomVariant),
            _ => AsExcelShows(bytes, ExcelLocale.English, PlatformFiles.ZoomVariant),
        };
    }

    [Theory]
    [MemberData(nameof(VariantViews))]
    public void The_variant_reads_the_same_whichever_way_it_came(string view)
    {
        var read = Variant(view);
        var report = Report(read);

        // A British Excel read "12/03/2021 09:20:33 AM" as 12 March and left "11/19/…" as text: the texts beside
        // it prove month first, so the date is swapped back to 3 December.
        Assert.Empty(read.Issues);
        Assert.Equal("Atelier, numérique", report.Header.Title);
        Assert.Equal("agnes.formatrice@ac-exemple.fr", report.Header.HostEmail);
        Assert.Equal(new ScheduledSlot(At(2021, 11, 19, 8, 58, 2), At(2021, 11, 19, 12, 3, 10)), report.Header.Meeting);
        Assert.Equal(
        [
            (5, "Agnès Formatrice", "agnes.formatrice@ac-exemple.fr", At(2021, 11, 19, 8, 58, 2), At(2021, 11, 19, 12, 3, 10)),
            (6, "Martin, Bruno", "bruno.martin@ac-exemple.fr", At(2021, 11, 19, 9, 1, 5), At(2021, 11, 19, 10, 15, 20)),
            (7, "Martin, Bruno", "bruno.martin@ac-exemple.fr", At(2021, 11, 19, 10, 12, 0), At(2021, 11, 19, 11, 58, 40)),
            (8, "Chloé Petit", (string?)null, At(2021, 12, 3, 9, 20, 33), At(2021, 12, 3, 10, 5, 0)),
        ],
            report.Connections.Select(c => (c.Source.Row, c.Name, c.Email, c.Start, c.End)));

        var file = Report(Variant("file"));
        Assert.Equal(Rows(file), Rows(report));
        Assert.Equal(Fingerprint(file), Fingerprint(report));
    }
}
