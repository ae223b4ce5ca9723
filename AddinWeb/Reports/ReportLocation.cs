namespace AddinWeb.Reports;

/// <summary>
/// The French prefix every issue message starts with: « Feuille « Sommaire », ligne 14, colonne C (Connexion) : ».
/// Messages point at the cell instead of quoting names or emails.
/// </summary>
public static class ReportLocation
{
    public static string Describe(string sheet, int? row = null, string? column = null, string? columnTitle = null)
    {
        var text = $"Feuille « {sheet} »";
        if (row is { } r)
            text += $", ligne {r}";
        if (column is not null)
            text += columnTitle is null ? $", colonne {column}" : $", colonne {column} ({columnTitle})";
        return text;
    }

    public static ReportIssue Warning(string code, string sheet, int? row, string? column, string? columnTitle, string what) =>
        new(IssueSeverity.Warning, code, $"{Describe(sheet, row, column, columnTitle)} : {what}", sheet, row, column);

    public static ReportIssue Error(string code, string sheet, int? row, string? column, string what) =>
        new(IssueSeverity.Error, code, $"{Describe(sheet, row, column)} : {what}", sheet, row, column);
}
