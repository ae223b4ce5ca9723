using System.Text.Json;
using System.Text.Json.Serialization;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Api;

/// <summary>
/// Reads one value of Office.js <c>range.values</c> straight into a <see cref="Cell"/>: string, number, boolean or
/// null. Reading tokens (not JsonElement) keeps a 100,000-row report cheap to parse. Nested arrays or objects are not
/// cell values: they are refused, and the request answers 400.
/// </summary>
public sealed class CellJsonConverter : JsonConverter<Cell>
{
    public override bool HandleNull => true;

    public override Cell Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => Cell.FromText(reader.GetString()),
            JsonTokenType.Number => reader.TryGetDouble(out var number) && double.IsFinite(number)
                ? Cell.FromNumber(number)
                : throw JsonErrors.Malformed("Nombre hors limites dans une cellule."),
            JsonTokenType.True => Cell.FromBoolean(true),
            JsonTokenType.False => Cell.FromBoolean(false),
            JsonTokenType.Null => Cell.Empty,
            _ => throw JsonErrors.Malformed("Une cellule doit contenir un texte, un nombre, un booléen ou null."),
        };

    public override void Write(Utf8JsonWriter writer, Cell value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case CellKind.Text: writer.WriteStringValue(value.Text); break;
            case CellKind.Number: writer.WriteNumberValue(value.Number); break;
            case CellKind.Boolean: writer.WriteBooleanValue(value.Boolean); break;
            case CellKind.DateTime: writer.WriteNumberValue(value.DateTime.ToOADate()); break;
            default: writer.WriteStringValue(""); break;
        }
    }
}
