namespace ImageDsl;

/// <summary>
/// The training loss of a target, chosen with <c>Loss = ...</c> on its attribute. Each target
/// kind accepts only the losses that fit it (the analyzer reports any other, IMGDSL0020);
/// <see cref="Default"/> picks the kind's usual loss.
/// </summary>
public enum LossFunction
{
    /// <summary>The kind's usual loss: cross-entropy for labels, binary cross-entropy for bool and multi-label targets, mean squared error for values.</summary>
    Default = 0,

    /// <summary>Softmax cross-entropy over one logit per label (multi-class targets), with optional label smoothing and class weights.</summary>
    CrossEntropy = 1,

    /// <summary>Sigmoid binary cross-entropy per logit (bool and multi-label targets), with optional positive weights.</summary>
    BinaryCrossEntropy = 2,

    /// <summary>Mean squared error: penalises large errors most.</summary>
    MeanSquaredError = 3,

    /// <summary>Mean absolute error: robust to outliers in the labels.</summary>
    MeanAbsoluteError = 4,

    /// <summary>Huber: squared below <c>HuberDelta</c>, absolute beyond it.</summary>
    Huber = 5,

    /// <summary>Smooth L1 (Huber divided by its delta, as in Fast R-CNN): the usual loss for box coordinates.</summary>
    SmoothL1 = 6,
}
