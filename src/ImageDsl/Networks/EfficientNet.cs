using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Activation = ImageDsl.Networks.MobileBlocks.Activation;

namespace ImageDsl.Networks;

/// <summary>
/// torchvision's EfficientNet-B0 without its classifier: a 3x3 stride-2 SiLU stem
/// (<c>features.0</c>), seven stages of <see cref="MBConv"/> blocks (<c>features.1</c> …
/// <c>features.7</c>), a 1x1 SiLU convolution to 1280 channels (<c>features.8</c>) and global
/// average pooling to 1280 features. Names are torchvision's (<c>features.2.0.block.1.0.weight</c>, …),
/// so a torchvision state_dict, minus <c>classifier.*</c>, loads one to one. TorchSharp's TorchVision
/// package has no EfficientNet; this one is written here (docs/backbones.md).
/// </summary>
public sealed class EfficientNet : BackboneModule
{
    /// <summary>The smallest side it accepts: five stride-2 stages (stem and four stages) bring 32 pixels down to one.</summary>
    public const int MinimumSide = 32;

    /// <summary>Width of the features: the last convolution's channels (four times the last stage's 320).</summary>
    public const int Features = 1280;

    /// <summary>torchvision's stochastic depth probability for B0, reached by the last block.</summary>
    public const double StochasticDepthProbability = 0.2;

    /// <summary>EfficientNet-B0's stages (width and depth multipliers 1), as torchvision's <c>_efficientnet_conf</c>.</summary>
    private static readonly MBConvStage[] B0 =
    [
        new(1, 3, 1, 32, 16, 1),
        new(6, 3, 2, 16, 24, 2),
        new(6, 5, 2, 24, 40, 2),
        new(6, 3, 2, 40, 80, 3),
        new(6, 5, 1, 80, 112, 3),
        new(6, 5, 2, 112, 192, 4),
        new(6, 3, 1, 192, 320, 1),
    ];

    private const string DisplayName = "EfficientNet-B0";

    private readonly Sequential features;
    private readonly AdaptiveAvgPool2d avgpool;

    /// <summary>Builds an untrained backbone for images of <paramref name="input"/>'s size, refusing sizes it cannot take.</summary>
    public EfficientNet(InputSpec input) : this(input.Channels)
    {
        MobileBlocks.CheckSize(DisplayName, MinimumSide, input.Width, input.Height, nameof(input));
    }

    /// <summary>Builds an untrained backbone for <paramref name="inputChannels"/>-channel images of any size of at least <see cref="MinimumSide"/>.</summary>
    public EfficientNet(int inputChannels = 3) : base(DisplayName)
    {
        if (inputChannels < 1) throw new ArgumentOutOfRangeException(nameof(inputChannels), inputChannels, "A network needs at least one input channel.");
        InputChannels = inputChannels;
        var layers = new List<Module<Tensor, Tensor>> { Layer(inputChannels, B0[0].InputChannels, 3, 2, Activation.SiLU) };
        int total = B0.Sum(s => s.Blocks), index = 0;
        foreach (var stage in B0)
        {
            var blocks = new List<Module<Tensor, Tensor>>();
            for (int i = 0; i < stage.Blocks; i++, index++)
            {
                // torchvision: the drop probability grows linearly with the block's index over the whole network.
                blocks.Add(new MBConv(stage.ExpandRatio, stage.Kernel, i == 0 ? stage.Stride : 1, i == 0 ? stage.InputChannels : stage.OutputChannels,
                    stage.OutputChannels, StochasticDepthProbability * index / total));
            }
            layers.Add(Sequential(blocks));
        }
        layers.Add(Layer(B0[^1].OutputChannels, Features, 1, 1, Activation.SiLU));
        features = Sequential(layers);
        avgpool = AdaptiveAvgPool2d(1);
        RegisterComponents();
        MobileBlocks.Initialize(this, InitializeLinear);
    }

    /// <summary>Channels of the images it takes (the first convolution's input channels).</summary>
    public int InputChannels { get; }

    /// <inheritdoc />
    public override int FeatureCount => Features;

    /// <inheritdoc />
    public override string InputConvolution => "features.0.0.weight";

    /// <summary>torchvision's classifier, dropout (<c>classifier.0</c>) and linear layer (<c>classifier.1</c>), which the heads replace.</summary>
    public override IReadOnlyList<string> ClassifierPrefixes { get; } = ["classifier."];

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        MobileBlocks.CheckBatch(DisplayName, InputChannels, MinimumSide, images);
        using var scope = NewDisposeScope();
        return avgpool.call(features.call(images)).flatten(1).MoveToOuterDisposeScope();
    }

    /// <summary>torchvision's EfficientNet linear initialization: uniform in ±1/√outputs, zero bias.</summary>
    internal static void InitializeLinear(Linear linear)
    {
        using var _ = no_grad();
        double range = 1.0 / Math.Sqrt(linear.out_features);
        init.uniform_(linear.weight, -range, range);
        init.zeros_(linear.bias);
    }

    private static Sequential Layer(long inChannels, long outChannels, long kernel, long stride, Activation activation) =>
        MobileBlocks.ConvNormActivation(inChannels, outChannels, kernel, stride, 1, activation, TorchvisionLayers.BatchNormEps, TorchvisionLayers.BatchNormMomentum);

    /// <inheritdoc />
    protected override IEnumerable<Module<Tensor, Tensor>> MapStages => features.children().Cast<Module<Tensor, Tensor>>();

    /// <inheritdoc />
    protected override Tensor Pool(Tensor lastMap) => avgpool.call(lastMap).flatten(1);
}
