using AddinWeb.Emargement;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Tests.Emargement;

/// <summary>Reads a <see cref="SheetLayout"/> the way a person reads the sheet: by labels and column headers.</summary>
public sealed class LayoutProbe(SheetLayout layout)
{
    public SheetLayout Layout { get; } = layout;

    /// <summary>Value at a 1-based row and column.</summary>
    public object? this[int row, int column] =>
        row >= 1 && row <= Layout.Values.Count && column >= 1 && column <= Layout.Values[row - 1].Count
            ? Layout.Values[row - 1][column - 1]
            : null;

    public object? At(string address)
    {
        var (row, column) = Parse(address);
        return this[row, column];
    }

    /// <summary>1-based row of the first cell whose text is exactly <paramref name="text"/>.</summary>
    public (int Row, int Column) Find(string text)
    {
        for (var r = 0; r < Layout.Values.Count; r++)
            for (var c = 0; c < Layout.Values[r].Count; c++)
                if (Layout.Values[r][c] is string s && s == text) return (r + 1, c + 1);
        throw new Xunit.Sdk.XunitException($"« {text} » is not in the sheet.");
    }

    public bool Contains(string text) => Layout.Values.SelectMany(r => r).OfType<string>().Any(s => s == text);

    /// <summary>The value of a title-block pair: the first non-blank cell right of its label.</summary>
    public object? ValueOf(string label)
    {
        var (row, column) = Find(label);
        for (var c = column + 1; c <= Layout.ColumnCount; c++)
            if (this[row, c] is { } value) return value;
        return null;
    }

    public (int Row, int Column) CellOfValue(string label)
    {
        var (row, column) = Find(label);
        for (var c = column + 1; c <= Layout.ColumnCount; c++)
            if (this[row, c] is not null) return (row, c);
        throw new Xunit.Sdk.XunitException($"No value right of « {label} ».");
    }

    public int HeaderRow => Find("N°").Row;

    public IReadOnlyList<string?> Headers => Layout.Values[HeaderRow - 1].Select(v => v as string).ToList();

    public int Column(string header) => Headers.ToList().IndexOf(header) + 1 is var c and > 0
        ? c
        : throw new Xunit.Sdk.XunitException($"No column « {header} ».");

    /// <summary>The participants' rows: from under the header to the first row whose N° is not a number.</summary>
    public IReadOnlyList<int> ParticipantRows()
    {
        var rows = new List<int>();
        for (var r = HeaderRow + 1; this[r, 1] is double; r++) rows.Add(r);
        return rows;
    }

    public object? Cell(int participantRow, string header) => this[participantRow, Column(header)];

    /// <summary>The number format in force on a cell: the last run covering it that sets one.</summary>
    public string? NumberFormat(int row, int column) =>
        Layout.Formats.Where(f => f.NumberFormat is not null && Covers(f.Range, row, column)).LastOrDefault()?.NumberFormat;

    /// <summary>Every format run that covers a cell, in order.</summary>
    public IEnumerable<RangeFormat> FormatsAt(int row, int column) => Layout.Formats.Where(f => Covers(f.Range, row, column));

    public static bool Covers(string range, int row, int column)
    {
        var parts = range.Split(':');
        var (r1, c1) = Parse(parts[0]);
        var (r2, c2) = parts.Length == 2 ? Parse(parts[1]) : (r1, c1);
        return row >= r1 && row <= r2 && column >= c1 && column <= c2;
    }

    public static (int Row, int Column) Parse(string address)
    {
        var letters = new string(address.TakeWhile(char.IsLetter).ToArray());
        var column = 0;
        foreach (var letter in letters.ToUpperInvariant()) column = column * 26 + (letter - 'A' + 1);
        return (int.Parse(address[letters.Length..]), column);
    }

    public static string Address(int row, int column) => SheetGrid.ColumnLetters(column) + row;
}
