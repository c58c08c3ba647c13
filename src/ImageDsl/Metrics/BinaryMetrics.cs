namespace ImageDsl.Metrics;

/// <summary>
/// Metrics of a binary classifier over a dataset, as scikit-learn 1.2.1 computes them. A
/// sample is predicted positive when its score is at least <see cref="Threshold"/>. A metric
/// that is undefined for the data seen is <c>null</c>, and <see cref="UndefinedReasons"/>
/// says why.
/// </summary>
public sealed record BinaryMetrics
{
    /// <summary>Number of samples seen.</summary>
    public required long Count { get; init; }

    /// <summary>Score at or above which a sample is predicted positive.</summary>
    public required double Threshold { get; init; }

    /// <summary>Share of samples predicted correctly.</summary>
    public required double? Accuracy { get; init; }

    /// <summary>TP / (TP + FP); 0 when nothing is predicted positive.</summary>
    public required double? Precision { get; init; }

    /// <summary>TP / (TP + FN); 0 when no sample is positive.</summary>
    public required double? Recall { get; init; }

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public required double? F1 { get; init; }

    /// <summary>Area under the ROC curve (ties: trapezoid over distinct scores); undefined when only one class is present.</summary>
    public required double? RocAuc { get; init; }

    /// <summary>
    /// Step-wise average precision, Σ (Rₙ − Rₙ₋₁)·Pₙ over distinct scores (not interpolated).
    /// Undefined when there is no positive sample (scikit-learn warns and reports 0 there).
    /// </summary>
    public required double? AveragePrecision { get; init; }

    /// <summary>Mean cross-entropy, probabilities clipped to [2⁻⁵², 1 − 2⁻⁵²] (scikit-learn 1.2.1).</summary>
    public required double? LogLoss { get; init; }

    /// <summary>Matthews correlation coefficient; 0 when a row or column of the confusion matrix is empty, as scikit-learn.</summary>
    public required double? MatthewsCorrelation { get; init; }

    /// <summary>Samples that are positive and predicted positive.</summary>
    public required long TruePositives { get; init; }

    /// <summary>Samples that are negative but predicted positive.</summary>
    public required long FalsePositives { get; init; }

    /// <summary>Samples that are negative and predicted negative.</summary>
    public required long TrueNegatives { get; init; }

    /// <summary>Samples that are positive but predicted negative.</summary>
    public required long FalseNegatives { get; init; }

    /// <summary>The 2 × 2 matrix in scikit-learn's order, [[TN, FP], [FN, TP]]; labels "negative", "positive".</summary>
    public required ConfusionMatrix ConfusionMatrix { get; init; }

    /// <summary>For every metric that is <c>null</c>, keyed by its property name: why it is undefined.</summary>
    public required IReadOnlyDictionary<string, string> UndefinedReasons { get; init; }
}
