using System.Globalization;
using System.Text;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Teams;
using AddinWeb.Tests.Seed;
using CsCheck;
using static AddinWeb.Tests.Reports.Teams.TeamsFiles;

namespace AddinWeb.Tests.Reports.Teams;

/// <summary>
/// Random Teams reports (people with commas and accents in their names, guests without email, reconnections, people
/// without activities, dates written the American or the European way, with or without the comma that keeps Excel
/// from reading them, durations in units or as clocks) read from the file and as a French, an American and a British
/// Excel show them: the same participants, roles and figures, and the same fingerprint. When the file's dates prove
/// their order (a day over 12 or AM/PM with a month over 12), that holds whatever Excel did to them; when nothing
/// proves it, both ways say so.
/// </summary>
public class TeamsPropertyTests
{
    private static readonly string[] Names =
    [
        "Agnès Formatrice", "Martin, Bruno", "Chloé Petit", "Zoé L'Hôte", "Dupont-Moreau, Anaïs", "Jean (Invité)",
        "O'Brien, Seán", "Lefèvre Hélène", "Œdipe Noël", "Ibrahim Ünal",
    ];

    private static readonly string[] Roles = ["Presenter", "Attendee", "Attendee", "Co-organizer"];

    private enum DateStyle { UsWithComma, UsPlain, EuropeanWithComma, EuropeanPlain }

    private sealed record Report(string Text, bool Proven);

    private static Report Build(int seed)
    {
        var random = new Random(seed);
        var style = (DateStyle)random.Next(4);
        var clockDurations = random.Next(2) == 0;
        var day = new DateTime(2025, random.Next(1, 13), random.Next(1, 29));
        var people = Names.OrderBy(_ => random.Next()).Take(random.Next(1, 7)).ToList();

        string Date(DateTime t) => style switch
        {
            DateStyle.UsWithComma => t.ToString("M/d/yy, h:mm:ss tt", CultureInfo.InvariantCulture),
            DateStyle.UsPlain => t.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture),
            DateStyle.EuropeanWithComma => t.ToString("dd/MM/yy, HH:mm:ss", CultureInfo.InvariantCulture),
            _ => t.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        };
        string Duration(TimeSpan d) => clockDurations
            ? $"{(int)d.TotalHours:00}:{d.Minutes:00}:{d.Seconds:00}"
            : (d.Hours > 0 ? $"{d.Hours}h {d.Minutes}m {d.Seconds}s" : d.Minutes > 0 ? $"{d.Minutes}m {d.Seconds}s" : $"{d.Seconds}s");

        var participants = new StringBuilder();
        var activities = new StringBuilder();
        DateTime meetingStart = day.AddHours(8), meetingEnd = day.AddHours(8).AddSeconds(1);
        for (var p = 0; p < people.Count; p++)
        {
            var name = people[p];
            var email = name.Contains("Invité") || random.Next(6) == 0 ? "" : $"person{p}@ac-exemple.fr";
            var role = p == 0 ? "Organizer" : Roles[random.Next(Roles.Length)];
            var start = day.AddHours(8).AddSeconds(random.Next(0, 4 * 3600));
            var joins = new List<(DateTime Join, DateTime Leave)>();
            var at = start;
            for (var k = random.Next(0, 4); k > 0; k--)
            {
                var leave = at.AddSeconds(random.Next(5, 3600));
                joins.Add((at, leave));
                at = leave.AddSeconds(random.Next(1, 1800));
            }
            var first = joins.Count > 0 ? joins[0].Join : start;
            var last = joins.Count > 0 ? joins[^1].Leave : start.AddSeconds(random.Next(60, 7200));
            var total = joins.Count > 0
                ? TimeSpan.FromTicks(joins.Sum(j => (j.Leave - j.Join).Ticks))
                : TimeSpan.FromSeconds(random.Next(1, (int)(last - first).TotalSeconds + 1));
            if (last > meetingEnd) meetingEnd = last;
            participants.Append($"{name}\t{Date(first)}\t{Date(last)}\t{Duration(total)}\t{email}\t{email}\t{role}\r\n");
            foreach (var (join, leave) in joins)
                activities.Append($"{name}\t{Date(join)}\t{Date(leave)}\t{Duration(leave - join)}\t{email}\t{role}\r\n");
        }
        var text = "1. Summary\r\n"
            + "Meeting title\tAtelier numérique\r\n"
            + $"Attended participants\t{people.Count}\r\n"
            + $"Start time\t{Date(meetingStart)}\r\n"
            + $"End time\t{Date(meetingEnd)}\r\n"
            + $"Meeting duration\t{Duration(meetingEnd - meetingStart)}\r\n"
            + "\r\n2. Participants\r\n"
            + "Name\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole\r\n"
            + participants
            + (activities.Length > 0 || random.Next(2) == 0
                ? "\r\n3. In-Meeting Activities\r\nName\tJoin time\tLeave time\tDuration\tEmail\tRole\r\n" + activities
                : "");
        // A day over 12 proves the order; a day equal to its month reads the same both ways.
        var proven = day.Day > 12 || day.Day == day.Month;
        return new Report(text, proven);
    }

    [Fact]
    public void The_file_and_what_excel_shows_give_the_same_participants()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var report = Build(seed);
            var bytes = Utf16(report.Text);
            var fromFile = Read(FromFile(bytes));
            Assert.False(fromFile.HasErrors, string.Join("\n", fromFile.Issues.Select(i => i.Message)));
            Assert.Equal(!report.Proven, fromFile.Issues.Any(i => i.Code == TeamsReportSource.AmbiguousDates));
            foreach (var locale in new[] { ExcelLocale.French, ExcelLocale.English, ExcelLocale.British })
            {
                var shown = Read(Shown(bytes, locale));
                Assert.False(shown.HasErrors, string.Join("\n", shown.Issues.Select(i => i.Message)));
                if (!report.Proven)
                {
                    // Nothing in the file proves the order: Excel may have read it its own way; both ways warn.
                    Assert.Contains(shown.Issues, i => i.Code == TeamsReportSource.AmbiguousDates);
                    continue;
                }
                Assert.Equal(Figures(fromFile.Report!), Figures(shown.Report!));
                Assert.Equal(TeamsSampleTests.Fingerprint(fromFile.Report!), TeamsSampleTests.Fingerprint(shown.Report!));
            }
        }, iter: 300);
    }
}

/// <summary>No grid, however odd (Teams' words and values in any place, Excel's numbers, ragged rows), makes the source throw.</summary>
public class TeamsRobustnessTests
{
    private static readonly string[] Texts =
    [
        "1. Summary", "2. Participants", "3. In-Meeting Activities", "Résumé", "Meeting title", "Start time", "End time",
        "Attended participants", "Name", "First join", "Last leave", "In-meeting duration", "Email", "Role", "Join time",
        "Leave time", "Duration", "Full Name", "User Action", "Timestamp", "Joined", "Left", "Joined before", "Organizer",
        "Attendee", "Presenter", "3/4/25, 8:58:02 AM", "15/11/22, 09:30:47", "13/13/25, 25:61:00", "1h 2m 3s", "99999h",
        "5s", "Martin, Bruno", "a@b.fr", "-", " ", "31/04/2025 10:00:00", "12/31/9999 11:59:59 PM",
    ];

    private static readonly Gen<Cell> Cells = Gen.Frequency(
        (6, Gen.OneOf(Texts).Select(Cell.FromText)),
        (1, Gen.Double[-1e7, 3e6].Select(Cell.FromNumber)),
        (1, Gen.Bool.Select(Cell.FromBoolean)),
        (2, Gen.Const(Cell.Empty)));

    /// <summary>Teams' headers, so that random rows land in tables often, not only in the summary.</summary>
    private static readonly Gen<Cell[]> Headers = Gen.OneOf(
        "Name\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole",
        "Name\tJoin time\tLeave time\tDuration\tEmail\tRole",
        "Full Name\tUser Action\tTimestamp",
        "Name\tFirst join\tLast leave",
        "Role\tJoin time\tName\tLeave time").Select(h => h.Split('\t').Select(Cell.FromText).ToArray());

    private static readonly Gen<Cell[]> Rows = Gen.Frequency((1, Headers), (5, Cells.Array[0, 8]));

    [Fact]
    public void Any_grid_is_read_or_refused_in_french_without_throwing()
    {
        Rows.Select(r => (IReadOnlyList<Cell>)r).Array[0, 30].Sample(rows =>
        {
            var workbook = new WorkbookGrid([new SheetGrid("Rapport", rows)]);
            var source = new TeamsReportSource();
            source.Recognises(workbook);
            var read = source.Read(workbook);
            Assert.All(read.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
            Assert.True(read.Report is not null || read.Issues.Any(i => i.Severity == AddinWeb.Reports.IssueSeverity.Error));
        }, iter: 3000);
    }
}
