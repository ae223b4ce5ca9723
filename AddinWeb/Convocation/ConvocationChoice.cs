using AddinWeb.Attendance;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Convocation;

/// <summary>
/// Where the convened list comes from, as the request says: found among the workbook's sheets, a sheet the trainer
/// named, no list, or a file of its own (the upload's second file).
/// </summary>
public abstract record ConvocationChoice
{
    /// <summary>Look among the workbook's sheets that are not the report's (the default).</summary>
    public static ConvocationChoice Automatic { get; } = new AutomaticConvocation();

    /// <summary>No list: the sheet lists the report's participants only, as without the feature.</summary>
    public static ConvocationChoice None { get; } = new NoConvocation();

    public static ConvocationChoice OfSheet(string sheet) => new ConvocationSheet(sheet);

    /// <summary>A file apart (.xlsx or .csv) read into cells; its first sheet that holds a list is taken.</summary>
    public static ConvocationChoice OfFile(WorkbookGrid workbook, string fileName) => new ConvocationFile(workbook, fileName);

    /// <summary>
    /// <c>options.convocationSheet</c>, as <c>GET /api/settings</c> serves it. Belongs to the report (a page never
    /// remembers it). 255 characters only keep an absurd text out: a tab name has at most 31, and a name the
    /// workbook lacks is refused by <see cref="ConvocationFinder"/>, naming the sheets it has.
    /// </summary>
    public static readonly SheetChoiceOption Option = new()
    {
        Name = "convocationSheet", Label = "Liste des convoqués", Scope = OptionScope.Report,
        Help = "La feuille qui liste les stagiaires convoqués. Non précisée, elle est cherchée parmi les autres feuilles du classeur ; vide, aucune liste.",
        MaxLength = 255,
    };

    /// <summary>
    /// The request's <c>options.convocationSheet</c>: left out (null) looks for the list, "" (or blanks) asks for
    /// none, a name takes that sheet.
    /// </summary>
    public static ConvocationChoice FromOption(string? sheet) =>
        sheet is null ? Automatic : string.IsNullOrWhiteSpace(sheet) ? None : OfSheet(sheet);

    /// <summary>What is wrong with <c>options.convocationSheet</c> (empty when nothing is).</summary>
    public static IReadOnlyList<string> Problems(string? sheet) => Option.Accepts(sheet) ? [] : [Option.TooLongMessage];
}

public sealed record AutomaticConvocation : ConvocationChoice;

public sealed record NoConvocation : ConvocationChoice;

/// <param name="Sheet">The sheet's name as on its tab.</param>
public sealed record ConvocationSheet(string Sheet) : ConvocationChoice;

/// <param name="Workbook">The file's sheets (one for a .csv).</param>
/// <param name="FileName">The file's name as uploaded, for messages.</param>
public sealed record ConvocationFile(WorkbookGrid Workbook, string FileName) : ConvocationChoice;
