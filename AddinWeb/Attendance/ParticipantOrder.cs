using AddinWeb.Reports;
using System.Globalization;

namespace AddinWeb.Attendance;

/// <summary>
/// The order of the sheet: trainers first, then by last name and first name as a French reader sorts them (accents
/// and case aside), then by email; the remaining keys only make the order total, so it never depends on input order.
/// </summary>
internal sealed class ParticipantOrder : IComparer<ParticipantAttendance>
{
    public static readonly ParticipantOrder Instance = new();

    private static readonly CompareInfo French = CultureInfo.GetCultureInfo("fr-FR").CompareInfo;
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace
        | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    public int Compare(ParticipantAttendance? x, ParticipantAttendance? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int c;
        if ((c = (x.Role == ParticipantRole.Trainer ? 0 : 1).CompareTo(y.Role == ParticipantRole.Trainer ? 0 : 1)) != 0) return c;
        if ((c = French.Compare(x.LastName, y.LastName, Loose)) != 0) return c;
        if ((c = French.Compare(x.FirstName, y.FirstName, Loose)) != 0) return c;
        if ((c = string.Compare(x.Email ?? "", y.Email ?? "", StringComparison.OrdinalIgnoreCase)) != 0) return c;
        if ((c = string.CompareOrdinal(x.Name, y.Name)) != 0) return c;
        var xRow = x.SourceRows.Count > 0 ? x.SourceRows[0] : default;
        var yRow = y.SourceRows.Count > 0 ? y.SourceRows[0] : default;
        if ((c = string.CompareOrdinal(xRow.Sheet, yRow.Sheet)) != 0) return c;
        return xRow.Row.CompareTo(yRow.Row);
    }
}
