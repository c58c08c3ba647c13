using ImageDsl.Data;

namespace ImageDsl.Pretrained;

/// <summary>The pixel statistics torchvision's ImageNet weights were trained with.</summary>
public static class ImageNet
{
    /// <summary>Per-channel mean (R, G, B) on the [0, 1] scale.</summary>
    public static IReadOnlyList<float> Mean { get; } = [0.485f, 0.456f, 0.406f];

    /// <summary>Per-channel standard deviation (R, G, B) on the [0, 1] scale.</summary>
    public static IReadOnlyList<float> Std { get; } = [0.229f, 0.224f, 0.225f];

    /// <summary>
    /// The normalization that goes with ImageNet weights for <paramref name="channels"/>-channel
    /// images. For grayscale it is the average of the three channels' mean and deviation
    /// (0.449, 0.226): with the first convolution summed over channels (see
    /// <see cref="ChannelAdaptation"/>) this matches the RGB network on a gray image to within the
    /// small spread of the per-channel statistics, which fine-tuning absorbs.
    /// </summary>
    public static Normalization Normalization(int channels) => channels switch
    {
        3 => new Normalization(Mean.ToArray(), Std.ToArray()),
        1 => new Normalization([Mean.Average()], [Std.Average()]),
        _ => throw new ArgumentOutOfRangeException(nameof(channels), channels, "ImageNet statistics exist for 1 or 3 channels."),
    };
}
