namespace AddinWeb.Emargement;

/// <summary>
/// Excel's rules for sheet names, and the names the new sheet takes: "Émargement", else "Émargement (2)", "(3)"…
/// One definition for both renderers (ClosedXML on the server; the task pane, through the analyze response).
/// </summary>
public static class SheetNaming
{
    /// <summary>Excel refuses longer names.</summary>
    public const int MaxLength = 31;

    /// <summary>Characters Excel refuses in a sheet name.</summary>
    public static readonly IReadOnlyList<char> Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>The name of the sheet while the task pane builds it, hidden, before it is renamed.</summary>
    public const string TemporaryPrefix = "Émargement en cours";

    /// <summary>Excel compares sheet names without case: "émargement" takes "Émargement" too.</summary>
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    /// <summary>Whether Excel accepts the name: 1 to 31 characters, none forbidden, no apostrophe at either end.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name.IndexOfAny([.. Forbidden]) < 0 && name[0] != '\'' && name[^1] != '\'';

    /// <summary>The sheet of that name already in the workbook (as it is spelled there), or null.</summary>
    public static string? Existing(string wanted, IEnumerable<string> taken) =>
        taken.FirstOrDefault(name => Comparer.Equals(name, wanted));

    /// <summary><paramref name="wanted"/> when free, else "wanted (2)", "(3)"…, cut to fit 31 characters.</summary>
    public static string Free(string wanted, IEnumerable<string> taken)
    {
        var names = taken.ToHashSet(Comparer);
        if (!names.Contains(wanted)) return wanted;
        for (var n = 2; ; n++)
        {
            var suffix = $" ({n})";
            var candidate = wanted[..Math.Min(wanted.Length, MaxLength - suffix.Length)] + suffix;
            if (!names.Contains(candidate)) return candidate;
        }
    }

    /// <summary>"Émargement en cours", else "(2)"…: a name nobody has, for the sheet while it is being built.</summary>
    public static string Temporary(IEnumerable<string> taken) => Free(TemporaryPrefix, taken);
}
