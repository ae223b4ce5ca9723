using AddinWeb.Reports.Grid;

namespace AddinWeb.Hosting;

/// <summary>
/// The size limits of a workbook's cell grids (sheets, rows, columns, cell length), with their French answers.
/// Used while the JSON is read (<see cref="GridLimitJsonConverters"/>) and on a workbook read from an upload
/// (<see cref="EnsureWithin"/>), so both endpoints refuse the same things the same way.
/// </summary>
public static class GridLimits
{
    private const string Advice = "Envoyez uniquement les feuilles du rapport de session (et celle de la liste des convoqués), "
        + "sans lignes ni colonnes ajoutées, ou demandez à l'administrateur de relever la limite.";

    public static void EnsureWithin(WorkbookGrid workbook, RequestLimitOptions limits)
    {
        if (workbook.Sheets.Count > limits.MaxSheets) throw TooManySheets(limits);
        foreach (var sheet in workbook.Sheets)
        {
            if (sheet.Rows.Count > limits.MaxRowsPerSheet) throw TooManyRows(limits, sheet.Name);
            foreach (var row in sheet.Rows)
            {
                if (row.Count > limits.MaxColumnsPerSheet) throw TooManyColumns(limits, sheet.Name);
                foreach (var cell in row)
                    if (cell.Kind == CellKind.Text && cell.Text!.Length > limits.MaxCellLength)
                        throw CellTooLong(limits, sheet.Name);
            }
        }
    }

    public static RequestLimitExceededException TooManySheets(RequestLimitOptions limits) => new(
        StatusCodes.Status413PayloadTooLarge, nameof(limits.MaxSheets), limits.MaxSheets,
        "Trop de feuilles",
        $"Le classeur envoyé compte plus de {HostingProblems.Count(limits.MaxSheets)} feuilles, la limite de ce service. {Advice}");

    public static RequestLimitExceededException TooManyRows(RequestLimitOptions limits, string? sheet) => new(
        StatusCodes.Status413PayloadTooLarge, nameof(limits.MaxRowsPerSheet), limits.MaxRowsPerSheet,
        "Trop de lignes dans une feuille",
        $"{SheetLabel(sheet)} compte plus de {HostingProblems.Count(limits.MaxRowsPerSheet)} lignes, la limite de ce service. {Advice}");

    public static RequestLimitExceededException TooManyColumns(RequestLimitOptions limits, string? sheet) => new(
        StatusCodes.Status413PayloadTooLarge, nameof(limits.MaxColumnsPerSheet), limits.MaxColumnsPerSheet,
        "Trop de colonnes dans une feuille",
        $"{SheetLabel(sheet)} compte plus de {HostingProblems.Count(limits.MaxColumnsPerSheet)} colonnes, la limite de ce service. {Advice}");

    /// <summary>Excel's limit on a sheet's name.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>A name past Excel's 31 characters, named by its position (the name itself is not echoed).</summary>
    public static RequestLimitExceededException SheetNameTooLong(int position) => new(
        StatusCodes.Status422UnprocessableEntity, "MaxSheetNameLength", MaxSheetNameLength,
        "Nom de feuille trop long",
        $"Le nom de la {(position == 1 ? "1re" : $"{position}e")} feuille envoyée dépasse {MaxSheetNameLength} caractères, ce "
        + "qu'Excel ne permet pas : ce n'est pas un classeur Excel. Vérifiez le classeur envoyé.");

    public static RequestLimitExceededException CellTooLong(RequestLimitOptions limits, string? sheet) => new(
        StatusCodes.Status422UnprocessableEntity, nameof(limits.MaxCellLength), limits.MaxCellLength,
        "Cellule trop longue",
        $"{SheetLabel(sheet)} contient une cellule de plus de {HostingProblems.Count(limits.MaxCellLength)} caractères, "
        + "ce qu'Excel ne permet pas : ce n'est pas un rapport de session. Vérifiez le classeur envoyé.");

    // The sheet name is the user's tab name, not personal data; the JSON reader does not know it yet.
    private static string SheetLabel(string? sheet) =>
        sheet is null ? "Une feuille envoyée" : $"La feuille « {sheet} »";
}
