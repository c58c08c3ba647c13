namespace ImageDsl.Metrics;

/// <summary>
/// A value map's metrics over its valid pixels, as monodepth2's <c>evaluate_depth.py</c> defines
/// them (prediction clamped to [<see cref="DepthMetricsAccumulator.MinPrediction"/>, max], no
/// median scaling): AbsRel, SqRel, RMSE, RMSE of the logs, and the shares within 1.25, 1.25² and
/// 1.25³ of the truth, plus the mean absolute error.
/// </summary>
/// <param name="Images">Images with at least one valid pixel.</param>
/// <param name="Pixels">Valid pixels scored.</param>
/// <param name="AbsRel">Mean |d - d*| / d*.</param>
/// <param name="SqRel">Mean (d - d*)² / d*.</param>
/// <param name="Rmse">Root mean squared error, in the map's units.</param>
/// <param name="RmseLog">Root mean squared error of ln d.</param>
/// <param name="Delta1">Share with max(d / d*, d* / d) &lt; 1.25.</param>
/// <param name="Delta2">Share under 1.25².</param>
/// <param name="Delta3">Share under 1.25³.</param>
/// <param name="Mae">Mean absolute error, in the map's units.</param>
public sealed record DepthMetrics(int Images, long Pixels, double AbsRel, double SqRel, double Rmse, double RmseLog, double Delta1, double Delta2, double Delta3, double Mae);

/// <summary>
/// Accumulates <see cref="DepthMetrics"/> two ways: <see cref="PerImage"/> computes each image's
/// metrics over its valid pixels and averages them over images (monodepth2's headline, and this
/// library's); <see cref="Pooled"/> pools every valid pixel of the dataset.
/// </summary>
public sealed class DepthMetricsAccumulator(double maxPrediction)
{
    /// <summary>The smallest prediction scored; smaller ones (and a log's zero) are raised to it, as monodepth2 does.</summary>
    public const double MinPrediction = 1e-3;

    private readonly double[] imageSums = new double[8];
    private readonly double[] pixelSums = new double[8];
    private int images;
    private long pixels;

    /// <summary>Adds one image's true values (NaN or not positive: invalid) and predictions.</summary>
    /// <returns>The image's AbsRel, or NaN when it has no valid pixel.</returns>
    public double Add(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        Span<double> s = stackalloc double[8];
        s.Clear();
        int count = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            double gt = truth[i];
            if (!double.IsFinite(gt) || gt <= 0) continue;
            double p = double.IsFinite(predicted[i]) ? Math.Clamp(predicted[i], MinPrediction, maxPrediction) : maxPrediction;
            double e = gt - p;
            double ratio = Math.Max(gt / p, p / gt);
            double logError = Math.Log(gt) - Math.Log(p);
            s[0] += Math.Abs(e) / gt;
            s[1] += e * e / gt;
            s[2] += e * e;
            s[3] += logError * logError;
            s[4] += ratio < 1.25 ? 1 : 0;
            s[5] += ratio < 1.25 * 1.25 ? 1 : 0;
            s[6] += ratio < 1.25 * 1.25 * 1.25 ? 1 : 0;
            s[7] += Math.Abs(e);
            count++;
        }
        if (count == 0) return double.NaN;
        for (int k = 0; k < 8; k++)
        {
            pixelSums[k] += s[k];
            double mean = s[k] / count;
            imageSums[k] += k is 2 or 3 ? Math.Sqrt(mean) : mean;
        }
        images++;
        pixels += count;
        return s[0] / count;
    }

    /// <summary>Per image, then averaged over images (RMSEs are each image's, averaged).</summary>
    public DepthMetrics PerImage()
    {
        double M(int k) => images == 0 ? double.NaN : imageSums[k] / images;
        return new DepthMetrics(images, pixels, M(0), M(1), M(2), M(3), M(4), M(5), M(6), M(7));
    }

    /// <summary>Over every valid pixel at once.</summary>
    public DepthMetrics Pooled()
    {
        double M(int k) => pixels == 0 ? double.NaN : pixelSums[k] / pixels;
        return new DepthMetrics(images, pixels, M(0), M(1), Math.Sqrt(M(2)), Math.Sqrt(M(3)), M(4), M(5), M(6), M(7));
    }
}
