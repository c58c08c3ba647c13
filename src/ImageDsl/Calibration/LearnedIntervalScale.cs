namespace ImageDsl.Calibration;

/// <summary>How <c>CalibrateIntervals</c> sizes a target's intervals.</summary>
public enum IntervalScaling
{
    /// <summary>One half-width per component, the same for every image (plain split conformal).</summary>
    Constant,

    /// <summary>
    /// A half-width that follows how far off the model tends to be: the held-out images are split
    /// in two, one half learns the model's typical error as a function of its own output (the
    /// predicted value; for a periodic target, the length of its (sine, cosine)), the other sets
    /// the quantile of the errors divided by that scale
    /// (normalised split conformal). Coverage keeps its guarantee; intervals are narrower where the
    /// model is usually right and wider where it is not.
    /// </summary>
    Learned,
}

/// <summary>
/// One component's learned interval half-width: <see cref="Quantile"/> × scale(input), the scale
/// interpolated linearly between <see cref="Knots"/> (inputs, increasing) and <see cref="Scales"/>
/// (the mean absolute error there), constant beyond the end knots. Normalised split-conformal
/// prediction (Papadopoulos et al. 2002; Lei et al. 2018, section 5.2), with the model's own
/// output as the measure of difficulty (<see cref="Input"/>: the predicted value, or a periodic
/// head's (sine, cosine) length), so every prediction can size its interval without more work.
/// </summary>
/// <param name="Knots">Inputs, strictly increasing (the predicted value in user units, or a length).</param>
/// <param name="Scales">The scale at each knot, positive, in user units.</param>
/// <param name="Quantile">The conformal quantile of |error| / scale: the interval is Quantile × scale wide on either side.</param>
/// <param name="ScaleImages">Held-out images the scale was learned on.</param>
/// <param name="QuantileImages">Held-out images, disjoint from those, the quantile was set on.</param>
/// <param name="Input">What the scale reads, in words ("the predicted value").</param>
public sealed record LearnedIntervalScale(float[] Knots, float[] Scales, float Quantile, int ScaleImages, int QuantileImages, string Input = "the predicted value")
{
    /// <summary>The interval's half-width for a prediction whose scale input is <paramref name="input"/>.</summary>
    public double Radius(double input) => Quantile * ScaleAt(input);

    /// <summary>The learned scale at <paramref name="input"/>.</summary>
    public double ScaleAt(double input)
    {
        if (double.IsNaN(input) || input <= Knots[0]) return Scales[0];
        if (input >= Knots[^1]) return Scales[^1];
        int upper = Array.BinarySearch(Knots, (float)input);
        if (upper >= 0) return Scales[upper];
        upper = ~upper;
        // BinarySearch works in float; a value just above a knot may land one step early.
        while (upper < Knots.Length - 1 && Knots[upper] < input) upper++;
        int lower = upper - 1;
        double t = (input - Knots[lower]) / (Knots[upper] - Knots[lower]);
        return Scales[lower] + t * (Scales[upper] - Scales[lower]);
    }

    /// <summary>
    /// Learns the scale on one half of the held-out images and the quantile on the other. The halves
    /// come from a fixed shuffle, so the same images give the same intervals.
    /// </summary>
    /// <param name="inputs">Each held-out image's scale input (its predicted value, unless the kind reads something else).</param>
    /// <param name="absoluteResiduals">Each image's |error| (the short way round for a periodic target), in the same order.</param>
    /// <param name="coverage">The share of new images the intervals should cover.</param>
    /// <param name="input">What <paramref name="inputs"/> are, in words, kept for reports.</param>
    /// <exception cref="ArgumentException">Too few images for two halves at this coverage.</exception>
    public static LearnedIntervalScale Fit(IReadOnlyList<double> inputs, IReadOnlyList<double> absoluteResiduals, double coverage, string input = "the predicted value")
    {
        if (inputs.Count != absoluteResiduals.Count)
            throw new ArgumentException($"{inputs.Count} scale inputs but {absoluteResiduals.Count} residuals.", nameof(absoluteResiduals));
        int n = inputs.Count, needed = ConformalIntervals.Needed(coverage);
        int forScale = n / 2, forQuantile = n - forScale;
        if (forScale < 2 || forQuantile < needed)
            throw new ArgumentException(
                $"{n} held-out images cannot calibrate {coverage:P0} intervals with a learned scale: half of them learn the scale and the other " +
                $"{forQuantile} set the quantile, which needs at least {needed}. Use at least {2 * needed} images, or IntervalScaling.Constant.",
                nameof(inputs));

        var order = Enumerable.Range(0, n).ToArray();
        new Random(ShuffleSeed).Shuffle(order);
        var scaleHalf = order[..forScale];
        var quantileHalf = order[forScale..];

        var (knots, scales) = Learn(scaleHalf.Select(i => inputs[i]).ToArray(), scaleHalf.Select(i => Math.Abs(absoluteResiduals[i])).ToArray());
        var shape = new LearnedIntervalScale(knots, scales, 1f, forScale, forQuantile, input);
        var scores = quantileHalf.Select(i => Math.Abs(absoluteResiduals[i]) / shape.ScaleAt(inputs[i])).ToArray();
        return shape with { Quantile = RoundUp(ConformalIntervals.Radius(scores, coverage)) };
    }

    /// <summary>
    /// The mean |error| in equal-count bins of the input (about 40 images a bin, at most 10 bins),
    /// each bin's knot at its mean input. A floor of a tenth of the overall mean error
    /// keeps one lucky bin from making intervals there vanishingly narrow.
    /// </summary>
    private static (float[] Knots, float[] Scales) Learn(double[] inputs, double[] errors)
    {
        double overall = errors.Average();
        if (!(overall > 0)) return ([0f], [1f]); // a perfect model: any scale, the quantile is 0
        int bins = Math.Clamp(inputs.Length / ImagesPerBin, 1, MaxBins);
        var sorted = Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i]).ToArray();
        var knots = new List<float>();
        var scales = new List<float>();
        for (int b = 0; b < bins; b++)
        {
            var members = sorted[(b * sorted.Length / bins)..((b + 1) * sorted.Length / bins)];
            float knot = (float)members.Average(i => inputs[i]);
            float scale = (float)Math.Max(members.Average(i => errors[i]), ScaleFloor * overall);
            if (knots.Count > 0 && knot <= knots[^1])
            {
                // Tied inputs: one knot, the larger scale (wider is the safe side).
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
