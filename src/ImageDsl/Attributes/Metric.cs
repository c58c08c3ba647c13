// Also compiled into the generator (see Kinds/TargetKinds.cs), where it is internal.
#if IMAGEDSL_GENERATOR
namespace ImageDsl.Generators.Shared;
#else
namespace ImageDsl;
#endif

/// <summary>
/// Metrics a target can name as its headline figures with <c>Metrics = ...</c>: the report's
/// overall table shows them for that target. Every applicable metric is still computed; the
/// analyzer reports a metric that does not apply to the target's kind (IMGDSL0021).
/// </summary>
[System.Flags]
#if IMAGEDSL_GENERATOR
internal
#else
public
#endif
enum Metric : long
{
    /// <summary>No headline metric declared: the kind's defaults.</summary>
    None = 0,

    /// <summary>Share of images whose label is right (multi-class, binary; exact rank for ordinal).</summary>
    Accuracy = 1L << 0,

    /// <summary>Mean of per-class recall (multi-class).</summary>
    BalancedAccuracy = 1L << 1,

    /// <summary>Precision (binary; macro average for multi-class and multi-label).</summary>
    Precision = 1L << 2,

    /// <summary>Recall (binary; macro average for multi-class and multi-label).</summary>
    Recall = 1L << 3,

    /// <summary>F1 (binary; macro average for multi-class and multi-label).</summary>
    F1 = 1L << 4,

    /// <summary>Area under the ROC curve (binary; macro one-vs-rest for multi-class and multi-label).</summary>
    RocAuc = 1L << 5,

    /// <summary>Mean cross-entropy of the predicted probabilities (multi-class, binary).</summary>
    LogLoss = 1L << 6,

    /// <summary>Share of images whose whole label set is right (multi-label).</summary>
    SubsetAccuracy = 1L << 7,

    /// <summary>Share of (image, label) decisions that are wrong (multi-label).</summary>
    HammingLoss = 1L << 8,

    /// <summary>Mean absolute error, in the target's units (regression of every kind; circular for periodic targets; in ranks for ordinal).</summary>
    Mae = 1L << 9,

    /// <summary>Root mean squared error, in the target's units (regression of every kind; circular for periodic targets; in ranks for ordinal).</summary>
    Rmse = 1L << 10,

    /// <summary>Coefficient of determination (scalar and vector regression, not periodic).</summary>
    R2 = 1L << 11,

    /// <summary>Largest absolute error (scalar and periodic regression).</summary>
    MaxError = 1L << 12,

    /// <summary>Mean intersection over union of predicted and true boxes (box targets).</summary>
    MeanIoU = 1L << 13,

    /// <summary>Share of images whose predicted rank is at most one away from the true rank (ordinal).</summary>
    WithinOneRank = 1L << 14,

    /// <summary>Cohen's kappa with quadratic weights between true and predicted ranks (ordinal).</summary>
    QuadraticKappa = 1L << 15,

    /// <summary>A value map's mean absolute relative error |d - d*| / d* over valid pixels (monodepth2's abs_rel).</summary>
    AbsRel = 1L << 16,

    /// <summary>A value map's mean squared relative error (d - d*)² / d* over valid pixels (monodepth2's sq_rel).</summary>
    SqRel = 1L << 17,

    /// <summary>A value map's RMSE of the log values over valid pixels (monodepth2's rmse_log).</summary>
    RmseLog = 1L << 18,

    /// <summary>The share of a value map's valid pixels with max(d/d*, d*/d) &lt; 1.25.</summary>
    Delta1 = 1L << 19,

    /// <summary>The share with max(d/d*, d*/d) &lt; 1.25².</summary>
    Delta2 = 1L << 20,

    /// <summary>The share with max(d/d*, d*/d) &lt; 1.25³.</summary>
    Delta3 = 1L << 21,

    /// <summary>A mask's share of correctly labelled pixels (ignored pixels left out).</summary>
    PixelAccuracy = 1L << 22,

    /// <summary>A mask's mean Dice coefficient over its classes.</summary>
    Dice = 1L << 23,
}
