using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Activation = ImageDsl.Networks.MobileBlocks.Activation;

namespace ImageDsl.Networks;

/// <summary>One stage of torchvision's EfficientNet table: blocks of one kind, the first changing width and stride.</summary>
/// <param name="ExpandRatio">Expanded channels per input channel (1: no expansion).</param>
/// <param name="Kernel">Side of the depthwise convolution.</param>
/// <param name="Stride">The first block's stride (the others have 1).</param>
/// <param name="InputChannels">Channels into the stage.</param>
/// <param name="OutputChannels">Channels out of each block.</param>
/// <param name="Blocks">Blocks in the stage.</param>
internal readonly record struct MBConvStage(int ExpandRatio, int Kernel, int Stride, int InputChannels, int OutputChannels, int Blocks);

/// <summary>
/// EfficientNet's block, as torchvision's <c>MBConv</c>: a 1x1 SiLU expansion (none at ratio 1), a
/// depthwise SiLU convolution, squeeze-excitation (a quarter of the block's input channels,
/// SiLU, sigmoid) and a linear 1x1 projection under <c>block.</c>; when stride and width let the
/// input through, the block's output passes stochastic depth (whole samples dropped while
/// training with probability <see cref="DropProbability"/>; the identity in evaluation) and the input is added.
/// </summary>
public sealed class MBConv : Module<Tensor, Tensor>
{
    private readonly Sequential block;
    private readonly torchvision.StochasticDepth stochastic_depth;

    internal MBConv(int expandRatio, int kernel, int stride, int inputChannels, int outputChannels, double dropProbability) : base(nameof(MBConv))
    {
        if (stride is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(stride), stride, "An MBConv block has stride 1 or 2.");
        long expanded = MobileBlocks.MakeDivisible(inputChannels * (double)expandRatio);
        var layers = new List<Module<Tensor, Tensor>>();
        if (expanded != inputChannels) layers.Add(Layer(inputChannels, expanded, 1, 1, 1, Activation.SiLU));
        layers.Add(Layer(expanded, expanded, kernel, stride, expanded, Activation.SiLU));
        layers.Add(MobileBlocks.SqueezeExcitation(expanded, Math.Max(1, inputChannels / 4), Activation.SiLU, hardSigmoid: false));
        layers.Add(Layer(expanded, outputChannels, 1, 1, 1, Activation.None));
        block = Sequential(layers);
        stochastic_depth = torchvision.ops.StochasticDepth(dropProbability, torchvision.StochasticDepth.Mode.Row);
        DropProbability = dropProbability;
        HasResidual = stride == 1 && inputChannels == outputChannels;
        RegisterComponents();
    }

    /// <summary>Whether the input is added to the block's output (stride 1, same width in and out).</summary>
    public bool HasResidual { get; }

    /// <summary>The probability that training drops this block's residual branch for a sample (torchvision: 0.2 × the block's index / the block count).</summary>
    public double DropProbability { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        var y = block.call(x);
        if (!HasResidual) return y;
        // Stochastic depth is the identity outside training and at probability 0 (an alias then).
        return stochastic_depth.call(y).add_(x);
    }

    /// <summary>torchvision's EfficientNet-B0 batch norm: PyTorch's defaults.</summary>
    private static Sequential Layer(long inChannels, long outChannels, long kernel, long stride, long groups, Activation activation) =>
        MobileBlocks.ConvNormActivation(inChannels, outChannels, kernel, stride, groups, activation, TorchvisionLayers.BatchNormEps, TorchvisionLayers.BatchNormMomentum);
}
