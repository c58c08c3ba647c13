namespace ImageDsl.Metrics;

/// <summary>
/// Metrics of a multi-label classifier (each sample may carry any set of labels) over a
/// dataset, as scikit-learn 1.2.1 computes them. A label is predicted when its score is at
/// least its threshold. A metric that is undefined for the data seen is <c>null</c>, and
/// <see cref="UndefinedReasons"/> says why.
/// </summary>
public sealed record MultilabelMetrics
{
    /// <summary>Label names, in index order.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Per-label score at or above which the label is predicted.</summary>
    public required IReadOnlyList<double> Thresholds { get; init; }

    /// <summary>Number of samples seen.</summary>
    public required long Count { get; init; }

    /// <summary>Share of samples whose whole predicted label set equals the true one.</summary>
    public required double? SubsetAccuracy { get; init; }

    /// <summary>Share of (sample, label) cells predicted wrongly.</summary>
    public required double? HammingLoss { get; init; }

    /// <summary>Unweighted mean of per-label precision.</summary>
    public required double? PrecisionMacro { get; init; }

    /// <summary>Precision of the counts pooled over labels.</summary>
    public required double? PrecisionMicro { get; init; }

    /// <summary>Mean of per-label precision weighted by support; 0 when no label is ever true.</summary>
    public required double? PrecisionWeighted { get; init; }

    /// <summary>Mean over samples of each sample's precision (0 for a sample with nothing predicted).</summary>
    public required double? PrecisionSamples { get; init; }

    /// <summary>Unweighted mean of per-label recall.</summary>
    public required double? RecallMacro { get; init; }

    /// <summary>Recall of the counts pooled over labels.</summary>
    public required double? RecallMicro { get; init; }

    /// <summary>Mean of per-label recall weighted by support; 0 when no label is ever true.</summary>
    public required double? RecallWeighted { get; init; }

    /// <summary>Mean over samples of each sample's recall (0 for a sample with no true label).</summary>
    public required double? RecallSamples { get; init; }

    /// <summary>Unweighted mean of per-label F1.</summary>
    public required double? F1Macro { get; init; }

    /// <summary>F1 of the counts pooled over labels.</summary>
    public required double? F1Micro { get; init; }

    /// <summary>Mean of per-label F1 weighted by support; 0 when no label is ever true.</summary>
    public required double? F1Weighted { get; init; }

    /// <summary>Mean over samples of each sample's F1 (from its precision and recall; 0 when both are 0).</summary>
    public required double? F1Samples { get; init; }

    /// <summary>Mean of per-label ROC AUC; undefined when some label is always or never true.</summary>
    public required double? RocAucMacro { get; init; }

    /// <summary>ROC AUC of every (sample, label) cell pooled into one ranking.</summary>
    public required double? RocAucMicro { get; init; }

    /// <summary>Precision, recall, F1 and support of every label, in label order.</summary>
    public required IReadOnlyList<ClassMetrics> PerLabel { get; init; }

    /// <summary>For every metric that is <c>null</c>, keyed by its property name: why it is undefined.</summary>
    public required IReadOnlyDictionary<string, string> UndefinedReasons { get; init; }
}
