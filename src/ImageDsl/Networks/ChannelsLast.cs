using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Networks;

/// <summary>
/// Runs the small CNNs' blocks on channels-last ("NHWC") activations. The layout changes only how
/// a tensor is stored, not its values or shape, so parameters, saved models and the ONNX export are
/// untouched. What it buys: once a convolution's input is channels-last, libtorch keeps its output
/// that way, and its oneDNN convolution, batch norm, ReLU and max pooling then run vectorized across
/// channels; at 1x28x28 with batch 64 a SmallCnn training step measured 1.1–1.2x faster than with
/// the default layout (benchmarks/ImageDsl.Benchmarks, docs/backbones.md#speed). ResNet keeps the
/// default layout: there it measured no faster.
/// </summary>
internal static class ChannelsLast
{
    /// <summary>
    /// <paramref name="x"/> [N, C, H, W] stored channels-last: copied once, returned as it is when it
    /// already is (a one- or two-dimensional map is stored the same both ways and may be copied).
    /// </summary>
    public static Tensor Of(Tensor x) => x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    /// <summary>
    /// Runs <paramref name="block"/>'s layers in order, storing the first convolution's output
    /// channels-last (libtorch keeps every later layer's output that way). The first one, because
    /// a one-channel image is stored the same in both layouts and libtorch then picks the default.
    /// </summary>
    public static Tensor Run(Sequential block, Tensor x)
    {
        foreach (var (_, layer) in block.named_children())
        {
            x = ((nn.Module<Tensor, Tensor>)layer).call(x);
            if (layer is Conv2d) x = Of(x);
        }
        return x;
    }
}
