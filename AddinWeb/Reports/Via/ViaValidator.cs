using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Via;

/// <summary>
/// Checks a read report for what a DAFPEN manager would query. Pure: no I/O. Every warning is French, names the
/// sheet, the Excel row and the column, and never quotes a name or an email. Unreadable rows are reported by the
/// reader, not here.
/// </summary>
public static class ViaValidator
{
    /// <summary>Largest accepted gap between "Connexion" and Fin − Début, in minutes.</summary>
    public const double DurationTolerance = 0.05;

    /// <summary>Figures are printed with two decimals: each may be off by half a hundredth.</summary>
    private const double HalfHundredth = 0.005;

    public static IReadOnlyList<ReportIssue> Validate(ViaReport report)
    {
        var issues = new List<ReportIssue>();
        CheckConnections(report, issues);
        CheckEmails(report, issues);
        CheckTotals(report, issues);
        CheckUsersAgainstPresence(report, issues);
        return issues;
    }

    private static void CheckConnections(ViaReport report, List<ReportIssue> issues)
    {
        var period = report.Header.Period;
        foreach (var c in report.Connections)
        {
            if (c.End < c.Start)
                issues.Add(Presence(report, c.Source.Row, ViaColumn.End, "EndBeforeStart",
                    $"la fin de connexion ({Time(c.End)}) est antérieure au début ({Time(c.Start)})."));
            else if (c.DurationMinutes is { } stated)
            {
                var actual = (c.End - c.Start).TotalMinutes;
                if (Math.Abs(stated - actual) > DurationTolerance + 1e-9)
                    issues.Add(Presence(report, c.Source.Row, ViaColumn.Connection, "DurationMismatch",
                        $"la durée indiquée ({Minutes(stated)} min) diffère de Fin − Début ({Minutes(actual)} min) "
                        + $"de {Minutes(Math.Abs(stated - actual))} min."));
            }

            if (period is null)
                continue;
            var startDay = DateOnly.FromDateTime(c.Start);
            var endDay = DateOnly.FromDateTime(c.End);
            if (startDay < period.Start || startDay > period.End)
                issues.Add(Presence(report, c.Source.Row, ViaColumn.Start, "OutsidePeriod",
                    $"connexion le {Day(startDay)}, hors de la période du rapport ({Period(period)})."));
            else if (endDay < period.Start || endDay > period.End)
                issues.Add(Presence(report, c.Source.Row, ViaColumn.End, "OutsidePeriod",
                    $"fin de connexion le {Day(endDay)}, hors de la période du rapport ({Period(period)})."));
        }
    }

    private static void CheckEmails(ViaReport report, List<ReportIssue> issues)
    {
        foreach (var u in report.Users.Where(u => TextNormalizer.EmailKey(u.Email) is null))
            issues.Add(Summary(report, u.Source.Row, ViaColumn.Email, "MissingEmail",
                "adresse électronique absente ; la personne est rapprochée par son nom."));
        foreach (var c in report.Connections.Where(c => TextNormalizer.EmailKey(c.Email) is null))
            issues.Add(Presence(report, c.Source.Row, ViaColumn.Email, "MissingEmail",
                "adresse électronique absente ; la connexion est rapprochée par le nom."));
    }

    private static void CheckTotals(ViaReport report, List<ReportIssue> issues)
    {
        foreach (var total in report.Totals)
        {
            var isSummary = total.Source.Sheet == report.SummarySheet;
            var rows = isSummary ? report.Users.Count : report.Connections.Count;
            foreach (var (title, stated) in total.ColumnTotals)
            {
                if (ViaColumns.FromTitle(title) is not { } column
                    || (isSummary ? SummaryFigure(column) : PresenceFigure(column)) is not { } figure)
                    continue;
                var sum = isSummary
                    ? report.Users.Sum(u => figure(u, null) ?? 0)
                    : report.Connections.Sum(c => figure(null, c) ?? 0);
                // Each row and the total are rounded to two decimals, so the gap may grow with the row count.
                var tolerance = HalfHundredth * (rows + 1) + 1e-9;
                if (Math.Abs(stated - sum) <= tolerance)
                    continue;
                var letter = total.ColumnLetters.GetValueOrDefault(title)
                    ?? (isSummary ? report.SummaryTable : report.PresenceTable)?.Letter(column);
                issues.Add(ReportLocation.Warning("TotalMismatch", total.Source.Sheet, total.Source.Row, letter, title,
                    $"le total indiqué ({Minutes(stated)}) ne correspond pas à la somme des {rows} lignes lues "
                    + $"({Minutes(sum)}) ; écart de {Minutes(Math.Abs(stated - sum))}."));
            }
        }
    }

    private delegate double? Figure(ViaUserRow? user, ViaConnectionRow? connection);

    private static Figure? SummaryFigure(ViaColumn column) => column switch
    {
        ViaColumn.Connection => (u, _) => u!.ConnectionMinutes,
        ViaColumn.Microphone => (u, _) => u!.MicrophoneMinutes,
        ViaColumn.Phone => (u, _) => u!.PhoneMinutes,
        ViaColumn.Webcam => (u, _) => u!.WebcamMinutes,
        ViaColumn.Multimedia => (u, _) => u!.MultimediaMinutes,
        ViaColumn.ScreenShare => (u, _) => u!.ScreenShareMinutes,
        ViaColumn.Replay => (u, _) => u!.ReplayMinutes,
        ViaColumn.RecordingDownload => (u, _) => u!.RecordingDownloads,
        _ => null,
    };

    private static Figure? PresenceFigure(ViaColumn column) => column switch
    {
        ViaColumn.Connection => (_, c) => c!.DurationMinutes,
        ViaColumn.Microphone => (_, c) => c!.MicrophoneMinutes,
        ViaColumn.Phone => (_, c) => c!.PhoneMinutes,
        ViaColumn.Webcam => (_, c) => c!.WebcamMinutes,
        ViaColumn.Multimedia => (_, c) => c!.MultimediaMinutes,
        ViaColumn.ScreenShare => (_, c) => c!.ScreenShareMinutes,
        _ => null,
    };

    /// <summary>
    /// Matches presence rows to "Sommaire" users (email, else normalised name) and checks that each user's live
    /// connections fit in their "Connexion", that a user with live minutes has presence rows, and that every
    /// presence row belongs to a user.
    /// </summary>
    private static void CheckUsersAgainstPresence(ViaReport report, List<ReportIssue> issues)
    {
        var users = report.Users;
        var connections = report.Connections;
        var byEmail = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < users.Count; u++)
            if (TextNormalizer.EmailKey(users[u].Email) is { } email)
                byEmail.TryAdd(email, u);
        // Names are the fallback when the email does not match: their keys are only worked out if one is needed.
        Dictionary<string, int>? byName = null;

        // Each user's connections, in report order, as a chain of connection indexes (no list per user).
        var first = new int[users.Count];
        var last = new int[users.Count];
        var count = new int[users.Count];
        var live = new double[users.Count];
        var next = new int[connections.Count];
        Array.Fill(first, -1);
        var orphans = new Dictionary<string, List<ViaConnectionRow>>(StringComparer.Ordinal);
        for (var i = 0; i < connections.Count; i++)
        {
            var c = connections[i];
            var email = TextNormalizer.EmailKey(c.Email);
            var user = email is not null && byEmail.TryGetValue(email, out var byMail) ? byMail
                : (byName ??= ByName(users)).GetValueOrDefault(TextNormalizer.PersonKey(c.Name), -1);
            if (user >= 0)
            {
                next[i] = -1;
                if (first[user] < 0) first[user] = i;
                else next[last[user]] = i;
                last[user] = i;
                count[user]++;
                live[user] += c.DurationMinutes ?? Math.Max(0, (c.End - c.Start).TotalMinutes);
            }
            else
            {
                var key = email ?? "name:" + TextNormalizer.PersonKey(c.Name);
                (orphans.TryGetValue(key, out var list) ? list : orphans[key] = []).Add(c);
            }
        }

        for (var user = 0; user < users.Count; user++)
        {
            var u = users[user];
            if (count[user] == 0)
            {
                if (u.ConnectionMinutes > HalfHundredth)
                    issues.Add(Summary(report, u.Source.Row, ViaColumn.Connection, "NoPresenceRows",
                        $"{Minutes(u.ConnectionMinutes)} min de connexion, mais aucune ligne pour cette personne dans "
                        + $"la feuille « {report.PresenceSheet} »."));
                continue;
            }
            var tolerance = HalfHundredth * (count[user] + 1) + 1e-9;
            if (live[user] > u.ConnectionMinutes + tolerance)
            {
                var own = new List<ViaConnectionRow>(count[user]);
                for (var i = first[user]; i >= 0; i = next[i])
                    own.Add(connections[i]);
                issues.Add(Summary(report, u.Source.Row, ViaColumn.Connection, "PresenceExceedsSummary",
                    $"les connexions en direct de cette personne dans la feuille « {report.PresenceSheet} » "
                    + $"({Rows(own)}) totalisent {Minutes(live[user])} min, plus que sa « Connexion » de "
                    + $"{Minutes(u.ConnectionMinutes)} min."));
            }
        }

        foreach (var orphan in orphans.Values)
        {
            var firstRow = orphan[0];
            issues.Add(Presence(report, firstRow.Source.Row, ViaColumn.Name, "PresenceWithoutSummary",
                $"cette personne ({Rows(orphan)}) n'apparaît pas dans la feuille « {report.SummarySheet} »."));
        }
    }

    private static Dictionary<string, int> ByName(IReadOnlyList<ViaUserRow> users)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < users.Count; u++)
            byName.TryAdd(TextNormalizer.PersonKey(users[u].Name), u);
        return byName;
    }

    private static ReportIssue Summary(ViaReport report, int row, ViaColumn column, string code, string what) =>
        ReportLocation.Warning(code, report.SummarySheet, row, Letter(report.SummaryTable, column),
            ViaColumns.Title(column), what);

    private static ReportIssue Presence(ViaReport report, int row, ViaColumn column, string code, string what) =>
        ReportLocation.Warning(code, report.PresenceSheet, row, Letter(report.PresenceTable, column),
            ViaColumns.Title(column), what);

    /// <summary>The column's letter in the sheet; without a located table, Via's own layout.</summary>
    private static string? Letter(ViaTable? table, ViaColumn column) =>
        table is not null ? table.Letter(column) : column switch
        {
            ViaColumn.Name => "A",
            ViaColumn.Email => "B",
            ViaColumn.Start => "C",
            ViaColumn.End => "D",
            _ => null,
        };

    private static string Rows(IReadOnlyList<ViaConnectionRow> connections) =>
        (connections.Count == 1 ? "ligne " : "lignes ") + string.Join(", ", connections.Select(c => c.Source.Row));

    private static string Minutes(double value) => FrenchNumbers.Format(value);
    private static string Time(DateTime value) => value.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    private static string Day(DateOnly value) => value.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
    private static string Period(ReportPeriod p) => $"du {Day(p.Start)} au {Day(p.End)}";
}
