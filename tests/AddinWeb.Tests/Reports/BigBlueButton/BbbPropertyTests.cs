using System.Globalization;
using AddinWeb.Reports;
using AddinWeb.Tests.Seed;
using CsCheck;
using static AddinWeb.Tests.Reports.BigBlueButton.Dashboard;

namespace AddinWeb.Tests.Reports.BigBlueButton;

/// <summary>
/// Random dashboard exports, written as the dashboard's code writes them (an unquoted header in French, English or
/// the French file's mix, poll questions with commas, every value quoted, the anonymous answers' row last, dates by a
/// French or an American browser): read from the file they give the people written, and what a French and an
/// American Excel show of them gives the same people.
/// </summary>
public class BbbPropertyTests
{
    private static readonly string[] FrenchLabels =
        ["Nom", "Modérateur", "Activity Score", "Temps de conversation", "Temps de partage de caméra", "Messages", "Réactions",
         "Votes du sondage", "Mains levées", "Rejoindre", "Quitté", "Duration"];

    private static readonly string[] EnglishLabels =
        ["Name", "Moderator", "Activity Score", "Talk Time", "Webcam Time", "Messages", "Reactions", "Poll Votes",
         "Raise Hands", "Join", "Left", "Duration"];

    private static readonly string[] Words =
        ["Agnès", "Bruno", "Chloé", "ANAÏS", "Hélène", "LEFÈVRE", "Zoë", "Martin,", "O'Neil", "Jean-Luc", "Œuvray", "Petit", "DURAND", "Ýsé"];

    /// <summary>
    /// Poll texts. No ';': a French Excel cuts a line there, and the whole lines are put back together only when at
    /// most one row in three was cut (<see cref="AddinWeb.Reports.Tabular.WholeLineSheet"/>); the variant sample has one.
    /// </summary>
    private static readonly string[] Questions = ["Êtes-vous prêts ?", "Prêts, vraiment ?", "A, B, or C?"];

    private static readonly string[] Answers = ["Oui", "Non", "-", "A, B", "Peut-être"];

    private sealed record Written(string Name, bool Moderator, DateTime Join, DateTime? Leave, int Seconds, string Answer);

    private sealed record Export(bool FrenchDates, int Labels, string[] Questions, Written[] People);

    private static readonly Gen<Written> Person =
        Gen.Select(Gen.OneOf(Words).Array[1, 3], Gen.Bool, Gen.Int[0, 364], Gen.Int[7 * 3600, 18 * 3600],
                Gen.Int[60, 10 * 3600], Gen.Int[0, 100], Gen.Int[0, 9], Gen.OneOf(Answers))
            .Select(t =>
            {
                var join = new DateTime(2025, 1, 1).AddDays(t.Item3).AddSeconds(t.Item4);
                var span = t.Item5;
                return new Written(string.Join(" ", t.Item1), t.Item2, join, t.Item7 == 0 ? null : join.AddSeconds(span),
                    span * t.Item6 / 100, t.Item8);
            });

    private static readonly Gen<Export> Exports =
        Gen.Select(Gen.Bool, Gen.Int[0, 2], Gen.OneOf(Questions).Array[0, 2], Person.Array[1, 6])
            .Select(t => new Export(t.Item1 || t.Item2 != 1, t.Item2, t.Item3, t.Item4));

    private static string Date(DateTime value, bool french) => french
        ? value.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)
        : value.ToString("M/d/yyyy, hh:mm:ss tt", CultureInfo.InvariantCulture);

    private static string Clock(int seconds) => $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}";

    /// <summary>The file: labels 0 French, 1 English, 2 English labels with French dates (a locale file that failed).</summary>
    private static string Write(Export export)
    {
        var labels = export.Labels == 0 ? FrenchLabels : EnglishLabels;
        var lines = new List<string> { string.Join(",", labels.Concat(export.Questions)) };
        foreach (var p in export.People)
        {
            string[] values =
            [
                p.Name, p.Moderator ? "TRUE" : "FALSE", p.Moderator ? "0" : export.FrenchDates ? "3,5" : "3.5", "00:02:10", "-",
                "2", "0", "1", "0", Date(p.Join, export.FrenchDates), p.Leave is { } leave ? Date(leave, export.FrenchDates) : "-",
                Clock(p.Seconds), .. export.Questions.Select(_ => p.Answer),
            ];
            lines.Add(string.Join(",", values.Select(v => $"\"{v}\"")));
        }
        lines.Add(string.Join(",", new[] { export.Labels == 0 ? "Anonyme" : "Anonymous" }.Concat(Enumerable.Repeat("", 11))
            .Concat(export.Questions.Select(_ => "Oui")).Select(v => $"\"{v}\"")));
        return string.Join("\r\n", lines);
    }

    private static List<Person> Expected(Export export) => export.People.Select((p, i) => new Person(p.Name,
        p.Moderator ? ParticipantRole.Trainer : ParticipantRole.Trainee, p.Join, p.Leave, Math.Round(p.Seconds / 60.0, 6), i + 2)).ToList();

    /// <summary>
    /// The same people both ways. An American Excel turns French date texts into dates month first; when no day over
    /// 12 is left as text to show the swap, nothing can tell, and the reader says so: then only the dates may differ.
    /// </summary>
    [Fact]
    public void The_file_and_what_excel_shows_give_the_people_written()
    {
        Exports.Sample(export =>
        {
            var text = Write(export);
            var expected = Expected(export);
            var file = FromFile(text);
            Assert.Equal(expected, People(file));
            Assert.DoesNotContain(file.Issues, i => i.Severity == IssueSeverity.Error || i.Code.StartsWith("Unreadable"));

            Assert.Equal(expected, People(FromExcel(text, ExcelLocale.French)));

            var english = FromExcel(text, ExcelLocale.English);
            if (english.Issues.Any(i => i.Code == "AmbiguousDates"))
                Assert.Equal(expected.Select(p => (p.Name, p.Role, p.Minutes, p.Row)),
                    People(english).Select(p => (p.Name, p.Role, p.Minutes, p.Row)));
            else
                Assert.Equal(expected, People(english));
        }, iter: 400);
    }

    [Fact]
    public void An_american_excel_gives_the_dates_written_when_a_day_over_12_shows_the_swap()
    {
        // French dates with one day of the month over 12 somewhere: the texts Excel could not read prove its swap.
        Exports.Where(e => e.FrenchDates && e.People.Any(p => p.Join.Day > 12 && p.Join.Day != p.Join.Month))
            .Sample(export =>
            {
                var english = FromExcel(Write(export), ExcelLocale.English);
                Assert.Equal(Expected(export), People(english));
                Assert.DoesNotContain(english.Issues, i => i.Code == "AmbiguousDates");
            }, iter: 200);
    }
}
