using System.Globalization;
using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Zoom;

/// <summary>
/// Reads one sheet holding a Zoom participants report, the file's text or what Excel made of it alike: the meeting
/// header when there is one, then each row of the table, as a connection (one row per join) or, with "unique users"
/// ticked at download, as a person's summary (first join, last leave, total minutes). Every cell it understands is
/// typed in the copy the upload returns, the same way on both paths.
/// </summary>
internal sealed partial class ZoomReader
{
    private readonly SheetGrid _sheet;
    private readonly ZoomTable _table;
    private readonly MeetingRows? _meeting;
    private readonly List<ReportIssue> _issues = [];
    private readonly TypedSheetBuilder _typed;
    private readonly DateCells _dates;
    /// <summary>Rows of time in the waiting room (Excel rows), said once at the end.</summary>
    private readonly List<int> _waitingRows = [];
    /// <summary>The name column is "Name (Original Name)": a renamed person's name ends with the original in brackets.</summary>
    private readonly bool _namesHaveOriginal;

    private ZoomReader(SheetGrid sheet, ZoomTable table)
    {
        _sheet = sheet;
        _table = table;
        _meeting = ZoomLayout.FindMeeting(sheet, table.HeaderRow);
        _typed = new TypedSheetBuilder(sheet);
        _namesHaveOriginal = table.Index(ZoomColumn.Name) is { } name && Title(table.HeaderRow, name).Contains('(');
        // One export has one locale: the header's times and every join and leave prove or hint the order together.
        // The header's start goes with the joins and its end with the leaves, each column as Excel treated it.
        _dates = DateCells.Of(
            DataCells(ZoomColumn.Join).Concat(MeetingCell(MeetingLabel.Start)),
            DataCells(ZoomColumn.Leave).Concat(MeetingCell(MeetingLabel.End)));
    }

    public static ReportReadResult Read(SheetGrid sheet, ZoomTable table, string platform)
    {
        var reader = new ZoomReader(sheet, table);
        var missing = table.Missing();
        if (missing.Count > 0)
        {
            reader._issues.Add(ReportLocation.Error("MissingHeader", sheet.Name, sheet.ExcelRow(table.HeaderRow), null,
                ZoomMessages.MissingColumns(missing)));
            return new ReportReadResult(null, reader._issues);
        }
        return reader.ReadAll(platform);
    }

    private ReportReadResult ReadAll(string platform)
    {
        if (_dates.IsAmbiguous)
            _issues.Add(_table.HasTimes || _meeting?.Index(MeetingLabel.Start) is not { } startColumn
                ? Warning("AmbiguousDates", _table.HeaderRow, ZoomColumn.Join, AmbiguousDates())
                : ReportLocation.Warning("AmbiguousDates", _sheet.Name, _sheet.ExcelRow(_meeting.LabelRow),
                    _sheet.ExcelColumn(startColumn), Title(_meeting.LabelRow, startColumn), AmbiguousDates()));
        var header = ReadMeeting();
        if (!_table.HasTimes && header.Meeting is null)
        {
            // Totals alone say how long, not when: only the meeting's own start and end can frame them.
            _issues.Add(ReportLocation.Error("UniqueUsersWithoutTimes", _sheet.Name, _sheet.ExcelRow(_table.HeaderRow), null,
                ZoomMessages.UniqueUsersWithoutTimes));
            return new ReportReadResult(null, _issues);
        }
        var users = new List<UserSummary>();
        var connections = new List<Connection>();
        for (var r = _table.HeaderRow + 1; r < _sheet.Rows.Count; r++)
            ReadRow(r, header.Meeting, users, connections);
        // Zoom lists the wait before someone is admitted as a row of its own and does not count it in the meeting's
        // minutes; neither does the sheet. Said once, for all those rows.
        if (_waitingRows.Count > 0)
            _issues.Add(Warning("WaitingRoom", _table.HeaderRow, ZoomColumn.WaitingRoom, ZoomMessages.WaitingRoom(_waitingRows)));

        if (users.Count == 0 && connections.Count == 0)
        {
            _issues.Add(ReportLocation.Error("NoParticipant", _sheet.Name, _sheet.ExcelRow(_table.HeaderRow), null,
                ZoomMessages.NoParticipant));
            return new ReportReadResult(null, _issues);
        }

        var report = new SessionReport
        {
            Platform = platform,
            Header = header,
            Users = users,
            Connections = connections,
            SourceSheets = [_sheet.Name],
            TypedSheets = [_typed.Build()],
        };
        return new ReportReadResult(report, _issues);
    }

    /// <summary>
    /// Which way the dates were read when nothing proves it: the texts' order (their AM/PM hints it), or, when Excel
    /// turned every date into its own, Excel's reading, which follows its locale and not the file's.
    /// </summary>
    private string AmbiguousDates()
    {
        const string check = "vérifiez-les (le fichier ne permet pas de trancher).";
        var texts = _dates.Texts.TwelveHourTexts + _dates.Texts.TwentyFourHourTexts;
        return texts == 0
            ? $"les dates ont été lues comme Excel les a converties, selon sa langue : jour et mois peuvent être inversés ; {check}"
            : $"les dates ont été lues {(_dates.Texts.Order == DayMonthOrder.DayFirst ? "jour/mois" : "mois/jour")} ; {check}";
    }

    /// <summary>Title, host and the meeting's actual start and end, from the header's value row.</summary>
    private ReportHeader ReadMeeting()
    {
        if (_meeting is null)
        {
            _issues.Add(new ReportIssue(IssueSeverity.Warning, "HostUnknown",
                $"{ReportLocation.Describe(_sheet.Name)} : {ZoomMessages.HostUnknown}", _sheet.Name));
            return new ReportHeader();
        }

        foreach (var label in new[] { MeetingLabel.MeetingId, MeetingLabel.Duration, MeetingLabel.Participants })
            if (_meeting.Index(label) is { } c && FrenchNumbers.TryRead(_sheet[_meeting.ValueRow, c], out var number))
                _typed.SetNumber(_meeting.ValueRow, c, number);
        var start = MeetingDate(MeetingLabel.Start);
        var end = MeetingDate(MeetingLabel.End);
        return new ReportHeader
        {
            Title = MeetingText(MeetingLabel.Topic),
            Host = MeetingText(MeetingLabel.HostName),
            HostEmail = MeetingText(MeetingLabel.HostEmail),
            Meeting = start is { } s && end is { } e && e >= s ? new ScheduledSlot(s, e) : null,
        };
    }

    private string? MeetingText(MeetingLabel label) =>
        MeetingCell(label).FirstOrDefault() is { IsEmpty: false } cell ? TextNormalizer.CollapseSpaces(cell.ToString()) : null;

    private DateTime? MeetingDate(MeetingLabel label)
    {
        if (_meeting?.Index(label) is not { } c || _sheet[_meeting.ValueRow, c] is not { IsEmpty: false } cell)
            return null;
        if (_dates.TryRead(cell, out var value))
        {
            _typed.SetDateTime(_meeting.ValueRow, c, value);
            return value;
        }
        _issues.Add(ReportLocation.Warning("UnreadableDate", _sheet.Name, _sheet.ExcelRow(_meeting.ValueRow),
            _sheet.ExcelColumn(c), Title(_meeting.LabelRow, c), ZoomMessages.UnreadableMeetingTime));
        return null;
    }

    /// <summary>
    /// One row of the table: a connection, or with unique users a summary. A row whose times cannot be read still
    /// lists its person (with no time), so that nobody leaves the sheet silently; the warning says why.
    /// </summary>
    /// <param name="r">The row's grid index.</param>
    /// <param name="meeting">The meeting's start and end: what frames a total without times of its own.</param>
    /// <param name="users">Listing rows found so far.</param>
    /// <param name="connections">Connections found so far.</param>
    private void ReadRow(int r, ScheduledSlot? meeting, List<UserSummary> users, List<Connection> connections)
    {
        var nameCell = Cell(r, ZoomColumn.Name);
        var emailCell = Cell(r, ZoomColumn.Email);
        var minutesColumn = _table.IsUniqueUsers ? ZoomColumn.TotalDuration : ZoomColumn.Duration;
        if (nameCell.IsEmpty && emailCell.IsEmpty && Cell(r, ZoomColumn.Join).IsEmpty && Cell(r, ZoomColumn.Leave).IsEmpty
            && Cell(r, minutesColumn).IsEmpty)
            return; // a blank line, or the end of the table

        var source = new SourceRef(_sheet.Name, _sheet.ExcelRow(r));
        var name = Name(nameCell);
        var email = emailCell.IsEmpty ? null : TextNormalizer.CollapseSpaces(emailCell.ToString());
        var join = _table.HasTimes ? ReadDate(r, ZoomColumn.Join, "cette heure d'arrivée") : meeting!.Start;
        var leave = _table.HasTimes ? ReadDate(r, ZoomColumn.Leave, "cette heure de départ") : meeting!.End;
        var minutes = ReadMinutes(r, minutesColumn);

        if (_table.Index(ZoomColumn.WaitingRoom) is { } waiting
            && Booleans.TryReadYesNo(_sheet[r, waiting], out var inWaitingRoom) && inWaitingRoom)
        {
            // Listed, so that someone never admitted still appears (absent); the time waited is no presence.
            _waitingRows.Add(source.Row);
            users.Add(new UserSummary { Source = source, Name = name, Email = email });
            return;
        }
        if (join is not { } start || leave is not { } end)
        {
            users.Add(new UserSummary { Source = source, Name = name, Email = email });
            return;
        }
        if (end < start)
            _issues.Add(Warning("EndBeforeStart", r, ZoomColumn.Leave,
                $"l'heure de départ ({Time(end)}) est antérieure à l'heure d'arrivée ({Time(start)}) ; "
                + "cette ligne n'ajoute aucun temps de présence."));

        if (_table.IsUniqueUsers)
        {
            if (minutes is { } total)
                users.Add(new UserSummary
                {
                    Source = source, Name = name, Email = email,
                    Presence = new PresenceSummary(start, end, total),
                });
            else
            {
                _issues.Add(Warning("MissingDuration", r, ZoomColumn.TotalDuration,
                    "la durée totale n'est pas indiquée ; le temps de présence de cette personne ne peut pas être établi."));
                users.Add(new UserSummary { Source = source, Name = name, Email = email });
            }
            return;
        }

        if (minutes is { } stated && end >= start)
            CheckDuration(r, stated, (end - start).TotalMinutes);
        connections.Add(new Connection { Source = source, Name = name, Email = email, Start = start, End = end });
    }

    /// <summary>
    /// Zoom rounds each row's duration up to the whole minute: within a minute below and two above the time between
    /// arrival and departure it agrees. Further off, a time was misread (day and month, morning and afternoon) or
    /// the file was edited: worth a word, since the figures come from the times.
    /// </summary>
    private void CheckDuration(int r, double stated, double span)
    {
        if (stated >= span - 1 && stated <= span + 2)
            return;
        _issues.Add(Warning("DurationMismatch", r, ZoomColumn.Duration,
            $"la durée indiquée ({Minutes(stated)}) ne correspond pas au temps écoulé entre l'heure d'arrivée et "
            + $"l'heure de départ ({Minutes(span)}) ; le calcul retient ces heures. Vérifiez-les."));
    }

    private DateTime? ReadDate(int r, ZoomColumn column, string what)
    {
        var c = _table.Index(column)!.Value;
        var cell = _sheet[r, c];
        if (_dates.TryRead(cell, out var value))
        {
            _typed.SetDateTime(r, c, value);
            return value;
        }
        _issues.Add(Warning("UnreadableDate", r, column, cell.IsEmpty
            ? $"{what} est absente ; la ligne est gardée sans temps de présence."
            : $"{what} n'est pas une date lisible (attendu par exemple : 11/19/2021 9:54:15 AM) ; la ligne est gardée "
              + "sans temps de présence."));
        return null;
    }

    /// <summary>Zoom's minutes: a number, never a duration text (FrenchNumbers, not Durations). Null when absent.</summary>
    private double? ReadMinutes(int r, ZoomColumn column)
    {
        if (_table.Index(column) is not { } c || _sheet[r, c] is not { IsEmpty: false } cell)
            return null;
        if (FrenchNumbers.TryRead(cell, out var minutes) && minutes >= 0)
        {
            _typed.SetNumber(r, c, minutes);
            return minutes;
        }
        _issues.Add(Warning("UnreadableDuration", r, column,
            "cette durée n'est pas un nombre de minutes lisible ; elle n'est pas prise en compte."));
        return null;
    }

    /// <summary>
    /// The name as shown in the meeting. Under "Name (Original Name)", Zoom adds the account's name in brackets when
    /// the person renamed themselves ("Chloé Petit (Chloé)"): only the shown name is kept, so that the sheet prints
    /// it and that the person's rows without email are matched by one name.
    /// </summary>
    private string Name(Cell cell)
    {
        var name = cell.IsEmpty ? "" : TextNormalizer.CollapseSpaces(cell.ToString());
        if (!_namesHaveOriginal)
            return name;
        var match = OriginalName().Match(name);
        return match.Success ? match.Groups["shown"].Value : name;
    }

    [GeneratedRegex(@"^(?<shown>.*\S)\s*\([^()]+\)$", RegexOptions.CultureInvariant)]
    private static partial Regex OriginalName();

    private Cell Cell(int r, ZoomColumn column) => _table.Index(column) is { } c ? _sheet[r, c] : Grid.Cell.Empty;

    private IEnumerable<Cell> DataCells(ZoomColumn column)
    {
        if (_table.Index(column) is not { } c)
            yield break;
        for (var r = _table.HeaderRow + 1; r < _sheet.Rows.Count; r++)
            yield return _sheet[r, c];
    }

    private IEnumerable<Cell> MeetingCell(MeetingLabel label)
    {
        if (_meeting?.Index(label) is { } c)
            yield return _sheet[_meeting.ValueRow, c];
    }

    /// <summary>The column's title as the sheet writes it, for messages.</summary>
    private string Title(int row, int column) => TextNormalizer.CollapseSpaces(_sheet[row, column].ToString());

    private ReportIssue Warning(string code, int r, ZoomColumn column, string what)
    {
        var c = _table.Index(column)!.Value;
        return ReportLocation.Warning(code, _sheet.Name, _sheet.ExcelRow(r), _sheet.ExcelColumn(c),
            Title(_table.HeaderRow, c), what);
    }

    private static string Time(DateTime value) => value.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Minutes(double minutes)
    {
        var total = (long)Math.Round(Math.Max(0, minutes), MidpointRounding.AwayFromZero);
        return total < 60 ? $"{total} min" : $"{total / 60} h {total % 60:00}";
    }
}
