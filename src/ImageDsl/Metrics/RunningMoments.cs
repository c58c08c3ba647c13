namespace ImageDsl.Metrics;

/// <summary>
/// Count, mean and sum of squared deviations of a stream, by Welford's update. R² and
/// explained variance divide by the spread of the target; computing that spread as
/// Σx² − n·mean² cancels catastrophically when the mean is large against the spread,
/// while Welford's form stays accurate and yields exactly 0 for a constant stream (which
/// the force-finite convention for a constant target relies on).
/// </summary>
internal struct RunningMoments
{
    public long Count { readonly get; private set; }

    public double Mean { readonly get; private set; }

    /// <summary>Σ (x − mean)², not divided by the count.</summary>
    public double SumOfSquaredDeviations { readonly get; private set; }

    public void Add(double value)
    {
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        SumOfSquaredDeviations += delta * (value - Mean);
    }
}
