using System.Globalization;
using System.Text;
using AddinWeb.Attendance;

namespace AddinWeb.Emargement;

/// <summary>
/// The "Observations" cell: what a manager would ask about a row (late arrival, early leave, reconnections, two
/// devices at once), in plain French words with the times that justify it. One instance serves a whole table: the
/// sessions' labels are worked out once and each row's text is written into one reused buffer, since a large report
/// has tens of thousands of rows.
/// </summary>
internal sealed class ParticipantObservations
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Sessions by index (the first of an index wins), with the label that starts their notes.</summary>
    private readonly Dictionary<int, (AttendanceSession Session, string Prefix)> _sessions = [];
    private readonly StringBuilder _text = new();
    private readonly string _platform;
    private readonly string _slotWord;

    /// <param name="sessions">The sessions, for their labels and bounds.</param>
    /// <param name="sessionLabel">How a session is named at the start of its notes when there are several.</param>
    /// <param name="platform">The platform's name, said where a figure rests on its stated duration.</param>
    public ParticipantObservations(IReadOnlyList<AttendanceSession> sessions, Func<AttendanceSession, string> sessionLabel,
        string platform)
    {
        _platform = platform;
        _slotWord = sessions.Count > 1 ? "les créneaux" : "le créneau";
        var several = sessions.Count > 1;
        foreach (var session in sessions)
            if (!_sessions.ContainsKey(session.Index))
                _sessions.Add(session.Index, (session, several ? $"{sessionLabel(session)} : " : ""));
    }

    /// <summary>The notes joined by " ; ", capitalised, with a final full stop; null when there is nothing to say.</summary>
    public string? Describe(ParticipantAttendance participant)
    {
        _text.Clear();
        if (participant.Basis == PresenceBasis.Summary)
            SummaryNote(participant);
        else if (participant.Convened == true && participant.SourceRows.Count == 0)
            Note().Append($"aucune connexion : convoqué(e), absent(e) du rapport de {_platform}");
        else if (participant.Connections == 0)
            Note().Append("aucune connexion en direct");

        var flaggedLate = false;
        var flaggedEarly = false;
        var attendedSessions = InSessionOrder(participant.Sessions);
        for (var i = 0; i < attendedSessions.Count; i++)
        {
            var attended = attendedSessions[i];
            if (!_sessions.TryGetValue(attended.SessionIndex, out var session)) continue;
            if (attended.LateArrival && attended.FirstJoin is { } join)
            {
                Note().Append(Invariant,
                    $"{session.Prefix}arrivée à {join:HH:mm} (début du créneau à {session.Session.Start:HH:mm})");
                flaggedLate = true;
            }
            if (attended.EarlyLeave && attended.LastLeave is { } leave)
            {
                Note().Append(Invariant,
                    $"{session.Prefix}départ à {leave:HH:mm} (fin du créneau à {session.Session.End:HH:mm})");
                flaggedEarly = true;
            }
        }
        // The participant-level flags stand even if no session detail carries the time.
        if (participant.LateArrival && !flaggedLate) Note().Append("arrivée après le début du créneau");
        if (participant.EarlyLeave && !flaggedEarly) Note().Append("départ avant la fin du créneau");

        if (participant.Reconnections == 1)
            Note().Append("1 reconnexion après une coupure");
        else if (participant.Reconnections > 1)
            Note().Append($"{participant.Reconnections} reconnexions après une coupure");
        if (participant.OverlappingConnections)
            Note().Append("connexions simultanées (plusieurs appareils ou onglets), comptées une seule fois");
        if (participant.RecordingDownloads == 1)
            Note().Append("enregistrement téléchargé 1 fois");
        else if (participant.RecordingDownloads > 0)
            Note().Append($"enregistrement téléchargé {participant.RecordingDownloads:0} fois");

        if (_text.Length == 0) return null;
        _text[0] = char.ToUpperInvariant(_text[0]);
        return _text.Append('.').ToString();
    }

    /// <summary>
    /// A figure from a summary is a range: the sheet shows the certain part and says so, with the most it can be.
    /// </summary>
    private void SummaryNote(ParticipantAttendance participant)
    {
        var least = FrenchText.Duration(participant.MinutesInSlot);
        var most = FrenchText.Duration(participant.MinutesInSlotMax);
        Note().Append($"d'après la durée totale fournie par {_platform} : ");
        if (least == most) _text.Append($"{least} sur {_slotWord}");
        else _text.Append($"au moins {least} sur {_slotWord}, au plus {most}");
        if (_sessions.Count > 1) _text.Append(" (la répartition entre créneaux n'est pas connue : chaque colonne en donne le minimum)");
    }

    /// <summary>The buffer, ready for one more note.</summary>
    private StringBuilder Note() => _text.Length == 0 ? _text : _text.Append(" ; ");

    /// <summary>The engine already gives sessions in order: only another order is sorted (stably, by index).</summary>
    private static IReadOnlyList<SessionAttendance> InSessionOrder(IReadOnlyList<SessionAttendance> sessions)
    {
        for (var i = 1; i < sessions.Count; i++)
            if (sessions[i].SessionIndex < sessions[i - 1].SessionIndex)
                return sessions.OrderBy(s => s.SessionIndex).ToList();
        return sessions;
    }
}
