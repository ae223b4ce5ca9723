using AddinWeb.Reports;

namespace AddinWeb.Tests.Attendance;

/// <summary>A small hand-made report for the cases the seed does not hold. Times are "dd/MM HH:mm[:ss]" in 2020.</summary>
public sealed class ReportBuilder
{
    private readonly List<UserSummary> _users = [];
    private readonly List<Connection> _connections = [];
    private readonly List<ScheduledSlot> _slots = [];
    private string? _host;

    public const string Summary = "Sommaire";
    public const string Presence = "Temps de connexion en présence";

    public static DateTime At(string text) =>
        DateTime.ParseExact("2020/" + text, ["yyyy/dd/MM HH:mm", "yyyy/dd/MM HH:mm:ss"],
            System.Globalization.CultureInfo.InvariantCulture);

    public ReportBuilder Slot(string start, string end) { _slots.Add(new ScheduledSlot(At(start), At(end))); return this; }

    public ReportBuilder Host(string host) { _host = host; return this; }

    public ReportBuilder User(string name, string? email, double replay = 0, double downloads = 0,
        ParticipantRole? role = null, PresenceSummary? presence = null)
    {
        _users.Add(new UserSummary
        {
            Source = new SourceRef(Summary, 14 + _users.Count),
            Name = name,
            Email = email,
            Role = role,
            Presence = presence,
            ReplayMinutes = replay,
            RecordingDownloads = downloads,
        });
        return this;
    }

    public ReportBuilder Connect(string name, string? email, string start, string end)
    {
        _connections.Add(new Connection
        {
            Source = new SourceRef(Presence, 11 + _connections.Count),
            Name = name,
            Email = email,
            Start = At(start),
            End = At(end),
        });
        return this;
    }

    public SessionReport Build() => new()
    {
        Platform = "Plateforme de test",
        SourceSheets = [Summary, Presence],
        Header = new ReportHeader { Host = _host, Slots = _slots.ToList() },
        Users = _users.ToList(),
        Connections = _connections.ToList(),
    };
}
