namespace ImageDsl.Serving;

/// <summary>
/// How many threads <c>PredictMany</c> decodes the next batch on while the network runs on the
/// current one. The forward pass's intra-op threads want every core, and a parallel pass is as
/// slow as its slowest thread: a decoder that is not needed to keep up preempts one of them and
/// the whole pass waits for it. So it decodes on as few threads as keep up with the network: after each batch, the
/// decoding work (the sum of each image's decoding time) over the forward pass's wall time, with
/// a quarter's margin, between 1 and the configured maximum. The first batch, which nothing runs
/// beside, gets the maximum.
/// </summary>
internal sealed class DecodePacing(int maximum)
{
    private const double Margin = 1.25;
    private readonly int most = maximum;

    /// <summary>Threads for the next batch's decoding.</summary>
    public int Threads { get; private set; } = maximum;

    /// <summary>Takes a batch's decoding work and the forward pass it ran beside.</summary>
    public void Observe(TimeSpan decodingWork, TimeSpan forwardPass)
    {
        if (forwardPass <= TimeSpan.Zero) return;
        double needed = Math.Ceiling(decodingWork / forwardPass * Margin);
        Threads = (int)Math.Clamp(needed, 1, most);
    }
}
