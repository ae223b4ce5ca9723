using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Zoom;

/// <summary>
/// Reads Zoom's "Participants" usage report (Rapports, Utilisation, participants, Exporter): with or without the
/// meeting header (whose "User Email" is the host, the trainer), one row per join (connections; a person's rows may
/// overlap, two devices, which the engine counts once) or, with "unique users" ticked, one row per person with a
/// total duration (a summary). The sheet is found by its table's titles, English or French.
/// </summary>
public sealed class ZoomReportSource : IReportSource
{
    public const string PlatformName = "Zoom";

    public string Format => "zoom";

    public string Platform => PlatformName;

    public string Expected =>
        "le rapport des participants exporté en .csv, avec ou sans l'en-tête de la réunion, dont le tableau a les "
        + "colonnes « Name (Original Name) », « User Email », « Join Time », « Leave Time », « Duration (Minutes) » "
        + "et « Guest » (ou leurs titres français)";

    public bool Recognises(WorkbookGrid workbook) => workbook.Sheets.Any(s => ZoomLayout.FindTable(s) is not null);

    /// <summary>The first sheet holding a participants table: a .csv has one, a workbook may hold others beside it.</summary>
    public ReportReadResult Read(WorkbookGrid workbook)
    {
        foreach (var sheet in workbook.Sheets)
            if (ZoomLayout.FindTable(sheet) is { } table)
                return ZoomReader.Read(ZoomLayout.MendCutNames(sheet, table), table, PlatformName);

        var first = workbook.Sheets.Count > 0 ? workbook.Sheets[0].Name : "";
        return new ReportReadResult(null,
        [
            ReportLocation.Error("MissingHeader", first, null, null, ZoomMessages.NoTable()),
        ]);
    }
}
