namespace ImageDsl.Images;

/// <summary>
/// Bounds on what the decoder accepts, checked before any pixel is decoded, so a hostile or
/// damaged file (a PNG claiming 100,000 x 100,000 pixels, a multi-gigabyte file) is refused
/// instead of exhausting memory.
/// </summary>
public sealed record DecodingLimits
{
    /// <summary>The defaults: 40 megapixels, 64 MB files.</summary>
    public static DecodingLimits Default { get; } = new();

    /// <summary>Largest width x height accepted.</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 64L << 20;
}
