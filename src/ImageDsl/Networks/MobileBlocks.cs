using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// What MobileNetV3 and EfficientNet share, as torchvision builds them: its
/// <c>Conv2dNormActivation</c> (a Sequential of convolution <c>0</c>, batch norm <c>1</c> and,
/// when there is one, activation <c>2</c>, so the state_dict keys read <c>features.0.0.weight</c>),
/// its channel rounding, and its initialization.
/// </summary>
internal static class MobileBlocks
{
    /// <summary>The activations these networks use.</summary>
    public enum Activation { None, ReLU, Hardswish, SiLU }

    /// <summary>
    /// torchvision's <c>Conv2dNormActivation</c>: a bias-free convolution padded to keep the size at
    /// stride 1 (<c>(kernel - 1) / 2</c>), batch norm, then the activation.
    /// </summary>
    public static Sequential ConvNormActivation(long inChannels, long outChannels, long kernel, long stride, long groups,
        Activation activation, double eps, double momentum)
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>
        {
            ("0", Conv2d(inChannels, outChannels, kernel, stride: stride, padding: (kernel - 1) / 2, groups: groups, bias: false)),
            ("1", BatchNorm2d(outChannels, eps: eps, momentum: momentum)),
        };
        if (activation != Activation.None) layers.Add(("2", Create(activation)));
        return Sequential(layers);
    }

    /// <summary>
    /// A new activation module. ReLU runs in place, as in torchvision; hard-swish and SiLU do not,
    /// since their gradients need the input an in-place version would overwrite.
    /// </summary>
    public static Module<Tensor, Tensor> Create(Activation activation) => activation switch
    {
        Activation.ReLU => ReLU(inplace: true),
        Activation.Hardswish => Hardswish(),
        Activation.SiLU => SiLU(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Not an activation layer."),
    };

    /// <summary>
    /// torchvision's <c>_make_divisible</c>: <paramref name="value"/> rounded to the nearest multiple
    /// of <paramref name="divisor"/> (at least the divisor), one multiple more when rounding down lost over 10 %.
    /// </summary>
    public static long MakeDivisible(double value, long divisor = 8)
    {
        long rounded = Math.Max(divisor, (long)(value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }

    /// <summary>
    /// torchvision's initialization of both networks: convolutions Kaiming-normal with fan-out
    /// (ReLU gain) and zero bias, batch norm at weight 1 and bias 0; linear layers by
    /// <paramref name="linear"/>, whose initialization differs between the two.
    /// </summary>
    public static void Initialize(Module network, Action<Linear> linear)
    {
        using var _ = no_grad();
        foreach (var (_, module) in network.named_modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    init.kaiming_normal_(conv.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
                    if (conv.bias is { } bias) init.zeros_(bias);
                    break;
                case BatchNorm2d bn:
                    init.ones_(bn.weight);
                    init.zeros_(bn.bias);
                    break;
                case Linear layer:
                    linear(layer);
                    break;
            }
        }
    }

    /// <summary>
    /// Refuses images a backbone that halves them five times cannot take, with the message
    /// <see cref="ResNet"/> gives: below 32 pixels the last stage would see only padding.
    /// </summary>
    public static void CheckSize(string network, int minimumSide, long width, long height, string parameter)
    {
        if (width < minimumSide || height < minimumSide)
            throw new ArgumentException(
                $"{network} needs images of at least {minimumSide}x{minimumSide} pixels (it halves them five times); it was given {width}x{height}. " +
                $"Declare a larger size, or use {nameof(Backbone.SmallCnn)} for small images.", parameter);
    }

    /// <summary>Refuses a batch that is not [N, <paramref name="channels"/>, H, W] of at least the minimum size.</summary>
    public static void CheckBatch(string network, int channels, int minimumSide, Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != channels)
            throw new ArgumentException($"{network} takes images [N, {channels}, H, W]; it was given [{string.Join(", ", images.shape)}].", nameof(images));
        CheckSize(network, minimumSide, images.shape[3], images.shape[2], nameof(images));
    }

    /// <summary>torchvision's squeeze-excitation (TorchSharp's port computes the same: pool, fc1, activation, fc2, scale activation, multiply).</summary>
    public static torchvision.SqueezeExcitation SqueezeExcitation(long channels, long squeezeChannels, Activation activation, bool hardSigmoid) =>
        torchvision.ops.SqueezeExcitation(channels, squeezeChannels,
            activation: () => activation == Activation.ReLU ? ReLU() : Create(activation),
            scale_activation: hardSigmoid ? () => Hardsigmoid() : () => Sigmoid());
}
