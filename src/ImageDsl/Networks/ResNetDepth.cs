namespace ImageDsl.Networks;

/// <summary>The ResNet variants built from <see cref="BasicBlock"/>s.</summary>
public enum ResNetDepth
{
    /// <summary>ResNet-18: 2, 2, 2, 2 blocks per stage (11.2 M parameters without <c>fc</c>).</summary>
    ResNet18 = 18,

    /// <summary>ResNet-34: 3, 4, 6, 3 blocks per stage (21.3 M parameters without <c>fc</c>).</summary>
    ResNet34 = 34,
}

/// <summary>Facts about each <see cref="ResNetDepth"/>.</summary>
public static class ResNetDepths
{
    /// <summary>Blocks in each of the four stages (<c>layer1</c> … <c>layer4</c>), as in torchvision.</summary>
    public static IReadOnlyList<int> BlocksPerStage(this ResNetDepth depth) => depth switch
    {
        ResNetDepth.ResNet18 => [2, 2, 2, 2],
        ResNetDepth.ResNet34 => [3, 4, 6, 3],
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "Unknown ResNet depth."),
    };

    /// <summary>The display name, "ResNet-18" or "ResNet-34".</summary>
    public static string DisplayName(this ResNetDepth depth) => $"ResNet-{(int)depth}";
}
