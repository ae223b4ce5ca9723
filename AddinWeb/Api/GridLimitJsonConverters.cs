using System.Text.Json;
using System.Text.Json.Serialization;
using AddinWeb.Hosting;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Api;

/// <summary>
/// Enforces <see cref="RequestLimitOptions"/> while the analysis JSON is read, so that an oversized grid is refused
/// before it is built in memory (a 32 MB body of "0," would otherwise become 16 million cells). Also makes the shapes
/// robust: a null row or sheet is a 400, a null grid an empty one, instead of a crash further down.
/// </summary>
internal static class GridLimitJsonConverters
{
    public static void AddTo(JsonSerializerOptions json, RequestLimitOptions limits)
    {
        json.Converters.Insert(0, new SheetListConverter(limits));
        json.Converters.Insert(0, new CellGridConverter(limits));
    }

    /// <summary>UTF-8 bytes (escaped or not) are never fewer than the characters they decode to: the cheap byte
    /// count settles almost every cell without decoding it twice.</summary>
    private static bool TooLong(ref Utf8JsonReader reader, RequestLimitOptions limits)
    {
        var bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return bytes > limits.MaxCellLength && reader.GetString()!.Length > limits.MaxCellLength;
    }

    private static JsonException Malformed(string message) => JsonErrors.Malformed(message);

    /// <summary>The <c>sheets</c> array: counts the sheets.</summary>
    private sealed class SheetListConverter(RequestLimitOptions limits) : JsonConverter<IReadOnlyList<SheetPayload>>
    {
        public override IReadOnlyList<SheetPayload> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw Malformed("« sheets » doit être un tableau de feuilles.");
            var sheets = new List<SheetPayload>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (sheets.Count == limits.MaxSheets) throw GridLimits.TooManySheets(limits);
                var sheet = JsonSerializer.Deserialize<SheetPayload>(ref reader, options)
                            ?? throw Malformed("Une feuille ne peut pas être null.");
                // Excel's own limit: a longer name is no tab of Excel's, and would be echoed in every message.
                if (sheet.Name is { Length: > GridLimits.MaxSheetNameLength }) throw GridLimits.SheetNameTooLong(sheets.Count + 1);
                sheets.Add(sheet);
            }
            return sheets;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<SheetPayload> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var sheet in value) JsonSerializer.Serialize(writer, sheet, options);
            writer.WriteEndArray();
        }
    }

    /// <summary>Office.js <c>range.values</c>: rows of cells.</summary>
    private sealed class CellGridConverter(RequestLimitOptions limits) : JsonConverter<IReadOnlyList<IReadOnlyList<Cell>>>
    {
        public override bool HandleNull => true;

        public override IReadOnlyList<IReadOnlyList<Cell>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return [];
            if (reader.TokenType != JsonTokenType.StartArray) throw Malformed("« values » doit être un tableau de lignes.");
            var cellConverter = (JsonConverter<Cell>)options.GetConverter(typeof(Cell));
            var rows = new List<IReadOnlyList<Cell>>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (rows.Count == limits.MaxRowsPerSheet) throw GridLimits.TooManyRows(limits, sheet: null);
                if (reader.TokenType != JsonTokenType.StartArray) throw Malformed("Chaque ligne de « values » doit être un tableau de cellules.");
                var row = new List<Cell>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (row.Count == limits.MaxColumnsPerSheet) throw GridLimits.TooManyColumns(limits, sheet: null);
                    if (reader.TokenType == JsonTokenType.String && TooLong(ref reader, limits))
                        throw GridLimits.CellTooLong(limits, sheet: null);
                    row.Add(cellConverter.Read(ref reader, typeof(Cell), options));
                }
                rows.Add(row);
            }
            return rows;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<IReadOnlyList<Cell>> value, JsonSerializerOptions options)
        {
            var cellConverter = (JsonConverter<Cell>)options.GetConverter(typeof(Cell));
            writer.WriteStartArray();
            foreach (var row in value)
            {
                writer.WriteStartArray();
                foreach (var cell in row) cellConverter.Write(writer, cell, options);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
    }
}
