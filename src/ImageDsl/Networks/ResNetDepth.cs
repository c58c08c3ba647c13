namespace ImageDsl.Networks;

/// <summary>The ResNet variants: 18 and 34 built from <see cref="BasicBlock"/>s, 50 from bottleneck blocks.</summary>
public enum ResNetDepth
{
    /// <summary>ResNet-18: 2, 2, 2, 2 blocks per stage (11.2 M parameters without <c>fc</c>).</summary>
    ResNet18 = 18,

    /// <summary>ResNet-34: 3, 4, 6, 3 blocks per stage (21.3 M parameters without <c>fc</c>).</summary>
    ResNet34 = 34,

    /// <summary>ResNet-50: 3, 4, 6, 3 bottleneck blocks per stage, four times as wide at their output (23.5 M parameters without <c>fc</c>).</summary>
    ResNet50 = 50,
}

/// <summary>Facts about each <see cref="ResNetDepth"/>.</summary>
public static class ResNetDepths
{
    /// <summary>Blocks in each of the four stages (<c>layer1</c> … <c>layer4</c>), as in torchvision.</summary>
    public static IReadOnlyList<int> BlocksPerStage(this ResNetDepth depth) => depth switch
    {
        ResNetDepth.ResNet18 => [2, 2, 2, 2],
        ResNetDepth.ResNet34 or ResNetDepth.ResNet50 => [3, 4, 6, 3],
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "Unknown ResNet depth."),
    };

    /// <summary>True for the depths built from bottleneck blocks (1x1, 3x3, 1x1 convolutions, output four times the block's width).</summary>
    public static bool HasBottlenecks(this ResNetDepth depth) => depth == ResNetDepth.ResNet50;

    /// <summary>Width of the pooled features: the last stage's channels, 512 or (bottlenecks) 2048.</summary>
    public static int FeatureCount(this ResNetDepth depth) => depth.HasBottlenecks() ? 512 * ResNetBottlenecks.Expansion : 512;

    /// <summary>The display name, "ResNet-18", "ResNet-34" or "ResNet-50".</summary>
    public static string DisplayName(this ResNetDepth depth) => $"ResNet-{(int)depth}";
}
