namespace AddinWeb.Convocation;

/// <summary>How the list used was found, or why there is none.</summary>
public enum ConvocationSelection
{
    /// <summary>Found among the workbook's sheets (no choice in the request).</summary>
    Found,
    /// <summary>The sheet the request named (<c>options.convocationSheet</c>).</summary>
    Chosen,
    /// <summary>The file sent apart (the upload's <c>convocation</c> field).</summary>
    File,
    /// <summary>No sheet of the workbook holds a list.</summary>
    NotFound,
    /// <summary>The request asked for none (<c>options.convocationSheet: ""</c>).</summary>
    Declined,
}

/// <summary>
/// What the answer says of the convened list: which sheet (or file) was taken and how many people it holds, or
/// that there is none, in a sentence the task pane and the upload page show as it is.
/// </summary>
public sealed record ConvocationSummary
{
    public required ConvocationSelection Selection { get; init; }
    /// <summary>The list's sheet, as named in its workbook; null without a list.</summary>
    public string? Sheet { get; init; }
    /// <summary>The file's name when the list came as a file apart.</summary>
    public string? File { get; init; }
    /// <summary>1-based Excel row of the list's header.</summary>
    public int? HeaderRow { get; init; }
    /// <summary>People the list holds (each once), trainers listed in it included.</summary>
    public int People { get; init; }
    /// <summary>Other sheets of the workbook that also hold a list, for the trainer to choose instead.</summary>
    public IReadOnlyList<string> OtherSheets { get; init; } = [];
    /// <summary>SHA-256 of the list's cells (16 hex digits, as the report's fingerprint); null without a list.</summary>
    public string? Fingerprint { get; init; }
    /// <summary>The sentence to show, e.g. "Liste des convoqués : feuille « Liste GAIA », 12 personnes."</summary>
    public required string Message { get; init; }

    /// <summary>True when a list was read and used.</summary>
    public bool HasList => Sheet is not null;
}
