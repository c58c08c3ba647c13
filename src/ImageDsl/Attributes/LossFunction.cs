// Also compiled into the generator (see Kinds/TargetKinds.cs), where it is internal.
#if IMAGEDSL_GENERATOR
namespace ImageDsl.Generators.Shared;
#else
namespace ImageDsl;
#endif

/// <summary>
/// The training loss of a target, chosen with <c>Loss = ...</c> on its attribute. Each target
/// kind accepts only the losses that fit it (the analyzer reports any other, IMGDSL0020);
/// <see cref="Default"/> picks the kind's usual loss.
/// </summary>
#if IMAGEDSL_GENERATOR
internal
#else
public
#endif
enum LossFunction
{
    /// <summary>The kind's usual loss: cross-entropy for labels, binary cross-entropy for bool, multi-label and ordinal targets (one per rank threshold for ordinal ones), mean squared error for values, smooth L1 for boxes.</summary>
    Default = 0,

    /// <summary>Softmax cross-entropy over one logit per label (multi-class targets), with optional label smoothing and class weights.</summary>
    CrossEntropy = 1,

    /// <summary>Sigmoid binary cross-entropy per logit (bool and multi-label targets, with optional positive weights; ordinal targets, over their rank thresholds).</summary>
    BinaryCrossEntropy = 2,

    /// <summary>Mean squared error: penalises large errors most.</summary>
    MeanSquaredError = 3,

    /// <summary>Mean absolute error: robust to outliers in the labels.</summary>
    MeanAbsoluteError = 4,

    /// <summary>Huber: squared below <c>HuberDelta</c>, absolute beyond it.</summary>
    Huber = 5,

    /// <summary>Smooth L1 (Huber divided by its delta, as in Fast R-CNN): the usual loss for box coordinates.</summary>
    SmoothL1 = 6,

    /// <summary>
    /// Categorical hinge over one raw score per label (multi-class targets), as Keras defines it:
    /// max(best wrong score − true score + 1, 0). Its scores are not probabilities.
    /// </summary>
    CategoricalHinge = 7,

    /// <summary>Hinge on one raw score (bool targets): max(0, 1 − t·s) with t = ±1. Its score is not a probability.</summary>
    Hinge = 8,

    /// <summary>The scale-invariant log loss of Eigen, Puhrsch &amp; Fergus (2014), on a value map's valid pixels: the variance of the log error plus half its squared mean, per image.</summary>
    ScaleInvariantLog = 9,

    /// <summary>Cross-entropy plus the soft Dice loss over the classes (a mask's pixels).</summary>
    CrossEntropyDice = 10,
}
