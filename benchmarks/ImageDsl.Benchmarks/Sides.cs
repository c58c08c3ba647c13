using System.Diagnostics;

namespace ImageDsl.Benchmarks;

/// <summary>One implementation being measured on one workload.</summary>
internal interface ISide : IDisposable
{
    /// <summary>One pass over the prepared training batches.</summary>
    Timing Train();

    /// <summary>One pass over the prepared inference batches of 256.</summary>
    Timing Infer();

    /// <summary>The median single-image prediction over <paramref name="repetitions"/> calls.</summary>
    Timing Latency(int repetitions);
}

/// <summary>
/// Images processed, and the wall-clock and process CPU seconds it took. CPU time is the
/// noise-robust cross-check on a shared machine: another process taking a core slows the
/// wall clock but not the CPU time our threads need (OpenMP spinning aside).
/// </summary>
internal readonly record struct Timing(double Images, double WallSeconds, double CpuSeconds)
{
    public static Timing Measure(double images, Action work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        work();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return new Timing(images, wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>The median of single-image timings.</summary>
    public static Timing Median(IReadOnlyList<Timing> calls) =>
        new(1, Statistics.Median(calls.Select(c => c.WallSeconds).ToArray()), Statistics.Median(calls.Select(c => c.CpuSeconds).ToArray()));
}

/// <summary>How much work one measurement does, for ResNet-18 (see <see cref="Workload.Scale"/>).</summary>
/// <param name="TrainSteps">Batches of 64 per training measurement.</param>
/// <param name="InferenceBatches">Batches of 256 per inference measurement.</param>
/// <param name="LatencyRepetitions">Single-image predictions per latency measurement.</param>
/// <param name="Rounds">Interleaved rounds; each reports the median.</param>
internal sealed record Effort(int TrainSteps, int InferenceBatches, int LatencyRepetitions, int Rounds)
{
    public static Effort Quick { get; } = new(3, 1, 10, 3);

    /// <summary>One round of one batch each: checks that every workload builds and runs on every side; its figures mean nothing.</summary>
    public static Effort Smoke { get; } = new(1, 1, 2, 1);

    public static Effort Full { get; } = new(8, 2, 20, 7);
}
