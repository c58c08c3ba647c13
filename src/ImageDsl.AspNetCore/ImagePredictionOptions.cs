namespace ImageDsl.AspNetCore;

/// <summary>How a served model batches requests and what requests it accepts.</summary>
public sealed class ImagePredictionOptions
{
    /// <summary>Most images in one forward pass (16 by default).</summary>
    public int MaxBatchSize { get; set; } = 16;

    /// <summary>
    /// How long the first request of a batch waits for others to join it (2 ms by default). Zero
    /// runs whatever is queued at once: requests still batch when they arrive during a forward pass.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Largest accepted upload in bytes (8 MB by default); larger ones get 413.</summary>
    public long MaxRequestBytes { get; set; } = 8L << 20;

    /// <summary>Requests waiting for a forward pass before new ones are refused with 503 (1024 by default).</summary>
    public int QueueCapacity { get; set; } = 1024;

    internal void Validate()
    {
        if (MaxBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "MaxBatchSize must be at least 1.");
        if (MaxWait < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxWait), MaxWait, "MaxWait cannot be negative.");
        if (MaxRequestBytes < 1) throw new ArgumentOutOfRangeException(nameof(MaxRequestBytes), MaxRequestBytes, "MaxRequestBytes must be positive.");
        if (QueueCapacity < 1) throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "QueueCapacity must be at least 1.");
    }
}
