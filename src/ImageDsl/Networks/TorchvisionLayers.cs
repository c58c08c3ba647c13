using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>Layer settings and initialization as torchvision's ResNet uses them.</summary>
internal static class TorchvisionLayers
{
    /// <summary>PyTorch's batch-norm defaults, which torchvision keeps: eps 1e-5, momentum 0.1.</summary>
    public const double BatchNormEps = 1e-5;

    /// <inheritdoc cref="BatchNormEps"/>
    public const double BatchNormMomentum = 0.1;

    public static BatchNorm2d BatchNorm(int channels) => BatchNorm2d(channels, eps: BatchNormEps, momentum: BatchNormMomentum);

    /// <summary>
    /// torchvision's ResNet initialization: Kaiming-normal convolutions (fan-out, ReLU gain),
    /// batch norm at weight 1 and bias 0. Linear layers keep PyTorch's default, as in torchvision.
    /// </summary>
    public static void Initialize(Module network)
    {
        foreach (var (_, module) in network.named_modules()) InitializeLayer(module);
    }

    /// <summary>As <see cref="Initialize"/>, for one layer (other layer types are left as they are).</summary>
    public static void InitializeLayer(Module module)
    {
        using var _ = no_grad();
        switch (module)
        {
            case Conv2d conv:
                init.kaiming_normal_(conv.weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
                break;
            case BatchNorm2d bn:
                init.ones_(bn.weight);
                init.zeros_(bn.bias);
                break;
        }
    }
}
