using ImageDsl.Images;

namespace ImageDsl.Data;

/// <summary>How a dataset's images are decoded and kept.</summary>
public sealed record DatasetOptions
{
    /// <summary>The defaults: fail on broken images, cache datasets up to 4 GB of pixels.</summary>
    public static DatasetOptions Default { get; } = new();

    /// <summary>What to do with images that cannot be decoded.</summary>
    public BrokenImagePolicy BrokenImages { get; init; } = BrokenImagePolicy.Fail;

    /// <summary>Size and file limits applied before decoding (see <see cref="DecodingLimits"/>).</summary>
    public DecodingLimits Limits { get; init; } = DecodingLimits.Default;

    /// <summary>
    /// Datasets whose decoded pixels fit in this many bytes are decoded once, in parallel, and
    /// kept in memory; larger ones are decoded batch by batch with the next batch prefetched
    /// in the background.
    /// </summary>
    public long CacheLimitBytes { get; init; } = 4L << 30;

    /// <summary>
    /// Lets a manifest name images outside the dataset folder (<c>../other/x.png</c>, an absolute
    /// path elsewhere). Off by default: such a path is more often a mistake or a manifest from
    /// somewhere else than intended, so it is refused naming the line.
    /// </summary>
    public bool AllowPathsOutsideDataset { get; init; }
}

/// <summary>What to do with an image that cannot be decoded.</summary>
public enum BrokenImagePolicy
{
    /// <summary>Stop before training starts, listing every broken file with its reason.</summary>
    Fail = 0,

    /// <summary>Leave broken files out, list them in <see cref="ImageDataset.Skipped"/> and log them.</summary>
    Skip = 1,
}
