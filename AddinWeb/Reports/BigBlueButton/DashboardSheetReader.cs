using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.BigBlueButton;

/// <summary>
/// Reads the rows under the dashboard's header, the file's text or what Excel made of it alike: each row a person
/// with first join, last leave and total duration (<see cref="PresenceSummary"/>), the moderator flag giving the
/// role. Only the fixed columns are read, by the header's position of each: poll questions come after them, unquoted,
/// so one with a comma adds header fields the data rows do not have, and nothing after the fixed columns is used.
/// Counts, talk and webcam time and the activity score are not attendance: they are only typed in the copy, never
/// checked. Every non-blank row ends up as a person or a warning, but the anonymous poll answers' row.
/// </summary>
internal sealed partial class DashboardSheetReader(SheetGrid sheet, DashboardHeader header, List<ReportIssue> issues)
{
    private readonly TypedSheetBuilder _typed = new(sheet);

    /// <summary>Rows under the header that hold something, the anonymous answers' row left out, once read.</summary>
    public int PersonRows { get; private set; }

    /// <summary>The sheet with the values understood typed (<see cref="SessionReport.TypedSheets"/>).</summary>
    public SheetGrid Typed() => _typed.Build();

    private static readonly DashboardColumn[] Counts =
        [DashboardColumn.ActivityScore, DashboardColumn.Messages, DashboardColumn.Reactions, DashboardColumn.PollVotes, DashboardColumn.RaiseHands];

    private static readonly DashboardColumn[] OtherDurations = [DashboardColumn.TalkTime, DashboardColumn.WebcamTime];

    /// <summary>The span beyond which a total duration the dashboard wrote under 24 hours may have lost whole days.</summary>
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    public List<UserSummary> Read()
    {
        var dataRows = DataRows().ToList();
        var dayFirstLocale = header.FrenchLabels
            || ColumnCells(dataRows, DashboardColumn.ActivityScore).Any(c => c.Kind == CellKind.Text && DecimalComma().IsMatch(c.Text!));
        var dates = new DashboardDates(dayFirstLocale, ColumnCells(dataRows, DashboardColumn.Join),
            ColumnCells(dataRows, DashboardColumn.Left));
        if (dates.IsAmbiguous)
            issues.Add(ReportLocation.Warning("AmbiguousDates", sheet.Name, sheet.ExcelRow(header.RowIndex),
                Letter(DashboardColumn.Join), DashboardColumns.Title(DashboardColumn.Join),
                dates.ExcelOrderUnknown
                    ? "Excel a converti les dates d'arrivée et de départ selon ses propres réglages, et rien ne dit s'il a lu "
                      + "le jour ou le mois en premier ; elles sont reprises telles qu'Excel les affiche : vérifiez-les (par "
                      + "exemple 04/03 peut être le 4 mars ou le 3 avril), ou déposez le fichier .csv lui-même."
                    : $"les dates d'arrivée et de départ ont été lues {(dates.TextOrder == DayMonthOrder.DayFirst ? "jour/mois" : "mois/jour")} ; "
                      + "vérifiez-les (le fichier ne permet pas de trancher, par exemple 04/03 peut être le 4 mars ou le 3 avril)."));

        var users = new List<UserSummary>(dataRows.Count);
        foreach (var r in dataRows)
        {
            PersonRows++;
            TypeFigures(r);
            if (ReadPerson(r, dates) is { } user)
                users.Add(user);
        }
        return users;
    }

    /// <summary>Rows under the header that may be people: not blank, not the header again, not the anonymous answers.</summary>
    private IEnumerable<int> DataRows()
    {
        for (var r = header.RowIndex + 1; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            if (row.All(c => c.IsEmpty) || IsRepeatedHeader(r) || IsAnonymousAnswers(r))
                continue;
            yield return r;
        }
    }

    /// <summary>The header again (exports pasted one under the other): its name cell and join cell are those titles.</summary>
    private bool IsRepeatedHeader(int r) =>
        DashboardColumns.Recognise(At(r, DashboardColumn.Name)) == DashboardColumn.Name
        && DashboardColumns.Recognise(At(r, DashboardColumn.Join)) == DashboardColumn.Join;

    /// <summary>
    /// The last row, "Anonymous" ("Anonyme" in French) with empty fields but the anonymous poll answers: no person.
    /// A real person of that name has a join date or a duration, and is kept.
    /// </summary>
    private bool IsAnonymousAnswers(int r) =>
        At(r, DashboardColumn.Name) is { Kind: CellKind.Text } name && DashboardColumns.IsAnonymousName(name.Text)
        && !HasValue(At(r, DashboardColumn.Join)) && !HasValue(At(r, DashboardColumn.Duration))
        && !Booleans.TryRead(At(r, DashboardColumn.Moderator), out _);

    /// <summary>A date, a duration or a number (what Excel makes of both): what the anonymous row never has.</summary>
    private static bool HasValue(Cell cell) =>
        cell.Kind is CellKind.Number or CellKind.DateTime
        || (cell.Kind == CellKind.Text && (LocalDateTimes.TryReadParts(cell.Text, out _) || Durations.TryParseClock(cell.Text, out _)));

    private UserSummary? ReadPerson(int r, DashboardDates dates)
    {
        var name = Name(r);
        var join = Date(r, DashboardColumn.Join, dates, required: true);
        var left = Date(r, DashboardColumn.Left, dates, required: false);
        var duration = Duration(r);
        var role = Role(r);
        if (name is null || join.Readable is false || left.Readable is false || duration is null)
            return null;

        var first = join.Value!.Value;
        if (left.Value is { } last && last < first)
        {
            Warn("LeaveBeforeJoin", r, DashboardColumn.Left,
                $"le départ est antérieur à l'arrivée (colonne {Letter(DashboardColumn.Join)}) ; la ligne n'est pas prise en "
                + "compte. Vérifiez les deux dates.");
            return null;
        }
        if (left.Value is { } end && end - first > Day && duration.Value < Day)
            Warn("DurationMayLackDays", r, DashboardColumn.Duration,
                "l'arrivée et le départ sont à plus de 24 heures d'écart, or la plateforme écrit la durée totale sans les "
                + "jours entiers (elle repart de zéro après 24 heures) : le temps retenu peut être inférieur au temps réel.");

        return new UserSummary
        {
            Source = new SourceRef(sheet.Name, sheet.ExcelRow(r)),
            Name = name,
            Role = role,
            Presence = new PresenceSummary(first, left.Value, duration.Value.TotalMinutes),
        };
    }

    private string? Name(int r)
    {
        var cell = At(r, DashboardColumn.Name);
        var name = cell.IsEmpty ? "" : TextNormalizer.CollapseSpaces(cell.ToString());
        if (name.Length > 0)
            return name;
        Warn("RowWithoutName", r, DashboardColumn.Name,
            "cette ligne n'a pas de nom ; elle n'est pas prise en compte. Complétez le nom ou supprimez la ligne.");
        return null;
    }

    /// <summary>
    /// TRUE (or Excel's boolean, VRAI) is a moderator: the trainer. The dashboard's newer workbook export writes
    /// Yes/No (Oui/Non) in that column instead: the same flag, left as text in the copy. Anything else is said and
    /// read as a trainee.
    /// </summary>
    private ParticipantRole Role(int r)
    {
        var cell = At(r, DashboardColumn.Moderator);
        if (Booleans.TryRead(cell, out var moderator))
        {
            Type(r, DashboardColumn.Moderator, (typed, row, column) => typed.SetBoolean(row, column, moderator));
            return moderator ? ParticipantRole.Trainer : ParticipantRole.Trainee;
        }
        if (Booleans.TryReadYesNo(cell, out moderator))
            return moderator ? ParticipantRole.Trainer : ParticipantRole.Trainee;
        Warn("UnreadableFlag", r, DashboardColumn.Moderator, cell.IsEmpty
            ? "la valeur est absente (attendu : TRUE ou FALSE) ; la personne est comptée comme stagiaire."
            : "la valeur n'est ni TRUE ni FALSE ; la personne est comptée comme stagiaire.");
        return ParticipantRole.Trainee;
    }

    /// <summary>A date of the row: null with a true <c>Readable</c> for "-" (still connected) when not required.</summary>
    private (bool Readable, DateTime? Value) Date(int r, DashboardColumn column, DashboardDates dates, bool required)
    {
        var cell = At(r, column);
        if (dates.TryRead(cell, out var value))
        {
            Type(r, column, (typed, row, index) => typed.SetDateTime(row, index, value));
            return (true, value);
        }
        if (!required && Durations.IsNone(cell))
            return (true, null);
        Warn("UnreadableDate", r, column, cell.IsEmpty
            ? "la date est absente ; la ligne n'est pas prise en compte."
            : "la valeur n'est pas une date lisible (attendu : une date comme 04/03/2025 08:57:41 ou 3/4/2025, 08:57:41 AM) ; "
              + "la ligne n'est pas prise en compte.");
        return (false, null);
    }

    private TimeSpan? Duration(int r)
    {
        var cell = At(r, DashboardColumn.Duration);
        if (Durations.TryRead(cell, out var value) && value is { } duration)
        {
            Type(r, DashboardColumn.Duration, (typed, row, index) => typed.SetDuration(row, index, duration));
            return duration;
        }
        Warn("UnreadableDuration", r, DashboardColumn.Duration, Durations.IsNone(cell)
            ? "la durée de connexion est absente ; la ligne n'est pas prise en compte."
            : "la valeur n'est pas une durée lisible (attendu : heures:minutes:secondes, par exemple 02:41:12) ; la ligne "
              + "n'est pas prise en compte.");
        return null;
    }

    /// <summary>The figures that are not attendance, typed when they read, left as they are otherwise (never an issue).</summary>
    private void TypeFigures(int r)
    {
        foreach (var column in Counts)
            if (FrenchNumbers.TryRead(At(r, column), out var number))
                Type(r, column, (typed, row, index) => typed.SetNumber(row, index, number));
        foreach (var column in OtherDurations)
            if (Durations.TryRead(At(r, column), out var value) && value is { } duration)
                Type(r, column, (typed, row, index) => typed.SetDuration(row, index, duration));
    }

    private void Type(int r, DashboardColumn column, Action<TypedSheetBuilder, int, int> set) =>
        set(_typed, r, header.Index(column));

    private Cell At(int r, DashboardColumn column) => sheet[r, header.Index(column)];

    private IEnumerable<Cell> ColumnCells(IEnumerable<int> rows, DashboardColumn column) => rows.Select(r => At(r, column));

    private string? Letter(DashboardColumn column) =>
        header.Index(column) is var index and >= 0 ? sheet.ExcelColumn(index) : null;

    private void Warn(string code, int r, DashboardColumn column, string what) =>
        issues.Add(ReportLocation.Warning(code, sheet.Name, sheet.ExcelRow(r), Letter(column),
            DashboardColumns.Title(column), what));

    /// <summary>A score written with a decimal comma ("3,5"), as the dashboard's number format does in French.</summary>
    [GeneratedRegex(@"^\s*[0-9]+,[0-9]+\s*$")]
    private static partial Regex DecimalComma();
}
