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
/// </summary>
public sealed class PlainCnn : BackboneModule
{
    /// <summary>Blocks when none are given.</summary>
    public const int DefaultBlocks = 3;

    /// <summary>Channels of the first block when no width is given.</summary>
    public const int DefaultWidth = 32;

    /// <summary>The smallest side the default configuration accepts: each of its three blocks halves the image.</summary>
    public const int MinimumSide = 1 << DefaultBlocks;

    private readonly Sequential blocks;
    private readonly int features;

    /// <summary>Builds the network for images of <paramref name="input"/>'s size.</summary>
    /// <param name="input">Image geometry; each side must be at least <see cref="MinimumSideFor"/>(<paramref name="blocks"/>).</param>
    /// <param name="blocks">Number of conv-conv-pool blocks, 1 to 6.</param>
    /// <param name="width">Channels of the first block, 4 to 256; each further block doubles it.</param>
    public PlainCnn(InputSpec input, int blocks = DefaultBlocks, int width = DefaultWidth) : base(nameof(PlainCnn))
    {
        if (blocks is < 1 or > 6) throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "PlainCnn takes 1 to 6 blocks.");
        if (width is < 4 or > 256) throw new ArgumentOutOfRangeException(nameof(width), width, "PlainCnn's width must be 4 to 256 channels.");
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
        return blocks.call(images).mean([2, 3]).MoveToOuterDisposeScope();
    }

    private static Sequential Block(int inChannels, int outChannels) => Sequential(
        ("conv1", Conv2d(inChannels, outChannels, 3, padding: 1, bias: false)),
        ("bn1", TorchvisionLayers.BatchNorm(outChannels)),
        ("relu1", ReLU(inplace: true)),
        ("conv2", Conv2d(outChannels, outChannels, 3, padding: 1, bias: false)),
        ("bn2", TorchvisionLayers.BatchNorm(outChannels)),
        ("relu2", ReLU(inplace: true)),
        ("pool", MaxPool2d(2)));
}
