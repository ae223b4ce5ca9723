using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Parsing;

/// <summary>
/// Flags as exports write them and Excel turns them: an Excel boolean (what Excel makes of "TRUE" or "VRAI"), or the
/// text <c>TRUE</c>/<c>FALSE</c>/<c>VRAI</c>/<c>FAUX</c> in any case (<see cref="TryRead"/>); yes/no answers
/// (<c>Yes</c>/<c>No</c>/<c>Oui</c>/<c>Non</c>, Zoom's "Guest") are a separate question (<see cref="TryReadYesNo"/>),
/// so that a column of poll answers is never taken for flags.
/// </summary>
public static class Booleans
{
    public static bool TryRead(Cell cell, out bool value)
    {
        value = false;
        if (cell.Kind == CellKind.Boolean)
        {
            value = cell.Boolean;
            return true;
        }
        return cell.Kind == CellKind.Text && TryMatch(cell.Text, "true", "vrai", "false", "faux", out value);
    }

    public static bool TryReadYesNo(Cell cell, out bool value)
    {
        value = false;
        return cell.Kind == CellKind.Text && TryMatch(cell.Text, "yes", "oui", "no", "non", out value);
    }

    private static bool TryMatch(string? text, string yes, string oui, string no, string non, out bool value)
    {
        var key = TextNormalizer.Key(text);
        value = key == yes || key == oui;
        return value || key == no || key == non;
    }
}
