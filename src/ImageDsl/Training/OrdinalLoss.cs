using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The CORAL loss (Cao, Mirjalili &amp; Raschka 2020) of a <see cref="Networks.CoralHead"/>:
/// each of its K − 1 cumulative logits is a binary task "rank &gt; k", scored by binary
/// cross-entropy with logits; the loss is the (optionally weighted) sum over the tasks,
/// averaged over the batch.
/// </summary>
public static class OrdinalLoss
{
    /// <summary>
    /// Mean over the batch of Σₖ λₖ · BCE(logitₖ, 1[rank &gt; k]), computed from log-sigmoids
    /// so that large logits neither overflow nor lose the gradient.
    /// </summary>
    /// <param name="logits">Cumulative logits [N, K − 1], logit k modelling P(rank &gt; k).</param>
    /// <param name="ranks">True ranks [N], 0 … K − 1: an integer tensor, or a floating one holding whole numbers (a column of the encoded target matrix).</param>
    /// <param name="importanceWeights">λₖ, one per task (K − 1), each ≥ 0; all 1 when omitted.</param>
    /// <returns>A scalar tensor in the logits' dtype.</returns>
    /// <exception cref="ArgumentException">Shapes disagree, a rank is outside 0 … K − 1 or not whole, or a weight is negative or not finite.</exception>
    public static Tensor Coral(Tensor logits, Tensor ranks, IReadOnlyList<double>? importanceWeights = null)
    {
        if (logits.dim() != 2 || logits.shape[1] < 1)
        {
            throw new ArgumentException($"CORAL logits must be [N, K − 1] with K ≥ 2; got [{string.Join(", ", logits.shape)}].", nameof(logits));
        }

        var thresholds = (int)logits.shape[1];
        if (importanceWeights is not null
            && (importanceWeights.Count != thresholds || importanceWeights.Any(w => !(w >= 0) || double.IsInfinity(w))))
        {
            throw new ArgumentException(
                $"CORAL importance weights must be {thresholds} finite numbers ≥ 0 (one per threshold); got [{string.Join(", ", importanceWeights)}].",
                nameof(importanceWeights));
        }

        using var scope = NewDisposeScope();
        var levels = Levels(ranks, thresholds, (int)logits.shape[0]).to_type(logits.dtype);
        // BCE with logits: −[y·log σ(z) + (1 − y)·log σ(−z)], and log σ(−z) = log σ(z) − z.
        var logSigmoid = nn.functional.logsigmoid(logits);
        var perTask = -(logSigmoid * levels + (logSigmoid - logits) * (1 - levels));
        if (importanceWeights is not null)
        {
            perTask = perTask * tensor(importanceWeights.ToArray(), dtype: logits.dtype).reshape(1, thresholds);
        }

        return perTask.sum(1).mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// CORAL's extended binary targets: [N, K − 1] with element (i, k) = 1 when rank i &gt; k,
    /// else 0 (rank 0 → all zeros, rank K − 1 → all ones), as float32.
    /// </summary>
    /// <param name="ranks">True ranks [N], 0 … K − 1.</param>
    /// <param name="thresholds">K − 1.</param>
    /// <exception cref="ArgumentException">Not one rank per image, or a rank outside 0 … K − 1 or not whole.</exception>
    public static Tensor Levels(Tensor ranks, int thresholds) => Levels(ranks, thresholds, expectedCount: null);

    private static Tensor Levels(Tensor ranks, int thresholds, int? expectedCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(thresholds, 1);
        if (ranks.dim() != 1 || (expectedCount is { } n && ranks.shape[0] != n))
        {
            throw new ArgumentException(
                $"CORAL needs one rank per image{(expectedCount is { } count ? $" ({count})" : "")}: a [N] tensor; got [{string.Join(", ", ranks.shape)}].",
                nameof(ranks));
        }

        using var scope = NewDisposeScope();
        var asDouble = ranks.to_type(ScalarType.Float64);
        if (ranks.numel() > 0)
        {
            double lowest = asDouble.min().item<double>(), highest = asDouble.max().item<double>();
            if (lowest < 0 || highest > thresholds || !asDouble.eq(asDouble.round()).all().item<bool>())
            {
                throw new ArgumentException(
                    $"CORAL ranks must be whole numbers in 0 … {thresholds} (K = {thresholds + 1} ranks); got values from {lowest} to {highest}.",
                    nameof(ranks));
            }
        }

        var k = arange(thresholds, dtype: ScalarType.Float64).reshape(1, thresholds);
        return asDouble.reshape(-1, 1).gt(k).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
