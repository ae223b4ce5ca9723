using AddinWeb.Reports;

namespace AddinWeb.Attendance;

/// <summary>
/// What a summary proves. A person known only by first join J, last leave L and duration D was connected D minutes
/// somewhere within [J, L], arrangement unknown. Within a window W (a session, or all of them) that time is then
/// <b>at least</b> D minus the part of [J, L] outside W (never below 0): the certain figure, the one a status may
/// rest on; and <b>at most</b> the least of D and the part of [J, L] within W.
/// <para>
/// A person may have several summaries (two rows of one name, one per device or per re-join). When their spans do
/// not overlap, the person's time is their sum and so are the bounds. When they overlap, the same minutes may be
/// counted twice: the certain figure is then the largest single one, the most the sum, capped by the time of the
/// spans' union within W.
/// </para>
/// </summary>
internal static class SummaryPresence
{
    /// <summary>One summary with its leave settled and its duration in ticks, no longer than its span.</summary>
    public readonly record struct Span(DateTime Join, DateTime Leave, long DurationTicks)
    {
        public long SpanTicks => (Leave - Join).Ticks;
    }

    /// <summary>
    /// The summary as a span. An unknown leave (still connected when the report was made) is taken as the later of
    /// J + D and <paramref name="reportEnd"/>, the last moment the report shows; a duration longer than the span is
    /// capped to it (the engine's observations say both).
    /// </summary>
    public static Span Settle(PresenceSummary summary, DateTime reportEnd)
    {
        var join = summary.FirstJoin;
        var duration = TicksOf(summary.DurationMinutes);
        var leave = summary.LastLeave ?? Max(AddTicks(join, duration), reportEnd);
        if (leave < join) leave = join;
        return new Span(join, leave, Math.Min(duration, (leave - join).Ticks));
    }

    /// <summary>Certain and most ticks within <paramref name="windows"/> (disjoint, sorted by start).</summary>
    public static (long Certain, long Most) Within(IReadOnlyList<Span> spans, IReadOnlyList<TimeInterval> windows)
    {
        long certainSum = 0, certainMax = 0, mostSum = 0;
        foreach (var span in spans)
        {
            var inside = Inside(span.Join, span.Leave, windows);
            var certain = Math.Max(0, span.DurationTicks - (span.SpanTicks - inside));
            certainSum += certain;
            certainMax = Math.Max(certainMax, certain);
            mostSum += Math.Min(span.DurationTicks, inside);
        }
        var certainTicks = Disjoint(spans) ? certainSum : certainMax;
        var most = Math.Min(mostSum, UnionInside(spans, windows));
        return (Math.Min(certainTicks, most), most);
    }

    /// <summary>Time connected: the durations' sum when the spans do not overlap, else the largest duration (the least it can be).</summary>
    public static long ConnectedTicks(IReadOnlyList<Span> spans)
    {
        long sum = 0, max = 0;
        foreach (var span in spans)
        {
            sum += span.DurationTicks;
            max = Math.Max(max, span.DurationTicks);
        }
        return Disjoint(spans) ? sum : max;
    }

    public static DateTime AddMinutes(DateTime moment, double minutes) => AddTicks(moment, TicksOf(minutes));

    private static long Inside(DateTime start, DateTime end, IReadOnlyList<TimeInterval> windows)
    {
        long total = 0;
        foreach (var window in windows)
        {
            var from = start > window.Start ? start : window.Start;
            var to = end < window.End ? end : window.End;
            if (to > from) total += (to - from).Ticks;
        }
        return total;
    }

    private static long UnionInside(IReadOnlyList<Span> spans, IReadOnlyList<TimeInterval> windows)
    {
        var sorted = spans.Select(s => new TimeInterval(s.Join, s.Leave)).OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        long total = 0;
        foreach (var piece in Intervals.UnionOfSorted(sorted))
            total += Inside(piece.Start, piece.End, windows);
        return total;
    }

    /// <summary>True when no two spans share time (touching is not sharing).</summary>
    private static bool Disjoint(IReadOnlyList<Span> spans)
    {
        if (spans.Count < 2) return true;
        var sorted = spans.Select(s => new TimeInterval(s.Join, s.Leave)).OrderBy(s => s.Start).ToList();
        return !Intervals.AnyOverlap(sorted);
    }

    private static long TicksOf(double minutes) =>
        double.IsFinite(minutes) && minutes > 0
            ? (long)Math.Round(Math.Min(minutes, TimeSpan.MaxValue.TotalMinutes / 2) * TimeSpan.TicksPerMinute)
            : 0;

    private static DateTime AddTicks(DateTime moment, long ticks) =>
        ticks >= DateTime.MaxValue.Ticks - moment.Ticks ? DateTime.MaxValue : moment.AddTicks(ticks);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
