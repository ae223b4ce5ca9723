using AddinWeb.Reports;

namespace AddinWeb.Convocation;

/// <summary>
/// One person of the convened list (the trainees the training management system, GAIA, convened to the module), as
/// the list writes them. Names and email are personal data: kept in memory for the request, never in a message.
/// </summary>
public sealed record ConvenedPerson
{
    /// <summary>The list's sheet and Excel row, what every message about this person points at.</summary>
    public required SourceRef Source { get; init; }
    /// <summary>Last name as written ("DE LA FONTAINE"); may be empty when the list gives only an email.</summary>
    public string LastName { get; init; } = "";
    public string FirstName { get; init; } = "";
    /// <summary>The email as written, spaces trimmed; null when the row has none (or none that reads as one).</summary>
    public string? Email { get; init; }

    /// <summary>"Prénom NOM", the order the reports write names in.</summary>
    public string Name => FirstName.Length == 0 ? LastName : LastName.Length == 0 ? FirstName : $"{FirstName} {LastName}";
}

/// <summary>What the columns of a list hold, found from its header row.</summary>
/// <param name="HeaderRow">1-based Excel row of the header.</param>
/// <param name="LastName">Column index (0-based, in the sheet's grid) of the last name, or -1.</param>
/// <param name="FirstName">Column index of the first name, or -1.</param>
/// <param name="FullName">Column index of a single "NOM Prénom" column, or -1 (used only without last-name column).</param>
/// <param name="FullNameOrder">How that single column orders its words, as its header says.</param>
/// <param name="Email">Column index of the email, or -1.</param>
public sealed record ConvocationColumns(int HeaderRow, int LastName, int FirstName, int FullName,
    NameOrder FullNameOrder, int Email);

/// <summary>The order of the words of a single name column, as its header announces it.</summary>
public enum NameOrder
{
    /// <summary>Not said ("Identité", "Stagiaire"): the capitals tell the last name.</summary>
    Unknown,
    /// <summary>"NOM Prénom".</summary>
    LastFirst,
    /// <summary>"Prénom NOM".</summary>
    FirstLast,
}

/// <summary>A convened list read from one sheet: the people, and every row that could not be used.</summary>
/// <param name="Sheet">The sheet's name as it is in the workbook.</param>
/// <param name="Columns">Where the header row and the columns were found.</param>
/// <param name="People">The people, in the list's order, each once.</param>
/// <param name="Issues">Warnings about rows left out or read in part (French, sheet, row and column, no personal data).</param>
public sealed record ConvocationList(
    string Sheet,
    ConvocationColumns Columns,
    IReadOnlyList<ConvenedPerson> People,
    IReadOnlyList<ReportIssue> Issues);
