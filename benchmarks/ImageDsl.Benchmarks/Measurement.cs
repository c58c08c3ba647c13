namespace ImageDsl.Benchmarks;

/// <summary>
/// Runs one measurement on every side, round after round, rotating who goes first so that
/// slow drifts (another build on the machine) spread evenly; each side gets one unrecorded
/// warm-up first. Ratios are taken per round, ours against each other side, then the median:
/// a paired comparison, far steadier on a shared machine than comparing two medians.
/// </summary>
internal sealed class Measurement(string name, bool isLatency, IReadOnlyList<(string Side, Func<Timing> Run)> sides)
{
    public string Name => name;

    public bool IsLatency => isLatency;

    public IReadOnlyList<string> Sides { get; } = sides.Select(s => s.Side).ToArray();

    private List<Timing[]> Rounds { get; } = [];

    public Measurement Run(int rounds)
    {
        foreach (var (_, run) in sides) { Settle(); run(); }
        for (int round = 0; round < rounds; round++)
        {
            var values = new Timing[sides.Count];
            for (int k = 0; k < sides.Count; k++)
            {
                int i = (k + round) % sides.Count;
                Settle();
                values[i] = sides[i].Run();
            }
            Rounds.Add(values);
        }
        return this;
    }

    /// <summary>Median images/s, or milliseconds per image for a latency, by the wall clock.</summary>
    public double Median(int side) =>
        Statistics.Median(Rounds.Select(r => isLatency ? 1000 * r[side].WallSeconds / r[side].Images : r[side].Images / r[side].WallSeconds).ToArray());

    /// <summary>Ours (side 0) against <paramref name="side"/> as a speed ratio (above 1: ours is faster), by wall clock or by CPU time.</summary>
    public (double Median, double Min, double Max) SpeedRatio(int side, bool byCpu)
    {
        double Speed(Timing t) => t.Images / (byCpu ? t.CpuSeconds : t.WallSeconds);
        var ratios = Rounds.Select(r => Speed(r[0]) / Speed(r[side])).ToArray();
        return (Statistics.Median(ratios), ratios.Min(), ratios.Max());
    }

    // Garbage from the previous side should not be collected on the next side's clock.
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
