namespace ImageDsl.Metrics;

/// <summary>
/// Metrics of a single-label classifier over a dataset, as scikit-learn 1.2.1 computes them
/// with <c>labels</c> = every class. The predicted class is the argmax of the probabilities
/// (the first maximum on ties, as numpy). A metric that is undefined for the data seen is
/// <c>null</c>, and <see cref="UndefinedReasons"/> says why.
/// </summary>
public sealed record MulticlassMetrics
{
    /// <summary>Class names, in index order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Number of samples seen.</summary>
    public required long Count { get; init; }

    /// <summary>Share of samples whose predicted class is the true class.</summary>
    public required double? Accuracy { get; init; }

    /// <summary>Mean recall over the classes that occur in the truth (classes never seen are left out, as scikit-learn).</summary>
    public required double? BalancedAccuracy { get; init; }

    /// <summary>Mean cross-entropy; probabilities clipped to [2⁻⁵², 1 − 2⁻⁵²] and each row renormalized (scikit-learn 1.2.1).</summary>
    public required double? LogLoss { get; init; }

    /// <summary>
    /// One-vs-rest ROC AUC averaged over classes; undefined when some class is absent from the
    /// truth or is the only class present. Computed on whatever scores were given, where
    /// scikit-learn would also refuse rows that do not sum to 1.
    /// </summary>
    public required double? RocAucMacro { get; init; }

    /// <summary>One-vs-rest ROC AUC averaged with weights = class support; undefined on the same conditions as <see cref="RocAucMacro"/>.</summary>
    public required double? RocAucWeighted { get; init; }

    /// <summary>
    /// Share of samples whose true class is among the 3 highest scores; ties at the cut are
    /// broken towards the higher class index, as scikit-learn's <c>top_k_accuracy_score</c>.
    /// Undefined with 3 classes or fewer, where every sample is trivially a hit.
    /// </summary>
    public required double? Top3Accuracy { get; init; }

    /// <summary>Unweighted mean of per-class precision (absent classes count as 0).</summary>
    public required double? PrecisionMacro { get; init; }

    /// <summary>Precision of the pooled counts; equals <see cref="Accuracy"/> for single-label data.</summary>
    public required double? PrecisionMicro { get; init; }

    /// <summary>Mean of per-class precision weighted by support.</summary>
    public required double? PrecisionWeighted { get; init; }

    /// <summary>Unweighted mean of per-class recall (absent classes count as 0).</summary>
    public required double? RecallMacro { get; init; }

    /// <summary>Recall of the pooled counts; equals <see cref="Accuracy"/> for single-label data.</summary>
    public required double? RecallMicro { get; init; }

    /// <summary>Mean of per-class recall weighted by support (equals <see cref="Accuracy"/>).</summary>
    public required double? RecallWeighted { get; init; }

    /// <summary>Unweighted mean of per-class F1 (absent classes count as 0).</summary>
    public required double? F1Macro { get; init; }

    /// <summary>F1 of the pooled counts; equals <see cref="Accuracy"/> for single-label data.</summary>
    public required double? F1Micro { get; init; }

    /// <summary>Mean of per-class F1 weighted by support.</summary>
    public required double? F1Weighted { get; init; }

    /// <summary>Precision, recall, F1 and support of every class, in label order.</summary>
    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }

    /// <summary>Counts of (true class, predicted class); rows are the true class.</summary>
    public required ConfusionMatrix ConfusionMatrix { get; init; }

    /// <summary>For every metric that is <c>null</c>, keyed by its property name: why it is undefined.</summary>
    public required IReadOnlyDictionary<string, string> UndefinedReasons { get; init; }
}
