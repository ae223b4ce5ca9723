using System.Collections.Concurrent;
using System.Text.Json;

namespace AddinWeb.Api;

/// <summary>
/// The JSON errors the service's own converters raise: French, and quoting nothing of the body. Every such message
/// is remembered, so that the 400 answer keeps them and replaces any other (the JSON reader's English ones quote
/// the byte it stopped at).
/// </summary>
public static class JsonErrors
{
    private static readonly ConcurrentDictionary<string, bool> Own = new(StringComparer.Ordinal);

    /// <param name="message">A fixed French sentence (never built from the body).</param>
    public static JsonException Malformed(string message)
    {
        Own.TryAdd(message, true);
        return new JsonException(message);
    }

    public static bool IsOwn(string message) => Own.ContainsKey(message);
}
