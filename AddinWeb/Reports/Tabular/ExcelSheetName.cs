namespace AddinWeb.Reports.Tabular;

/// <summary>
/// The name Excel gives the one sheet of a delimited file it opens: the file name without its folder and its last
/// extension, cut to Excel's 31 characters. Characters a sheet name cannot hold are replaced: '[' and ']' by '(' and
/// ')' (what Excel does with a downloaded "rapport[1].csv"), ':' '*' '?' '/' '\' by '_' (a file name from Windows
/// cannot hold them; on other systems Excel's own choice is not documented, '_' is ours). A sheet name cannot begin or
/// end with an apostrophe: those are dropped. With nothing left, "Feuil1", the name of a French Excel's first sheet.
/// </summary>
public static class ExcelSheetName
{
    public const int MaxLength = 31;
    public const string Fallback = "Feuil1";

    public static string FromFileName(string? fileName)
    {
        var name = fileName ?? "";
        // Some browsers send the whole path; Windows or Unix, the name is the last part.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot > 0) name = name[..dot];
        else if (dot == 0) name = "";

        var chars = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c)) continue;
            chars.Append(c switch
            {
                '[' => '(',
                ']' => ')',
                ':' or '*' or '?' or '/' or '\\' => '_',
                _ => c,
            });
        }
        var cut = Cut(chars.ToString(), MaxLength).Trim('\'');
        return string.IsNullOrWhiteSpace(cut) ? Fallback : cut;
    }

    /// <summary>The first <paramref name="length"/> UTF-16 units, never half of a surrogate pair (an emoji).</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
