using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.Via;

/// <summary>Reads a Ma cl@sse virtuelle (Via, SVI eSolutions) session report: "Sommaire" and "Temps de connexion en présence".</summary>
public sealed class ViaReportSource : IReportSource
{
    public string Format => "via";

    public bool Recognises(WorkbookGrid workbook) => throw new NotImplementedException();

    public ReportReadResult Read(WorkbookGrid workbook) => throw new NotImplementedException();
}
