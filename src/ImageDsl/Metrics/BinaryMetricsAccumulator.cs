namespace ImageDsl.Metrics;

/// <summary>
/// Accumulates binary classification results sample by sample and computes
/// <see cref="BinaryMetrics"/> matching scikit-learn 1.2.1.
/// </summary>
/// <remarks>
/// Memory: ROC AUC and average precision are rank metrics, so every score is kept (one
/// double and one flag per sample) until <see cref="Compute"/>. Not thread-safe.
/// </remarks>
public sealed class BinaryMetricsAccumulator
{
    private static readonly string[] Classes = ["negative", "positive"];

    private readonly List<double> _scores = [];
    private readonly List<bool> _truth = [];
    private CompensatedSum _logLoss;
    private long _tp, _fp, _tn, _fn;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="threshold">Score at or above which a sample is predicted positive.</param>
    /// <exception cref="ArgumentException"><paramref name="threshold"/> is NaN.</exception>
    public BinaryMetricsAccumulator(double threshold = 0.5)
    {
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("The threshold must be a number.", nameof(threshold));
        }

        Threshold = threshold;
    }

    /// <summary>Score at or above which a sample is predicted positive.</summary>
    public double Threshold { get; }

    /// <summary>Number of samples added so far.</summary>
    public long Count => _scores.Count;

    /// <summary>Adds one sample.</summary>
    /// <param name="truth">Whether the sample is positive.</param>
    /// <param name="probabilityOfPositive">The model's probability (or score) that it is positive.</param>
    /// <exception cref="ArgumentException">The score is NaN or infinite.</exception>
    public void Add(bool truth, float probabilityOfPositive) => Add(truth, (double)probabilityOfPositive);

    /// <inheritdoc cref="Add(bool, float)"/>
    public void Add(bool truth, double probabilityOfPositive)
    {
        MetricsInput.Finite(probabilityOfPositive, nameof(probabilityOfPositive));
        var predicted = probabilityOfPositive >= Threshold;
        switch (truth, predicted)
        {
            case (true, true): _tp++; break;
            case (false, true): _fp++; break;
            case (false, false): _tn++; break;
            case (true, false): _fn++; break;
        }

        _logLoss.Add(LogLoss.Binary(truth, probabilityOfPositive));
        _scores.Add(probabilityOfPositive);
        _truth.Add(truth);
    }

    /// <summary>Computes the metrics of everything added so far; the accumulator stays usable.</summary>
    public BinaryMetrics Compute()
    {
        var undefined = new UndefinedMetrics();
        var any = Count > 0;
        double? IfAny(string metric, double value) =>
            undefined.Check(metric, any ? value : null, MetricsInput.NoSamplesReason);

        var scores = PrecisionRecallF1.FromCounts(_tp, _tp + _fp, _tp + _fn);
        var rocAuc = RankMetrics.RocAuc([.. _scores], [.. _truth]);
        var averagePrecision = RankMetrics.AveragePrecision([.. _scores], [.. _truth]);

        return new BinaryMetrics
        {
            Count = Count,
            Threshold = Threshold,
            Accuracy = IfAny(nameof(BinaryMetrics.Accuracy), (double)(_tp + _tn) / Count),
            Precision = IfAny(nameof(BinaryMetrics.Precision), scores.Precision),
            Recall = IfAny(nameof(BinaryMetrics.Recall), scores.Recall),
            F1 = IfAny(nameof(BinaryMetrics.F1), scores.F1),
            RocAuc = undefined.Check(
                nameof(BinaryMetrics.RocAuc), rocAuc, any ? RankMetrics.OneClassReason : MetricsInput.NoSamplesReason),
            AveragePrecision = undefined.Check(
                nameof(BinaryMetrics.AveragePrecision),
                averagePrecision,
                any ? "no positive sample in y_true: recall, and so average precision, is undefined" : MetricsInput.NoSamplesReason),
            LogLoss = IfAny(nameof(BinaryMetrics.LogLoss), _logLoss.Value / Count),
            MatthewsCorrelation = IfAny(nameof(BinaryMetrics.MatthewsCorrelation), MatthewsCorrelation()),
            TruePositives = _tp,
            FalsePositives = _fp,
            TrueNegatives = _tn,
            FalseNegatives = _fn,
            ConfusionMatrix = new ConfusionMatrix(Classes, new[,] { { _tn, _fp }, { _fn, _tp } }),
            UndefinedReasons = undefined.ToDictionary(),
        };
    }

    /// <summary>
    /// scikit-learn's covariance form: (correct·n − Σ tᵢpᵢ) / √((n² − Σ pᵢ²)(n² − Σ tᵢ²)), with t
    /// the true and p the predicted class totals; 0 when the denominator is 0. In doubles, since
    /// n² overflows a long beyond about 3·10⁹ samples.
    /// </summary>
    private double MatthewsCorrelation()
    {
        double n = Count;
        double actualPositive = _tp + _fn, actualNegative = _tn + _fp;
        double predictedPositive = _tp + _fp, predictedNegative = _tn + _fn;
        var covariance = (_tp + _tn) * n - (actualPositive * predictedPositive + actualNegative * predictedNegative);
        var predictedSpread = n * n - (predictedPositive * predictedPositive + predictedNegative * predictedNegative);
        var actualSpread = n * n - (actualPositive * actualPositive + actualNegative * actualNegative);
        return predictedSpread * actualSpread == 0 ? 0.0 : covariance / Math.Sqrt(actualSpread * predictedSpread);
    }
}
