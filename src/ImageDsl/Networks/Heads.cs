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
    /// label for classification targets (multi-class, binary, multi-label; after dropout), and
    /// for regression targets their values at the training scale ([-1, 1] for bounded values,
    /// standard units for unbounded ones, sine and cosine for periodic ones).
    /// </summary>
    public static Module<Tensor, Tensor> Create(TargetSpec target, int featureCount) => target switch
    {
        LabelTargetSpec or BinaryTargetSpec or MultiLabelTargetSpec =>
            Sequential(("dropout", Dropout(ClassificationDropout)), ("linear", Linear(featureCount, target.OutputWidth))),
        _ => Linear(featureCount, target.OutputWidth),
    };
}
