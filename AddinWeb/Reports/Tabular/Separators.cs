namespace AddinWeb.Reports.Tabular;

/// <summary>
/// Finds the field separator of delimited text among ',', ';' and tab. Each candidate splits the first records with
/// the CSV library itself, so separators inside quoted fields do not count. A candidate's score is its best block of
/// records of one width: records of that width × (width − 1). The width is chosen by the candidate, so title and
/// section lines with fewer fields (Teams' "1. Summary", Zoom's meeting header) neither help nor spoil it, while a
/// separator that only appears inside values (commas in French decimals or dates of a tab file) splits records into
/// many different widths and scores less. Ties go to tab, then ';', then ','; text with no separator at all is
/// read as one column (',').
/// </summary>
public static class Separators
{
    /// <summary>Records looked at.</summary>
    public const int SampleRecords = 200;

    /// <summary>Characters looked at.</summary>
    public const int SampleChars = 64 * 1024;

    public static char Detect(string text)
    {
        var best = ',';
        var bestScore = 0L;
        foreach (var candidate in new[] { '\t', ';', ',' })
        {
            var score = Score(DelimitedText.FieldCounts(text, candidate, SampleRecords, SampleChars));
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>The best "records of one width × (width − 1)" over widths of two fields or more.</summary>
    internal static long Score(IEnumerable<int> fieldCounts) =>
        fieldCounts.Where(c => c >= 2).GroupBy(c => c).Select(g => (long)g.Count() * (g.Key - 1)).DefaultIfEmpty(0).Max();
}
