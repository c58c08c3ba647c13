using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Networks;

/// <summary>Creates the output layer for one target.</summary>
public static class Heads
{
    /// <summary>
    /// A linear layer from the backbone's features to the target's outputs: one logit per
    /// label for classification, one value on the [-1, 1] training scale for a range.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(TargetSpec target, int featureCount) =>
        nn.Linear(featureCount, target.OutputWidth);
}
