namespace ImageDsl.Modeling;

/// <summary>
/// One image's ordinal prediction, decoded from a CORAL head's K − 1 cumulative outputs.
/// </summary>
/// <param name="Rank">The predicted rank, 0 … K − 1: how many cumulative probabilities P(rank &gt; k) exceed 0.5.</param>
/// <param name="Probabilities">P(rank = r) for r = 0 … K − 1: non-negative, summing to 1.</param>
/// <param name="ExpectedRank">Σₖ P(rank &gt; k), a number in [0, K − 1]: the expected rank when the cumulative probabilities are monotone.</param>
public sealed record OrdinalPrediction(int Rank, IReadOnlyList<double> Probabilities, double ExpectedRank);

/// <summary>
/// Turns the K − 1 cumulative logits of a CORAL head (Cao, Mirjalili &amp; Raschka 2020) into
/// a rank, each rank's probability and the expected rank. Logit k (0-based) models
/// pₖ = σ(logitₖ) = P(rank &gt; k).
/// </summary>
/// <remarks>
/// The rank probabilities are the differences of the cumulative ones: P(0) = 1 − p₀,
/// P(r) = pᵣ₋₁ − pᵣ, P(K − 1) = p_{K−2}. A trained CORAL head gives non-increasing pₖ (its
/// logits share one weight and differ only by the biases, which training keeps ordered), so the
/// differences are probabilities. When they are not monotone (biases out of order, early in
/// training) some difference is negative: every negative difference is set to 0 and all are
/// divided by their new sum (≥ 1, since the raw differences always sum to exactly 1). The rank
/// and the expected rank are taken from the raw pₖ, unchanged by that repair, so with
/// non-monotone inputs Σ r·P(r) may differ from <see cref="OrdinalPrediction.ExpectedRank"/>.
/// </remarks>
public static class OrdinalDecoding
{
    /// <summary>Decodes one image from its K − 1 cumulative logits.</summary>
    /// <param name="logits">The head's outputs for one image, logit k modelling P(rank &gt; k); at least one.</param>
    /// <exception cref="ArgumentException">No logits, or a NaN one.</exception>
    public static OrdinalPrediction FromLogits(ReadOnlySpan<float> logits)
    {
        var cumulative = new double[logits.Length];
        for (var k = 0; k < logits.Length; k++)
        {
            cumulative[k] = Sigmoid(logits[k]);
        }

        return FromCumulative(cumulative);
    }

    /// <summary>Decodes a batch stored row by row: <paramref name="logits"/> holds N rows of <paramref name="thresholds"/> (K − 1) values.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="thresholds"/>, or a logit is NaN.</exception>
    public static OrdinalPrediction[] FromLogits(ReadOnlySpan<float> logits, int thresholds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholds, 1);
        if (logits.Length % thresholds != 0)
        {
            throw new ArgumentException($"{logits.Length} logits are not rows of {thresholds} (K − 1) values.", nameof(logits));
        }

        var result = new OrdinalPrediction[logits.Length / thresholds];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = FromLogits(logits.Slice(i * thresholds, thresholds));
        }

        return result;
    }

    /// <summary>Decodes one image from its K − 1 cumulative probabilities pₖ = P(rank &gt; k).</summary>
    /// <param name="cumulative">The cumulative probabilities, each in [0, 1]; at least one.</param>
    /// <exception cref="ArgumentException">No probabilities, or one outside [0, 1] or NaN.</exception>
    public static OrdinalPrediction FromCumulative(ReadOnlySpan<double> cumulative)
    {
        if (cumulative.IsEmpty)
        {
            throw new ArgumentException("An ordinal target has at least two ranks, so at least one cumulative probability.", nameof(cumulative));
        }

        var rank = 0;
        var expected = 0.0;
        for (var k = 0; k < cumulative.Length; k++)
        {
            var p = cumulative[k];
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException($"Cumulative probability {p} at index {k} is not in [0, 1].", nameof(cumulative));
            }

            rank += p > 0.5 ? 1 : 0;
            expected += p;
        }

        return new OrdinalPrediction(rank, RankProbabilities(cumulative), expected);
    }

    /// <summary>The logistic function, in double precision.</summary>
    public static double Sigmoid(double logit)
    {
        if (double.IsNaN(logit))
        {
            throw new ArgumentException("A logit is NaN.", nameof(logit));
        }

        // exp of the negative magnitude never overflows; the two forms are the same function.
        var e = Math.Exp(-Math.Abs(logit));
        return logit >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    private static double[] RankProbabilities(ReadOnlySpan<double> cumulative)
    {
        var ranks = cumulative.Length + 1;
        var probabilities = new double[ranks];
        var repaired = false;
        for (var r = 0; r < ranks; r++)
        {
            var above = r == 0 ? 1.0 : cumulative[r - 1];
            var beyond = r == ranks - 1 ? 0.0 : cumulative[r];
            var difference = above - beyond;
            if (difference < 0)
            {
                difference = 0;
                repaired = true;
            }

            probabilities[r] = difference;
        }

        if (repaired)
        {
            var total = probabilities.Sum();
            for (var r = 0; r < ranks; r++)
            {
                probabilities[r] /= total;
            }
        }

        return probabilities;
    }
}
