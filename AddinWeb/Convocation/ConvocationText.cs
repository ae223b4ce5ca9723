using AddinWeb.Reports;

namespace AddinWeb.Convocation;

/// <summary>French wording shared by the list's messages: rows, people counts.</summary>
internal static class ConvocationText
{
    /// <summary>
    /// "feuille « Rapport », lignes 14 et 19 ; feuille « Connexions », ligne 11": rows grouped by
    /// sheet in the order they come, each sheet's rows in order; a row that is not known reads "ligne inconnue".
    /// </summary>
    public static string Rows(IEnumerable<SourceRef?> rows)
    {
        var parts = new List<string>();
        var unknown = 0;
        foreach (var sheet in rows.OfType<SourceRef>().GroupBy(r => r.Sheet))
        {
            var numbers = sheet.Select(r => r.Row).Distinct().Order().ToList();
            parts.Add($"feuille « {sheet.Key} », {(numbers.Count == 1 ? "ligne" : "lignes")} {Enumerate(numbers.Select(n => n.ToString()))}");
        }
        unknown = rows.Count(r => r is null);
        if (unknown > 0) parts.Add(unknown == 1 ? "une ligne inconnue" : $"{unknown} lignes inconnues");
        return string.Join(" ; ", parts);
    }

    /// <summary>"14", "14 et 19", "14, 19 et 22".</summary>
    public static string Enumerate(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} et {list[^1]}";
    }

    /// <summary>"1 personne", "12 personnes".</summary>
    public static string People(int count) => count == 1 ? "1 personne" : $"{count} personnes";

    /// <summary>A sheet or file name as a message quotes it: trimmed to what a reader needs.</summary>
    public static string Quoted(string name)
    {
        var shown = name.Length > 64 ? name[..64] + "…" : name;
        return $"« {shown} »";
    }
}
