using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Via;

/// <summary>The two sheets of a Via report, found by name whatever the case, accents, spaces or apostrophes.</summary>
internal static class ViaSheets
{
    public const string SummaryName = "Sommaire";
    public const string PresenceName = "Temps de connexion en présence";

    private static readonly string SummaryKey = TextNormalizer.HeaderKey(SummaryName);
    private static readonly string PresenceKey = TextNormalizer.HeaderKey(PresenceName);

    public static SheetGrid? Summary(WorkbookGrid workbook) => workbook.Sheets.FirstOrDefault(IsSummary);

    public static SheetGrid? Presence(WorkbookGrid workbook) => workbook.Sheets.FirstOrDefault(IsPresence);

    public static bool IsSummary(SheetGrid sheet) => TextNormalizer.HeaderKey(sheet.Name) == SummaryKey;

    public static bool IsPresence(SheetGrid sheet) => TextNormalizer.HeaderKey(sheet.Name) == PresenceKey;

    /// <summary>0 for the summary sheet, 1 for the presence sheet, 2 for any other sheet.</summary>
    public static int Role(SheetGrid sheet) => IsSummary(sheet) ? 0 : IsPresence(sheet) ? 1 : 2;
}
