using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Teams;

/// <summary>One table of the report: its kind, its header row, where each column is, and its data rows (row indexes).</summary>
/// <param name="Kind">Participants, activities or the older format's events.</param>
/// <param name="HeaderRow">Row index of its header line.</param>
/// <param name="Columns">Where each column it has is (column indexes).</param>
/// <param name="DataRows">Row indexes of its non-blank rows, in order.</param>
/// <param name="UnderTitle">The header is the line under the table's section title.</param>
/// <param name="ColumnsInferred">The header's titles were not known: the columns were found from what they hold.</param>
internal sealed record TeamsTable(
    TeamsSection Kind, int HeaderRow, IReadOnlyDictionary<TeamsColumn, int> Columns, IReadOnlyList<int> DataRows,
    bool UnderTitle, bool ColumnsInferred = false);

/// <summary>A label/value line of the summary: the label's cell and the value's.</summary>
internal sealed record SummaryLine(SummaryField Field, int Row, int ValueColumn);

/// <summary>A section title whose next line is not a header this reader knows: the columns it did recognise there.</summary>
internal sealed record IncompleteHeader(TeamsSection Kind, int Row, IReadOnlySet<TeamsColumn> Found);

/// <summary>
/// Where things are in a sheet of a Teams attendance report. The current format is three sections, each a title
/// line, a header and rows, separated by blank lines; the older one a single table of events. Sections are found by
/// their shape, not by their position or their exact titles: a table starts at a header row (the columns of one of
/// the tables, by meaning, in any order), and runs to the next section title or header; blank lines inside are
/// skipped. The summary is the label/value lines above the first table. Under a section title, a header whose titles
/// are not known (a translation this reader does not have) is read by what its columns hold
/// (<see cref="TeamsColumnShapes"/>): names, dates, durations, addresses, roles.
/// </summary>
internal sealed record TeamsLayout(
    IReadOnlyList<SummaryLine> Summary, IReadOnlyList<TeamsTable> Tables, IReadOnlyList<IncompleteHeader> Incomplete,
    bool HasSectionTitles)
{
    public TeamsTable? Table(TeamsSection kind) => Tables.FirstOrDefault(t => t.Kind == kind);

    public SummaryLine? Line(SummaryField field) => Summary.FirstOrDefault(l => l.Field == field);

    /// <summary>
    /// True when the sheet is a Teams report, errors or not: a participants or events table, an activities table with
    /// its Role column or under its title, or a summary with its start time under section titles. Zoom's table (Join
    /// Time, Leave Time, no Role) and BigBlueButton's (Join, Left) are not taken for Teams'.
    /// </summary>
    public bool LooksLikeTeams =>
        Tables.Any(t => t.Kind is TeamsSection.Participants or TeamsSection.Events
            || (t.Kind == TeamsSection.Activities && (t.UnderTitle || t.Columns.ContainsKey(TeamsColumn.Role))))
        || Incomplete.Count > 0
        || (HasSectionTitles && Line(SummaryField.StartTime) is not null);

    /// <param name="sheet">The sheet.</param>
    /// <param name="rowLimit">Rows looked at (recognition looks at the top only).</param>
    public static TeamsLayout Of(SheetGrid sheet, int rowLimit = int.MaxValue)
    {
        var summary = new List<SummaryLine>();
        var tables = new List<TeamsTable>();
        var incomplete = new List<IncompleteHeader>();
        var anyTitle = false;
        TeamsSection? pendingTitle = null;
        var rowAfterTitle = false;
        (TeamsSection Kind, int Header, Dictionary<TeamsColumn, int> Columns, List<int> Rows, bool UnderTitle, bool Unknown)? open = null;

        void Close()
        {
            if (open is not { } t) return;
            open = null;
            if (!t.Unknown)
            {
                tables.Add(new TeamsTable(t.Kind, t.Header, t.Columns, t.Rows, t.UnderTitle));
                return;
            }
            // The line under a table's title is its header: one whose titles are unknown is read by its columns'
            // content, and one that cannot be read that way either is the trainer's to fix.
            if (TeamsColumnShapes.Infer(sheet, t.Kind, t.Rows) is { } inferred)
                tables.Add(new TeamsTable(t.Kind, t.Header, inferred, t.Rows, UnderTitle: true, ColumnsInferred: true));
            else
                incomplete.Add(new IncompleteHeader(t.Kind, t.Header, t.Columns.Keys.ToHashSet()));
        }

        var rows = Math.Min(sheet.Rows.Count, rowLimit);
        for (var r = 0; r < rows; r++)
        {
            var row = sheet.Rows[r];
            var filled = Filled(row, out var first);
            if (filled == 0)
                continue;
            if (filled == 1 && row[first].Kind == CellKind.Text
                && TeamsVocabulary.SectionTitle(row[first].Text) is var title
                && (title is not null || TeamsVocabulary.IsNumberedTitle(row[first].Text)))
            {
                Close();
                anyTitle = true;
                pendingTitle = title;
                rowAfterTitle = true;
                continue;
            }
            var columns = HeaderColumns(row);
            if (KindOf(columns, pendingTitle) is { } kind)
            {
                Close();
                open = (kind, r, columns, [], rowAfterTitle && pendingTitle == kind, false);
                rowAfterTitle = false;
                continue;
            }
            if (rowAfterTitle && pendingTitle is TeamsSection.Participants or TeamsSection.Activities)
            {
                open = (pendingTitle.Value, r, columns, [], true, true);
                rowAfterTitle = false;
                continue;
            }
            rowAfterTitle = false;
            if (open is { } current)
            {
                current.Rows.Add(r);
                continue;
            }
            if (tables.Count == 0 && (pendingTitle is null or TeamsSection.Summary) && filled >= 2
                && row[first].Kind == CellKind.Text && TeamsVocabulary.Summary(row[first].Text) is { } field)
                summary.Add(new SummaryLine(field, r, first + 1));
        }
        Close();
        return new TeamsLayout(summary, tables, incomplete, anyTitle);
    }

    private static int Filled(IReadOnlyList<Cell> row, out int first)
    {
        first = -1;
        var count = 0;
        for (var c = 0; c < row.Count; c++)
        {
            if (row[c].IsEmpty) continue;
            if (count++ == 0) first = c;
        }
        return count;
    }

    /// <summary>The columns a row's cells name (the first cell naming a column wins).</summary>
    private static Dictionary<TeamsColumn, int> HeaderColumns(IReadOnlyList<Cell> row)
    {
        var columns = new Dictionary<TeamsColumn, int>();
        for (var c = 0; c < row.Count; c++)
            if (row[c].Kind == CellKind.Text && TeamsVocabulary.Column(row[c].Text) is { } column)
                columns.TryAdd(column, c);
        return columns;
    }

    /// <summary>Which table a header row opens, if it is one; the title above settles a row that could open two.</summary>
    private static TeamsSection? KindOf(Dictionary<TeamsColumn, int> columns, TeamsSection? title)
    {
        if (!columns.ContainsKey(TeamsColumn.Name)) return null;
        var events = columns.ContainsKey(TeamsColumn.UserAction) && columns.ContainsKey(TeamsColumn.Timestamp);
        var participants = columns.ContainsKey(TeamsColumn.FirstJoin) && columns.ContainsKey(TeamsColumn.LastLeave);
        var activities = columns.ContainsKey(TeamsColumn.JoinTime) && columns.ContainsKey(TeamsColumn.LeaveTime);
        if (participants && activities && title is TeamsSection.Activities) return TeamsSection.Activities;
        if (participants) return TeamsSection.Participants;
        if (activities) return TeamsSection.Activities;
        if (events) return TeamsSection.Events;
        return null;
    }

    /// <summary>The columns a table needs to be read.</summary>
    public static TeamsColumn[] Required(TeamsSection kind) => kind switch
    {
        TeamsSection.Participants => [TeamsColumn.Name, TeamsColumn.FirstJoin, TeamsColumn.LastLeave, TeamsColumn.InMeetingDuration],
        TeamsSection.Activities => [TeamsColumn.Name, TeamsColumn.JoinTime, TeamsColumn.LeaveTime],
        TeamsSection.Events => [TeamsColumn.Name, TeamsColumn.UserAction, TeamsColumn.Timestamp],
        _ => [],
    };
}
