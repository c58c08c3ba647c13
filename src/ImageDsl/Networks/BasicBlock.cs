using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// The residual block of ResNet-18 and ResNet-34: two 3x3 convolutions with batch norm and a
/// shortcut. Field names match torchvision's <c>BasicBlock</c> (<c>conv1</c>, <c>bn1</c>,
/// <c>conv2</c>, <c>bn2</c>, <c>downsample.0</c>, <c>downsample.1</c>) so its state_dict keys do too.
/// </summary>
public sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;

    /// <summary>
    /// Builds a block from <paramref name="inChannels"/> to <paramref name="outChannels"/>. When
    /// <paramref name="stride"/> is not 1 or the width changes, the shortcut is a strided 1x1
    /// convolution with batch norm, as in torchvision (ResNet "option B").
    /// </summary>
    public BasicBlock(int inChannels, int outChannels, int stride = 1) : base(nameof(BasicBlock))
    {
        conv1 = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = TorchvisionLayers.BatchNorm(outChannels);
        relu = ReLU(inplace: true);
        conv2 = Conv2d(outChannels, outChannels, 3, stride: 1, padding: 1, bias: false);
        bn2 = TorchvisionLayers.BatchNorm(outChannels);
        if (stride != 1 || inChannels != outChannels)
            downsample = Sequential(Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), TorchvisionLayers.BatchNorm(outChannels));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        var y = relu.call(bn1.call(conv1.call(x)));
        y = bn2.call(conv2.call(y));
        var shortcut = downsample is null ? x : downsample.call(x);
        // In place, as torchvision does: the sum is a fresh tensor nothing else reads.
        return y.add_(shortcut).relu_();
    }
}
