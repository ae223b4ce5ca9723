using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AddinWeb.Attendance;

namespace AddinWeb.Api;

/// <summary>A scheduled slot as the trainer enters it: local wall-clock times, no time zone.</summary>
public sealed record SlotPayload
{
    /// <summary>Start, local wall-clock time, ISO 8601 without offset: "2024-03-25T14:00".</summary>
    [JsonConverter(typeof(LocalDateTimeJsonConverter))]
    public DateTime Start { get; init; }

    /// <summary>End, local wall-clock time, ISO 8601 without offset: "2024-03-25T16:30".</summary>
    [JsonConverter(typeof(LocalDateTimeJsonConverter))]
    public DateTime End { get; init; }
}

/// <summary>
/// Reads and writes a local wall-clock time ("2024-03-25T14:00"). A time with an offset or a "Z" is refused: the
/// slots are the report's local times, and converting them with the server's zone would shift them.
/// </summary>
public sealed class LocalDateTimeJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && SlotInput.TryParseTime(reader.GetString(), out var value)
            ? value
            : throw new JsonException("Heure attendue au format local AAAA-MM-JJTHH:MM, par exemple 2024-03-25T14:00, sans fuseau horaire.");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
}
