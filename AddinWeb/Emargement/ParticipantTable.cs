using AddinWeb.Reports;
using AddinWeb.Attendance;

namespace AddinWeb.Emargement;

/// <summary>One column of the participants' table: its header, width, format and how a participant fills it.</summary>
internal sealed record TableColumn(
    string Header,
    double Width,
    string NumberFormat,
    HorizontalAlignment Alignment,
    Func<ParticipantAttendance, object?> Value,
    bool Wrap = false);

/// <summary>
/// The participants' table: one row per participant in the engine's order (trainers first, then trainees by last
/// name). With several sessions, one column per session holds the time within it, then the total — the way a paper
/// sheet has one signature box per half-day.
/// </summary>
internal static class ParticipantTable
{
    /// <summary>Characters per line the observations column holds at its width (a little above, Excel's font is narrow).</summary>
    private const double ObservationsWidth = 38;

    public static IReadOnlyList<TableColumn> Columns(
        IReadOnlyList<AttendanceSession> sessions, Func<AttendanceSession, string> sessionHeader,
        Func<AttendanceSession, string> sessionLabel, string platform, bool convocation = false)
    {
        var observations = new ParticipantObservations(sessions, sessionLabel, platform);
        var columns = new List<TableColumn>
        {
            new("N°", 5, SheetStyle.CountFormat, HorizontalAlignment.Center, _ => null),
            new("Nom", 16, SheetStyle.TextFormat, HorizontalAlignment.Left, p => Text(string.IsNullOrWhiteSpace(p.LastName) ? p.Name : p.LastName)),
            new("Prénom", 14, SheetStyle.TextFormat, HorizontalAlignment.Left, p => Text(p.FirstName)),
            new("Email", 28, SheetStyle.TextFormat, HorizontalAlignment.Left, p => Text(p.Email)),
            // With a convened list the column also says "Non convoqué(e)", hence a little wider.
            new("Rôle", convocation ? 14 : 10, SheetStyle.TextFormat, HorizontalAlignment.Center, ConvocationLayout.Role),
            new("Arrivée", 15, SheetStyle.DateTimeFormat, HorizontalAlignment.Center, p => Serial(p.FirstJoin)),
            new("Départ", 15, SheetStyle.DateTimeFormat, HorizontalAlignment.Center, p => Serial(p.LastLeave)),
            // A summary does not say how many times the person connected: left blank rather than a false 0.
            new("Connexions", 10, SheetStyle.CountFormat, HorizontalAlignment.Center,
                p => p.Basis == PresenceBasis.Summary ? null : (double)p.Connections),
            new("Temps connecté", 10, SheetStyle.DurationFormat, HorizontalAlignment.Center, p => Days(p.MinutesConnected)),
        };
        if (sessions.Count > 1)
        {
            foreach (var session in sessions)
            {
                var index = session.Index;
                columns.Add(new(sessionHeader(session), 11, SheetStyle.DurationFormat, HorizontalAlignment.Center,
                    p => Days(MinutesInSession(p, index))));
            }
            columns.Add(new("Total sur les créneaux", 11, SheetStyle.DurationFormat, HorizontalAlignment.Center, p => Days(p.MinutesInSlot)));
        }
        else
        {
            columns.Add(new("Temps sur le créneau", 10, SheetStyle.DurationFormat, HorizontalAlignment.Center, p => Days(p.MinutesInSlot)));
        }
        columns.AddRange(
        [
            new("Taux", 7, SheetStyle.PercentFormat, HorizontalAlignment.Center, p => p.Rate),
            new("Statut", 9, SheetStyle.TextFormat, HorizontalAlignment.Center, p => FrenchText.Status(p.Status)),
            new("Différé", 8, SheetStyle.DurationFormat, HorizontalAlignment.Center, p => Days(p.ReplayMinutes)),
            new("Observations", ObservationsWidth, SheetStyle.TextFormat, HorizontalAlignment.Left,
                observations.Describe, Wrap: true),
        ]);
        return columns;
    }

    /// <summary>Writes the header row and the participants; returns the header row and the last row of the table.</summary>
    public static (int HeaderRow, int LastRow) Write(
        SheetBuilder sheet, IReadOnlyList<TableColumn> columns, IReadOnlyList<ParticipantAttendance> participants)
    {
        var headerRow = sheet.AddRow(columns.Select(c => (object?)c.Header).ToArray());
        sheet.Height(headerRow, 30);
        var last = sheet.ColumnCount;

        if (participants.Count == 0)
        {
            var empty = sheet.AddRow("Aucun participant dans le rapport.");
            sheet.Merge(empty, 1, last);
            sheet.Format(new RangeFormat
            {
                Range = SheetBuilder.Range(headerRow, 1, empty, last), Borders = SheetStyle.ThinGrid, FontSize = SheetStyle.FontSize,
            });
            HeaderFormat(sheet, headerRow);
            return (headerRow, empty);
        }

        var firstRow = headerRow + 1;
        for (var i = 0; i < participants.Count; i++)
        {
            var participant = participants[i];
            var values = new object?[columns.Count];
            values[0] = (double)(i + 1);
            for (var c = 1; c < values.Length; c++) values[c] = columns[c].Value(participant);
            var row = sheet.AddFullRow(values);
            var observations = values[^1] as string;
            var lines = observations is null ? 1 : (int)Math.Ceiling(observations.Length / (ObservationsWidth * 1.1));
            if (lines > 1) sheet.Height(row, 13.5 * lines);
        }
        var lastRow = sheet.LastRow;

        // Formats by whole column of the table, never per cell: the JSON grows only with the values.
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(firstRow, 1, lastRow, last),
            FontSize = SheetStyle.FontSize,
            FontColor = SheetStyle.Ink,
            VerticalAlignment = VerticalAlignment.Center,
            Borders = SheetStyle.ThinGrid,
        });
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            sheet.Format(new RangeFormat
            {
                Range = SheetBuilder.Range(firstRow, c + 1, lastRow, c + 1),
                NumberFormat = column.NumberFormat,
                HorizontalAlignment = column.Alignment,
                WrapText = column.Wrap ? true : null,
            });
        }
        var trainers = participants.TakeWhile(p => p.Role == ParticipantRole.Trainer).Count();
        if (trainers > 0)
            sheet.Format(new RangeFormat { Range = SheetBuilder.Range(firstRow, 1, firstRow + trainers - 1, last), Fill = SheetStyle.TrainerFill });
        // Participants who were not convened come last (ConvenedAttendance's order).
        var notConvened = participants.Reverse().TakeWhile(p => p.Role == ParticipantRole.Trainee && p.Convened == false).Count();
        if (notConvened > 0)
            sheet.Format(new RangeFormat { Range = SheetBuilder.Range(lastRow - notConvened + 1, 1, lastRow, last), Fill = ConvocationLayout.NotConvenedFill });
        HeaderFormat(sheet, headerRow);
        return (headerRow, lastRow);
    }

    private static void HeaderFormat(SheetBuilder sheet, int headerRow) =>
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(headerRow, 1, headerRow, sheet.ColumnCount),
            NumberFormat = SheetStyle.TextFormat,
            Bold = true,
            FontSize = SheetStyle.FontSize,
            FontColor = SheetStyle.Ink,
            Fill = SheetStyle.HeaderFill,
            HorizontalAlignment = HorizontalAlignment.Center,
            VerticalAlignment = VerticalAlignment.Center,
            WrapText = true,
            Borders = SheetStyle.ThinGrid,
        });

    /// <summary>Minutes in slot of the participant's figures for that session (the first ones), 0 when none.</summary>
    private static double MinutesInSession(ParticipantAttendance participant, int sessionIndex)
    {
        var sessions = participant.Sessions;
        for (var i = 0; i < sessions.Count; i++)
            if (sessions[i].SessionIndex == sessionIndex) return sessions[i].MinutesInSlot;
        return 0;
    }

    /// <summary>Excel serial date (days since 1899-12-30), what both renderers write under a date format.</summary>
    internal static object? Serial(DateTime? value) => value?.ToOADate();

    /// <summary>A duration in minutes as a fraction of a day, what Excel's time formats expect.</summary>
    internal static double Days(double minutes) => minutes / 1440.0;

    private static object? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
