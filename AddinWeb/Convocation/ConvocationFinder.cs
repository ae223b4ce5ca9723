using AddinWeb.Emargement;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Convocation;

/// <summary>The list the request leads to (or none), what the answer says of it, and why it could not be used.</summary>
/// <param name="List">The list read, or null.</param>
/// <param name="Summary">What the answer says.</param>
/// <param name="Issues">Errors (a named sheet missing or holding no list) and the list's own warnings.</param>
public sealed record ConvocationLookup(ConvocationList? List, ConvocationSummary Summary, IReadOnlyList<ReportIssue> Issues);

/// <summary>
/// Finds the convened list the request asks for (pure): a sheet it names, a file apart, or, by default, the first
/// sheet of the workbook (tab order) that holds one and is neither one of the report's source sheets nor an
/// "Émargement" sheet made earlier. A sheet the trainer named that cannot serve is an error that says why; a
/// workbook with no list is not.
/// </summary>
public static class ConvocationFinder
{
    public const string SheetMissing = "ConvocationSheetMissing";
    public const string SheetIsReport = "ConvocationSheetIsReport";
    public const string NoHeader = "ConvocationNoHeader";
    public const string NoPeople = "ConvocationNoPeople";

    private const string Expected = "une ligne d'en-tête avec « Nom » et « Prénom » (ou une seule colonne « NOM Prénom »), "
        + "et si possible « Mél » ou « Courriel », puis une personne par ligne";

    public static ConvocationLookup Find(WorkbookGrid workbook, SessionReport report, ConvocationChoice choice)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(report);
        return choice switch
        {
            NoConvocation => new(null, new ConvocationSummary
            {
                Selection = ConvocationSelection.Declined,
                OtherSheets = Lists(workbook, report).Select(l => l.Sheet).ToList(),
                Message = "Sans liste des convoqués, à votre demande : la feuille compte les participants du rapport.",
            }, []),
            ConvocationSheet named => Named(workbook, report, named.Sheet),
            ConvocationFile file => FromFile(file),
            _ => Automatic(workbook, report),
        };
    }

    private static ConvocationLookup Automatic(WorkbookGrid workbook, SessionReport report)
    {
        var lists = Lists(workbook, report).ToList();
        if (lists.Count == 0)
            return new(null, new ConvocationSummary
            {
                Selection = ConvocationSelection.NotFound,
                Message = "Aucune liste des convoqués dans le classeur : la feuille compte les participants du rapport. "
                          + "Pour y faire figurer les convoqués absents, collez la liste (GAIA) dans une nouvelle feuille.",
            }, []);
        var list = lists[0];
        var sheet = workbook.Sheets.First(s => s.Name == list.Sheet);
        return Use(list, sheet, ConvocationSelection.Found, null, lists.Skip(1).Select(l => l.Sheet).ToList());
    }

    private static ConvocationLookup Named(WorkbookGrid workbook, SessionReport report, string name)
    {
        var sheet = workbook.Sheets.FirstOrDefault(s => s.Name == name)
            ?? workbook.Sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
        var quoted = ConvocationText.Quoted(name);
        if (sheet is null)
            return Refused(SheetMissing, null,
                $"La feuille {quoted} choisie comme liste des convoqués n'est pas dans le classeur. Choisissez une autre "
                + "feuille, ou aucune liste.");
        if (report.SourceSheets.Contains(sheet.Name))
            return Refused(SheetIsReport, sheet.Name,
                $"La feuille {quoted} est une feuille du rapport de session : elle ne peut pas servir de liste des "
                + "convoqués. Choisissez la feuille où la liste est collée, ou aucune liste.");
        if (IsEmargementSheet(sheet))
            return Refused(SheetIsReport, sheet.Name,
                $"La feuille {quoted} est une feuille d'émargement déjà produite : elle ne peut pas servir de liste des "
                + "convoqués. Choisissez la feuille où la liste est collée, ou aucune liste.");
        if (ConvocationReader.Read(sheet) is not { } list)
            return Refused(NoHeader, sheet.Name,
                $"{ReportLocation.Describe(sheet.Name)} : aucune liste des convoqués lisible dans les "
                + $"{ConvocationHeaders.SearchedRows} premières lignes. Attendu : {Expected}.");
        if (list.People.Count == 0)
            return Refused(NoPeople, sheet.Name,
                $"{ReportLocation.Describe(sheet.Name, list.Columns.HeaderRow)} : l'en-tête de la liste des convoqués "
                + "est là, mais aucune personne n'est lisible en dessous.", list.Issues);
        var others = Lists(workbook, report).Where(l => l.Sheet != sheet.Name).Select(l => l.Sheet).ToList();
        return Use(list, sheet, ConvocationSelection.Chosen, null, others);
    }

    private static ConvocationLookup FromFile(ConvocationFile file)
    {
        var quoted = ConvocationText.Quoted(file.FileName);
        foreach (var sheet in file.Workbook.Sheets)
            if (ConvocationReader.Read(sheet) is { People.Count: > 0 } list)
                return Use(list, sheet, ConvocationSelection.File, file.FileName, []);
        return Refused(NoHeader, null,
            $"Le fichier de convocation {quoted} ne contient pas de liste des convoqués lisible. Attendu, dans ses "
            + $"{ConvocationHeaders.SearchedRows} premières lignes : {Expected}.");
    }

    /// <summary>The lists the workbook holds beside the report, in tab order (those with at least one person).</summary>
    private static IEnumerable<ConvocationList> Lists(WorkbookGrid workbook, SessionReport report)
    {
        foreach (var sheet in workbook.Sheets)
        {
            if (report.SourceSheets.Contains(sheet.Name) || IsEmargementSheet(sheet)) continue;
            if (ConvocationReader.Read(sheet) is { People.Count: > 0 } list) yield return list;
        }
    }

    /// <summary>An "Émargement" sheet this tool made: its title is in its first rows (its table heads "Nom", "Prénom").</summary>
    public static bool IsEmargementSheet(SheetGrid sheet)
    {
        for (var r = 0; r < Math.Min(3, sheet.Rows.Count); r++)
            foreach (var cell in sheet.Rows[r])
                if (cell.Kind == CellKind.Text && cell.Text?.Trim() == EmargementLayout.SheetTitle) return true;
        return false;
    }

    private static ConvocationLookup Use(ConvocationList list, SheetGrid sheet, ConvocationSelection selection,
        string? file, IReadOnlyList<string> others)
    {
        var where = file is null
            ? $"feuille {ConvocationText.Quoted(list.Sheet)}"
            : $"fichier {ConvocationText.Quoted(file)}, feuille {ConvocationText.Quoted(list.Sheet)}";
        var how = selection switch
        {
            ConvocationSelection.Found => " (trouvée dans le classeur)",
            ConvocationSelection.Chosen => " (feuille choisie)",
            _ => "",
        };
        var summary = new ConvocationSummary
        {
            Selection = selection,
            Sheet = list.Sheet,
            File = file,
            HeaderRow = list.Columns.HeaderRow,
            People = list.People.Count,
            OtherSheets = others,
            Fingerprint = ReportFingerprint.Compute([sheet], _ => 0),
            Message = $"Liste des convoqués : {where}, {ConvocationText.People(list.People.Count)}{how}.",
        };
        return new ConvocationLookup(list, summary, list.Issues);
    }

    private static ConvocationLookup Refused(string code, string? sheet, string message, IReadOnlyList<ReportIssue>? warnings = null) =>
        new(null, new ConvocationSummary { Selection = ConvocationSelection.NotFound, Message = message },
            [new ReportIssue(IssueSeverity.Error, code, message, sheet), .. warnings ?? []]);
}
