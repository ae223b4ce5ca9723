using System.Text.Json;
using AddinWeb.Attendance;

namespace AddinWeb.Tests.Attendance;

/// <summary>A result as text, to compare two results field by field (records with lists do not compare by value).</summary>
internal static class AttendanceJson
{
    public static string Of(AttendanceResult result) => JsonSerializer.Serialize(result);
}
