using System.Text.RegularExpressions;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Teams;

/// <summary>A column of one of the report's tables, by meaning.</summary>
internal enum TeamsColumn
{
    Name, FirstJoin, LastLeave, InMeetingDuration, Email, ParticipantId, Role,
    JoinTime, LeaveTime, Duration,
    /// <summary>The older format's "User Action" (Joined, Left).</summary>
    UserAction,
    /// <summary>The older format's "Timestamp".</summary>
    Timestamp,
}

/// <summary>A line of the "1. Summary" section, by meaning.</summary>
internal enum SummaryField { Title, AttendedParticipants, StartTime, EndTime, MeetingDuration, AverageAttendance }

/// <summary>The sections of the current format, and the older format's one table of events.</summary>
internal enum TeamsSection { Summary, Participants, Activities, Events }

/// <summary>What a row of the older format says the person did.</summary>
internal enum UserAction { Joined, Left }

/// <summary>
/// The words of a Teams attendance report, compared by <see cref="TextNormalizer.HeaderKey"/> (case, accents,
/// hyphens, a unit in brackets such as "(UPN)" do not matter). English is what Teams writes; the French labels are
/// assumed (no French sample is public): the sections are also found by their shape (<see cref="TeamsLayout"/>).
/// </summary>
internal static partial class TeamsVocabulary
{
    private static readonly Dictionary<string, TeamsColumn> Columns = Build(new Dictionary<TeamsColumn, string[]>
    {
        [TeamsColumn.Name] = ["Name", "Full Name", "Participant name", "Nom", "Nom complet", "Nom du participant"],
        [TeamsColumn.FirstJoin] =
            ["First join", "First joined", "Première arrivée", "Heure de première arrivée", "Première connexion", "Première participation"],
        [TeamsColumn.LastLeave] =
            ["Last leave", "Last left", "Dernier départ", "Heure du dernier départ", "Dernière déconnexion"],
        [TeamsColumn.InMeetingDuration] =
        [
            "In-meeting duration", "In meeting duration", "Attendance duration", "Durée de la réunion",
            "Durée dans la réunion", "Durée en réunion", "Durée de participation", "Durée de présence",
        ],
        [TeamsColumn.Email] = ["Email", "E-mail", "Adresse e-mail", "Adresse de messagerie", "Courrier électronique", "Courriel"],
        [TeamsColumn.ParticipantId] =
            ["Participant ID (UPN)", "Participant ID", "UPN", "ID du participant", "Identifiant du participant"],
        [TeamsColumn.Role] = ["Role", "Rôle"],
        [TeamsColumn.JoinTime] = ["Join time", "Joined at", "Heure d'arrivée", "Heure de connexion", "Heure de participation", "Arrivée"],
        [TeamsColumn.LeaveTime] = ["Leave time", "Left at", "Heure de départ", "Heure de déconnexion", "Départ"],
        [TeamsColumn.Duration] = ["Duration", "Durée"],
        [TeamsColumn.UserAction] = ["User Action", "Action", "Action de l'utilisateur", "Action utilisateur"],
        [TeamsColumn.Timestamp] = ["Timestamp", "Horodatage", "Date et heure", "Horodateur"],
    });

    private static readonly Dictionary<string, SummaryField> SummaryLabels = Build(new Dictionary<SummaryField, string[]>
    {
        [SummaryField.Title] = ["Meeting title", "Title", "Titre de la réunion", "Titre"],
        [SummaryField.AttendedParticipants] =
            ["Attended participants", "Participants", "Participants présents", "Participants ayant assisté", "Nombre de participants"],
        [SummaryField.StartTime] = ["Start time", "Meeting start time", "Heure de début", "Début de la réunion"],
        [SummaryField.EndTime] = ["End time", "Meeting end time", "Heure de fin", "Fin de la réunion"],
        [SummaryField.MeetingDuration] = ["Meeting duration", "Durée de la réunion"],
        [SummaryField.AverageAttendance] =
        [
            "Average attendance time", "Average attendance duration", "Temps de présence moyen", "Durée moyenne de présence",
            "Durée moyenne de participation", "Temps de participation moyen",
        ],
    });

    private static readonly Dictionary<string, ParticipantRole> Roles = new(StringComparer.Ordinal)
    {
        ["organizer"] = ParticipantRole.Trainer,
        ["organiser"] = ParticipantRole.Trainer,
        ["co organizer"] = ParticipantRole.Trainer,
        ["coorganizer"] = ParticipantRole.Trainer,
        ["organisateur"] = ParticipantRole.Trainer,
        ["organisatrice"] = ParticipantRole.Trainer,
        ["co organisateur"] = ParticipantRole.Trainer,
        ["coorganisateur"] = ParticipantRole.Trainer,
        ["co organisatrice"] = ParticipantRole.Trainer,
        ["presenter"] = ParticipantRole.Trainee,
        ["presentateur"] = ParticipantRole.Trainee,
        ["presentatrice"] = ParticipantRole.Trainee,
        ["attendee"] = ParticipantRole.Trainee,
        ["participant"] = ParticipantRole.Trainee,
        ["participante"] = ParticipantRole.Trainee,
    };

    private static readonly Dictionary<string, UserAction> Actions = new(StringComparer.Ordinal)
    {
        ["joined"] = UserAction.Joined,
        ["joined before"] = UserAction.Joined,
        ["a rejoint"] = UserAction.Joined,
        ["rejoint"] = UserAction.Joined,
        ["a rejoint avant"] = UserAction.Joined,
        ["rejoint avant"] = UserAction.Joined,
        ["left"] = UserAction.Left,
        ["a quitte"] = UserAction.Left,
        ["quitte"] = UserAction.Left,
        ["parti"] = UserAction.Left,
    };

    /// <summary>The column a header cell names, if any.</summary>
    public static TeamsColumn? Column(string? header) =>
        Columns.TryGetValue(TextNormalizer.HeaderKey(header), out var column) ? column : null;

    /// <summary>The summary field a label names, if any.</summary>
    public static SummaryField? Summary(string? label) =>
        SummaryLabels.TryGetValue(TextNormalizer.HeaderKey(label), out var field) ? field : null;

    /// <summary>Organizer and co-organizer are trainers; presenter and attendee trainees; null for anything else.</summary>
    public static ParticipantRole? Role(string? text) =>
        Roles.TryGetValue(TextNormalizer.HeaderKey(text), out var role) ? role : null;

    /// <summary>True for the organiser's own word (not a co-organiser's): the header's host.</summary>
    public static bool IsOrganizer(string? text) =>
        TextNormalizer.HeaderKey(text) is "organizer" or "organiser" or "organisateur" or "organisatrice";

    public static UserAction? Action(string? text) =>
        Actions.TryGetValue(TextNormalizer.HeaderKey(text), out var action) ? action : null;

    /// <summary>
    /// The section a one-cell title line names: "1. Summary", "2. Participants", "3. In-Meeting activities" (any
    /// case), "Résumé", "Activités pendant la réunion". Null when the text is no section title.
    /// </summary>
    public static TeamsSection? SectionTitle(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
            return null;
        var collapsed = TextNormalizer.CollapseSpaces(text);
        var match = Numbering().Match(collapsed);
        var key = TextNormalizer.HeaderKey(match.Success ? collapsed[match.Length..] : collapsed);
        if (key is "summary" or "meeting summary" or "resume" or "synthese" or "recapitulatif" or "resume de la reunion")
            return TeamsSection.Summary;
        if (key is "participants" or "participant")
            return TeamsSection.Participants;
        if (key.Contains("activit", StringComparison.Ordinal))
            return TeamsSection.Activities;
        return null;
    }

    /// <summary>A numbered line ("4. Something") Teams may add: not a section read here, but it ends a table.</summary>
    public static bool IsNumberedTitle(string? text)
    {
        var collapsed = TextNormalizer.CollapseSpaces(text);
        var match = Numbering().Match(collapsed);
        return match.Success && match.Length < collapsed.Length && char.IsLetter(collapsed[match.Length]);
    }

    /// <summary>How a column is written in messages: its English title and the assumed French one.</summary>
    public static string Title(TeamsColumn column) => column switch
    {
        TeamsColumn.Name => "Name / Nom",
        TeamsColumn.FirstJoin => "First join / Première arrivée",
        TeamsColumn.LastLeave => "Last leave / Dernier départ",
        TeamsColumn.InMeetingDuration => "In-meeting duration / Durée de la réunion",
        TeamsColumn.Email => "Email / E-mail",
        TeamsColumn.ParticipantId => "Participant ID (UPN)",
        TeamsColumn.Role => "Role / Rôle",
        TeamsColumn.JoinTime => "Join time / Heure d'arrivée",
        TeamsColumn.LeaveTime => "Leave time / Heure de départ",
        TeamsColumn.Duration => "Duration / Durée",
        TeamsColumn.UserAction => "User Action",
        TeamsColumn.Timestamp => "Timestamp",
        _ => column.ToString(),
    };

    private static Dictionary<string, T> Build<T>(Dictionary<T, string[]> byValue) where T : notnull
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, titles) in byValue)
            foreach (var title in titles)
                map[TextNormalizer.HeaderKey(title)] = value;
        return map;
    }

    [GeneratedRegex(@"^[0-9]{1,2} ?[.)] ?", RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();
}
