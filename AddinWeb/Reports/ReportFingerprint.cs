using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports;

/// <summary>
/// "Empreinte du rapport source": first 16 hex digits of a SHA-256 over the normalised cells of the source sheets,
/// the same whether the workbook came through Office.js (serial dates, used range) or an upload (date cells, A1).
/// </summary>
public static class ReportFingerprint
{
    public static string Compute(IEnumerable<SheetGrid> sourceSheets) => throw new NotImplementedException();
}
