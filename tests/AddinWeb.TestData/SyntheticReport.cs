using AddinWeb.Reports.Grid;

namespace AddinWeb.Tests.Seed;

/// <summary>
/// A Via report of any size, shaped like the seed (same title block, headers and total rows), for load, benchmark
/// and browser tests. Deterministic for a given seed. Names are fictional and unique ("Prénom0042 NOM0042"); every
/// user's Sommaire figures are the sums of their own connections and the totals are the column sums, so a
/// synthetic report is clean (no warning) and any warning it raises is a bug.
/// </summary>
public static class SyntheticReport
{
    public static readonly DateTime Day = new(2020, 11, 10);
    public static readonly DateTime SlotStart = Day.AddHours(14);
    public static readonly DateTime SlotEnd = Day.AddHours(16.5);

    private static readonly string[] FirstNames =
        ["Camille", "Louis", "Chloé", "Hugo", "Inès", "Jules", "Léa", "Nathan", "Manon", "Théo", "Zoé", "Adam"];

    private static readonly string[] LastNames =
        ["DURAND", "MARTIN", "LEFÈVRE", "BERNARD", "MOREAU", "PETIT", "GIRARD", "ROUX", "FOURNIER", "MOREL"];

    /// <param name="connections">Rows of the presence sheet.</param>
    /// <param name="connectionsPerUser">Average rows per user (reconnections, second devices).</param>
    public static WorkbookGrid Workbook(int connections, int connectionsPerUser = 3, int seed = 42,
        DateStyle dates = DateStyle.SerialNumber)
    {
        var random = new Random(seed);
        var userCount = Math.Max(1, connections / Math.Max(1, connectionsPerUser));
        var users = Enumerable.Range(0, userCount).Select(i => new User(
            $"{FirstNames[i % FirstNames.Length]}{i:D4} {LastNames[i / FirstNames.Length % LastNames.Length]}{i:D4}",
            $"utilisateur{i:D6}@ac-exemple.fr")).ToArray();
        users[0] = users[0] with { Name = "Elsa STAMMINGER", Email = "elsa.stamminger@ac-exemple.fr" };

        var rows = new List<(User User, DateTime Start, DateTime End, double[] Figures)>(connections);
        for (var c = 0; c < connections; c++)
        {
            var user = users[c < userCount ? c : random.Next(userCount)];
            var start = SlotStart.AddSeconds(random.Next(-20 * 60, 120 * 60));
            var end = start.AddSeconds(random.Next(60, 170 * 60));
            var minutes = Math.Round((end - start).TotalMinutes, 2);
            double[] figures =
            [
                minutes, Math.Round(random.NextDouble() * minutes / 4, 2), 0,
                Math.Round(random.NextDouble() * minutes, 2), Math.Round(random.NextDouble() * 30, 2),
                Math.Round(random.NextDouble(), 2),
            ];
            rows.Add((user, start, end, figures));
            for (var f = 0; f < figures.Length; f++) user.Totals[f] += figures[f];
        }
        rows.Sort((a, b) => a.Start.CompareTo(b.Start));

        return new WorkbookGrid([SummarySheet(users), PresenceSheet(rows, dates)]);
    }

    private sealed record User(string Name, string Email)
    {
        public double[] Totals { get; } = new double[6];
    }

    private static SheetGrid SummarySheet(User[] users)
    {
        var rows = TitleBlock("Sommaire");
        rows.AddRange(
        [
            Row("10 novembre - 14:00 à 16:30"), Row(),
            Row("CLASSE VIRTUELLE DE DÉMONSTRATION (REF. PAF 20A0000001-00001)"), Row(),
            Row("Hôte", "Stamminger, Elsa"), Row(), Row(SeedReport.SummaryHeaders),
        ]);
        var totals = new double[8];
        foreach (var user in users)
        {
            var figures = new[]
            {
                Math.Round(user.Totals[0], 2), Math.Round(user.Totals[1], 2), 0, Math.Round(user.Totals[3], 2),
                Math.Round(user.Totals[4], 2), Math.Round(user.Totals[5], 2), 0, 0,
            };
            for (var f = 0; f < figures.Length; f++) totals[f] += figures[f];
            rows.Add([Cell.FromText(user.Name), Cell.FromText(user.Email), .. figures.Select(Cell.FromNumber)]);
        }
        rows.Add([Cell.FromText("Total :"), Cell.Empty, .. totals.Select(t => Cell.FromNumber(Math.Round(t, 2)))]);
        return new SheetGrid(SeedReport.SummarySheetName, rows);
    }

    private static SheetGrid PresenceSheet(List<(User User, DateTime Start, DateTime End, double[] Figures)> connections, DateStyle dates)
    {
        var rows = TitleBlock("Temps de connexion en présence");
        rows.AddRange([Row(), Row("France"), Row(), Row(SeedReport.PresenceHeaders)]);
        var totals = new double[6];
        foreach (var (user, start, end, figures) in connections)
        {
            for (var f = 0; f < figures.Length; f++) totals[f] += figures[f];
            rows.Add([Cell.FromText(user.Name), Cell.FromText(user.Email), Date(start, dates), Date(end, dates),
                .. figures.Select(Cell.FromNumber)]);
        }
        rows.Add([Cell.FromText("Total :"), Cell.Empty, Cell.Empty, Cell.Empty, .. totals.Select(t => Cell.FromNumber(Math.Round(t, 2)))]);
        return new SheetGrid(SeedReport.PresenceSheetName, rows);
    }

    private static List<IReadOnlyList<Cell>> TitleBlock(string sheetTitle) =>
    [
        Row("SVI eSolutions"), Row("Pôle National Foad"), Row(), Row(sheetTitle),
        Row("31 octobre 2020 au 10 novembre 2020"), Row("Généré le 10 novembre 2020 à 19:38"),
    ];

    private static Cell Date(DateTime value, DateStyle style) => style switch
    {
        DateStyle.SerialNumber => Cell.FromNumber(value.ToOADate()),
        DateStyle.DateCell => Cell.FromDateTime(value),
        _ => Cell.FromText(value.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static IReadOnlyList<Cell> Row(params string[] texts) => texts.Select(Cell.FromText).ToArray();
}
