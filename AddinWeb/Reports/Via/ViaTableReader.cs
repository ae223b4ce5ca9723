using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Via;

/// <summary>
/// Reads the data rows under a header row. Every non-blank row ends up somewhere: a person or connection, a
/// <see cref="TotalRow"/>, or a warning saying why it was not used. Fully blank rows are skipped.
/// </summary>
internal sealed partial class ViaTableReader(SheetGrid sheet, HeaderMatch header, List<ReportIssue> issues)
{
    public ReportTable Table { get; } = new(sheet.ExcelRow(header.RowIndex),
        header.Columns.ToDictionary(c => c.Key, c => sheet.ExcelColumn(c.Value)));

    public List<TotalRow> Totals { get; } = [];

    public List<UserSummary> ReadSummary()
    {
        var users = new List<UserSummary>();
        foreach (var r in DataRows())
        {
            var name = Name(r);
            var usable = name is not null;
            usable &= Required(r, ReportColumn.Connection, out var connection);
            if (!usable)
                continue;
            users.Add(new UserSummary
            {
                Source = new SourceRef(sheet.Name, sheet.ExcelRow(r)),
                Name = name!,
                Email = Email(r),
                ConnectionMinutes = connection,
                MicrophoneMinutes = Optional(r, ReportColumn.Microphone),
                PhoneMinutes = Optional(r, ReportColumn.Phone),
                WebcamMinutes = Optional(r, ReportColumn.Webcam),
                MultimediaMinutes = Optional(r, ReportColumn.Multimedia),
                ScreenShareMinutes = Optional(r, ReportColumn.ScreenShare),
                ReplayMinutes = Optional(r, ReportColumn.Replay) ?? 0,
                RecordingDownloads = Optional(r, ReportColumn.RecordingDownload) ?? 0,
            });
        }
        return users;
    }

    public List<Connection> ReadPresence()
    {
        var connections = new List<Connection>();
        foreach (var r in DataRows())
        {
            var name = Name(r);
            var usable = name is not null;
            usable &= RequiredDate(r, ReportColumn.Start, out var start);
            usable &= RequiredDate(r, ReportColumn.End, out var end);
            if (!usable)
                continue;
            connections.Add(new Connection
            {
                Source = new SourceRef(sheet.Name, sheet.ExcelRow(r)),
                Name = name!,
                Email = Email(r),
                Start = start,
                End = end,
                DurationMinutes = Optional(r, ReportColumn.Connection),
                MicrophoneMinutes = Optional(r, ReportColumn.Microphone),
                PhoneMinutes = Optional(r, ReportColumn.Phone),
                WebcamMinutes = Optional(r, ReportColumn.Webcam),
                MultimediaMinutes = Optional(r, ReportColumn.Multimedia),
                ScreenShareMinutes = Optional(r, ReportColumn.ScreenShare),
            });
        }
        return connections;
    }

    /// <summary>Indexes of the non-blank rows under the header that are not "Total" rows (those are read aside).</summary>
    private IEnumerable<int> DataRows()
    {
        for (var r = header.RowIndex + 1; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            if (row.All(c => c.IsEmpty))
                continue;
            if (IsTotalRow(row))
            {
                Totals.Add(ReadTotal(r));
                continue;
            }
            if (IsRepeatedHeader(row))
                continue;
            yield return r;
        }
    }

    /// <summary>
    /// The header row again (a copy-paste of several exports, or titles repeated for printing): it carries no person.
    /// Checked only when the name cell reads as the name title, so data rows cost nothing.
    /// </summary>
    private bool IsRepeatedHeader(IReadOnlyList<Cell> row)
    {
        var nameIndex = header.Columns[ReportColumn.Name];
        if (nameIndex >= row.Count || ViaHeaders.Recognise(row[nameIndex]) != ReportColumn.Name)
            return false;
        var columns = ViaHeaders.Columns(row, header.Columns.Keys.ToList());
        return header.Columns.All(c => columns.TryGetValue(c.Key, out var index) && index == c.Value);
    }

    /// <summary>"Total :", "TOTAL", "Total:", "Totaux" in the name column or the first text cell of the row.</summary>
    private bool IsTotalRow(IReadOnlyList<Cell> row)
    {
        var nameIndex = header.Columns[ReportColumn.Name];
        var name = nameIndex < row.Count ? row[nameIndex] : Cell.Empty;
        var firstText = row.FirstOrDefault(c => c.Kind == CellKind.Text && !c.IsEmpty);
        return IsTotalLabel(name) || IsTotalLabel(firstText);
    }

    private static bool IsTotalLabel(Cell cell) =>
        cell.Kind == CellKind.Text && TotalLabel().IsMatch(TextNormalizer.Key(cell.Text).TrimEnd(' ', ':'));

    private TotalRow ReadTotal(int r)
    {
        var totals = new Dictionary<string, double>();
        var letters = new Dictionary<string, string>();
        foreach (var (column, index) in header.Columns)
        {
            if (column is ReportColumn.Name or ReportColumn.Email or ReportColumn.Start or ReportColumn.End)
                continue;
            var cell = sheet[r, index];
            if (cell.IsEmpty)
                continue;
            var title = ReportColumns.Title(column);
            if (FrenchNumbers.TryRead(cell, out var value))
            {
                totals[title] = value;
                letters[title] = sheet.ExcelColumn(index);
            }
            else
                Warn("UnreadableNumber", r, column,
                    "le total n'est pas un nombre lisible (attendu : des minutes décimales, par exemple 174,28) ; il n'est pas vérifié.");
        }
        return new TotalRow(new SourceRef(sheet.Name, sheet.ExcelRow(r)), totals) { ColumnLetters = letters };
    }

    private string? Name(int r)
    {
        var cell = sheet[r, header.Columns[ReportColumn.Name]];
        var name = cell.IsEmpty ? "" : TextNormalizer.CollapseSpaces(cell.ToString());
        if (name.Length > 0)
            return name;
        Warn("RowWithoutName", r, ReportColumn.Name,
            "cette ligne n'a pas de nom d'utilisateur ; elle n'est pas prise en compte. Complétez le nom ou supprimez la ligne.");
        return null;
    }

    private string? Email(int r)
    {
        var cell = sheet[r, header.Columns[ReportColumn.Email]];
        return cell.IsEmpty ? null : TextNormalizer.CollapseSpaces(cell.ToString());
    }

    private bool Required(int r, ReportColumn column, out double value)
    {
        value = 0;
        var cell = sheet[r, header.Columns[column]];
        if (FrenchNumbers.TryRead(cell, out value))
            return true;
        Warn("UnreadableNumber", r, column, cell.IsEmpty
            ? "la valeur est absente ; la ligne n'est pas prise en compte."
            : "la valeur n'est pas un nombre lisible (attendu : des minutes décimales, par exemple 174,28) ; la ligne n'est pas prise en compte.");
        return false;
    }

    private bool RequiredDate(int r, ReportColumn column, out DateTime value)
    {
        var cell = sheet[r, header.Columns[column]];
        if (ExcelDates.TryRead(cell, out value))
            return true;
        Warn("UnreadableDate", r, column, cell.IsEmpty
            ? "la date est absente ; la ligne n'est pas prise en compte."
            : "la valeur n'est pas une date lisible (attendu : une date Excel ou un texte comme 10/11/2020 13:39:50) ; la ligne n'est pas prise en compte.");
        return false;
    }

    /// <summary>An optional figure: absent is null; unreadable is reported and left out, the row is still used.</summary>
    private double? Optional(int r, ReportColumn column)
    {
        if (!header.Columns.TryGetValue(column, out var index))
            return null;
        var cell = sheet[r, index];
        if (cell.IsEmpty)
            return null;
        if (FrenchNumbers.TryRead(cell, out var value))
            return value;
        Warn("UnreadableNumber", r, column,
            "la valeur n'est pas un nombre lisible (attendu : des minutes décimales, par exemple 174,28) ; elle est ignorée, le reste de la ligne est pris en compte.");
        return null;
    }

    private void Warn(string code, int r, ReportColumn column, string what) =>
        issues.Add(ReportLocation.Warning(code, sheet.Name, sheet.ExcelRow(r), sheet.ExcelColumn(header.Columns[column]),
            ReportColumns.Title(column), what));

    [GeneratedRegex(@"^total(?:e|es|ux)?(?:\s+general)?$")]
    private static partial Regex TotalLabel();
}
