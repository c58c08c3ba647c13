using ImageDsl.Modeling;

namespace ImageDsl.Tests.Modeling;

public sealed class OrdinalDecodingTests
{
    /// <summary>p = (0.9, 0.6, 0.2): two above 0.5 → rank 2; P = (0.1, 0.3, 0.4, 0.2); Σ p = 1.7.</summary>
    [Fact]
    public void Monotone_cumulative_probabilities_decode_by_differences()
    {
        var prediction = OrdinalDecoding.FromCumulative([0.9, 0.6, 0.2]);

        Assert.Equal(2, prediction.Rank);
        AssertNear([0.1, 0.3, 0.4, 0.2], prediction.Probabilities);
        Assert.Equal(1.7, prediction.ExpectedRank, 1e-15);
    }

    /// <summary>
    /// p = (0.3, 0.7) is not monotone: raw differences (0.7, −0.4, 0.7) are clipped to
    /// (0.7, 0, 0.7) and divided by 1.4. The rank counts the raw p above 0.5 (one) and the
    /// expected rank is the raw Σ p = 1.
    /// </summary>
    [Fact]
    public void Non_monotone_cumulative_probabilities_are_clipped_and_renormalised()
    {
        var prediction = OrdinalDecoding.FromCumulative([0.3, 0.7]);

        Assert.Equal(1, prediction.Rank);
        AssertNear([0.5, 0.0, 0.5], prediction.Probabilities);
        Assert.Equal(1.0, prediction.ExpectedRank, 1e-15);
    }

    [Fact]
    public void Logits_go_through_the_sigmoid_without_overflow()
    {
        var prediction = OrdinalDecoding.FromLogits([1000f, 0f, -1000f]);

        Assert.Equal(1, prediction.Rank); // σ(0) = 0.5 is not above 0.5
        AssertNear([0.0, 0.5, 0.5, 0.0], prediction.Probabilities);
        Assert.Equal(1.5, prediction.ExpectedRank, 1e-15);
        Assert.Equal(1 / (1 + Math.Exp(-0.75)), OrdinalDecoding.Sigmoid(0.75), 1e-16);
        Assert.Equal(Math.Exp(-40) / (1 + Math.Exp(-40)), OrdinalDecoding.Sigmoid(-40), 1e-30);
    }

    /// <summary>
    /// Logits w·x + b with descending biases, as a CORAL head computes: probabilities are
    /// non-negative and sum to 1, their mean rank is the expected rank, and the rank is where
    /// the cumulative probability first drops to 0.5 or below.
    /// </summary>
    [Fact]
    public void Ordered_logits_give_a_distribution_whose_mean_is_the_expected_rank()
    {
        var random = new Random(21);
        for (var trial = 0; trial < 200; trial++)
        {
            var thresholds = random.Next(1, 9);
            var shared = (random.NextDouble() - 0.5) * 12;
            var biases = Enumerable.Range(0, thresholds).Select(_ => (random.NextDouble() - 0.5) * 8).OrderDescending();
            var logits = biases.Select(b => (float)(shared + b)).ToArray();

            var prediction = OrdinalDecoding.FromLogits(logits);

            Assert.Equal(thresholds + 1, prediction.Probabilities.Count);
            Assert.All(prediction.Probabilities, p => Assert.True(p >= 0));
            Assert.Equal(1.0, prediction.Probabilities.Sum(), 1e-12);
            Assert.Equal(prediction.ExpectedRank, prediction.Probabilities.Select((p, r) => p * r).Sum(), 1e-9);
            var firstAtMostHalf = Array.FindIndex(logits, z => OrdinalDecoding.Sigmoid(z) <= 0.5);
            Assert.Equal(firstAtMostHalf < 0 ? thresholds : firstAtMostHalf, prediction.Rank);
        }
    }

    [Fact]
    public void A_batch_is_decoded_row_by_row()
    {
        var batch = OrdinalDecoding.FromLogits([3f, 2f, -4f, -5f, -6f, -7f], thresholds: 3);

        Assert.Equal([2, 0], batch.Select(p => p.Rank));
        Assert.Equal(OrdinalDecoding.FromLogits([-5f, -6f, -7f]).Probabilities, batch[1].Probabilities);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => OrdinalDecoding.FromCumulative([]));
        Assert.Throws<ArgumentException>(() => OrdinalDecoding.FromCumulative([0.5, 1.2]));
        Assert.Throws<ArgumentException>(() => OrdinalDecoding.FromCumulative([double.NaN]));
        Assert.Throws<ArgumentException>(() => OrdinalDecoding.FromLogits([float.NaN]));
        Assert.Throws<ArgumentException>(() => OrdinalDecoding.FromLogits([1f, 2f, 3f], thresholds: 2));
    }

    private static void AssertNear(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-12);
        }
    }
}
