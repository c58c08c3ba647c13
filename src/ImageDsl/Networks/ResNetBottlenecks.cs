using System.Reflection;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Networks;

/// <summary>
/// ResNet-50's four stages of bottleneck blocks, taken from TorchSharp's TorchVision package.
/// Its <c>resnet50</c> has torchvision's parameter names and counts and computes torchvision's
/// function (stride on the 3x3 convolution, "ResNet v1.5"; batch norm eps 1e-5, momentum 0.1;
/// Kaiming fan-out initialization); what it does not offer is another input channel count (its
/// stem is fixed to RGB) or a model without <c>fc</c>, so <see cref="ResNet"/> keeps its own stem
/// and adopts only <c>layer1</c> … <c>layer4</c>. See docs/backbones.md.
/// </summary>
internal static class ResNetBottlenecks
{
    /// <summary>A bottleneck block's output is this many times its width (torchvision's <c>Bottleneck.expansion</c>).</summary>
    public const int Expansion = 4;

    private static readonly string[] StageNames = ["layer1", "layer2", "layer3", "layer4"];

    /// <summary>
    /// TorchSharp's bottleneck block, a private nested class of its ResNet: the ONNX exporter maps
    /// modules by type, so it needs this one's. Found once; a TorchSharp release that renames it
    /// fails here, by name, rather than at export.
    /// </summary>
    public static Type BlockType { get; } = typeof(TorchSharp.Modules.ResNet).GetNestedType("Bottleneck", BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("TorchSharp's ResNet no longer has a nested Bottleneck class; ImageDsl's ResNet-50 and its ONNX mapping need updating.");

    /// <summary>
    /// Builds torchvision's ResNet-50 stages (3, 4, 6, 3 blocks; 256, 512, 1024, 2048 channels out),
    /// initialized as torchvision initializes them. The rest of TorchSharp's network (its stem and a
    /// one-output <c>fc</c>) is disposed at once.
    /// </summary>
    public static Sequential[] CreateStages()
    {
        var donor = torchvision.models.resnet50(num_classes: 1);
        var stages = new Sequential[StageNames.Length];
        foreach (var (name, child) in donor.named_children())
        {
            int index = Array.IndexOf(StageNames, name);
            if (index >= 0) stages[index] = (Sequential)child;
            else child.Dispose();
        }
        if (stages.Any(s => s is null))
            throw new InvalidOperationException("TorchSharp's resnet50 no longer has children layer1 … layer4; ImageDsl's ResNet-50 needs updating.");
        return stages;
    }
}
