using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// A VGG-style network for small images with a configurable depth and width: <c>blocks</c>
/// blocks of two conv(3x3) / batch-norm / ReLU layers and a 2x max-pool, the first block
/// <c>width</c> channels wide and each next one twice as wide, then global average pooling.
/// Unlike <see cref="SmallCnn"/> its parameter count does not grow with the image size.
/// With a <c>grid</c>, the final map is instead averaged to <c>grid</c> x <c>grid</c> cells and
/// flattened into a 256-unit fully connected layer (then ReLU): averaging over the whole image
/// loses where things are, which regression targets (angles, boxes, points) need.
/// </summary>
public sealed class PlainCnn : BackboneModule
{
    /// <summary>Blocks when none are given.</summary>
    public const int DefaultBlocks = 3;

    /// <summary>Channels of the first block when no width is given.</summary>
    public const int DefaultWidth = 32;

    /// <summary>Features of the fully connected layer after a grid.</summary>
    public const int GridFeatures = 256;

    /// <summary>The largest grid side.</summary>
    public const int MaxGrid = 8;

    /// <summary>The smallest side the default configuration accepts: each of its three blocks halves the image.</summary>
    public const int MinimumSide = 1 << DefaultBlocks;

    private readonly Sequential blocks;
    // Only with a grid (null fields are not registered, so the default has the parameters it always had).
    private readonly AdaptiveAvgPool2d? grid;
    private readonly Linear? fc;
    private readonly int features;

    /// <summary>Builds the network for images of <paramref name="input"/>'s size.</summary>
    /// <param name="input">Image geometry; each side must be at least <see cref="MinimumSideFor"/>(<paramref name="blocks"/>).</param>
    /// <param name="blocks">Number of conv-conv-pool blocks, 1 to 6.</param>
    /// <param name="width">Channels of the first block, 4 to 256; each further block doubles it.</param>
    /// <param name="grid">0 for global average pooling; 1 to <see cref="MaxGrid"/> to average the final map to that many cells a side and flatten them into <see cref="GridFeatures"/> features.</param>
    public PlainCnn(InputSpec input, int blocks = DefaultBlocks, int width = DefaultWidth, int grid = 0) : base(nameof(PlainCnn))
    {
        if (blocks is < 1 or > 6) throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "PlainCnn takes 1 to 6 blocks.");
        if (width is < 4 or > 256) throw new ArgumentOutOfRangeException(nameof(width), width, "PlainCnn's width must be 4 to 256 channels.");
        if (grid is < 0 or > MaxGrid) throw new ArgumentOutOfRangeException(nameof(grid), grid, $"PlainCnn's grid must be 0 (global average) or 1 to {MaxGrid} cells a side.");
        int minimum = MinimumSideFor(blocks);
        if (input.Width < minimum || input.Height < minimum)
            throw new ArgumentException($"PlainCnn with {blocks} blocks needs images of at least {minimum}x{minimum} pixels (each block halves them); the spec declares {input}.", nameof(input));

        var list = new List<(string, Module<Tensor, Tensor>)>();
        int channels = input.Channels;
        for (int i = 0; i < blocks; i++)
        {
            int outChannels = width << i;
            list.Add((i.ToString(System.Globalization.CultureInfo.InvariantCulture), Block(channels, outChannels)));
            channels = outChannels;
        }
        this.blocks = Sequential(list);
        features = channels;
        if (grid > 0)
        {
            this.grid = AdaptiveAvgPool2d(grid);
            fc = Linear(channels * grid * grid, GridFeatures);
            features = GridFeatures;
        }
        RegisterComponents();
        TorchvisionLayers.Initialize(this);
    }

    /// <summary>The smallest side a PlainCnn with <paramref name="blocks"/> blocks accepts: 2^blocks.</summary>
    public static int MinimumSideFor(int blocks) => 1 << blocks;

    /// <inheritdoc />
    public override int FeatureCount => features;

    /// <inheritdoc />
    public override string InputConvolution => "blocks.0.conv1.weight";

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = images;
        foreach (var (_, block) in blocks.named_children()) x = ChannelsLast.Run((Sequential)block, x);
        var pooled = grid is null || fc is null ? x.mean([2, 3]) : functional.relu(fc.call(GridPooling.Apply(grid, x).flatten(1)));
        return pooled.MoveToOuterDisposeScope();
    }

    private static Sequential Block(int inChannels, int outChannels) => Sequential(
        ("conv1", Conv2d(inChannels, outChannels, 3, padding: 1, bias: false)),
        ("bn1", TorchvisionLayers.BatchNorm(outChannels)),
        ("relu1", ReLU(inplace: true)),
        ("conv2", Conv2d(outChannels, outChannels, 3, padding: 1, bias: false)),
        ("bn2", TorchvisionLayers.BatchNorm(outChannels)),
        // Pooling before the ReLU: the same values and gradients (the ReLU keeps order, so it
        // commutes with the maximum), with the ReLU on a quarter of the map.
        ("pool", MaxPool2d(2)),
        ("relu2", ReLU(inplace: true)));

    /// <inheritdoc />
    protected override IEnumerable<Module<Tensor, Tensor>> MapStages => blocks.children().Cast<Module<Tensor, Tensor>>();

    /// <inheritdoc />
    protected override Tensor Pool(Tensor lastMap) =>
        grid is null || fc is null ? lastMap.mean([2, 3]) : functional.relu(fc.call(GridPooling.Apply(grid, lastMap).flatten(1)));
}
