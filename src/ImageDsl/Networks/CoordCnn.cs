using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// A coordinate-aware convolutional network for small images that need both *what* and
/// *where* (a digit and its box): CoordConv-style x and y channels (−1 to 1) appended to the
/// image, five conv(3x3) / batch-norm / ReLU blocks (24, 48, 96, 128, 128 channels), the first
/// four followed by 2x max-pooling while the map is at least 8 pixels on a side, then the map is
/// pooled to 4x4 and flattened into a 256-unit fully connected layer. The first block works at
/// full resolution (a strided first convolution was cheaper but lost the one-pixel strokes of
/// small digits). The coordinate
/// channels let early filters respond to absolute position, and flattening (rather than global
/// pooling) keeps where things are: both help box and keypoint regression.
/// </summary>
public sealed class CoordCnn : BackboneModule
{
    private const int Features = 256;
    private const int GridSide = 4;
    private static readonly int[] Widths = [24, 48, 96, 128, 128];

    private readonly ModuleList<Sequential> blocks;
    private readonly AdaptiveAvgPool2d grid;
    private readonly Linear fc;
    private readonly Tensor coordinates;

    /// <summary>The smallest side this backbone accepts.</summary>
    public const int MinimumSide = 4;

    /// <summary>Builds the network for images of <paramref name="input"/>'s size.</summary>
    public CoordCnn(InputSpec input) : base(nameof(CoordCnn))
    {
        if (input.Width < MinimumSide || input.Height < MinimumSide)
            throw new ArgumentException($"CoordCnn needs images of at least {MinimumSide}x{MinimumSide} pixels; the spec declares {input}.", nameof(input));
        var list = new List<Sequential>();
        int channels = input.Channels + 2, side = Math.Min(input.Width, input.Height);
        for (int b = 0; b < Widths.Length; b++)
        {
            bool halve = b < Widths.Length - 1 && side >= 8;
            list.Add(Block(channels, Widths[b], pool: halve));
            channels = Widths[b];
            if (halve) side /= 2;
        }
        blocks = ModuleList(list.ToArray());
        grid = AdaptiveAvgPool2d(GridSide);
        fc = Linear(channels * GridSide * GridSide, Features);
        // Not a parameter: the same grid for every image, moved along with the module.
        using (no_grad())
        {
            var xs = linspace(-1, 1, input.Width, device: fc.weight!.device).reshape(1, 1, 1, input.Width).expand(1, 1, input.Height, input.Width);
            var ys = linspace(-1, 1, input.Height, device: fc.weight!.device).reshape(1, 1, input.Height, 1).expand(1, 1, input.Height, input.Width);
            coordinates = cat([xs, ys], 1).contiguous();
        }
        register_buffer("coordinates", coordinates, persistent: false);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override int FeatureCount => Features;

    /// <inheritdoc />
    /// <remarks>Its input channels include the two coordinate channels after the image's own.</remarks>
    public override string InputConvolution => "blocks.0.conv.weight";

    /// <inheritdoc />
    public override Tensor forward(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = cat([images, coordinates.expand(images.shape[0], 2, images.shape[2], images.shape[3])], 1);
        foreach (var block in blocks) x = ChannelsLast.Run(block, x);
        var features = functional.relu(fc.call(GridPooling.Apply(grid, x).flatten(1)));
        return features.MoveToOuterDisposeScope();
    }

    private static Sequential Block(int inChannels, int outChannels, bool pool)
    {
        var block = Sequential(
            ("conv", Conv2d(inChannels, outChannels, 3, padding: 1, bias: false)),
            ("bn", BatchNorm2d(outChannels)));
        // Pooling before the ReLU: the same values and gradients (the ReLU keeps order, so it
        // commutes with the maximum), with the ReLU on a quarter of the map.
        if (pool) block.append("pool", MaxPool2d(2));
        block.append("relu", ReLU(inplace: true));
        return block;
    }

    /// <inheritdoc />
    protected override IEnumerable<Module<Tensor, Tensor>> MapStages => blocks;

    internal override bool AddsChannels => true;

    /// <inheritdoc />
    protected override Tensor BeforeStages(Tensor images) => cat([images, coordinates.expand(images.shape[0], 2, images.shape[2], images.shape[3])], 1);

    /// <inheritdoc />
    protected override Tensor Pool(Tensor lastMap) => functional.relu(fc.call(GridPooling.Apply(grid, lastMap).flatten(1)));
}
