using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.BigBlueButton.Dashboard;

namespace AddinWeb.Tests.Reports.BigBlueButton;

/// <summary>
/// Dashboard exports written here, as the dashboard's code writes them (header unquoted, every value quoted, CRLF),
/// in the languages and shapes real files take; each read from the file and from what Excel shows.
/// </summary>
public class BbbVariantTests
{
    private const string EnglishHeader =
        "Name,Moderator,Activity Score,Talk Time,Webcam Time,Messages,Reactions,Poll Votes,Raise Hands,Join,Left,Duration";

    private const string FrenchHeader =
        "Nom,Modérateur,Activity Score,Temps de conversation,Temps de partage de caméra,Messages,Réactions,Votes du sondage,Mains levées,Rejoindre,Quitté,Duration";

    private static string Row(string name, string moderator, string join, string left, string duration, params string[] polls) =>
        string.Join(",", new[] { name, moderator, "0", "-", "-", "0", "0", "0", "0", join, left, duration }.Concat(polls)
            .Select(v => $"\"{v}\""));

    private static string File(string header, params string[] rows) => string.Join("\r\n", [header, .. rows]);

    private static IEnumerable<ReportReadResult> AllWays(string text) =>
    [
        FromFile(text),
        FromExcel(text, ExcelLocale.French),
        FromExcel(text, ExcelLocale.English),
    ];

    [Fact]
    public void English_headers_with_american_dates_am_pm_and_a_poll_question_with_commas()
    {
        // en-US: "3/14/2025, 09:01:05 AM" (a second number over 12 proves month first), 01:15:00 PM is 13:15.
        // The question "Ready, steady, go?" adds two header fields the rows do not have: nothing moves.
        var text = File(EnglishHeader + ",Ready, steady, go?",
            Row("Anne Host", "TRUE", "3/14/2025, 08:55:00 AM", "3/14/2025, 01:15:00 PM", "04:20:00", "-"),
            Row("Paul Guest", "FALSE", "3/14/2025, 09:01:05 AM", "3/14/2025, 12:00:00 PM", "02:58:55", "Yes, sure"),
            "\"Anonymous\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"No\"");
        foreach (var read in AllWays(text))
        {
            Assert.Equal(
            [
                new Person("Anne Host", ParticipantRole.Trainer, At(2025, 3, 14, 8, 55, 0), At(2025, 3, 14, 13, 15, 0), 260, 2),
                new Person("Paul Guest", ParticipantRole.Trainee, At(2025, 3, 14, 9, 1, 5), At(2025, 3, 14, 12, 0, 0), Minutes(2, 58, 55), 3),
            ], People(read));
            Assert.Empty(read.Issues);
        }
    }

    [Fact]
    public void A_failed_locale_load_english_labels_with_french_dates_proven_by_a_day_over_12()
    {
        var text = File(EnglishHeader,
            Row("Agnès Formatrice", "TRUE", "14/03/2025 08:57:41", "14/03/2025 12:02:19", "03:04:38"),
            Row("Hélène Martin", "FALSE", "14/03/2025 09:01:05", "-", "02:41:12"));
        foreach (var read in AllWays(text))
        {
            Assert.Equal(
            [
                new Person("Agnès Formatrice", ParticipantRole.Trainer, At(2025, 3, 14, 8, 57, 41), At(2025, 3, 14, 12, 2, 19), Minutes(3, 4, 38), 2),
                // Still connected: "-" is no leave.
                new Person("Hélène Martin", ParticipantRole.Trainee, At(2025, 3, 14, 9, 1, 5), null, 161.2, 3),
            ], People(read));
            Assert.Empty(read.Issues);
        }
    }

    [Fact]
    public void English_labels_and_dates_that_read_both_ways_are_read_day_first_and_warned()
    {
        // 24-hour clock, no day over 12, English labels: nothing proves the order; the 24-hour clock hints day first.
        var read = FromFile(File(EnglishHeader, Row("Hélène Martin", "FALSE", "04/03/2025 09:01:05", "04/03/2025 11:58:40", "02:41:12")));

        Assert.Equal(At(2025, 3, 4, 9, 1, 5), People(read).Single().Join);
        var warning = Assert.Single(read.Issues);
        Assert.Equal(("AmbiguousDates", 1, "J"), (warning.Code, warning.Row, warning.Column));
        Assert.Equal("Feuille « dashboard », ligne 1, colonne J (Rejoindre) : les dates d'arrivée et de départ ont été lues "
            + "jour/mois ; vérifiez-les (le fichier ne permet pas de trancher, par exemple 04/03 peut être le 4 mars ou le "
            + "3 avril).", warning.Message);
    }

    [Fact]
    public void A_decimal_comma_in_the_score_says_day_first_under_english_labels()
    {
        // A French browser whose locale file failed to load: English labels, but the score "3,5" and the dates come
        // from the same French formatter.
        var text = File(EnglishHeader, "\"Hélène Martin\",\"FALSE\",\"3,5\",\"-\",\"-\",\"0\",\"0\",\"0\",\"0\","
            + "\"04/03/2025 09:01:05\",\"04/03/2025 11:58:40\",\"02:41:12\"");
        foreach (var read in new[] { FromFile(text), FromExcel(text, ExcelLocale.French) })
        {
            Assert.Equal(At(2025, 3, 4, 9, 1, 5), People(read).Single().Join);
            Assert.Empty(read.Issues);
        }
    }

    [Fact]
    public void French_labels_say_day_first_even_when_no_day_is_over_12()
    {
        foreach (var read in new[] { FromFile(File(FrenchHeader, Row("Hélène Martin", "FALSE", "04/03/2025 09:01:05", "04/03/2025 11:58:40", "02:41:12"))),
                     FromExcel(File(FrenchHeader, Row("Hélène Martin", "FALSE", "04/03/2025 09:01:05", "04/03/2025 11:58:40", "02:41:12")), ExcelLocale.French) })
        {
            Assert.Equal(At(2025, 3, 4, 9, 1, 5), People(read).Single().Join);
            Assert.Empty(read.Issues);
        }
    }

    [Fact]
    public void Mixed_headers_in_another_order_with_extra_columns_and_blank_lines()
    {
        // Columns moved and a column of the trainer's own added; headers in capitals, without accents, some English;
        // two blank lines above the header and one between rows. Rows are the lines Excel numbers.
        var text = "\r\n\r\nDUREE,Nom,Remarque,Moderateur,Join,QUITTE\r\n"
            + "\"01:30:00\",\"Léa Petit\",\"à rappeler\",\"FALSE\",\"14/03/2025 14:00:00\",\"14/03/2025 15:45:00\"\r\n"
            + "\r\n"
            + "\"02:00:00\",\"Marc Durand\",\"\",\"TRUE\",\"14/03/2025 13:55:00\",\"14/03/2025 16:00:00\"\r\n";
        foreach (var read in AllWays(text))
        {
            Assert.Equal(
            [
                new Person("Léa Petit", ParticipantRole.Trainee, At(2025, 3, 14, 14, 0, 0), At(2025, 3, 14, 15, 45, 0), 90, 4),
                new Person("Marc Durand", ParticipantRole.Trainer, At(2025, 3, 14, 13, 55, 0), At(2025, 3, 14, 16, 0, 0), 120, 6),
            ], People(read));
            Assert.Empty(read.Issues);
        }
    }

    [Fact]
    public void Excel_booleans_and_french_flag_words_are_moderator_flags()
    {
        var sheet = new SheetGrid("Tableau", new List<IReadOnlyList<Cell>>
        {
            new[] { "Nom", "Modérateur", "Rejoindre", "Quitté", "Duration" }.Select(Cell.FromText).ToList(),
            new[] { Cell.FromText("Ana"), Cell.FromBoolean(true), Cell.FromNumber(45730.5), Cell.FromNumber(45730.625), Cell.FromNumber(0.125) },
            new[] { Cell.FromText("Ben"), Cell.FromText("VRAI"), Cell.FromNumber(45730.5), Cell.FromNumber(45730.625), Cell.FromNumber(0.125) },
            new[] { Cell.FromText("Cyd"), Cell.FromText("faux"), Cell.FromNumber(45730.5), Cell.FromNumber(45730.625), Cell.FromNumber(0.125) },
            // The dashboard's workbook export writes Yes/No (Oui/Non in French) in the moderator column.
            new[] { Cell.FromText("Dan"), Cell.FromText("Oui"), Cell.FromNumber(45730.5), Cell.FromNumber(45730.625), Cell.FromNumber(0.125) },
            new[] { Cell.FromText("Eve"), Cell.FromText("No"), Cell.FromNumber(45730.5), Cell.FromNumber(45730.625), Cell.FromNumber(0.125) },
        });
        // 45730.5 is 14 March 2025 at 12:00 (1 March is 45717) (a day over 12: Excel read the dates the file's way); 0.125 day is 3 h.
        var people = People(FromShown(new WorkbookGrid([sheet])));

        Assert.Equal([ParticipantRole.Trainer, ParticipantRole.Trainer, ParticipantRole.Trainee, ParticipantRole.Trainer, ParticipantRole.Trainee],
            people.Select(p => p.Role));
        Assert.All(people, p => Assert.Equal((At(2025, 3, 14, 12, 0, 0), At(2025, 3, 14, 15, 0, 0), 180.0), (p.Join, p.Leave!.Value, p.Minutes)));
    }

    [Fact]
    public void Two_rows_of_one_name_guests_without_email_are_kept_as_rows_of_one_person()
    {
        // The dashboard lists a person once per account: the same name twice (a phone and a laptop) is two rows; the
        // engine merges them by name (no email to tell them apart).
        var read = FromFile(File(FrenchHeader,
            Row("Léa Petit", "FALSE", "14/03/2025 09:00:00", "14/03/2025 10:00:00", "01:00:00"),
            Row("Léa Petit", "FALSE", "14/03/2025 09:30:00", "14/03/2025 11:00:00", "01:30:00")));

        Assert.Equal(2, read.Report!.Users.Count);
        Assert.All(read.Report.Users, u => Assert.Equal(("Léa Petit", null), (u.Name, u.Email)));
    }

    [Fact]
    public void A_person_named_anonymous_with_a_join_date_is_a_person()
    {
        var read = FromFile(File(EnglishHeader,
            Row("Anonymous", "FALSE", "3/14/2025, 09:00:00 AM", "3/14/2025, 10:00:00 AM", "01:00:00"),
            "\"Anonymous\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\""));

        Assert.Equal(2, Assert.Single(People(read)).Row);
        Assert.Empty(read.Issues);
    }

    [Fact]
    public void The_header_pasted_again_below_is_not_a_person()
    {
        var read = FromFile(File(FrenchHeader,
            Row("Léa Petit", "FALSE", "14/03/2025 09:00:00", "14/03/2025 10:00:00", "01:00:00"),
            FrenchHeader,
            Row("Marc Durand", "TRUE", "14/03/2025 09:00:00", "14/03/2025 10:00:00", "01:00:00")));

        Assert.Equal([2, 4], People(read).Select(p => p.Row));
        Assert.Empty(read.Issues);
    }

    [Fact]
    public void A_join_text_excel_could_not_read_shows_the_swap_of_a_leave_it_did_read()
    {
        // Over midnight: an American Excel leaves "30/09/2025" as text and makes "01/10/2025" 10 January. The two
        // columns come from one formatter: the join text proves Excel read the leave month first.
        var text = File(FrenchHeader, Row("Zoë Roux", "FALSE", "30/09/2025 23:00:00", "01/10/2025 00:30:00", "01:30:00"));
        foreach (var read in AllWays(text))
        {
            Assert.Equal([new Person("Zoë Roux", ParticipantRole.Trainee, At(2025, 9, 30, 23, 0, 0), At(2025, 10, 1, 0, 30, 0), 90, 2)],
                People(read));
            Assert.Empty(read.Issues);
        }
    }
}
