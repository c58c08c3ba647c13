using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// Three conv(3x3) / batch-norm / ReLU blocks (32, 64, 128 channels), the first two followed by
/// 2x max-pooling, then the feature map is pooled to 7x7 and flattened into a 128-unit fully
/// connected layer. Flattening a 7x7 map, rather than pooling globally or down to 3x3, keeps
/// where things are in the image, which regression targets (angles, boxes) need.
/// </summary>
public sealed class SmallCnn : BackboneModule
{
    private const int Features = 128;

    private readonly Sequential block1;
    private readonly Sequential block2;
    private readonly Sequential block3;
    private readonly AdaptiveAvgPool2d grid;
    private readonly Linear fc;

    /// <summary>The smallest side this backbone accepts: two 2x poolings leave a 2x2 map from 8 pixels.</summary>
    public const int MinimumSide = 8;

    private const int GridSide = 7;

    /// <summary>Builds the network for images of <paramref name="input"/>'s size.</summary>
    public SmallCnn(InputSpec input) : base(nameof(SmallCnn))
    {
        if (input.Width < MinimumSide || input.Height < MinimumSide)
            throw new ArgumentException($"SmallCnn needs images of at least {MinimumSide}x{MinimumSide} pixels; the spec declares {input}.", nameof(input));
        block1 = Block(input.Channels, 32, pool: true);
        block2 = Block(32, 64, pool: true);
        block3 = Block(64, 128, pool: false);
        grid = AdaptiveAvgPool2d(GridSide);
        fc = Linear(128 * GridSide * GridSide, Features);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override int FeatureCount => Features;

    /// <inheritdoc />
    public override string InputConvolution => "block1.conv.weight";

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = images;
        foreach (var block in new[] { block1, block2, block3 }) x = ChannelsLast.Run(block, x);
        x = GridPooling.Apply(grid, x);
        var features = functional.relu(fc.call(x.flatten(1)));
        return features.MoveToOuterDisposeScope();
    }

    private static Sequential Block(int inChannels, int outChannels, bool pool)
    {
        var block = Sequential(
            ("conv", Conv2d(inChannels, outChannels, 3, padding: 1, bias: false)),
            ("bn", BatchNorm2d(outChannels)));
        // Pooling before the ReLU gives the same values (the ReLU keeps order, so it commutes with
        // the maximum) and the same gradients, and the ReLU then runs on a quarter of the map.
        if (pool) block.append("pool", MaxPool2d(2));
        block.append("relu", ReLU(inplace: true));
        return block;
    }

    /// <inheritdoc />
    protected override IEnumerable<Module<Tensor, Tensor>> MapStages => [block1, block2, block3];

    /// <inheritdoc />
    protected override Tensor Pool(Tensor lastMap) => functional.relu(fc.call(GridPooling.Apply(grid, lastMap).flatten(1)));
}
