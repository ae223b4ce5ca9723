using System.Globalization;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Tabular;

/// <summary>The French reasons a delimited file is refused: what is wrong, then what the trainer can do.</summary>
internal static class DelimitedFileRefusals
{
    private const string Advice = "Déposez le fichier .csv tel que la plateforme l'a téléchargé, sans le modifier.";

    public static DelimitedFileRefusal Empty() => new(DelimitedFileRefusal.Empty,
        $"Le fichier est vide : il ne contient aucune ligne à lire. {Advice}");

    public static DelimitedFileRefusal NotText() => new(DelimitedFileRefusal.NotText,
        "Ce fichier n'est pas un fichier texte (.csv) : il contient des caractères qu'aucun rapport de session ne "
        + $"contient. Vérifiez que vous avez choisi le bon fichier. {Advice}");

    public static DelimitedFileRefusal Spreadsheet(string kind) => new(DelimitedFileRefusal.SpreadsheetFile,
        $"Ce fichier est un {kind} et non un fichier texte .csv : déposez-le avec sa véritable extension, ou déposez "
        + "le fichier .csv tel que la plateforme l'a téléchargé.");

    public static DelimitedFileRefusal TooLarge(DelimitedFileLimits limits) => new(DelimitedFileRefusal.TooLarge,
        $"Le fichier dépasse {Megabytes(limits.MaxBytes)}, la limite de ce service. {Advice} Si le rapport est "
        + "vraiment aussi volumineux, demandez à l'administrateur de relever la limite.", "MaxUploadBytes");

    public static DelimitedFileRefusal TooManyRows(DelimitedFileLimits limits) => new(DelimitedFileRefusal.TooManyRows,
        $"Le fichier compte plus de {Count(limits.MaxRows)} lignes, la limite de ce service. {Advice}",
        "MaxRowsPerSheet", limits.MaxRows + 1);

    public static DelimitedFileRefusal TooManyColumns(DelimitedFileLimits limits, int row) => new(DelimitedFileRefusal.TooManyColumns,
        $"La ligne {row} du fichier compte plus de {Count(limits.MaxColumns)} colonnes, la limite de ce service. {Advice}",
        "MaxColumnsPerSheet", row);

    public static DelimitedFileRefusal CellTooLong(DelimitedFileLimits limits, int row, int columnIndex) => new(DelimitedFileRefusal.CellTooLong,
        $"La ligne {row} du fichier (colonne {SheetGrid.ColumnLetters(columnIndex + 1)}) contient une valeur de plus de "
        + $"{Count(limits.MaxCellLength)} caractères, ce qu'Excel ne permet pas : ce n'est pas un rapport de session. {Advice}",
        "MaxCellLength", row);

    public static DelimitedFileRefusal RecordTooLong(DelimitedFileLimits limits, int row) => new(DelimitedFileRefusal.CellTooLong,
        $"À partir de la ligne {row}, le fichier contient une ligne de plus de {Count(limits.MaxRecordChars)} caractères : "
        + $"ce n'est pas un rapport de session (un guillemet ouvert et jamais fermé peut en être la cause). {Advice}",
        "MaxCellLength", row);

    // Written as the hosting layer writes its limits ("250 000", "16 Mo"), so both kinds of upload read the same.
    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ');

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{Count(bytes / (1024 * 1024))} Mo" : $"{Count(bytes)} octets";
}
