namespace AddinWeb.Reports;

public enum IssueSeverity
{
    /// <summary>Something a DAFPEN manager would query; the sheet can still be produced.</summary>
    Warning,
    /// <summary>The workbook cannot be used as a report.</summary>
    Error,
}

/// <summary>
/// A finding about the source workbook. <see cref="Message"/> is French and already names the sheet, row and
/// column; <see cref="Sheet"/>, <see cref="Row"/> (1-based Excel row) and <see cref="Column"/> (letters) let the
/// task pane select the cell. Messages never contain names or emails: they point at the row instead.
/// </summary>
public sealed record ReportIssue(
    IssueSeverity Severity,
    string Code,
    string Message,
    string? Sheet = null,
    int? Row = null,
    string? Column = null);
