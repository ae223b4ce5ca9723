using AddinWeb.Reports.Grid;

namespace AddinWeb.Reports.BigBlueButton;

/// <summary>
/// Reads a BigBlueButton Learning Dashboard export ("Télécharger les données de la séance", a .csv): one row per
/// person with the moderator flag, first join, last leave and total duration, no email and no connection times.
/// Each person is a <see cref="UserSummary"/> with a <see cref="PresenceSummary"/>, keyed by name; moderators are
/// trainers. The file states no slot and no meeting times: the trainer gives the slot.
/// </summary>
public sealed class BbbReportSource : IReportSource
{
    public const string PlatformName = "BigBlueButton";

    public string Format => "bbb";

    public string Platform => PlatformName;

    public string Expected =>
        "un fichier .csv du tableau de bord d'activité (« Télécharger les données de la séance »), aux colonnes "
        + Titles(DashboardColumns.Required);

    public bool Recognises(WorkbookGrid workbook) => workbook.Sheets.Any(s => DashboardColumns.Find(s) is not null);

    public ReportReadResult Read(WorkbookGrid workbook)
    {
        var issues = new List<ReportIssue>();
        var (sheet, header) = workbook.Sheets.Select(s => (Sheet: s, Header: DashboardColumns.Find(s)))
            .FirstOrDefault(found => found.Header is not null);
        if (sheet is null || header is null)
        {
            issues.Add(new ReportIssue(IssueSeverity.Error, "MissingHeader",
                $"Aucune feuille ne contient l'en-tête du tableau de bord {PlatformName}. En-têtes attendus : "
                + $"{Titles(DashboardColumns.Required)}."));
            return new ReportReadResult(null, issues);
        }

        var missing = DashboardColumns.Required.Where(c => header.Index(c) < 0).ToList();
        if (missing.Count > 0)
        {
            issues.Add(ReportLocation.Error("MissingHeader", sheet.Name, sheet.ExcelRow(header.RowIndex), null,
                $"la ligne d'en-tête du tableau de bord est incomplète : il manque {Titles(missing)}. En-têtes attendus : "
                + $"{Titles(DashboardColumns.Required)}. Téléchargez de nouveau les données depuis le tableau de bord, "
                + "sans retirer de colonne."));
            return new ReportReadResult(null, issues);
        }

        var reader = new DashboardSheetReader(sheet, header, issues);
        var users = reader.Read();
        if (users.Count == 0)
        {
            issues.Add(ReportLocation.Error("EmptyReport", sheet.Name, sheet.ExcelRow(header.RowIndex), null,
                reader.PersonRows == 0
                    ? "le tableau de bord ne contient aucun participant (seulement l'en-tête, et les réponses anonymes s'il "
                      + "y en a). Téléchargez de nouveau les données depuis le tableau de bord de la séance, une fois les "
                      + "participants connectés."
                    : "aucune ligne de participant n'a pu être lue (voir les avertissements de chaque ligne). Corrigez ces "
                      + "lignes ou téléchargez de nouveau les données depuis le tableau de bord de la séance."));
            return new ReportReadResult(null, issues);
        }

        var report = new SessionReport
        {
            Platform = PlatformName,
            Header = new ReportHeader(),
            Users = users,
            SourceSheets = [sheet.Name],
            TypedSheets = [reader.Typed()],
        };
        return new ReportReadResult(report, issues);
    }

    /// <summary>« Nom » (Name), « Modérateur » (Moderator)…: the French titles with the English ones a file may keep.</summary>
    private static string Titles(IEnumerable<DashboardColumn> columns) => string.Join(", ", columns.Select(c =>
        DashboardColumns.Title(c) == DashboardColumns.EnglishTitle(c)
            ? $"« {DashboardColumns.Title(c)} »"
            : $"« {DashboardColumns.Title(c)} » ({DashboardColumns.EnglishTitle(c)})"));
}
