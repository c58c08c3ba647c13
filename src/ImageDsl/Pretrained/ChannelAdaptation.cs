using static TorchSharp.torch;

namespace ImageDsl.Pretrained;

/// <summary>
/// Fits a first-convolution weight <c>[out, in, kh, kw]</c> trained on RGB images to grayscale
/// input, or one trained on grayscale to RGB.
/// </summary>
/// <remarks>
/// RGB → gray sums the weight over its three input channels. A convolution is linear in its
/// input, so the summed kernel applied to a gray image gives exactly what the RGB kernel gives
/// applied to that image copied into all three channels: the network's activations, and so
/// everything it learned downstream, are preserved for gray input. (Averaging instead would
/// scale every activation by 1/3, which the following batch norm's statistics do not expect.)
/// Gray → RGB is the converse: the kernel repeated over three channels and divided by 3, so an
/// RGB image whose channels are equal again gives the original activations.
/// </remarks>
public static class ChannelAdaptation
{
    /// <summary>True when <paramref name="from"/> differs from <paramref name="to"/> only in input channels, 3 to 1 or 1 to 3.</summary>
    public static bool CanAdapt(ReadOnlySpan<long> from, ReadOnlySpan<long> to) =>
        from.Length == 4 && to.Length == 4 && from[0] == to[0] && from[2] == to[2] && from[3] == to[3]
        && ((from[1] == 3 && to[1] == 1) || (from[1] == 1 && to[1] == 3));

    /// <summary>The weight for <paramref name="channels"/> input channels (see the remarks for the rule).</summary>
    public static Tensor Adapt(Tensor weight, long channels)
    {
        if (!CanAdapt(weight.shape, [weight.shape[0], channels, weight.shape[2], weight.shape[3]]))
            throw new ArgumentException($"Only 3 → 1 and 1 → 3 input channels can be adapted, not [{string.Join(", ", weight.shape)}] → {channels} channels.", nameof(weight));
        using var _ = no_grad();
        return channels == 1
            ? weight.sum(1, keepdim: true)
            : weight.repeat(1, 3, 1, 1).div_(3.0);
    }

    /// <summary>A readable description of an adaptation, for reports.</summary>
    internal static string Describe(string key, long from, long to) => from > to
        ? $"{key}: summed over the {from} input channels of the file's weight for {to}-channel images"
        : $"{key}: the file's {from}-channel weight repeated over {to} channels and divided by {to}";
}
