using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Activation = ImageDsl.Networks.MobileBlocks.Activation;

namespace ImageDsl.Networks;

/// <summary>One row of torchvision's MobileNetV3 tables (the paper's Tables 1 and 2).</summary>
/// <param name="InputChannels">Channels in.</param>
/// <param name="Kernel">Side of the depthwise convolution.</param>
/// <param name="ExpandedChannels">Channels of the depthwise stage.</param>
/// <param name="OutputChannels">Channels out.</param>
/// <param name="SqueezeExcite">Whether a squeeze-excitation follows the depthwise convolution.</param>
/// <param name="HardSwish">Hard-swish activations; ReLU otherwise.</param>
/// <param name="Stride">1, or 2 to halve the map.</param>
internal readonly record struct InvertedResidualSetting(int InputChannels, int Kernel, int ExpandedChannels, int OutputChannels, bool SqueezeExcite, bool HardSwish, int Stride);

/// <summary>
/// MobileNetV3's block, as torchvision's <c>InvertedResidual</c>: a 1x1 expansion (left out when it
/// would not change the width), a depthwise convolution, squeeze-excitation with a hard sigmoid,
/// and a linear 1x1 projection, each under <c>block.</c> (<c>block.0.0.weight</c>, …), plus the
/// input when stride and width let it through.
/// </summary>
public sealed class InvertedResidual : Module<Tensor, Tensor>
{
    /// <summary>torchvision's MobileNetV3 batch norm: eps 0.001, momentum 0.01 (not PyTorch's defaults).</summary>
    internal const double BatchNormEps = 0.001, BatchNormMomentum = 0.01;

    private readonly Sequential block;

    internal InvertedResidual(InvertedResidualSetting setting) : base(nameof(InvertedResidual))
    {
        if (setting.Stride is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(setting), setting.Stride, "An inverted residual block has stride 1 or 2.");
        var activation = setting.HardSwish ? Activation.Hardswish : Activation.ReLU;
        var layers = new List<Module<Tensor, Tensor>>();
        if (setting.ExpandedChannels != setting.InputChannels)
            layers.Add(Layer(setting.InputChannels, setting.ExpandedChannels, 1, 1, 1, activation));
        layers.Add(Layer(setting.ExpandedChannels, setting.ExpandedChannels, setting.Kernel, setting.Stride, setting.ExpandedChannels, activation));
        if (setting.SqueezeExcite)
            layers.Add(MobileBlocks.SqueezeExcitation(setting.ExpandedChannels, MobileBlocks.MakeDivisible(setting.ExpandedChannels / 4), Activation.ReLU, hardSigmoid: true));
        layers.Add(Layer(setting.ExpandedChannels, setting.OutputChannels, 1, 1, 1, Activation.None));
        block = Sequential(layers);
        HasResidual = setting.Stride == 1 && setting.InputChannels == setting.OutputChannels;
        RegisterComponents();
    }

    /// <summary>Whether the input is added to the block's output (stride 1, same width in and out).</summary>
    public bool HasResidual { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        var y = block.call(x);
        // In place, as torchvision does: the projection's output is a fresh tensor nothing else reads.
        return HasResidual ? y.add_(x) : y;
    }

    private static Sequential Layer(long inChannels, long outChannels, long kernel, long stride, long groups, Activation activation) =>
        MobileBlocks.ConvNormActivation(inChannels, outChannels, kernel, stride, groups, activation, BatchNormEps, BatchNormMomentum);
}
