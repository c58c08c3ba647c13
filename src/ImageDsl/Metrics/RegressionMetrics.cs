namespace ImageDsl.Metrics;

/// <summary>
/// Metrics of a regressor with one or more outputs over a dataset, as scikit-learn 1.2.1
/// computes them with <c>multioutput="uniform_average"</c> (each output scored alone, then
/// averaged). A metric that is undefined for the data seen is <c>null</c>, and
/// <see cref="UndefinedReasons"/> says why.
/// </summary>
public sealed record RegressionMetrics
{
    /// <summary>Output names, in index order.</summary>
    public required IReadOnlyList<string> OutputNames { get; init; }

    /// <summary>Number of samples seen.</summary>
    public required long Count { get; init; }

    /// <summary>Mean absolute error, averaged over outputs.</summary>
    public required double? Mae { get; init; }

    /// <summary>Mean squared error, averaged over outputs.</summary>
    public required double? Mse { get; init; }

    /// <summary>
    /// √<see cref="Mse"/>. With several outputs this is the root of the averaged MSE, which
    /// the shared fixtures expect; scikit-learn's <c>mean_squared_error(squared=False)</c>
    /// would instead average the per-output roots.
    /// </summary>
    public required double? Rmse { get; init; }

    /// <summary>
    /// Coefficient of determination, averaged over outputs. An output whose target is
    /// constant scores 1 if predicted perfectly and 0 otherwise (scikit-learn's
    /// <c>force_finite</c>). Undefined for fewer than two samples.
    /// </summary>
    public required double? R2 { get; init; }

    /// <summary>
    /// 1 − Var(error) / Var(target), averaged over outputs, with the same constant-target
    /// convention as <see cref="R2"/>. Undefined for fewer than two samples (where
    /// scikit-learn's convention would report a single sample as a perfect 1).
    /// </summary>
    public required double? ExplainedVariance { get; init; }

    /// <summary>Median of the absolute errors (mean of the middle two for an even count); single output only.</summary>
    public required double? MedianAbsoluteError { get; init; }

    /// <summary>Largest absolute error; single output only.</summary>
    public required double? MaxError { get; init; }

    /// <summary>R² of each output; null when <see cref="R2"/> is undefined.</summary>
    public required IReadOnlyList<double>? PerOutputR2 { get; init; }

    /// <summary>Mean absolute error of each output; null when no sample was added.</summary>
    public required IReadOnlyList<double>? PerOutputMae { get; init; }

    /// <summary>The tolerance given to the accumulator, if any.</summary>
    public required double? Tolerance { get; init; }

    /// <summary>Share of (sample, output) predictions with |error| ≤ <see cref="Tolerance"/>; null when no tolerance was configured.</summary>
    public required double? WithinToleranceShare { get; init; }

    /// <summary>For every metric that is <c>null</c>, keyed by its property name: why it is undefined.</summary>
    public required IReadOnlyDictionary<string, string> UndefinedReasons { get; init; }
}
