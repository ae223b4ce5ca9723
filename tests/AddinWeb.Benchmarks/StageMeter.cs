using System.Diagnostics;

namespace AddinWeb.Benchmarks;

/// <summary>
/// CPU time of this process (steadier than wall time while other work shares the machine; it includes the GC's
/// threads) and bytes allocated by this thread, from <see cref="Start"/> to <see cref="Stop"/>.
/// </summary>
internal readonly record struct StageMeter(TimeSpan Cpu, long Bytes)
{
    public static StageMeter Start() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetAllocatedBytesForCurrentThread());

    public (double Ms, double Mb) Stop() =>
        ((Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalMilliseconds,
         (GC.GetAllocatedBytesForCurrentThread() - Bytes) / 1048576.0);

    /// <summary>"123 ms / 4.5 MB" for the median run of each stage.</summary>
    public static IEnumerable<string> Medians(List<(double Ms, double Mb)[]> runs) =>
        Enumerable.Range(0, runs[0].Length).Select(stage =>
        {
            var sorted = runs.Select(r => r[stage]).OrderBy(s => s.Ms).ToList();
            var (ms, mb) = sorted[sorted.Count / 2];
            return $"{ms:N0} ms / {mb:N1} MB";
        });
}
