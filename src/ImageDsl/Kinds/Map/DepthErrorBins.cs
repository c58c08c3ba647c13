namespace ImageDsl.Metrics;

/// <summary>
/// One range of true values of a value map and how wrong the predictions were there: the mean
/// absolute error (in the map's unit) and AbsRel over the valid pixels whose truth is in
/// [<paramref name="Low"/>, <paramref name="High"/>).
/// </summary>
/// <param name="Low">The smallest true value of the bin.</param>
/// <param name="High">The bin's end (excluded).</param>
/// <param name="Pixels">Valid pixels whose truth falls in the bin.</param>
/// <param name="Mae">Their mean |d - d*|.</param>
/// <param name="AbsRel">Their mean |d - d*| / d*.</param>
public sealed record DepthBin(double Low, double High, long Pixels, double Mae, double AbsRel);

/// <summary>
/// Error by true value, exactly and in bounded memory whatever the range: <see cref="Fine"/> bins
/// of one width starting at 0; a truth beyond the last doubles the width, merging neighbours, so
/// every pixel is counted once in the bin of its truth. The pixels scored are
/// <see cref="DepthMetricsAccumulator"/>'s (finite, positive truth; prediction clamped the same way).
/// </summary>
internal sealed class DepthErrorBins(double maxPrediction)
{
    /// <summary>Bins kept while accumulating.</summary>
    public const int Fine = 64;

    private readonly long[] counts = new long[Fine];
    private readonly double[] absolute = new double[Fine];
    private readonly double[] relative = new double[Fine];
    private double width; // 0 until the first pixel

    public void Add(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        for (int i = 0; i < truth.Length; i++)
        {
            double gt = truth[i];
            if (!double.IsFinite(gt) || gt <= 0) continue;
            double p = double.IsFinite(predicted[i]) ? Math.Clamp(predicted[i], DepthMetricsAccumulator.MinPrediction, maxPrediction) : maxPrediction;
            // A power of two, so the bins' edges are exact and doubling keeps them.
            if (width == 0) width = Math.ScaleB(1, Math.ILogB(gt) - 5);
            while (gt >= width * Fine) Double();
            int bin = Math.Min(Fine - 1, (int)(gt / width));
            double e = Math.Abs(p - gt);
            counts[bin]++;
            absolute[bin] += e;
            relative[bin] += e / gt;
        }
    }

    private void Double()
    {
        for (int b = 0; b < Fine / 2; b++)
        {
            counts[b] = counts[2 * b] + counts[2 * b + 1];
            absolute[b] = absolute[2 * b] + absolute[2 * b + 1];
            relative[b] = relative[2 * b] + relative[2 * b + 1];
        }
        Array.Clear(counts, Fine / 2, Fine / 2);
        Array.Clear(absolute, Fine / 2, Fine / 2);
        Array.Clear(relative, Fine / 2, Fine / 2);
        width *= 2;
    }

    /// <summary>
    /// The non-empty bins, neighbours merged (widths doubled) until the occupied range spans at
    /// most <paramref name="most"/> bins: few enough to read, each still a whole power-of-two width.
    /// </summary>
    public IReadOnlyList<DepthBin> Bins(int most = 20)
    {
        if (width == 0) return [];
        long[] c = (long[])counts.Clone();
        double[] a = (double[])absolute.Clone(), r = (double[])relative.Clone();
        double w = width;
        int n = Fine;
        int First() => Array.FindIndex(c, 0, n, x => x > 0);
        int Last() => Array.FindLastIndex(c, n - 1, n, x => x > 0);
        while (Last() - First() + 1 > most)
        {
            n /= 2;
            for (int b = 0; b < n; b++)
            {
                c[b] = c[2 * b] + c[2 * b + 1];
                a[b] = a[2 * b] + a[2 * b + 1];
                r[b] = r[2 * b] + r[2 * b + 1];
            }
            w *= 2;
        }
        var bins = new List<DepthBin>();
        for (int b = First(); b <= Last(); b++)
            if (c[b] > 0) bins.Add(new DepthBin(b * w, (b + 1) * w, c[b], a[b] / c[b], r[b] / c[b]));
        return bins;
    }
}
