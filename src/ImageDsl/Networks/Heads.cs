using ImageDsl.Specs;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>Creates the output layer for one target.</summary>
public static class Heads
{
    /// <summary>Dropout before a classification head; regression heads get none, since it adds noise to the values they fit.</summary>
    public const double ClassificationDropout = 0.3;

    /// <summary>The output layer of <paramref name="target"/>, as its kind builds it (see each kind's <c>CreateHead</c>).</summary>
    public static Module<Tensor, Tensor> Create(TargetSpec target, int featureCount) => target.CreateHead(featureCount);

    /// <summary>Dropout, then a linear layer to one logit per output: the head of multi-class, binary and multi-label targets.</summary>
    internal static Module<Tensor, Tensor> Classification(int featureCount, int outputs) =>
        Sequential(("dropout", Dropout(ClassificationDropout)), ("linear", Linear(featureCount, outputs)));
}
