namespace ImageDsl.Calibration;

/// <summary>How <c>CalibrateIntervals</c> sizes a target's intervals.</summary>
public enum IntervalScaling
{
    /// <summary>One half-width per component, the same for every image (plain split conformal).</summary>
    Constant,

    /// <summary>
    /// A half-width that follows how far off the model tends to be where it predicts: the held-out
    /// images are split in two, one half learns the model's typical error as a function of its
    /// predicted value, the other sets the quantile of the errors divided by that scale
    /// (normalised split conformal). Coverage keeps its guarantee; intervals are narrower where the
    /// model is usually right and wider where it is not.
    /// </summary>
    Learned,
}

/// <summary>
/// One component's learned interval half-width: <see cref="Quantile"/> × scale(predicted value), the
/// scale interpolated linearly between <see cref="Knots"/> (predicted values, increasing) and
/// <see cref="Scales"/> (the mean absolute error there), constant beyond the end knots. Normalised
/// split-conformal prediction (Papadopoulos et al. 2002; Lei et al. 2018, section 5.2), with the
/// model's own prediction as the measure of difficulty, so the ONNX predictor and every record can
/// size an interval from the value alone.
/// </summary>
/// <param name="Knots">Predicted values, strictly increasing, in user units.</param>
/// <param name="Scales">The scale at each knot, positive, in user units.</param>
/// <param name="Quantile">The conformal quantile of |error| / scale: the interval is Quantile × scale wide on either side.</param>
/// <param name="ScaleImages">Held-out images the scale was learned on.</param>
/// <param name="QuantileImages">Held-out images, disjoint from those, the quantile was set on.</param>
public sealed record LearnedIntervalScale(float[] Knots, float[] Scales, float Quantile, int ScaleImages, int QuantileImages)
{
    /// <summary>The interval's half-width for a prediction of <paramref name="predicted"/>.</summary>
    public double Radius(double predicted) => Quantile * ScaleAt(predicted);

    /// <summary>The learned scale at <paramref name="predicted"/>.</summary>
    public double ScaleAt(double predicted)
    {
        if (double.IsNaN(predicted) || predicted <= Knots[0]) return Scales[0];
        if (predicted >= Knots[^1]) return Scales[^1];
        int upper = Array.BinarySearch(Knots, (float)predicted);
        if (upper >= 0) return Scales[upper];
        upper = ~upper;
        // BinarySearch works in float; a value just above a knot may land one step early.
        while (upper < Knots.Length - 1 && Knots[upper] < predicted) upper++;
        int lower = upper - 1;
        double t = (predicted - Knots[lower]) / (Knots[upper] - Knots[lower]);
        return Scales[lower] + t * (Scales[upper] - Scales[lower]);
    }

    /// <summary>
    /// Learns the scale on one half of the held-out images and the quantile on the other. The halves
    /// come from a fixed shuffle, so the same images give the same intervals.
    /// </summary>
    /// <param name="predicted">Each held-out image's predicted value.</param>
    /// <param name="absoluteResiduals">Each image's |error| (the short way round for a periodic target), in the same order.</param>
    /// <param name="coverage">The share of new images the intervals should cover.</param>
    /// <exception cref="ArgumentException">Too few images for two halves at this coverage.</exception>
    public static LearnedIntervalScale Fit(IReadOnlyList<double> predicted, IReadOnlyList<double> absoluteResiduals, double coverage)
    {
        if (predicted.Count != absoluteResiduals.Count)
            throw new ArgumentException($"{predicted.Count} predictions but {absoluteResiduals.Count} residuals.", nameof(absoluteResiduals));
        int n = predicted.Count, needed = ConformalIntervals.Needed(coverage);
        int forScale = n / 2, forQuantile = n - forScale;
        if (forScale < 2 || forQuantile < needed)
            throw new ArgumentException(
                $"{n} held-out images cannot calibrate {coverage:P0} intervals with a learned scale: half of them learn the scale and the other " +
                $"{forQuantile} set the quantile, which needs at least {needed}. Use at least {2 * needed} images, or IntervalScaling.Constant.",
                nameof(predicted));

        var order = Enumerable.Range(0, n).ToArray();
        new Random(ShuffleSeed).Shuffle(order);
        var scaleHalf = order[..forScale];
        var quantileHalf = order[forScale..];

        var (knots, scales) = Learn(scaleHalf.Select(i => predicted[i]).ToArray(), scaleHalf.Select(i => Math.Abs(absoluteResiduals[i])).ToArray());
        var shape = new LearnedIntervalScale(knots, scales, 1f, forScale, forQuantile);
        var scores = quantileHalf.Select(i => Math.Abs(absoluteResiduals[i]) / shape.ScaleAt(predicted[i])).ToArray();
        return shape with { Quantile = RoundUp(ConformalIntervals.Radius(scores, coverage)) };
    }

    /// <summary>
    /// The mean |error| in equal-count bins of the predicted value (about 40 images a bin, at most 10
    /// bins), each bin's knot at its mean prediction. A floor of a tenth of the overall mean error
    /// keeps one lucky bin from making intervals there vanishingly narrow.
    /// </summary>
    private static (float[] Knots, float[] Scales) Learn(double[] predicted, double[] errors)
    {
        double overall = errors.Average();
        if (!(overall > 0)) return ([0f], [1f]); // a perfect model: any scale, the quantile is 0
        int bins = Math.Clamp(predicted.Length / ImagesPerBin, 1, MaxBins);
        var sorted = Enumerable.Range(0, predicted.Length).OrderBy(i => predicted[i]).ToArray();
        var knots = new List<float>();
        var scales = new List<float>();
        for (int b = 0; b < bins; b++)
        {
            var members = sorted[(b * sorted.Length / bins)..((b + 1) * sorted.Length / bins)];
            float knot = (float)members.Average(i => predicted[i]);
            float scale = (float)Math.Max(members.Average(i => errors[i]), ScaleFloor * overall);
            if (knots.Count > 0 && knot <= knots[^1])
            {
                // Tied predictions: one knot, the larger scale (wider is the safe side).
                scales[^1] = Math.Max(scales[^1], scale);
                continue;
            }
            knots.Add(knot);
            scales.Add(scale);
        }
        return (knots.ToArray(), scales.ToArray());
    }

    /// <summary>The nearest float at or above <paramref name="value"/>, so the stored quantile still covers the score it came from.</summary>
    private static float RoundUp(double value)
    {
        float f = (float)value;
        return f < value ? MathF.BitIncrement(f) : f;
    }

    /// <summary>Why a saved scale cannot be used, or null when it can.</summary>
    internal string? Problem() =>
        Knots is null || Scales is null || Knots.Length == 0 || Knots.Length != Scales.Length ? "its knots and scales must be two non-empty lists of equal length"
        : Knots.Zip(Knots.Skip(1)).Any(k => !(k.Second > k.First)) ? "its knots must increase"
        : Scales.Any(s => !(s > 0) || float.IsInfinity(s)) ? "its scales must be positive and finite"
        : !(Quantile >= 0) || float.IsInfinity(Quantile) ? "its quantile must be zero or more and finite"
        : null;

    private const int ShuffleSeed = 20_021_105;
    private const int ImagesPerBin = 40;
    private const int MaxBins = 10;
    private const double ScaleFloor = 0.1;
}
