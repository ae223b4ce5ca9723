using AddinWeb.Reports;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Analysis;

/// <summary>A report the service reads: the platform's name and what its report holds (the source's own words).</summary>
public sealed record ReadableReport(string Platform, string Expected);

/// <summary>
/// Why no source recognised a workbook, in parts a page can lay out (what the workbook holds, then one line per
/// platform read, then what to do), and the same as one message for the error list.
/// </summary>
public sealed record UnrecognisedWorkbook
{
    /// <summary>"Ce classeur n'est pas un rapport de session reconnu (feuilles « Budget »)."</summary>
    public required string Found { get; init; }
    /// <summary>The heading of the list: "Rapports lus :".</summary>
    public string Intro { get; init; } = "Rapports lus :";
    /// <summary>Every platform read, in the order they are tried.</summary>
    public required IReadOnlyList<ReadableReport> Platforms { get; init; }
    public string Advice { get; init; } =
        "Ouvrez le rapport tel que la plateforme l'a téléchargé, sans le modifier, ou déposez le fichier lui-même.";

    private const int ListedSheets = 10;

    public static UnrecognisedWorkbook Of(WorkbookGrid workbook, IEnumerable<IReportSource> sources)
    {
        // A few names say enough; a workbook of hundreds of sheets must not make the answer unbounded.
        var names = workbook.Sheets.Take(ListedSheets).Select(s => $"« {s.Name} »").ToList();
        if (workbook.Sheets.Count > ListedSheets) names.Add($"et {workbook.Sheets.Count - ListedSheets} autres");
        var found = workbook.Sheets.Count == 0 ? "aucune feuille" : "feuilles " + string.Join(", ", names);
        return new UnrecognisedWorkbook
        {
            Found = $"Ce classeur n'est pas un rapport de session reconnu ({found}).",
            Platforms = sources.Select(s => new ReadableReport(s.Platform, s.Expected)).ToList(),
        };
    }

    /// <summary>All of it in one paragraph, as the error's message.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Message =>
        $"{Found} {Intro} {string.Join(" ; ", Platforms.Select(p => $"{p.Platform} : {p.Expected}"))}. {Advice}";
}
