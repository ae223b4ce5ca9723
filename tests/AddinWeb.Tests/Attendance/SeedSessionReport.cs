using AddinWeb.Reports;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Attendance;

/// <summary>
/// The seed report as the reader will give it, built directly from <see cref="SeedReport"/>'s rows so the engine can
/// be tested before (and apart from) the reader: slot 10/11/2020 14:00–16:30, period 31/10–10/11/2020, host
/// "Stamminger, Elsa", source rows at the seed's Excel rows.
/// </summary>
public static class SeedSessionReport
{
    /// <summary>Excel row of the first user in "Sommaire" (header row 13).</summary>
    public const int FirstSummaryRow = SeedReport.SummaryHeaderRow + 1;
    /// <summary>Excel row of the first connection in the presence sheet (header row 10).</summary>
    public const int FirstPresenceRow = SeedReport.PresenceHeaderRow + 1;

    public static readonly ScheduledSlot Slot = new(new DateTime(2020, 11, 10, 14, 0, 0), new DateTime(2020, 11, 10, 16, 30, 0));

    public static SessionReport Build() => new()
    {
        Platform = "Ma cl@sse virtuelle",
        Header = new ReportHeader
        {
            Title = SeedReport.Title,
            PafReference = SeedReport.PafReference,
            ModuleNumber = SeedReport.ModuleNumber,
            Host = SeedReport.Host,
            Period = new ReportPeriod(new DateOnly(2020, 10, 31), new DateOnly(2020, 11, 10)),
            GeneratedAt = new DateTime(2020, 11, 10, 19, 38, 0),
            Slots = [Slot],
            Organisation = ["SVI eSolutions", "Pôle National Foad"],
            TimeZoneLabel = "France",
        },
        Users = Users(),
        Connections = Connections(),
        SourceSheets = [SeedReport.SummarySheetName, SeedReport.PresenceSheetName],
    };

    public static IReadOnlyList<UserSummary> Users() => SeedReport.SummaryRows.Select((row, i) =>
    {
        var f = row.Figures.Select(SeedReport.ParseFigure).ToArray();
        return new UserSummary
        {
            Source = new SourceRef(SeedReport.SummarySheetName, FirstSummaryRow + i),
            Name = row.Name,
            Email = row.Email,
            ReplayMinutes = f[6],
            RecordingDownloads = f[7],
        };
    }).ToList();

    public static IReadOnlyList<Connection> Connections() => SeedReport.PresenceRows.Select((row, i) => new Connection
    {
        Source = new SourceRef(SeedReport.PresenceSheetName, FirstPresenceRow + i),
        Name = row.Name,
        Email = row.Email,
        Start = SeedReport.ParseDate(row.Start),
        End = SeedReport.ParseDate(row.End),
    }).ToList();

    /// <summary>Excel rows (presence sheet) of a seed user's connections.</summary>
    public static IReadOnlyList<int> PresenceRowsOf(string name) =>
        SeedReport.PresenceRows.Select((row, i) => (row, i)).Where(x => x.row.Name == name)
            .Select(x => FirstPresenceRow + x.i).ToList();

    /// <summary>Excel row ("Sommaire") of a seed user.</summary>
    public static int SummaryRowOf(string name) =>
        FirstSummaryRow + SeedReport.SummaryRows.Select(r => r.Name).ToList().IndexOf(name);
}
