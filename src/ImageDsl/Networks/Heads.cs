using ImageDsl.Specs;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>Creates the output layer for one target.</summary>
public static class Heads
{
    /// <summary>Dropout before a classification head; regression heads get none, since it adds noise to the values they fit.</summary>
    public const double ClassificationDropout = 0.3;

    /// <summary>
    /// A linear layer from the backbone's features to the target's outputs: one logit per
    /// label for classification (after dropout), one value on the [-1, 1] training scale for a range.
    /// </summary>
    public static Module<Tensor, Tensor> Create(TargetSpec target, int featureCount) => target switch
    {
        LabelTargetSpec => Sequential(("dropout", Dropout(ClassificationDropout)), ("linear", Linear(featureCount, target.OutputWidth))),
        _ => Linear(featureCount, target.OutputWidth),
    };
}
