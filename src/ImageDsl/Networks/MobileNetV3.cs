using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Activation = ImageDsl.Networks.MobileBlocks.Activation;

namespace ImageDsl.Networks;

/// <summary>
/// torchvision's MobileNetV3-Small / -Large without its last linear layer: a 3x3 stride-2
/// hard-swish stem, the <see cref="InvertedResidual"/> blocks, a 1x1 convolution to six times the
/// last block's width, global average pooling, and the classifier's first layer and hard-swish
/// (<c>classifier.0</c>, to 1024 or 1280 features), which the paper counts as part of the network and
/// ImageNet weights train. Names are torchvision's (<c>features.0.0.weight</c>,
/// <c>features.4.block.2.fc1.weight</c>, <c>classifier.0.weight</c>), so a torchvision state_dict,
/// minus <c>classifier.3.*</c>, loads one to one. Written here rather than taken from TorchSharp's
/// TorchVision package, whose port differs from torchvision (docs/backbones.md).
/// </summary>
public sealed class MobileNetV3 : BackboneModule
{
    /// <summary>The smallest side it accepts: five stride-2 stages (stem and four blocks) bring 32 pixels down to one.</summary>
    public const int MinimumSide = 32;

    private readonly Sequential features;
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Sequential classifier;

    /// <summary>Builds an untrained backbone for images of <paramref name="input"/>'s size, refusing sizes it cannot take.</summary>
    public MobileNetV3(MobileNetV3Size size, InputSpec input) : this(size, input.Channels)
    {
        MobileBlocks.CheckSize(size.DisplayName(), MinimumSide, input.Width, input.Height, nameof(input));
    }

    /// <summary>Builds an untrained backbone for <paramref name="inputChannels"/>-channel images of any size of at least <see cref="MinimumSide"/>.</summary>
    public MobileNetV3(MobileNetV3Size size, int inputChannels = 3) : base(size.DisplayName())
    {
        if (inputChannels < 1) throw new ArgumentOutOfRangeException(nameof(inputChannels), inputChannels, "A network needs at least one input channel.");
        Size = size;
        InputChannels = inputChannels;
        var blocks = size.Blocks();
        var layers = new List<Module<Tensor, Tensor>>
        {
            MobileBlocks.ConvNormActivation(inputChannels, blocks[0].InputChannels, 3, 2, 1, Activation.Hardswish, InvertedResidual.BatchNormEps, InvertedResidual.BatchNormMomentum),
        };
        layers.AddRange(blocks.Select(setting => new InvertedResidual(setting)));
        int last = blocks[^1].OutputChannels;
        layers.Add(MobileBlocks.ConvNormActivation(last, 6 * last, 1, 1, 1, Activation.Hardswish, InvertedResidual.BatchNormEps, InvertedResidual.BatchNormMomentum));
        features = Sequential(layers);
        avgpool = AdaptiveAvgPool2d(1);
        PooledChannels = 6 * last;
        classifier = Sequential(("0", Linear(PooledChannels, size.FeatureCount())), ("1", MobileBlocks.Create(Activation.Hardswish)));
        RegisterComponents();
        MobileBlocks.Initialize(this, linear =>
        {
            init.normal_(linear.weight, 0, 0.01);
            init.zeros_(linear.bias);
        });
    }

    /// <summary>Which MobileNetV3 this is.</summary>
    public MobileNetV3Size Size { get; }

    /// <summary>Channels of the images it takes (the first convolution's input channels).</summary>
    public int InputChannels { get; }

    /// <summary>Channels of the map that is pooled: 576 (Small) or 960 (Large).</summary>
    public int PooledChannels { get; }

    /// <inheritdoc />
    public override int FeatureCount => Size.FeatureCount();

    /// <inheritdoc />
    public override string InputConvolution => "features.0.0.weight";

    /// <summary>torchvision's last classifier layer, <c>classifier.3</c> (after its dropout, <c>classifier.2</c>), which the heads replace.</summary>
    public override IReadOnlyList<string> ClassifierPrefixes { get; } = ["classifier.3."];

    /// <summary>The classifier layers this backbone ends with (<c>classifier.0</c>, <c>classifier.1</c>), for the complete torchvision classifier.</summary>
    internal IEnumerable<(string Name, Module<Tensor, Tensor> Layer)> ClassifierLayers =>
        classifier.named_children().Select(c => (c.name, (Module<Tensor, Tensor>)c.module));

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        MobileBlocks.CheckBatch(Size.DisplayName(), InputChannels, MinimumSide, images);
        using var scope = NewDisposeScope();
        var pooled = avgpool.call(features.call(images)).flatten(1);
        return classifier.call(pooled).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override IEnumerable<Module<Tensor, Tensor>> MapStages => features.children().Cast<Module<Tensor, Tensor>>();

    /// <inheritdoc />
    protected override Tensor Pool(Tensor lastMap) => classifier.call(avgpool.call(lastMap).flatten(1));
}
