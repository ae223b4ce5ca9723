using AddinWeb.Attendance;
using CsCheck;

namespace AddinWeb.Tests.Attendance;

public class IntervalsTests
{
    private static TimeInterval I(int from, int to) =>
        new(new DateTime(2020, 11, 10).AddMinutes(from), new DateTime(2020, 11, 10).AddMinutes(to));

    [Fact]
    public void Union_merges_overlapping_and_touching_and_skips_empty()
    {
        var union = Intervals.Union([I(50, 60), I(0, 10), I(5, 20), I(20, 30), I(40, 40), I(45, 44)]);
        Assert.Equal([I(0, 30), I(50, 60)], union);
        Assert.Equal(40, Intervals.ToMinutes(Intervals.TotalTicks(union)));
    }

    [Fact]
    public void Union_of_nested_intervals_is_the_outer_one()
    {
        Assert.Equal([I(0, 100)], Intervals.Union([I(0, 100), I(10, 20), I(30, 40), I(90, 100)]));
    }

    [Fact]
    public void Union_of_sorted_refuses_unsorted_input()
    {
        Assert.Throws<ArgumentException>(() => Intervals.UnionOfSorted([I(10, 20), I(0, 5)]));
    }

    [Theory]
    [InlineData(0, 100, 40)]
    [InlineData(5, 55, 30)] // 5–30 and 50–55
    [InlineData(30, 50, 0)]
    [InlineData(25, 25, 0)]
    [InlineData(59, 200, 1)]
    [InlineData(-100, 1, 1)]
    public void Clip_counts_only_the_time_inside(int from, int to, double minutes)
    {
        var union = Intervals.Union([I(0, 30), I(50, 60)]);
        var window = I(from, to);
        Assert.Equal(minutes, Intervals.ToMinutes(Intervals.ClippedTicks(union, window.Start, window.End)));
    }

    [Fact]
    public void Overlap_needs_shared_time()
    {
        Assert.False(Intervals.AnyOverlap([I(0, 10), I(10, 20)]));
        Assert.True(Intervals.AnyOverlap([I(0, 10), I(9, 20)]));
        Assert.True(Intervals.AnyOverlap([I(0, 100), I(10, 20), I(30, 40)]));
        Assert.False(Intervals.AnyOverlap([I(0, 10), I(5, 5), I(10, 20)]));
    }

    [Fact]
    public void Union_length_fed_in_start_order_is_the_length_of_the_union()
    {
        Gen.Select(Gen.Int[0, 300], Gen.Int[-20, 120]).Array[0, 30].Sample(spans =>
        {
            var sorted = spans.Select(s => I(s.Item1, s.Item1 + s.Item2)).OrderBy(i => i.Start).ThenBy(i => i.End).ToList();
            var length = new Intervals.UnionLength();
            foreach (var interval in sorted) length.Add(interval);
            Assert.Equal(Intervals.TotalTicks(Intervals.UnionOfSorted(sorted)), length.Ticks);
        });
    }

    [Fact]
    public void Union_written_into_a_reused_list_forgets_what_it_held()
    {
        var pieces = new List<TimeInterval> { I(500, 600) };
        Assert.Same(pieces, Intervals.UnionOfSorted([I(0, 10), I(5, 20)], pieces));
        Assert.Equal([I(0, 20)], pieces);
    }
}
