using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Zoom;

/// <summary>The participants table's header row (grid index) and the grid column of each recognised column.</summary>
internal sealed record ZoomTable(int HeaderRow, IReadOnlyDictionary<ZoomColumn, int> Columns)
{
    public int? Index(ZoomColumn column) => Columns.TryGetValue(column, out var index) ? index : null;

    /// <summary>"Unique users" ticked at download: one row per person, with a total duration.</summary>
    public bool IsUniqueUsers => Columns.ContainsKey(ZoomColumn.TotalDuration);

    /// <summary>Join and leave times: a "unique users" export may have neither, only each person's total.</summary>
    public bool HasTimes => Columns.ContainsKey(ZoomColumn.Join) && Columns.ContainsKey(ZoomColumn.Leave);

    /// <summary>
    /// The columns the table cannot do without: the name, and the join and leave times, which a "unique users"
    /// table may lack (the meeting's start and end then frame each total; the reader checks they are there).
    /// </summary>
    public IReadOnlyList<ZoomColumn> Missing() =>
        ZoomLayout.Required.Where(c => !Columns.ContainsKey(c) && (c == ZoomColumn.Name || !IsUniqueUsers)).ToList();
}

/// <summary>The meeting header: its label row and the value row under it (grid indexes), and each label's column.</summary>
internal sealed record MeetingRows(int LabelRow, int ValueRow, IReadOnlyDictionary<MeetingLabel, int> Columns)
{
    public int? Index(MeetingLabel label) => Columns.TryGetValue(label, out var index) ? index : null;
}

/// <summary>Where the parts of a Zoom participants report are in a sheet, found by their titles, not their place.</summary>
internal static class ZoomLayout
{
    public static readonly ZoomColumn[] Required = [ZoomColumn.Name, ZoomColumn.Join, ZoomColumn.Leave];

    /// <summary>
    /// Zoom puts the table's header on row 1, or row 4 under the meeting header: looking further would only cost
    /// time on the large sheets of other platforms, which every source is asked about.
    /// </summary>
    private const int HeaderSearchRows = 100;

    /// <summary>
    /// The first row that reads as the participants table's header: a name column, Zoom's mark (a duration in minutes
    /// or a "Guest" column) and at least one other column of the table. It may lack required columns: the reader
    /// then says which.
    /// </summary>
    public static ZoomTable? FindTable(SheetGrid sheet)
    {
        for (var r = 0; r < Math.Min(sheet.Rows.Count, HeaderSearchRows); r++)
        {
            var columns = ZoomColumns.TableColumns(sheet.Rows[r]);
            if (columns.Count >= 3 && columns.ContainsKey(ZoomColumn.Name) && HasZoomMark(sheet, r, columns))
                return new ZoomTable(r, columns);
        }
        return null;
    }

    private static bool HasZoomMark(SheetGrid sheet, int row, Dictionary<ZoomColumn, int> columns) =>
        columns.ContainsKey(ZoomColumn.Guest)
        || (columns.TryGetValue(ZoomColumn.Duration, out var d) && ZoomColumns.InMinutes(sheet[row, d]))
        || (columns.TryGetValue(ZoomColumn.TotalDuration, out var t) && ZoomColumns.InMinutes(sheet[row, t]));

    /// <summary>
    /// The meeting header above the table: a row with the topic or the meeting ID and the start or end time, its
    /// values on the next row (above the table). Null when the report was downloaded without it.
    /// </summary>
    public static MeetingRows? FindMeeting(SheetGrid sheet, int tableHeaderRow)
    {
        for (var r = 0; r + 1 < tableHeaderRow; r++)
        {
            var labels = ZoomColumns.MeetingColumns(sheet.Rows[r]);
            if (labels.Count >= 3
                && (labels.ContainsKey(MeetingLabel.Topic) || labels.ContainsKey(MeetingLabel.MeetingId))
                && (labels.ContainsKey(MeetingLabel.Start) || labels.ContainsKey(MeetingLabel.End)))
                return new MeetingRows(r, r + 1, labels);
        }
        return null;
    }

    /// <summary>
    /// Puts back together the names a French Excel cut. Zoom quotes only the values that need it, so a name with a
    /// comma is written <c>"Martin, Bruno",…</c>; a French Excel, keeping the line whole in column A, takes the
    /// quotes off the first field, and the line split again has a field too many per comma of the name
    /// (<see cref="Tabular.WholeLineSheet"/> cannot tell). With the name first, as Zoom writes it, a row with more
    /// fields than the table's header is such a line: its first fields are the name. Other rows, and a sheet whose
    /// rows are never wider than its header (the file itself, an Excel that split the file), are left as they are;
    /// the same instance is handed back when nothing changed.
    /// </summary>
    public static SheetGrid MendCutNames(SheetGrid sheet, ZoomTable table)
    {
        if (table.Index(ZoomColumn.Name) != 0)
            return sheet;
        var width = sheet.Rows[table.HeaderRow].Count;
        List<IReadOnlyList<Cell>>? rows = null;
        for (var r = table.HeaderRow + 1; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            var extra = row.Count - width;
            if (extra <= 0 || row.Take(extra + 1).Any(c => c.Kind != CellKind.Text))
                continue;
            rows ??= [.. sheet.Rows];
            var name = string.Join(',', row.Take(extra + 1).Select(c => c.Text));
            rows[r] = [Cell.FromText(name), .. row.Skip(extra + 1)];
        }
        return rows is null ? sheet : sheet with { Rows = rows };
    }
}
