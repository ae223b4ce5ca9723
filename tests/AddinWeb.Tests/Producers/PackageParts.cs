using System.IO.Compression;
using System.Xml.Linq;

namespace AddinWeb.Tests.Producers;

/// <summary>The parts of an .xlsx as bytes (inflated), and the "only additions" comparison of two XML parts.</summary>
public static class PackageParts
{
    public static Dictionary<string, byte[]> Of(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var parts = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            parts[entry.FullName] = bytes.ToArray();
        }
        return parts;
    }

    /// <summary>
    /// Fails unless <paramref name="after"/> is <paramref name="before"/> with elements and attributes added: every
    /// element, attribute and text of the original is there, in the same order, with the same value; only the
    /// <c>count</c> of a list may have grown.
    /// </summary>
    public static void AssertOnlyAdditions(string part, byte[] before, byte[] after)
    {
        var old = XDocument.Load(new MemoryStream(before), LoadOptions.PreserveWhitespace).Root!;
        var @new = XDocument.Load(new MemoryStream(after), LoadOptions.PreserveWhitespace).Root!;
        if (!Embeds(old, @new, out var why))
            throw new Xunit.Sdk.XunitException($"{part}: not only additions ({why}).");
    }

    private static bool Embeds(XElement old, XElement @new, out string why)
    {
        why = "";
        if (old.Name != @new.Name) { why = $"{old.Name} became {@new.Name}"; return false; }
        foreach (var attribute in old.Attributes())
        {
            var kept = @new.Attribute(attribute.Name);
            if (kept is null) { why = $"{old.Name.LocalName}/@{attribute.Name.LocalName} removed"; return false; }
            if (kept.Value == attribute.Value) continue;
            if (attribute.Name.LocalName == "count" && int.TryParse(kept.Value, out var grown) && int.TryParse(attribute.Value, out var was)
                && grown >= was) continue;
            why = $"{old.Name.LocalName}/@{attribute.Name.LocalName} changed";
            return false;
        }
        // The original's children must appear in order among the new ones (new ones may be inserted anywhere).
        var candidates = @new.Nodes().ToList();
        var at = 0;
        foreach (var child in old.Nodes())
        {
            var found = false;
            for (; at < candidates.Count; at++)
            {
                if (Same(child, candidates[at]))
                {
                    found = true;
                    at++;
                    break;
                }
            }
            if (!found) { why = $"{old.Name.LocalName}: a child {Describe(child)} is missing or changed"; return false; }
        }
        return true;
    }

    private static bool Same(XNode old, XNode @new) => (old, @new) switch
    {
        (XElement a, XElement b) => Embeds(a, b, out _),
        (XText a, XText b) => a.Value == b.Value,
        _ => old.NodeType == @new.NodeType && old.ToString() == @new.ToString(),
    };

    private static string Describe(XNode node) => node switch
    {
        XElement e => e.Name.LocalName,
        XText t => $"text \"{t.Value[..Math.Min(20, t.Value.Length)]}\"",
        _ => node.NodeType.ToString(),
    };
}
