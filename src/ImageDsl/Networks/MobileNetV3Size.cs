namespace ImageDsl.Networks;

/// <summary>The two MobileNetV3 networks of the paper and of torchvision.</summary>
public enum MobileNetV3Size
{
    /// <summary>MobileNetV3-Small: 11 blocks, 576 channels before pooling, 1024 features (1.5 M parameters without the last linear layer).</summary>
    Small,

    /// <summary>MobileNetV3-Large: 15 blocks, 960 channels before pooling, 1280 features (4.2 M parameters without the last linear layer).</summary>
    Large,
}

/// <summary>Facts about each <see cref="MobileNetV3Size"/>, from torchvision's <c>_mobilenet_v3_conf</c>.</summary>
public static class MobileNetV3Sizes
{
    /// <summary>The display name, "MobileNetV3-Small" or "MobileNetV3-Large".</summary>
    public static string DisplayName(this MobileNetV3Size size) => $"MobileNetV3-{size}";

    /// <summary>The width of the features: torchvision's <c>last_channel</c>, the first classifier layer's output.</summary>
    public static int FeatureCount(this MobileNetV3Size size) => size == MobileNetV3Size.Small ? 1024 : 1280;

    /// <summary>
    /// The blocks: input channels, kernel, expanded channels, output channels, squeeze-excitation,
    /// hard-swish (else ReLU), stride. Width multiplier 1 and no dilation, as torchvision's
    /// <c>mobilenet_v3_small</c> / <c>mobilenet_v3_large</c>, so every width is already a multiple of 8.
    /// </summary>
    internal static IReadOnlyList<InvertedResidualSetting> Blocks(this MobileNetV3Size size) => size switch
    {
        MobileNetV3Size.Small =>
        [
            new(16, 3, 16, 16, true, false, 2),
            new(16, 3, 72, 24, false, false, 2),
            new(24, 3, 88, 24, false, false, 1),
            new(24, 5, 96, 40, true, true, 2),
            new(40, 5, 240, 40, true, true, 1),
            new(40, 5, 240, 40, true, true, 1),
            new(40, 5, 120, 48, true, true, 1),
            new(48, 5, 144, 48, true, true, 1),
            new(48, 5, 288, 96, true, true, 2),
            new(96, 5, 576, 96, true, true, 1),
            new(96, 5, 576, 96, true, true, 1),
        ],
        MobileNetV3Size.Large =>
        [
            new(16, 3, 16, 16, false, false, 1),
            new(16, 3, 64, 24, false, false, 2),
            new(24, 3, 72, 24, false, false, 1),
            new(24, 5, 72, 40, true, false, 2),
            new(40, 5, 120, 40, true, false, 1),
            new(40, 5, 120, 40, true, false, 1),
            new(40, 3, 240, 80, false, true, 2),
            new(80, 3, 200, 80, false, true, 1),
            new(80, 3, 184, 80, false, true, 1),
            new(80, 3, 184, 80, false, true, 1),
            new(80, 3, 480, 112, true, true, 1),
            new(112, 3, 672, 112, true, true, 1),
            new(112, 5, 672, 160, true, true, 2),
            new(160, 5, 960, 160, true, true, 1),
            new(160, 5, 960, 160, true, true, 1),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown MobileNetV3 size."),
    };
}
