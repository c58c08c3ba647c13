using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// torchvision's complete <c>mobilenet_v3_small(num_classes=…)</c> / <c>mobilenet_v3_large(…)</c>:
/// the <see cref="MobileNetV3"/> backbone, dropout (<c>classifier.2</c>) and the last linear layer
/// (<c>classifier.3</c>), images in, logits out. Its state_dict is torchvision's key for key, which
/// the parity check against torchvision needs; image models use <see cref="MobileNetV3"/> and their own heads.
/// </summary>
public sealed class MobileNetV3Classifier : Module<Tensor, Tensor>
{
    /// <summary>torchvision's dropout before the last layer.</summary>
    public const double DropoutProbability = 0.2;

    private readonly MobileNetV3 backbone;
    private readonly Dropout dropout;
    private readonly Linear last;

    /// <summary>Builds an untrained classifier with <paramref name="classes"/> outputs.</summary>
    public MobileNetV3Classifier(MobileNetV3Size size, int classes = 1000, int inputChannels = 3) : base(size.DisplayName())
    {
        backbone = new MobileNetV3(size, inputChannels);
        dropout = Dropout(DropoutProbability);
        last = Linear(backbone.FeatureCount, classes);
        using (no_grad())
        {
            init.normal_(last.weight, 0, 0.01);
            init.zeros_(last.bias);
        }
        // Registered under torchvision's names: the backbone's features and pooling at the top, its
        // classifier.0 and .1 beside the dropout and the last layer in one "classifier".
        foreach (var (name, child) in backbone.named_children().Where(c => c.name != "classifier")) register_module(name, child);
        var classifier = Sequential(backbone.ClassifierLayers.Append(("2", dropout)).Append(("3", last)));
        register_module("classifier", classifier);
    }

    /// <summary>The backbone the logits are computed from; it shares this module's layers.</summary>
    public MobileNetV3 Backbone => backbone;

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        using var features = backbone.call(images);
        using var dropped = dropout.call(features);
        return last.call(dropped);
    }
}
