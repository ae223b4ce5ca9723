using System.Globalization;
using AddinWeb.Attendance;
using AddinWeb.Reports;

namespace AddinWeb.Emargement;

/// <summary>
/// French wording of dates, durations and statuses for the sheet. Day and month names are spelled here rather than
/// taken from the fr-FR culture so the sheet reads the same on a server without ICU data.
/// </summary>
internal static class FrenchText
{
    private static readonly string[] Days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    private static readonly string[] Months =
    [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"mardi 10 novembre 2020".</summary>
    public static string LongDate(DateTime date) =>
        $"{Days[(int)date.DayOfWeek]} {date.Day} {Months[date.Month - 1]} {date.Year}";

    /// <summary>"10/11/2020".</summary>
    public static string ShortDate(DateTime date) => date.ToString("dd/MM/yyyy", Invariant);

    public static string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", Invariant);

    /// <summary>"14:00".</summary>
    public static string Time(DateTime time) => time.ToString("HH:mm", Invariant);

    /// <summary>"2 h 30", "45 min", "3 h".</summary>
    public static string Duration(double minutes)
    {
        var total = (int)Math.Round(minutes, MidpointRounding.AwayFromZero);
        var (hours, rest) = (total / 60, total % 60);
        if (hours == 0) return $"{rest} min";
        return rest == 0 ? $"{hours} h" : $"{hours} h {rest:00}";
    }

    /// <summary>"mardi 10 novembre 2020, 14:00 à 16:30" (a session on one day), or both ends in full.</summary>
    public static string SessionSpan(AttendanceSession session) =>
        session.Start.Date == session.End.Date
            ? $"{LongDate(session.Start)}, {Time(session.Start)} à {Time(session.End)}"
            : $"du {LongDate(session.Start)} {Time(session.Start)} au {LongDate(session.End)} {Time(session.End)}";

    /// <summary>"matin" or "après-midi", for sessions found from the connections rather than from a slot.</summary>
    public static string HalfDay(AttendanceSession session, TimeOnly afternoonStartsAt) =>
        TimeOnly.FromDateTime(session.Start) < afternoonStartsAt ? "matin" : "après-midi";

    public static string Role(ParticipantRole role) => role == ParticipantRole.Trainer ? "Formateur" : "Stagiaire";

    public static string Status(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "Présent",
        AttendanceStatus.Partial => "Partiel",
        _ => "Absent",
    };

    public static string Percent(double rate) => (rate * 100).ToString("0.#", Invariant).Replace('.', ',') + " %";

    /// <summary>"1 reconnexion", "3 reconnexions".</summary>
    public static string Count(int count, string singular, string plural) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural}";

    public static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
