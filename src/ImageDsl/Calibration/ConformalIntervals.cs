namespace ImageDsl.Calibration;

/// <summary>
/// Split conformal prediction (Vovk et al. 2005; Lei et al. 2018): on images the model never
/// trained on, the absolute residuals' ⌈(n + 1) q⌉-th smallest value is a half-width r such that
/// [prediction − r, prediction + r] covers the truth of a new image from the same distribution with
/// probability at least q — whatever the model, with no assumption on the errors' shape.
/// </summary>
public static class ConformalIntervals
{
    /// <summary>The half-width that covers <paramref name="coverage"/> of new images, from held-out absolute residuals.</summary>
    /// <exception cref="ArgumentException">Too few residuals for the coverage asked: with n images no interval can promise more than n / (n + 1).</exception>
    public static double Radius(IReadOnlyList<double> absoluteResiduals, double coverage)
    {
        if (coverage is <= 0 or >= 1 || double.IsNaN(coverage)) throw new ArgumentOutOfRangeException(nameof(coverage), coverage, "Coverage is a share between 0 and 1, such as 0.9.");
        int n = absoluteResiduals.Count;
        int rank = (int)Math.Ceiling((n + 1) * coverage);
        if (rank > n)
            throw new ArgumentException(
                $"{n} held-out images cannot calibrate {coverage:P0} intervals: that needs at least {Needed(coverage)}.", nameof(absoluteResiduals));
        var sorted = absoluteResiduals.Select(r => Math.Abs(r)).Order().ToArray();
        return sorted[rank - 1];
    }

    /// <summary>The fewest images whose ⌈(n + 1) q⌉-th smallest residual exists (counted, not solved, so rounding cannot mislead).</summary>
    internal static int Needed(double coverage)
    {
        int n = 1;
        while ((int)Math.Ceiling((n + 1) * coverage) > n) n++;
        return n;
    }
}
