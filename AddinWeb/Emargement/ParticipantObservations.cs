using AddinWeb.Attendance;

namespace AddinWeb.Emargement;

/// <summary>
/// The "Observations" cell: what a manager would ask about a row (late arrival, early leave, reconnections, two
/// devices at once), in plain French words with the times that justify it.
/// </summary>
internal static class ParticipantObservations
{
    public static string? Describe(
        ParticipantAttendance participant,
        IReadOnlyList<AttendanceSession> sessions,
        Func<AttendanceSession, string> sessionLabel)
    {
        var notes = new List<string>();
        var several = sessions.Count > 1;

        if (participant.Connections == 0)
            notes.Add("aucune connexion en direct");

        var flaggedLate = false;
        var flaggedEarly = false;
        foreach (var attended in participant.Sessions.OrderBy(s => s.SessionIndex))
        {
            var session = sessions.FirstOrDefault(s => s.Index == attended.SessionIndex);
            if (session is null) continue;
            var prefix = several ? $"{sessionLabel(session)} : " : "";
            if (attended.LateArrival && attended.FirstJoin is { } join)
            {
                notes.Add($"{prefix}arrivée à {FrenchText.Time(join)} (début du créneau à {FrenchText.Time(session.Start)})");
                flaggedLate = true;
            }
            if (attended.EarlyLeave && attended.LastLeave is { } leave)
            {
                notes.Add($"{prefix}départ à {FrenchText.Time(leave)} (fin du créneau à {FrenchText.Time(session.End)})");
                flaggedEarly = true;
            }
        }
        // The participant-level flags stand even if no session detail carries the time.
        if (participant.LateArrival && !flaggedLate) notes.Add("arrivée après le début du créneau");
        if (participant.EarlyLeave && !flaggedEarly) notes.Add("départ avant la fin du créneau");

        if (participant.Reconnections > 0)
            notes.Add(FrenchText.Count(participant.Reconnections, "reconnexion après une coupure", "reconnexions après une coupure"));
        if (participant.OverlappingConnections)
            notes.Add("connexions simultanées (plusieurs appareils ou onglets), comptées une seule fois");
        if (participant.RecordingDownloads > 0)
            notes.Add(participant.RecordingDownloads == 1
                ? "enregistrement téléchargé 1 fois"
                : $"enregistrement téléchargé {participant.RecordingDownloads:0} fois");

        return notes.Count == 0 ? null : FrenchText.Capitalise(string.Join(" ; ", notes)) + ".";
    }
}
