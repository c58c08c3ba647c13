using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// torchvision's complete <c>efficientnet_b0(num_classes=…)</c>: the <see cref="EfficientNet"/>
/// backbone, dropout (<c>classifier.0</c>) and a linear layer (<c>classifier.1</c>), images in,
/// logits out, with torchvision's state_dict key for key (for the parity check); image models use
/// <see cref="EfficientNet"/> and their own heads.
/// </summary>
public sealed class EfficientNetClassifier : Module<Tensor, Tensor>
{
    /// <summary>torchvision's dropout before the linear layer for B0.</summary>
    public const double DropoutProbability = 0.2;

    private readonly EfficientNet backbone;
    private readonly Sequential classifier;

    /// <summary>Builds an untrained classifier with <paramref name="classes"/> outputs.</summary>
    public EfficientNetClassifier(int classes = 1000, int inputChannels = 3) : base("EfficientNet-B0")
    {
        backbone = new EfficientNet(inputChannels);
        var linear = Linear(EfficientNet.Features, classes);
        EfficientNet.InitializeLinear(linear);
        classifier = Sequential(("0", Dropout(DropoutProbability)), ("1", linear));
        // The backbone's layers under their own names ("features.0.0.weight"), not under a prefix.
        foreach (var (name, child) in backbone.named_children()) register_module(name, child);
        register_module(nameof(classifier), classifier);
    }

    /// <summary>The backbone the logits are computed from; it shares this module's layers.</summary>
    public EfficientNet Backbone => backbone;

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        using var features = backbone.call(images);
        return classifier.call(features);
    }
}
