using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;

namespace AddinWeb.Reports.Teams;

/// <summary>
/// The columns of a table under a Teams section title whose header titles are not known (a translation not in
/// <see cref="TeamsVocabulary"/>), found from what they hold, as the trainer would: the name is the first column of
/// plain text, the first two columns of date-times are the join and the leave, the first of durations the
/// duration, the first of addresses the email, the one of Teams' role words the role. A column counts as one kind
/// only when every one of its non-empty cells is of it, the file's texts and Excel's values alike.
/// </summary>
internal static class TeamsColumnShapes
{
    private enum Shape { Empty, Text, DateTime, Duration, Email, Role, Mixed }

    /// <summary>The columns, or null when the rows do not show a name and two date-time columns.</summary>
    public static Dictionary<TeamsColumn, int>? Infer(SheetGrid sheet, TeamsSection kind, IReadOnlyList<int> rows)
    {
        if (rows.Count == 0)
            return null;
        var width = rows.Max(r => sheet.Rows[r].Count);
        var shapes = Enumerable.Range(0, width).Select(c => ShapeOf(sheet, rows, c)).ToList();
        var dates = Positions(shapes, Shape.DateTime);
        var name = shapes.IndexOf(Shape.Text);
        if (name < 0 || dates.Count < 2)
            return null;
        var durations = Positions(shapes, Shape.Duration);
        var emails = Positions(shapes, Shape.Email);
        var role = shapes.IndexOf(Shape.Role);

        var participants = kind == TeamsSection.Participants;
        var columns = new Dictionary<TeamsColumn, int>
        {
            [TeamsColumn.Name] = name,
            [participants ? TeamsColumn.FirstJoin : TeamsColumn.JoinTime] = dates[0],
            [participants ? TeamsColumn.LastLeave : TeamsColumn.LeaveTime] = dates[1],
        };
        if (durations.Count > 0) columns[participants ? TeamsColumn.InMeetingDuration : TeamsColumn.Duration] = durations[0];
        if (emails.Count > 0) columns[TeamsColumn.Email] = emails[0];
        if (participants && emails.Count > 1) columns[TeamsColumn.ParticipantId] = emails[1];
        if (role >= 0) columns[TeamsColumn.Role] = role;
        return columns;
    }

    private static List<int> Positions(List<Shape> shapes, Shape shape) =>
        shapes.Select((s, i) => (s, i)).Where(x => x.s == shape).Select(x => x.i).ToList();

    private static Shape ShapeOf(SheetGrid sheet, IReadOnlyList<int> rows, int column)
    {
        var shape = Shape.Empty;
        foreach (var r in rows)
        {
            var cell = sheet[r, column];
            if (cell.IsEmpty) continue;
            var one = ShapeOf(cell);
            if (shape == Shape.Empty) shape = one;
            else if (shape != one) return Shape.Mixed;
        }
        return shape;
    }

    private static Shape ShapeOf(Cell cell)
    {
        switch (cell.Kind)
        {
            // A serial with a time of day is a date-time; a fraction of a day a duration; a whole number neither.
            case CellKind.Number when cell.Number >= 1 && cell.Number % 1 != 0 && ExcelDates.TryFromSerial(cell.Number, out _):
            case CellKind.DateTime when cell.DateTime.TimeOfDay != TimeSpan.Zero:
                return Shape.DateTime;
            case CellKind.Number when cell.Number is >= 0 and < 1:
                return Shape.Duration;
            case CellKind.Text:
                var text = cell.Text;
                if (LocalDateTimes.TryReadParts(text, out _)) return Shape.DateTime;
                if (Durations.TryParseUnits(text, out _) || Durations.TryParseClock(text, out _)) return Shape.Duration;
                if (text!.Contains('@')) return Shape.Email;
                if (TeamsVocabulary.Role(text) is not null) return Shape.Role;
                return Shape.Text;
            default:
                return Shape.Mixed;
        }
    }
}
