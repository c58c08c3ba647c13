using ImageDsl.Serving;

namespace ImageDsl.Tests.Serving;

/// <summary>PredictMany decodes on as few threads as keep up with the network, between 1 and the configured maximum.</summary>
public sealed class DecodePacingTests
{
    [Fact]
    public void The_first_batch_gets_the_maximum()
    {
        Assert.Equal(4, new DecodePacing(4).Threads);
    }

    [Theory]
    [InlineData(5, 15, 1)]    // decoding a third of the forward pass: one thread keeps up
    [InlineData(20, 15, 2)]   // 1.33 × 1.25 = 1.67 → 2
    [InlineData(30, 10, 4)]   // 3 × 1.25 = 3.75 → 4
    [InlineData(100, 10, 4)]  // never above the maximum
    [InlineData(0, 10, 1)]    // never below one
    public void Decoders_follow_decoding_work_over_forward_time(double decodingMs, double forwardMs, int expected)
    {
        var pacing = new DecodePacing(4);
        pacing.Observe(TimeSpan.FromMilliseconds(decodingMs), TimeSpan.FromMilliseconds(forwardMs));
        Assert.Equal(expected, pacing.Threads);
    }

    [Fact]
    public void A_batch_without_a_forward_pass_changes_nothing()
    {
        var pacing = new DecodePacing(3);
        pacing.Observe(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50));
        pacing.Observe(TimeSpan.FromMilliseconds(80), TimeSpan.Zero);   // every image failed to decode
        Assert.Equal(1, pacing.Threads);
    }
}
