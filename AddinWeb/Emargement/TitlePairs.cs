namespace AddinWeb.Emargement;

/// <summary>
/// Rows of "label : value" pairs, two per row, on a fixed grid of the sheet's columns (labels in A:C and H:K,
/// values in D:G and from L to the last column) so the title block, the totals and the footer line up.
/// Text values are written under the text format, numbers under the format given.
/// </summary>
internal sealed class TitlePairs(SheetBuilder sheet)
{
    public const int LeftLabelFirst = 1, LeftLabelLast = 3;
    public const int LeftValueFirst = 4, LeftValueLast = 7;
    public const int RightLabelFirst = 8, RightLabelLast = 11;
    public const int RightValueFirst = 12;

    public int Add(string leftLabel, object? leftValue, string? rightLabel, object? rightValue,
        string? rightFormat = null, string? leftFormat = null)
    {
        var row = sheet.AddRow();
        Pair(row, LeftLabelFirst, LeftLabelLast, leftLabel, LeftValueFirst, LeftValueLast, leftValue, leftFormat);
        if (rightLabel is not null)
            Pair(row, RightLabelFirst, RightLabelLast, rightLabel, RightValueFirst, sheet.ColumnCount, rightValue, rightFormat);
        return row;
    }

    private void Pair(int row, int labelFirst, int labelLast, string label, int valueFirst, int valueLast,
        object? value, string? numberFormat)
    {
        sheet.Set(row, labelFirst, label);
        sheet.Set(row, valueFirst, value);
        sheet.Merge(row, labelFirst, labelLast);
        sheet.Merge(row, valueFirst, valueLast);
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(row, labelFirst, row, labelLast), NumberFormat = SheetStyle.TextFormat, Bold = true,
            FontSize = SheetStyle.FontSize, FontColor = SheetStyle.Muted, VerticalAlignment = VerticalAlignment.Center,
        });
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(row, valueFirst, row, valueLast),
            NumberFormat = value is double ? numberFormat ?? SheetStyle.CountFormat : SheetStyle.TextFormat,
            FontSize = SheetStyle.FontSize, FontColor = SheetStyle.Ink, HorizontalAlignment = HorizontalAlignment.Left, VerticalAlignment = VerticalAlignment.Center,
        });
    }
}
