namespace AddinWeb.Attendance;

/// <summary>A span of local wall-clock time, start included, end excluded.</summary>
internal readonly record struct TimeInterval(DateTime Start, DateTime End)
{
    public long Ticks => End > Start ? (End - Start).Ticks : 0;
}

/// <summary>
/// Interval arithmetic on connection times. Everything works in ticks so that sums are exact; minutes are derived
/// only when a figure is handed out.
/// </summary>
internal static class Intervals
{
    public static double ToMinutes(long ticks) => ticks / (double)TimeSpan.TicksPerMinute;

    /// <summary>
    /// Union of intervals already sorted by start: the disjoint pieces, in order. Empty intervals add no time and
    /// are skipped. Intervals that merely touch (one ends the second the next starts) merge, because a
    /// reconnection within the same second is not a gap anyone left.
    /// </summary>
    public static List<TimeInterval> UnionOfSorted(IReadOnlyList<TimeInterval> sortedByStart) =>
        UnionOfSorted(sortedByStart, []);

    /// <summary><see cref="UnionOfSorted(IReadOnlyList{TimeInterval})"/> written into <paramref name="pieces"/> (cleared first), so a caller can reuse one list.</summary>
    public static List<TimeInterval> UnionOfSorted(IReadOnlyList<TimeInterval> sortedByStart, List<TimeInterval> pieces)
    {
        pieces.Clear();
        var previousStart = DateTime.MinValue;
        for (var i = 0; i < sortedByStart.Count; i++)
        {
            var interval = sortedByStart[i];
            if (interval.End <= interval.Start) continue;
            if (interval.Start < previousStart)
                throw new ArgumentException("Intervals must be sorted by start.", nameof(sortedByStart));
            previousStart = interval.Start;
            if (pieces.Count > 0 && interval.Start <= pieces[^1].End)
            {
                if (interval.End > pieces[^1].End) pieces[^1] = pieces[^1] with { End = interval.End };
                continue;
            }
            pieces.Add(interval);
        }
        return pieces;
    }

    /// <summary>Union of intervals in any order.</summary>
    public static List<TimeInterval> Union(IEnumerable<TimeInterval> intervals) =>
        UnionOfSorted(intervals.OrderBy(i => i.Start).ToList());

    public static long TotalTicks(IReadOnlyList<TimeInterval> union)
    {
        long total = 0;
        foreach (var piece in union) total += piece.Ticks;
        return total;
    }

    /// <summary>
    /// Time of a union (disjoint pieces sorted by start) that falls within [start, end). Binary search for the first
    /// piece that ends after <paramref name="start"/>, so clipping many sessions stays cheap.
    /// </summary>
    public static long ClippedTicks(IReadOnlyList<TimeInterval> union, DateTime start, DateTime end)
    {
        if (end <= start || union.Count == 0) return 0;
        int lo = 0, hi = union.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (union[mid].End <= start) lo = mid + 1; else hi = mid;
        }
        long total = 0;
        for (var i = lo; i < union.Count && union[i].Start < end; i++)
        {
            var from = union[i].Start > start ? union[i].Start : start;
            var to = union[i].End < end ? union[i].End : end;
            if (to > from) total += (to - from).Ticks;
        }
        return total;
    }

    /// <summary>
    /// True when two of the intervals (sorted by start) share some time: two devices, or a duplicate tab. Touching
    /// is not overlapping.
    /// </summary>
    public static bool AnyOverlap(IReadOnlyList<TimeInterval> sortedByStart)
    {
        var furthestEnd = DateTime.MinValue;
        for (var i = 0; i < sortedByStart.Count; i++)
        {
            var interval = sortedByStart[i];
            if (interval.End <= interval.Start) continue;
            if (interval.Start < furthestEnd) return true;
            if (interval.End > furthestEnd) furthestEnd = interval.End;
        }
        return false;
    }

    /// <summary>
    /// The length of a union fed one interval at a time in start order, without keeping its pieces: what
    /// <see cref="TotalTicks"/> of <see cref="UnionOfSorted(IReadOnlyList{TimeInterval})"/> gives, merging the same way.
    /// </summary>
    public struct UnionLength
    {
        private TimeInterval _open;
        private long _closedTicks;

        public void Add(TimeInterval interval)
        {
            if (interval.End <= interval.Start) return;
            if (_open.End > _open.Start && interval.Start <= _open.End)
            {
                if (interval.End > _open.End) _open = _open with { End = interval.End };
                return;
            }
            _closedTicks += _open.Ticks;
            _open = interval;
        }

        public readonly long Ticks => _closedTicks + _open.Ticks;
    }

    /// <summary>True when the two spans share some time (a zero-length span counts when it lies inside the other).</summary>
    public static bool Touches(DateTime start, DateTime end, TimeInterval other) =>
        end > start
            ? start < other.End && end > other.Start
            : start >= other.Start && start < other.End;
}
