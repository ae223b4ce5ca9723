using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Excel;

/// <summary>The sizes the reader refuses to go past, checked while it reads (see <see cref="GridLimitReachedException"/>).</summary>
public sealed record GridReadLimits(int MaxSheets, int MaxRowsPerSheet, int MaxColumnsPerSheet, int MaxCellLength);

public enum GridLimit { Sheets, Rows, Columns, CellLength }

/// <summary>A workbook over one of the <see cref="GridReadLimits"/>, seen while reading (nothing more is read).</summary>
public sealed class GridLimitReachedException(GridLimit limit, string? sheet)
    : Exception($"Grid limit {limit} reached.")
{
    public GridLimit Limit { get; } = limit;
    public string? Sheet { get; } = sheet;
}

/// <summary>
/// A workbook the reader cannot read, with a French reason for the user. The reason names the sheet (by its
/// position when its name itself is the problem) and the cell, never a value of the file.
/// </summary>
public sealed class SpreadsheetUnreadableException(string detail) : Exception(detail)
{
    public string Detail { get; } = detail;
}

/// <summary>
/// Reads the cells of an .xlsx into the <see cref="WorkbookGrid"/> the task pane sends, streaming each sheet's XML
/// (a forward-only <see cref="XmlReader"/>, never a document in memory) so that the grid limits are enforced while
/// reading: a sheet whose used cells span more rows or columns than allowed is refused at the first cell past the
/// limit. Works on whatever wrote the file (Excel, LibreOffice, openpyxl, xlsxwriter, ClosedXML…): shared or inline
/// strings, rich text, formulas (their cached result), images and charts (not read).
/// <para>
/// What a cell becomes, as ClosedXML 0.95.4 did for the upload before (<c>tests/…/ReferenceWorkbookReader.cs</c>
/// keeps that reader, and an equivalence test compares both): text as text (<c>_xHHHH_</c> escapes decoded), a
/// number as a number, or as a date cell when its number format is a date format (built-in formats 14–22 and 45–47,
/// or a custom format whose first date or digit placeholder is a date one), as text under the text format
/// (built-in 49), booleans as booleans, errors (#N/A) as their text, and a formula as its cached result. Each sheet
/// keeps its real first used row and column, so every message names the row the user sees.
/// </para>
/// </summary>
public static partial class SpreadsheetGridReader
{
    /// <summary>Excel's own limit on a sheet name.</summary>
    public const int MaxSheetNameLength = 31;

    public static WorkbookGrid Read(SpreadsheetPackage package, GridReadLimits limits, CancellationToken cancellation = default)
    {
        var workbookPart = package.WorkbookPart() ?? throw Unreadable(NoWorkbook);
        var relationships = package.Relationships(workbookPart).Where(r => !r.External).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var (sheets, date1904) = ReadWorkbook(package, workbookPart, relationships);

        var worksheets = new List<(string Name, string Part)>();
        for (var i = 0; i < sheets.Count; i++)
        {
            var (name, id) = sheets[i];
            if (name.Length is 0 or > MaxSheetNameLength || name.IndexOfAny(ForbiddenInSheetNames) >= 0)
                throw Unreadable(
                    $"Le nom de la {Ordinal(i + 1)} feuille du classeur est vide, dépasse {MaxSheetNameLength} caractères ou contient "
                    + "un caractère interdit ([ ] : * ? / \\), ce qu'Excel ne permet pas. Renommez cette feuille, enregistrez le "
                    + "classeur puis déposez-le à nouveau.");
            if (id is not null && relationships.TryGetValue(id, out var relationship) && relationship.Is("worksheet"))
                worksheets.Add((name, relationship.Target));
        }
        if (worksheets.Count > limits.MaxSheets) throw new GridLimitReachedException(GridLimit.Sheets, null);

        var styles = relationships.Values.FirstOrDefault(r => r.Is("styles")) is { } stylesPart
            ? ReadStyles(package, stylesPart.Target)
            : [];
        var sharedStrings = relationships.Values.FirstOrDefault(r => r.Is("sharedStrings")) is { } stringsPart
            ? ReadSharedStrings(package, stringsPart.Target)
            : [];

        var grids = new List<SheetGrid>(worksheets.Count);
        foreach (var (name, part) in worksheets)
        {
            cancellation.ThrowIfCancellationRequested();
            using var reader = package.Read(part) ?? throw Unreadable(DamagedFile);
            grids.Add(new SheetReader(name, limits, styles, sharedStrings, date1904).Read(reader));
        }
        return new WorkbookGrid(grids);
    }

    private static readonly char[] ForbiddenInSheetNames = ['[', ']', ':', '*', '?', '/', '\\'];

    private static string Ordinal(int n) => n == 1 ? "1re" : $"{n}e";

    private const string NoWorkbook =
        "Le fichier est une archive .xlsx sans classeur Excel à l'intérieur. Exportez le rapport depuis la plateforme et "
        + "déposez le fichier .xlsx obtenu.";

    internal const string DamagedFile =
        "Ce fichier .xlsx est incomplet ou endommagé : une de ses parties est illisible. Ouvrez-le dans Excel ou LibreOffice, "
        + "enregistrez-le de nouveau au format .xlsx et réessayez.";

    internal static SpreadsheetUnreadableException Unreadable(string detail) => new(detail);

    /// <summary>The sheets in tab order (name, relationship id) and whether dates count from 1904.</summary>
    private static (List<(string Name, string? Id)>, bool Date1904) ReadWorkbook(
        SpreadsheetPackage package, string workbookPart, Dictionary<string, Relationship> relationships)
    {
        using var reader = package.Read(workbookPart) ?? throw Unreadable(NoWorkbook);
        var sheets = new List<(string, string?)>();
        var date1904 = false;
        return Xml(() =>
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "workbookPr":
                        date1904 = IsTrue(reader.GetAttribute("date1904"));
                        break;
                    case "sheet":
                        sheets.Add((reader.GetAttribute("name") ?? "", RelationshipId(reader)));
                        break;
                }
            }
            return (sheets, date1904);
        });
    }

    /// <summary>The r:id attribute, in the Transitional or Strict relationships namespace.</summary>
    private static string? RelationshipId(XmlReader reader)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.LocalName == "id" && reader.NamespaceURI.EndsWith("relationships", StringComparison.Ordinal))
            {
                var id = reader.Value;
                reader.MoveToElement();
                return id;
            }
        }
        reader.MoveToElement();
        return null;
    }

    private static bool IsTrue(string? value) => value is "1" or "true";

    /// <summary>What the number format of each cell style (cellXfs index) makes of a number.</summary>
    internal enum NumberKind : byte { Number, DateTime, TimeSpan, Text }

    private static NumberKind[] ReadStyles(SpreadsheetPackage package, string part)
    {
        using var reader = package.Read(part);
        if (reader is null) return [];
        var codes = new Dictionary<int, string>();
        var formats = new List<int>();
        return Xml(() =>
        {
            var inCellXfs = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellXfs = false;
                if (reader.NodeType != XmlNodeType.Element) continue;
                switch (reader.LocalName)
                {
                    case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id):
                        codes[id] = reader.GetAttribute("formatCode") ?? "";
                        break;
                    case "cellXfs":
                        inCellXfs = !reader.IsEmptyElement;
                        break;
                    case "xf" when inCellXfs: // its alignment and protection children are read past, unused
                        formats.Add(int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var format) ? format : 0);
                        break;
                }
            }
            return formats.Select(f => KindOf(f, codes.GetValueOrDefault(f))).ToArray();
        });
    }

    /// <summary>
    /// A custom code (when the workbook defines one for the id) decides; otherwise the built-in id: 14–22 and
    /// 45–47 are dates and times, 46 an elapsed time, 49 text.
    /// </summary>
    internal static NumberKind KindOf(int numberFormatId, string? code)
    {
        if (!string.IsNullOrEmpty(code)) return IsDateFormat(code) ? NumberKind.DateTime : NumberKind.Number;
        return numberFormatId switch
        {
            46 => NumberKind.TimeSpan,
            >= 14 and <= 22 or >= 45 and <= 47 => NumberKind.DateTime,
            49 => NumberKind.Text,
            _ => NumberKind.Number,
        };
    }

    /// <summary>
    /// Whether a format code shows a date or a time: the first placeholder outside quoted text, escaped characters
    /// and bracketed sections ([Red], [$-40C], [&lt;100]) is a date one (y, m, d, h, s) rather than a digit one
    /// (0, #, ?). Elapsed times ([h]:mm) count as dates, as ClosedXML counted them.
    /// </summary>
    internal static bool IsDateFormat(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToLowerInvariant(code[i]);
            switch (c)
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    if (close < 0) return false;
                    i = close;
                    break;
                case '\\' or '_' or '*':
                    i++; // the next character is shown (or padded) as is
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    if (end < 0) return false;
                    var inside = code.AsSpan(i + 1, end - i - 1);
                    if (inside.Length > 0 && (inside[0] | 0x20) is 'h' or 'm' or 's') return true; // [h], [mm], [ss]
                    i = end;
                    break;
                case '0' or '#' or '?':
                    return false;
                case 'y' or 'm' or 'd' or 'h' or 's':
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The shared strings: plain text or the runs of rich text, phonetic guides left out, escapes decoded.
    /// </summary>
    private static string[] ReadSharedStrings(SpreadsheetPackage package, string part)
    {
        using var reader = package.Read(part);
        if (reader is null) return [];
        var strings = new List<string>();
        return Xml(() =>
        {
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
                    strings.Add(ReadRichText(reader));
            return strings.ToArray();
        });
    }

    /// <summary>
    /// The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; and the &lt;t&gt; of its runs, not those of
    /// its phonetic guides. Called on the element; leaves the reader on its end.
    /// </summary>
    internal static string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement) return "";
        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? text = null;
        // ReadElementContentAsString and Skip leave the reader on the next node, which must not be read past.
        var onNext = false;
        while ((onNext || reader.Read()) && reader.Depth > depth)
        {
            onNext = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "rPh" or "phoneticPr":
                    reader.Skip();
                    onNext = true;
                    break;
                case "t":
                    var part = reader.ReadElementContentAsString();
                    if (single is null && text is null) single = part;
                    else (text ??= new System.Text.StringBuilder(single)).Append(part);
                    onNext = true;
                    break;
            }
        }
        return Decode(text?.ToString() ?? single ?? "");
    }

    /// <summary>
    /// Excel's escapes for characters XML cannot hold (<c>_x000D_</c>, <c>_x0001_</c>…), decoded as ClosedXML and
    /// Excel decode them: <see cref="XmlConvert.DecodeName"/>, except "_X" in capitals, which is plain text.
    /// </summary>
    internal static string Decode(string text)
    {
        if (text.IndexOf('_') < 0) return text;
        if (text.Contains("_X", StringComparison.Ordinal)) text = UpperCaseEscape().Replace(text, "_x005F_$1_");
        return XmlConvert.DecodeName(text);
    }

    [GeneratedRegex("_(X[0-9A-Fa-f]{4})_")]
    private static partial Regex UpperCaseEscape();

    /// <summary>Runs an XML read, turning a malformed part into the "damaged file" answer.</summary>
    internal static T Xml<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or EndOfStreamException or IOException)
        {
            throw Unreadable(DamagedFile);
        }
    }

    /// <summary>One worksheet, read cell by cell.</summary>
    private sealed class SheetReader(string name, GridReadLimits limits, NumberKind[] styles, string[] sharedStrings, bool date1904)
    {
        private readonly List<(int Row, List<(int Column, Cell Value)> Cells)> _rows = [];
        private int _firstRow = int.MaxValue, _lastRow, _firstColumn = int.MaxValue, _lastColumn;
        private bool _sorted = true;

        public SheetGrid Read(XmlReader reader)
        {
            Xml(() =>
            {
                var row = 0;
                var column = 0;
                var onNext = false; // Skip left the reader on the next node
                while (onNext || reader.Read())
                {
                    onNext = false;
                    if (reader.NodeType != XmlNodeType.Element) continue;
                    switch (reader.LocalName)
                    {
                        case "row":
                            row = int.TryParse(reader.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) && r > 0 ? r : row + 1;
                            column = 0;
                            break;
                        case "c":
                            if (reader.GetAttribute("r") is { } reference && TryParseReference(reference, out var cellRow, out var cellColumn))
                                (row, column) = (cellRow, cellColumn);
                            else column++;
                            if (row == 0) row = 1;
                            ReadCell(reader, row, column);
                            break;
                        case "mergeCells" or "conditionalFormatting" or "dataValidations" or "hyperlinks" or "drawing"
                            or "legacyDrawing" or "extLst" or "tableParts" or "cols" or "sheetViews" or "headerFooter":
                            reader.Skip(); // nothing the grid needs
                            onNext = true;
                            break;
                    }
                }
                return 0;
            });
            return Build();
        }

        private void ReadCell(XmlReader reader, int row, int column)
        {
            var type = reader.GetAttribute("t");
            var style = int.TryParse(reader.GetAttribute("s"), CultureInfo.InvariantCulture, out var s) ? s : 0;
            string? value = null, inline = null;
            var formula = false;
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                var onNext = false; // ReadElementContentAsString and Skip leave the reader on the next node
                while ((onNext || reader.Read()) && reader.Depth > depth)
                {
                    onNext = false;
                    if (reader.NodeType != XmlNodeType.Element) continue;
                    switch (reader.LocalName)
                    {
                        case "v": value = reader.ReadElementContentAsString(); onNext = true; break;
                        case "f": formula = true; reader.Skip(); onNext = true; break;
                        case "is": inline = ReadRichText(reader); break;
                    }
                }
            }

            var cell = ValueOf(type, style, value, inline, row, column);
            // A formula counts as used even without a cached result, as the cell is there in Excel.
            if (cell.Kind == CellKind.Empty && !formula) return;
            Add(row, column, cell);
        }

        private Cell ValueOf(string? type, int style, string? value, string? inline, int row, int column)
        {
            switch (type)
            {
                case "s":
                    if (value is null) return Cell.Empty;
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                        || index < 0 || index >= sharedStrings.Length)
                        throw BadCell(row, column);
                    return Text(sharedStrings[index], row, column);
                case "inlineStr":
                    return Text(inline ?? (value is null ? "" : Decode(value)), row, column);
                case "str" or "e":
                    return Text(value is null ? "" : Decode(value), row, column);
                case "b":
                    if (string.IsNullOrEmpty(value)) return Cell.Empty;
                    return Cell.FromBoolean(bool.TryParse(value, out var flag) ? flag : value != "0");
                case "d":
                    if (string.IsNullOrWhiteSpace(value)) return Cell.Empty;
                    return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                        ? Cell.FromDateTime(DateTime.SpecifyKind(date, DateTimeKind.Unspecified))
                        : throw BadCell(row, column);
                default: // "n" or none: a number, typed by the cell's number format
                    if (string.IsNullOrWhiteSpace(value)) return Cell.Empty;
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                        throw BadCell(row, column);
                    return (style >= 0 && style < styles.Length ? styles[style] : NumberKind.Number) switch
                    {
                        NumberKind.DateTime when number is > -657435 and < 2958466 =>
                            Cell.FromDateTime(date1904 ? DateTime.FromOADate(number).AddDays(1462) : DateTime.FromOADate(number)),
                        NumberKind.Text => Cell.FromText(number.ToString(CultureInfo.InvariantCulture)),
                        // An elapsed time ([h]:mm:ss), to the millisecond as ClosedXML read it.
                        NumberKind.TimeSpan when Math.Abs(number) < 1e7 => Cell.FromNumber(TimeSpan.FromMilliseconds(Math.Round(TimeSpan.FromDays(number).TotalMilliseconds)).TotalDays),
                        _ => Cell.FromNumber(number),
                    };
            }
        }

        private Cell Text(string text, int row, int column)
        {
            if (text.Length > limits.MaxCellLength) throw new GridLimitReachedException(GridLimit.CellLength, name);
            if (TextNormalizer.HasLoneSurrogate(text))
                throw Unreadable(
                    $"La cellule {SheetGrid.ColumnLetters(column)}{row} de la feuille « {name} » contient un caractère invalide "
                    + "(une moitié de caractère Unicode, que ni Excel ni le complément ne savent lire). Retapez le texte de cette "
                    + "cellule, enregistrez le classeur puis déposez-le à nouveau.");
            return Cell.FromText(text);
        }

        private SpreadsheetUnreadableException BadCell(int row, int column) => Unreadable(
            $"La cellule {SheetGrid.ColumnLetters(column)}{row} de la feuille « {name} » est illisible (fichier endommagé). "
            + "Ouvrez le classeur dans Excel ou LibreOffice, enregistrez-le de nouveau au format .xlsx et réessayez.");

        private void Add(int row, int column, Cell cell)
        {
            _firstRow = Math.Min(_firstRow, row);
            _lastRow = Math.Max(_lastRow, row);
            _firstColumn = Math.Min(_firstColumn, column);
            _lastColumn = Math.Max(_lastColumn, column);
            // The used span only grows: past a limit now, past it for good.
            if (_lastRow - _firstRow + 1 > limits.MaxRowsPerSheet) throw new GridLimitReachedException(GridLimit.Rows, name);
            if (_lastColumn - _firstColumn + 1 > limits.MaxColumnsPerSheet) throw new GridLimitReachedException(GridLimit.Columns, name);

            if (_rows.Count == 0 || _rows[^1].Row != row)
            {
                if (_rows.Count > 0 && _rows[^1].Row > row) _sorted = false;
                _rows.Add((row, []));
            }
            var cells = _rows[^1].Cells;
            if (cells.Count > 0 && cells[^1].Column >= column) _sorted = false;
            cells.Add((column, cell));
        }

        private SheetGrid Build()
        {
            if (_rows.Count == 0) return new SheetGrid(name, []);
            if (!_sorted) Sort();
            var rows = new IReadOnlyList<Cell>[_lastRow - _firstRow + 1];
            var next = 0;
            for (var r = 0; r < rows.Length; r++)
            {
                if (next < _rows.Count && _rows[next].Row == _firstRow + r)
                {
                    var cells = _rows[next++].Cells;
                    var row = new Cell[cells[^1].Column - _firstColumn + 1];
                    Array.Fill(row, Cell.Empty);
                    foreach (var (column, value) in cells) row[column - _firstColumn] = value;
                    rows[r] = row;
                }
                else rows[r] = [];
            }
            return new SheetGrid(name, rows, _firstRow, _firstColumn);
        }

        /// <summary>Rows or cells out of order (a hand-made file): merged by position, the last value of a cell winning.</summary>
        private void Sort()
        {
            var merged = _rows.GroupBy(r => r.Row).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.SelectMany(r => r.Cells).GroupBy(c => c.Column).OrderBy(c => c.Key)
                    .Select(c => c.Last()).ToList()))
                .ToList();
            _rows.Clear();
            _rows.AddRange(merged);
        }
    }

    /// <summary>"B12" → row 12, column 2 ("$B$12" too). False for anything else.</summary>
    internal static bool TryParseReference(string reference, out int row, out int column)
    {
        row = column = 0;
        var i = 0;
        if (i < reference.Length && reference[i] == '$') i++;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384) return false;
        }
        if (column == 0) return false;
        if (i < reference.Length && reference[i] == '$') i++;
        var digits = 0;
        for (; i < reference.Length && char.IsAsciiDigit(reference[i]); i++, digits++)
        {
            row = row * 10 + (reference[i] - '0');
            if (row > 1_048_576) return false;
        }
        return digits > 0 && i == reference.Length && row > 0;
    }
}
