using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Emargement;
using AddinWeb.Reports;

namespace AddinWeb.Api;

/// <summary>
/// What the task pane and the upload page show about an analysed report, worded here once (French, the same words
/// as the sheet's): the pages only put these texts in place. A member is null when the report does not say.
/// </summary>
public sealed record ReportTexts
{
    /// <summary>"Ce classeur est un rapport de session {platform}.", the platform as the report's source names it.</summary>
    public required string Recognised { get; init; }
    /// <summary>"Rapport reconnu : {platform}", the platform as the report's source names it.</summary>
    public required string Platform { get; init; }
    /// <summary>
    /// Set when no slot is known (neither the report's nor the trainer's) and the sessions were found from the
    /// connections: the invitation to enter the scheduled slot before the sheet is signed. Null otherwise.
    /// </summary>
    public string? SlotPrompt { get; init; }
    /// <summary>The training's title as the report gives it.</summary>
    public string? Title { get; init; }
    /// <summary>"FORMATION … (PAF 20A0160236-68653)".</summary>
    public string? Training { get; init; }
    /// <summary>"20A0160236-68653": the PAF reference and module number, as on the sheet's footer.</summary>
    public string? PafLine { get; init; }
    /// <summary>"mardi 10 novembre 2020, 14:00 à 16:30" (several days joined by " ; ").</summary>
    public string? Sessions { get; init; }
    /// <summary>The trainer as the sheet names them: the report's host, else the participants it marks as trainers.</summary>
    public string? Host { get; init; }
    /// <summary>"12 stagiaires et 1 formateur".</summary>
    public required string Participants { get; init; }
    /// <summary>"3 présents, 2 partiels, 1 absent".</summary>
    public required string Totals { get; init; }
    /// <summary>"20 h 12": the trainees' time within the slots, cut to the minute as the sheet's [h]:mm shows it.</summary>
    public required string TraineeTime { get; init; }

    /// <param name="analysis">A usable analysis.</param>
    public static ReportTexts From(ReportAnalysis analysis)
    {
        var report = analysis.Report!;
        var header = report.Header;
        var attendance = analysis.Attendance!;
        var trainers = attendance.Participants.Count(p => p.Role == ParticipantRole.Trainer);
        var trainees = FrenchText.Count(attendance.Participants.Count - trainers, "stagiaire", "stagiaires");
        var totals = attendance.Totals;
        var paf = EmargementLayout.PafLine(header);
        return new ReportTexts
        {
            Recognised = $"Ce classeur est un rapport de session {report.Platform}.",
            Platform = $"Rapport reconnu : {report.Platform}",
            SlotPrompt = analysis.Issues.Any(i => i.Code == Observations.SessionsInferred) ? SlotPromptText : null,
            Title = Text(header.Title),
            Training = Text(header.Title) is { } title ? paf is null ? title : $"{title} (PAF {paf})" : null,
            PafLine = paf,
            Sessions = SessionsText(attendance.Sessions, header.Period),
            Host = EmargementLayout.Trainer(report, attendance),
            Participants = trainers > 0 ? $"{trainees} et {FrenchText.Count(trainers, "formateur", "formateurs")}" : trainees,
            Totals = $"{FrenchText.Count(totals.Present, "présent", "présents")}, {FrenchText.Count(totals.Partial, "partiel", "partiels")}, "
                     + FrenchText.Count(totals.Absent, "absent", "absents"),
            TraineeTime = FrenchText.ClockDuration(totals.TraineeMinutesInSlot),
        };
    }

    public const string SlotPromptText = "Le rapport n'indique pas le créneau prévu : les séances ont été déduites des "
        + "connexions. Saisissez ci-dessous la date, l'heure de début et l'heure de fin de chaque créneau avant de faire "
        + "signer la feuille ; les temps et les statuts seront recalculés.";

    private static string? SessionsText(IReadOnlyList<AttendanceSession> sessions, ReportPeriod? period)
    {
        if (sessions.Count > 0)
            return string.Join(" ; ", sessions.GroupBy(s => s.Start.Date).Select(day =>
                day.All(s => s.End.Date == s.Start.Date)
                    ? $"{FrenchText.LongDate(day.Key)}, {string.Join(" et ", day.Select(s => $"{FrenchText.Time(s.Start)} à {FrenchText.Time(s.End)}"))}"
                    : string.Join(" ; ", day.Select(FrenchText.SessionSpan))));
        if (period is { } p)
            return p.Start == p.End
                ? FrenchText.LongDate(p.Start.ToDateTime(TimeOnly.MinValue))
                : $"du {FrenchText.LongDate(p.Start.ToDateTime(TimeOnly.MinValue))} au {FrenchText.LongDate(p.End.ToDateTime(TimeOnly.MinValue))}";
        return null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
