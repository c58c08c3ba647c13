using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// torchvision's ResNet-18 / ResNet-34 / ResNet-50 without its final <c>fc</c> layer: a 7x7
/// stride-2 stem, a max-pool, four stages of <see cref="BasicBlock"/>s (64, 128, 256, 512
/// channels) or, for ResNet-50, of bottleneck blocks (256, 512, 1024, 2048 channels; see
/// <see cref="ResNetBottlenecks"/>), and global average pooling to 512 or 2048 features.
/// Module and parameter names are torchvision's
/// (<c>conv1</c>, <c>bn1</c>, <c>layer1.0.conv1</c>, <c>layer2.0.downsample.0</c>, …), so a
/// torchvision state_dict, minus <c>fc.*</c>, loads one to one.
/// </summary>
public sealed class ResNet : BackboneModule
{
    /// <summary>
    /// The smallest side this backbone accepts. ResNet halves the image five times (stem
    /// convolution, max-pool, stages 2–4), so 32 pixels is where the last stage still sees one
    /// real pixel; below that, the later stages only ever see zero padding. (The layers
    /// themselves would run on smaller images, as torchvision allows; we refuse them because
    /// the result would be a network that silently learns nothing from its deepest stages.)
    /// </summary>
    public const int MinimumSide = 32;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu;
    private readonly MaxPool2d maxpool;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly AdaptiveAvgPool2d avgpool;

    /// <summary>Builds an untrained backbone for images of <paramref name="input"/>'s size, refusing sizes it cannot take.</summary>
    public ResNet(ResNetDepth depth, InputSpec input) : this(depth, input.Channels)
    {
        CheckSize(depth, input.Width, input.Height, nameof(input));
    }

    /// <summary>Builds an untrained backbone for <paramref name="inputChannels"/>-channel images of any size of at least <see cref="MinimumSide"/>.</summary>
    public ResNet(ResNetDepth depth, int inputChannels = 3) : base(depth.DisplayName())
    {
        if (inputChannels < 1) throw new ArgumentOutOfRangeException(nameof(inputChannels), inputChannels, "A network needs at least one input channel.");
        Depth = depth;
        InputChannels = inputChannels;
        conv1 = Conv2d(inputChannels, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = TorchvisionLayers.BatchNorm(64);
        relu = ReLU(inplace: true);
        maxpool = MaxPool2d(3, stride: 2, padding: 1);
        var stages = depth.HasBottlenecks() ? ResNetBottlenecks.CreateStages() : BasicStages(depth);
        (layer1, layer2, layer3, layer4) = (stages[0], stages[1], stages[2], stages[3]);
        avgpool = AdaptiveAvgPool2d(1);
        RegisterComponents();
        if (depth.HasBottlenecks())
        {
            // TorchSharp's stages come initialized as torchvision's; only the stem is ours to initialize.
            TorchvisionLayers.InitializeLayer(conv1);
            TorchvisionLayers.InitializeLayer(bn1);
        }
        else
        {
            TorchvisionLayers.Initialize(this);
        }
    }

    /// <summary>Which ResNet this is.</summary>
    public ResNetDepth Depth { get; }

    /// <summary>Channels of the images it takes (the first convolution's input channels).</summary>
    public int InputChannels { get; }

    /// <inheritdoc />
    public override int FeatureCount => Depth.FeatureCount();

    /// <inheritdoc />
    public override string InputConvolution => "conv1.weight";

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        CheckBatch(images);
        using var scope = NewDisposeScope();
        // torchvision's stem is conv, bn, ReLU, max pool. Pooling first gives the same values and
        // gradients (the ReLU keeps order, so it commutes with the maximum; every window holds at
        // least one pixel, padding aside) and runs the ReLU on a quarter of the map.
        var x = relu.call(maxpool.call(bn1.call(conv1.call(images))));
        x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
        return avgpool.call(x).flatten(1).MoveToOuterDisposeScope();
    }

    private void CheckBatch(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != InputChannels)
            throw new ArgumentException($"{Depth.DisplayName()} takes images [N, {InputChannels}, H, W]; it was given [{string.Join(", ", images.shape)}].", nameof(images));
        CheckSize(Depth, images.shape[3], images.shape[2], nameof(images));
    }

    private static void CheckSize(ResNetDepth depth, long width, long height, string parameter)
    {
        if (width < MinimumSide || height < MinimumSide)
            throw new ArgumentException(
                $"{depth.DisplayName()} needs images of at least {MinimumSide}x{MinimumSide} pixels (it halves them five times); it was given {width}x{height}. " +
                $"Declare a larger size, or use {nameof(Backbone.SmallCnn)} for small images.", parameter);
    }

    private static Sequential[] BasicStages(ResNetDepth depth)
    {
        var blocks = depth.BlocksPerStage();
        return [Stage(64, 64, blocks[0], stride: 1), Stage(64, 128, blocks[1], stride: 2), Stage(128, 256, blocks[2], stride: 2), Stage(256, 512, blocks[3], stride: 2)];
    }

    // torchvision's _make_layer: the first block changes width and stride, the rest keep them.
    private static Sequential Stage(int inChannels, int outChannels, int blocks, int stride)
    {
        var modules = new Module<Tensor, Tensor>[blocks];
        modules[0] = new BasicBlock(inChannels, outChannels, stride);
        for (int i = 1; i < blocks; i++) modules[i] = new BasicBlock(outChannels, outChannels);
        return Sequential(modules);
    }

    /// <inheritdoc />
    protected override IEnumerable<Module<Tensor, Tensor>> MapStages => [conv1, bn1, relu, maxpool, layer1, layer2, layer3, layer4];

    /// <inheritdoc />
    protected override Tensor Pool(Tensor lastMap) => avgpool.call(lastMap).flatten(1);
}
