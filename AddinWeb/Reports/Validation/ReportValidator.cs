namespace AddinWeb.Reports.Validation;

/// <summary>Checks a read report for what a DAFPEN manager would query. Pure: no I/O.</summary>
public static class ReportValidator
{
    public static IReadOnlyList<ReportIssue> Validate(SessionReport report) => throw new NotImplementedException();
}
