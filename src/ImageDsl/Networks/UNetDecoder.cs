using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp.Modules;

namespace ImageDsl.Networks;

/// <summary>
/// A U-Net style decoder over a backbone's multi-scale feature maps (<see cref="BackboneModule.ForwardMaps"/>):
/// from the coarsest map up, each step upsamples (bilinear) to the next finer map's size, joins it
/// (skip connection) and applies two 3x3 convolutions with batch norm and ReLU; a last 1x1
/// convolution gives the output channels, resized to the output resolution if it differs.
/// </summary>
public sealed class UNetDecoder : Module<Tensor[], Tensor>
{
    private readonly ModuleList<Sequential> steps = new();
    private readonly Conv2d output;
    private readonly Conv2d? bottleneck;
    private readonly int height;
    private readonly int width;

    /// <summary>Builds the decoder.</summary>
    /// <param name="maps">Channels and size of each feature map, finest first.</param>
    /// <param name="outputChannels">Channels of the output (1 for a value map, one per class for a mask).</param>
    /// <param name="height">The output's height.</param>
    /// <param name="width">The output's width.</param>
    public UNetDecoder(IReadOnlyList<(int Channels, int Height, int Width)> maps, int outputChannels, int height, int width) : base(nameof(UNetDecoder))
    {
        if (maps.Count < 2) throw new ArgumentException("A decoder needs the images and at least one feature map.", nameof(maps));
        this.height = height;
        this.width = width;
        int channels = maps[^1].Channels;
        int coarse = Width(maps.Count - 1, maps);
        if (coarse != channels) bottleneck = Conv2d(channels, coarse, 1);
        channels = coarse;
        for (int level = maps.Count - 2; level >= 0; level--)
        {
            int outChannels = Width(level, maps);
            steps.Add(Sequential(
                ("conv1", Conv2d(channels + maps[level].Channels, outChannels, 3, padding: 1, bias: false)),
                ("bn1", BatchNorm2d(outChannels)),
                ("relu1", ReLU(inplace: true)),
                ("conv2", Conv2d(outChannels, outChannels, 3, padding: 1, bias: false)),
                ("bn2", BatchNorm2d(outChannels)),
                ("relu2", ReLU(inplace: true))));
            channels = outChannels;
        }
        output = Conv2d(channels, outputChannels, 1);
        RegisterComponents();
    }

    // The decoder's width at a level: the map's channels, kept within [16, 128] (a 2048-channel
    // ResNet-50 map needs no 2048-channel decoder; the image's own 1 or 3 channels are too few).
    private static int Width(int level, IReadOnlyList<(int Channels, int Height, int Width)> maps) =>
        level == 0 ? Math.Max(16, Math.Min(128, maps[1].Channels / 2)) : Math.Clamp(maps[level].Channels, 16, 128);

    /// <summary>Writes the decoder into an ONNX graph over the backbone's maps (finest first); returns its output.</summary>
    internal string ExportOnnx(Onnx.OnnxGraphBuilder graph, IReadOnlyList<string> maps)
    {
        var x = bottleneck is null ? maps[^1] : graph.Emit(bottleneck, maps[^1], "bottleneck");
        int level = maps.Count - 2, index = 0;
        foreach (var step in steps)
        {
            var skip = maps[level--];
            var skipShape = graph.RequireShape(skip, "a skip connection");
            using (graph.Scoped($"steps/{index}/up")) x = Onnx.OnnxDense.Resize(graph, x, skipShape[2], skipShape[3]);
            using (graph.Scoped($"steps/{index}/join")) x = Onnx.OnnxDense.Join(graph, x, skip);
            x = graph.Emit(step, x, $"steps/{index++}");
        }
        x = graph.Emit(output, x, "output");
        using (graph.Scoped("resize")) return Onnx.OnnxDense.Resize(graph, x, height, width);
    }

    /// <summary>The feature maps in (finest first, as <see cref="BackboneModule.ForwardMaps"/> gives them), the output <c>[N, C, height, width]</c> out.</summary>
    public override Tensor forward(Tensor[] maps)
    {
        using var scope = NewDisposeScope();
        var x = bottleneck is null ? maps[^1] : bottleneck.call(maps[^1]);
        int level = maps.Length - 2;
        foreach (var step in steps)
        {
            var skip = maps[level--];
            x = functional.interpolate(x, [skip.shape[2], skip.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
            x = step.call(cat([x, skip], 1));
        }
        x = output.call(x);
        if (x.shape[2] != height || x.shape[3] != width)
            x = functional.interpolate(x, [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        return x.MoveToOuterDisposeScope();
    }
}
