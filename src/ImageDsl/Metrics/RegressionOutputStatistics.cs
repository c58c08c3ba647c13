namespace ImageDsl.Metrics;

/// <summary>
/// Running sums for one regression output, from which its MAE, MSE, R² and explained
/// variance follow exactly, whatever the order and batching of the samples.
/// </summary>
internal sealed class RegressionOutputStatistics
{
    private CompensatedSum _absoluteErrors;
    private CompensatedSum _squaredErrors;
    private RunningMoments _truth;
    private RunningMoments _errors;

    public double MaxAbsoluteError { get; private set; }

    public long WithinTolerance { get; private set; }

    public void Add(double truth, double predicted, double? tolerance)
    {
        var error = truth - predicted;
        var absolute = Math.Abs(error);
        _absoluteErrors.Add(absolute);
        _squaredErrors.Add(error * error);
        _truth.Add(truth);
        _errors.Add(error);
        MaxAbsoluteError = Math.Max(MaxAbsoluteError, absolute);
        if (absolute <= tolerance)
        {
            WithinTolerance++;
        }
    }

    public double Mae => _absoluteErrors.Value / _truth.Count;

    public double Mse => _squaredErrors.Value / _truth.Count;

    /// <summary>1 − SSE / SST.</summary>
    public double R2 => ForceFinite(_squaredErrors.Value, _truth.SumOfSquaredDeviations);

    /// <summary>1 − Var(error) / Var(truth); both variances share the 1/n, which cancels.</summary>
    public double ExplainedVariance => ForceFinite(_errors.SumOfSquaredDeviations, _truth.SumOfSquaredDeviations);

    /// <summary>
    /// scikit-learn's <c>force_finite</c> rule: a zero numerator scores 1 (a perfect fit, even
    /// of a constant target); a constant target that is not fitted perfectly scores 0.
    /// </summary>
    private static double ForceFinite(double numerator, double denominator) =>
        numerator == 0 ? 1.0
        : denominator == 0 ? 0.0
        : 1 - numerator / denominator;
}
