using System.Globalization;
using System.Text;
using AddinWeb.Tests.Seed;
using CsCheck;
using static AddinWeb.Tests.Reports.Zoom.ZoomRead;

namespace AddinWeb.Tests.Reports.Zoom;

/// <summary>
/// Random Zoom participants reports, written as Zoom writes them (quotes only where needed, US dates, minutes rounded
/// up, now and then a row of time in the waiting room), with or without the meeting header, per join or per
/// unique user: the file and what a French or an American
/// Excel shows of it give the same people, rows, times, header, warnings and fingerprint.
/// </summary>
public class ZoomPropertyTests
{
    private static readonly (string Name, string? Email)[] People =
    [
        ("Agnès Formatrice", "agnes.formatrice@ac-exemple.fr"),
        ("Martin, Bruno", "bruno.martin@ac-exemple.fr"),
        ("Chloé Petit (Chloé)", null),
        ("Hélène Lefèvre", "helene.lefevre@ac-exemple.fr"),
        ("Jean-Noël Dupont", null),
        ("Roux, Zoé", null),
        ("David Roux", "david.roux@ac-exemple.fr"),
        ("Œdipe Faure", "oedipe.faure@ac-exemple.fr"),
    ];

    private static readonly string[] Topics = ["Atelier numérique", "Atelier, numérique", "Classe virtuelle", "Réunion « bilan »"];

    private sealed record Join(int Person, DateTime Start, DateTime End, bool Waiting);

    private sealed record Generated(bool Header, bool UniqueUsers, int Topic, DateTime Day, Join[] Joins);

    private static readonly Gen<Generated> Reports =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, Topics.Length - 1], Gen.Int[2021, 2025], Gen.Int[1, 12], Gen.Int[1, 28])
            .SelectMany(t => Gen.Select(Gen.Int[0, People.Length - 1], Gen.Int[0, 300 * 60], Gen.Int[0, 200 * 60], Gen.Int[0, 9]).Array[1, 8]
                .Select(rows =>
                {
                    var day = new DateTime(t.Item4, t.Item5, t.Item6, 8, 0, 0);
                    var joins = rows.Select(r => new Join(r.Item1, day.AddSeconds(r.Item2), day.AddSeconds(r.Item2 + r.Item3), r.Item4 == 0));
                    // Unique users: one row per person.
                    if (t.Item2) joins = joins.DistinctBy(j => j.Person);
                    return new Generated(t.Item1, t.Item2, t.Item3, day, joins.ToArray());
                }));

    private static string Field(string value) =>
        value.IndexOfAny([',', '"']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static string Us(DateTime value) => value.ToString("MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture);

    private static string Write(Generated report)
    {
        var text = new StringBuilder();
        var first = report.Joins.Min(j => j.Start);
        var last = report.Joins.Max(j => j.End);
        if (report.Header)
        {
            text.Append("Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n");
            text.Append($"81234567890,{Field(Topics[report.Topic])},{Us(first)},{Us(last)},{People[0].Email},"
                + $"{Math.Ceiling((last - first).TotalMinutes)},{report.Joins.Length}\r\n");
            text.Append(",,,,,,\r\n");
        }
        text.Append("Name (Original Name),User Email,Join Time,Leave Time,"
            + (report.UniqueUsers ? "Total Duration (Minutes)" : "Duration (Minutes)") + ",Guest,In Waiting Room\r\n");
        foreach (var join in report.Joins)
        {
            var (name, email) = People[join.Person];
            // Zoom rounds each row up to the minute; a unique user's total is at most the span.
            var minutes = report.UniqueUsers
                ? Math.Floor((join.End - join.Start).TotalMinutes * 0.9)
                : Math.Ceiling((join.End - join.Start).TotalMinutes);
            text.Append($"{Field(name)},{email},{Us(join.Start)},{Us(join.End)},{minutes},{(email is null ? "Yes" : "No")},{(join.Waiting ? "Yes" : "No")}\r\n");
        }
        return text.ToString();
    }

    [Fact]
    public void The_file_and_what_excel_shows_give_the_same_participants()
    {
        Reports.Sample(generated =>
        {
            var text = Write(generated);
            var fileRead = File(text);
            var file = Report(fileRead);
            Assert.Equal(generated.Joins.Length, file.Connections.Count + file.Users.Count);
            foreach (var locale in new[] { ExcelLocale.French, ExcelLocale.English })
            {
                var shownRead = AsExcelShows(text, locale);
                var shown = Report(shownRead);
                Assert.Equal(Rows(file), Rows(shown));
                Assert.Equal(file.Header, shown.Header);
                Assert.Equal(Codes(fileRead), Codes(shownRead));
                Assert.Equal(Fingerprint(file), Fingerprint(shown));
            }
        }, iter: 300);
    }
}
