namespace ImageDsl.Metrics;

/// <summary>
/// Accumulates regression results sample by sample and computes
/// <see cref="RegressionMetrics"/> matching scikit-learn 1.2.1.
/// </summary>
/// <remarks>
/// Memory: everything is a running sum (compensated, with Welford's update for variances),
/// except the median absolute error, a rank statistic: for a single output every absolute
/// error is kept (one double per sample) until <see cref="Compute"/>. With several outputs
/// nothing per sample is kept, since the median is reported for a single output only.
/// Not thread-safe.
/// </remarks>
public sealed class RegressionMetricsAccumulator
{
    private readonly string[] _names;
    private readonly RegressionOutputStatistics[] _outputs;
    private readonly List<double>? _absoluteErrors;
    private readonly double? _tolerance;
    private double[] _widenedTruth = [], _widenedPredicted = [];

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="outputs">Number of values predicted per sample; at least 1.</param>
    /// <param name="outputNames">One name per output; defaults to <c>output0</c>, <c>output1</c>, ….</param>
    /// <param name="tolerance">If given, <see cref="RegressionMetrics.WithinToleranceShare"/> counts predictions within it.</param>
    /// <exception cref="ArgumentException">Names and outputs differ in number, or the tolerance is negative or NaN.</exception>
    public RegressionMetricsAccumulator(int outputs, IReadOnlyList<string>? outputNames = null, double? tolerance = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        _names = outputNames is null
            ? Enumerable.Range(0, outputs).Select(i => $"output{i}").ToArray()
            : MetricsInput.Labels(outputNames, minimum: 1, nameof(outputNames));
        MetricsInput.Length<string>(_names, outputs, nameof(outputNames));
        if (tolerance is { } t && !(t >= 0))
        {
            throw new ArgumentException("The tolerance must be a non-negative number.", nameof(tolerance));
        }

        _tolerance = tolerance;
        _outputs = Enumerable.Range(0, outputs).Select(_ => new RegressionOutputStatistics()).ToArray();
        _absoluteErrors = outputs == 1 ? [] : null;
    }

    /// <summary>Output names, in index order.</summary>
    public IReadOnlyList<string> OutputNames => _names;

    /// <summary>Number of samples added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one sample.</summary>
    /// <param name="truth">The true value of every output.</param>
    /// <param name="predicted">The predicted value of every output.</param>
    /// <exception cref="ArgumentException">A span has the wrong length, or a value is NaN or infinite.</exception>
    public void Add(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted) =>
        Add(MetricsInput.Widen(truth, ref _widenedTruth), MetricsInput.Widen(predicted, ref _widenedPredicted));

    /// <inheritdoc cref="Add(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public void Add(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted)
    {
        MetricsInput.Length(truth, _outputs.Length, nameof(truth));
        MetricsInput.Length(predicted, _outputs.Length, nameof(predicted));
        MetricsInput.Finite(truth, nameof(truth));
        MetricsInput.Finite(predicted, nameof(predicted));
        for (var o = 0; o < _outputs.Length; o++)
        {
            _outputs[o].Add(truth[o], predicted[o], _tolerance);
        }

        _absoluteErrors?.Add(Math.Abs(truth[0] - predicted[0]));
        Count++;
    }

    /// <summary>Adds one sample of a single-output model.</summary>
    /// <param name="truth">The true value.</param>
    /// <param name="predicted">The predicted value.</param>
    /// <exception cref="ArgumentException">The accumulator has several outputs, or a value is NaN or infinite.</exception>
    public void Add(double truth, double predicted) => Add([truth], [predicted]);

    /// <summary>Computes the metrics of everything added so far; the accumulator stays usable.</summary>
    public RegressionMetrics Compute()
    {
        var undefined = new UndefinedMetrics();
        var any = Count > 0;
        var enough = Count >= 2;
        const string tooFewReason = "fewer than two samples: the target's variance is not defined";
        double? Average(string metric, Func<RegressionOutputStatistics, double> perOutput, bool defined, string reason) =>
            undefined.Check(metric, defined ? _outputs.Average(perOutput) : null, reason);

        var mse = Average(nameof(RegressionMetrics.Mse), s => s.Mse, any, MetricsInput.NoSamplesReason);
        var singleOutputReason = _outputs.Length > 1
            ? $"reported for a single output only; this model has {_outputs.Length}"
            : MetricsInput.NoSamplesReason;

        return new RegressionMetrics
        {
            OutputNames = _names,
            Count = Count,
            Mae = Average(nameof(RegressionMetrics.Mae), s => s.Mae, any, MetricsInput.NoSamplesReason),
            Mse = mse,
            Rmse = undefined.Check(nameof(RegressionMetrics.Rmse), mse is { } m ? Math.Sqrt(m) : null, MetricsInput.NoSamplesReason),
            R2 = Average(nameof(RegressionMetrics.R2), s => s.R2, enough, tooFewReason),
            ExplainedVariance = Average(nameof(RegressionMetrics.ExplainedVariance), s => s.ExplainedVariance, enough, tooFewReason),
            MedianAbsoluteError = undefined.Check(
                nameof(RegressionMetrics.MedianAbsoluteError),
                any && _absoluteErrors is not null ? Median(_absoluteErrors) : null,
                singleOutputReason),
            MaxError = undefined.Check(
                nameof(RegressionMetrics.MaxError),
                any && _outputs.Length == 1 ? _outputs[0].MaxAbsoluteError : null,
                singleOutputReason),
            PerOutputR2 = enough
                ? _outputs.Select(s => s.R2).ToArray()
                : undefined.Undefined<IReadOnlyList<double>>(nameof(RegressionMetrics.PerOutputR2), tooFewReason),
            PerOutputMae = any
                ? _outputs.Select(s => s.Mae).ToArray()
                : undefined.Undefined<IReadOnlyList<double>>(nameof(RegressionMetrics.PerOutputMae), MetricsInput.NoSamplesReason),
            Tolerance = _tolerance,
            WithinToleranceShare = undefined.Check(
                nameof(RegressionMetrics.WithinToleranceShare),
                any && _tolerance is not null ? (double)_outputs.Sum(s => s.WithinTolerance) / (Count * _outputs.Length) : null,
                _tolerance is null ? "no tolerance was given to the accumulator" : MetricsInput.NoSamplesReason),
            UndefinedReasons = undefined.ToDictionary(),
        };
    }

    /// <summary>numpy's median: the middle value, or the mean of the middle two.</summary>
    private static double Median(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
