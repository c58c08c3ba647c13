namespace ImageDsl.Benchmarks;

/// <summary>
/// Runs one measurement on every side, round after round, rotating who goes first so that
/// slow drifts (another build on the machine) spread evenly; each side gets one unrecorded
/// warm-up first. Ratios are taken per round, ours against each other side, then the median:
/// a paired comparison. Best against best is reported too: on a busy machine it is often the
/// steadier of the two.
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

    /// <summary>
    /// The best round's images/s (or milliseconds per image for a latency), by the wall clock:
    /// the round least disturbed by other programs, closest to what the code itself can do.
    /// </summary>
    public double Best(int side) => isLatency ? 1000 / BestSpeed(side) : BestSpeed(side);

    /// <summary>Ours (side 0) best against <paramref name="side"/>'s best, as a speed ratio.</summary>
    public double BestRatio(int side) => BestSpeed(0) / BestSpeed(side);

    private double BestSpeed(int side) => Rounds.Max(r => r[side].Images / r[side].WallSeconds);

    /// <summary>Ours (side 0) against <paramref name="side"/> as a speed ratio (above 1: ours is faster), by wall clock or by CPU time.</summary>
    public (double Median, double Min, double Max) SpeedRatio(int side, bool byCpu) => SpeedRatio(0, side, byCpu);

    /// <summary>Side <paramref name="of"/> against <paramref name="side"/>, paired per round as <see cref="SpeedRatio(int, bool)"/>.</summary>
    public (double Median, double Min, double Max) SpeedRatio(int of, int side, bool byCpu)
    {
        double Speed(Timing t) => t.Images / (byCpu ? t.CpuSeconds : t.WallSeconds);
        var ratios = Rounds.Select(r => Speed(r[of]) / Speed(r[side])).ToArray();
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
