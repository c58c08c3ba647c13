using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// torchvision's complete <c>resnet18(num_classes=…)</c> / <c>resnet34(…)</c> / <c>resnet50(…)</c>: the
/// <see cref="ResNet"/> backbone and its <c>fc</c> layer, images in, logits out. Its state_dict
/// is torchvision's key for key (<c>fc.weight</c> and <c>fc.bias</c> included), which is what
/// the parity check against torchvision needs; image models use <see cref="ResNet"/> and their own heads.
/// </summary>
public sealed class ResNetClassifier : Module<Tensor, Tensor>
{
    private readonly ResNet features;
    private readonly Linear fc;

    /// <summary>Builds an untrained classifier with <paramref name="classes"/> outputs.</summary>
    public ResNetClassifier(ResNetDepth depth, int classes = 1000, int inputChannels = 3) : base(depth.DisplayName())
    {
        features = new ResNet(depth, inputChannels);
        fc = Linear(features.FeatureCount, classes);
        // The backbone's layers are registered here under their own names, not under a
        // "features." prefix, so the keys are torchvision's ("conv1.weight", not "features.conv1.weight").
        foreach (var (name, child) in features.named_children()) register_module(name, child);
        register_module(nameof(fc), fc);
    }

    /// <summary>The backbone the logits are computed from; it shares this module's layers.</summary>
    public ResNet Backbone => features;

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        using var pooled = features.call(images);
        return fc.call(pooled);
    }
}
