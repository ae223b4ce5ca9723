using System.Text.RegularExpressions;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Via;

/// <summary>
/// Reads the data rows under a header row. Every non-blank row ends up somewhere: a person or connection, a
/// <see cref="ViaTotalRow"/>, or a warning saying why it was not used. Fully blank rows are skipped.
/// </summary>
internal sealed partial class ViaTableReader(SheetGrid sheet, HeaderMatch header, List<ReportIssue> issues)
{
    public ViaTable Table { get; } = new(sheet.ExcelRow(header.RowIndex),
        header.Columns.ToDictionary(c => c.Key, c => sheet.ExcelColumn(c.Value)));

    public List<ViaTotalRow> Totals { get; } = [];

    /// <summary>Grid column index of each <see cref="ViaColumn"/> (−1 when the table has none): read on every cell.</summary>
    private readonly int[] _index = IndexByColumn(header);

    /// <summary>
    /// What the reader needs to know of a name cell's text, worked out once per distinct text: a report repeats each
    /// name on every one of that person's rows.
    /// </summary>
    private readonly Dictionary<string, NameText> _names = new(StringComparer.Ordinal);

    /// <summary>Emails with spaces to collapse, cleaned once per distinct text (clean ones are used as they are).</summary>
    private readonly Dictionary<string, string> _cleanedTexts = new(StringComparer.Ordinal);

    private readonly record struct NameText(string Name, bool IsTotalLabel, bool IsNameTitle);

    private static int[] IndexByColumn(HeaderMatch header)
    {
        var index = new int[Enum.GetValues<ViaColumn>().Length];
        Array.Fill(index, -1);
        foreach (var (column, i) in header.Columns)
            index[(int)column] = i;
        return index;
    }

    private int RowsBelowHeader => Math.Max(0, sheet.Rows.Count - header.RowIndex - 1);

    public List<ViaUserRow> ReadSummary()
    {
        var users = new List<ViaUserRow>(RowsBelowHeader);
        foreach (var r in DataRows())
        {
            var name = Name(r);
            var usable = name is not null;
            usable &= Required(r, ViaColumn.Connection, out var connection);
            if (!usable)
                continue;
            users.Add(new ViaUserRow
            {
                Source = new SourceRef(sheet.Name, sheet.ExcelRow(r)),
                Name = name!,
                Email = Email(r),
                ConnectionMinutes = connection,
                MicrophoneMinutes = Optional(r, ViaColumn.Microphone),
                PhoneMinutes = Optional(r, ViaColumn.Phone),
                WebcamMinutes = Optional(r, ViaColumn.Webcam),
                MultimediaMinutes = Optional(r, ViaColumn.Multimedia),
                ScreenShareMinutes = Optional(r, ViaColumn.ScreenShare),
                ReplayMinutes = Optional(r, ViaColumn.Replay) ?? 0,
                RecordingDownloads = Optional(r, ViaColumn.RecordingDownload) ?? 0,
            });
        }
        return users;
    }

    public List<ViaConnectionRow> ReadPresence()
    {
        var connections = new List<ViaConnectionRow>(RowsBelowHeader);
        foreach (var r in DataRows())
        {
            var name = Name(r);
            var usable = name is not null;
            usable &= RequiredDate(r, ViaColumn.Start, out var start);
            usable &= RequiredDate(r, ViaColumn.End, out var end);
            if (!usable)
                continue;
            connections.Add(new ViaConnectionRow
            {
                Source = new SourceRef(sheet.Name, sheet.ExcelRow(r)),
                Name = name!,
                Email = Email(r),
                Start = start,
                End = end,
                DurationMinutes = Optional(r, ViaColumn.Connection),
                MicrophoneMinutes = Optional(r, ViaColumn.Microphone),
                PhoneMinutes = Optional(r, ViaColumn.Phone),
                WebcamMinutes = Optional(r, ViaColumn.Webcam),
                MultimediaMinutes = Optional(r, ViaColumn.Multimedia),
                ScreenShareMinutes = Optional(r, ViaColumn.ScreenShare),
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
            if (IsBlank(row))
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

    private static bool IsBlank(IReadOnlyList<Cell> row)
    {
        for (var c = 0; c < row.Count; c++)
            if (!row[c].IsEmpty)
                return false;
        return true;
    }

    private static Cell At(IReadOnlyList<Cell> row, int index) => index >= 0 && index < row.Count ? row[index] : Cell.Empty;

    /// <summary>
    /// The header row again (a copy-paste of several exports, or titles repeated for printing): it carries no person.
    /// Checked only when the name cell reads as the name title, so data rows cost nothing.
    /// </summary>
    private bool IsRepeatedHeader(IReadOnlyList<Cell> row)
    {
        if (At(row, _index[(int)ViaColumn.Name]) is not { Kind: CellKind.Text, Text: { } name } || !Facts(name).IsNameTitle)
            return false;
        var columns = ViaHeaders.Columns(row, header.Columns.Keys.ToList());
        return header.Columns.All(c => columns.TryGetValue(c.Key, out var index) && index == c.Value);
    }

    /// <summary>"Total :", "TOTAL", "Total:", "Totaux" in the name column or the first text cell of the row.</summary>
    private bool IsTotalRow(IReadOnlyList<Cell> row)
    {
        var nameIndex = _index[(int)ViaColumn.Name];
        if (At(row, nameIndex) is { Kind: CellKind.Text, Text: { } name } && Facts(name).IsTotalLabel)
            return true;
        for (var c = 0; c < row.Count; c++)
            if (row[c] is { Kind: CellKind.Text, Text: { } text } && !row[c].IsEmpty)
                return c != nameIndex && IsTotalText(text); // the name cell was checked just above
        return false;
    }

    private NameText Facts(string text)
    {
        if (!_names.TryGetValue(text, out var facts))
            _names.Add(text, facts = new NameText(TextNormalizer.CollapseSpaces(text), IsTotalText(text),
                ViaHeaders.Recognise(text) == ViaColumn.Name));
        return facts;
    }

    private static bool IsTotalText(string text)
    {
        if (!MayStartWithT(text))
            return false;
        Span<char> key = stackalloc char[TextNormalizer.StackChars];
        return TextNormalizer.TryWriteKey(text, key, out var length)
            ? TotalLabel().IsMatch(key[..length].TrimEnd(" :"))
            : TotalLabel().IsMatch(TextNormalizer.Key(text).TrimEnd(' ', ':'));
    }

    /// <summary>
    /// False when the text's key surely does not start with "t", so no key needs computing for most names: the
    /// first character that is not a space is ASCII and not a T (an ASCII character is its own decomposition, and
    /// only its case changes in the key). Anything else is left to the full check.
    /// </summary>
    private static bool MayStartWithT(string text)
    {
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && c != '\u200B')
                return c is 't' or 'T' || c > '\u007F';
        return false;
    }

    private ViaTotalRow ReadTotal(int r)
    {
        var totals = new Dictionary<string, double>();
        var letters = new Dictionary<string, string>();
        foreach (var (column, index) in header.Columns)
        {
            if (column is ViaColumn.Name or ViaColumn.Email or ViaColumn.Start or ViaColumn.End)
                continue;
            var cell = sheet[r, index];
            if (cell.IsEmpty)
                continue;
            var title = ViaColumns.Title(column);
            if (FrenchNumbers.TryRead(cell, out var value))
            {
                totals[title] = value;
                letters[title] = sheet.ExcelColumn(index);
            }
            else
                Warn("UnreadableNumber", r, column,
                    "le total n'est pas un nombre lisible (attendu : des minutes décimales, par exemple 174,28) ; il n'est pas vérifié.");
        }
        return new ViaTotalRow(new SourceRef(sheet.Name, sheet.ExcelRow(r)), totals) { ColumnLetters = letters };
    }

    private string? Name(int r)
    {
        var cell = sheet[r, _index[(int)ViaColumn.Name]];
        var name = cell.Kind == CellKind.Text ? Facts(cell.Text!).Name
            : cell.IsEmpty ? "" : TextNormalizer.CollapseSpaces(cell.ToString());
        if (name.Length > 0)
            return name;
        Warn("RowWithoutName", r, ViaColumn.Name,
            "cette ligne n'a pas de nom d'utilisateur ; elle n'est pas prise en compte. Complétez le nom ou supprimez la ligne.");
        return null;
    }

    private string? Email(int r)
    {
        var cell = sheet[r, _index[(int)ViaColumn.Email]];
        if (cell.IsEmpty)
            return null;
        return cell.Kind == CellKind.Text ? Cleaned(cell.Text!) : TextNormalizer.CollapseSpaces(cell.ToString());
    }

    private string Cleaned(string text)
    {
        if (TextNormalizer.IsCollapsed(text))
            return text;
        if (!_cleanedTexts.TryGetValue(text, out var cleaned))
            _cleanedTexts.Add(text, cleaned = TextNormalizer.CollapseSpaces(text));
        return cleaned;
    }

    private bool Required(int r, ViaColumn column, out double value)
    {
        value = 0;
        var cell = sheet[r, _index[(int)column]];
        if (FrenchNumbers.TryRead(cell, out value))
            return true;
        Warn("UnreadableNumber", r, column, cell.IsEmpty
            ? "la valeur est absente ; la ligne n'est pas prise en compte."
            : "la valeur n'est pas un nombre lisible (attendu : des minutes décimales, par exemple 174,28) ; la ligne n'est pas prise en compte.");
        return false;
    }

    private bool RequiredDate(int r, ViaColumn column, out DateTime value)
    {
        var cell = sheet[r, _index[(int)column]];
        if (ExcelDates.TryRead(cell, out value))
            return true;
        Warn("UnreadableDate", r, column, cell.IsEmpty
            ? "la date est absente ; la ligne n'est pas prise en compte."
            : "la valeur n'est pas une date lisible (attendu : une date Excel ou un texte comme 10/11/2020 13:39:50) ; la ligne n'est pas prise en compte.");
        return false;
    }

    /// <summary>An optional figure: absent is null; unreadable is reported and left out, the row is still used.</summary>
    private double? Optional(int r, ViaColumn column)
    {
        var index = _index[(int)column];
        if (index < 0)
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

    private void Warn(string code, int r, ViaColumn column, string what) =>
        issues.Add(ReportLocation.Warning(code, sheet.Name, sheet.ExcelRow(r), sheet.ExcelColumn(_index[(int)column]),
            ViaColumns.Title(column), what));

    [GeneratedRegex(@"^total(?:e|es|ux)?(?:\s+general)?$")]
    private static partial Regex TotalLabel();
}
