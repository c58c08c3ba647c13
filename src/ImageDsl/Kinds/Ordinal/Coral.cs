using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

// CORAL (Cao, Mirjalili & Raschka 2020, "Rank consistent ordinal regression for neural networks
// with application to age estimation", Pattern Recognition Letters 140): the ordinal kind's head,
// its loss and how its outputs become a rank. Each keeps the namespace of its role.

namespace ImageDsl.Networks
{
    /// <summary>
    /// The rank-consistent ordinal head of CORAL (Cao, Mirjalili &amp; Raschka 2020, "Rank
    /// consistent ordinal regression for neural networks with application to age estimation",
    /// Pattern Recognition Letters 140): K − 1 cumulative logits, logit k modelling
    /// P(rank &gt; k), that share one weight vector and differ only by their biases:
    /// logitₖ = w·x + bₖ. With one weight, the logits of an image are ordered exactly as the
    /// biases are, which the CORAL loss keeps non-increasing, so the cumulative probabilities
    /// never cross.
    /// </summary>
    /// <remarks>
    /// State-dict names: <c>linear.weight</c> ([1, F], no bias of its own) and <c>bias</c>
    /// ([K − 1]); the dropout has no state.
    /// </remarks>
    public sealed class CoralHead : Module<Tensor, Tensor>, Onnx.IOnnxExportable
    {
        private readonly Dropout dropout;
        private readonly Linear linear;
        private readonly Parameter bias;

        /// <summary>Creates a head from <paramref name="featureCount"/> features to <paramref name="rankCount"/> − 1 cumulative logits.</summary>
        /// <param name="featureCount">Features per image coming from the backbone.</param>
        /// <param name="rankCount">K, the number of ranks; at least 2.</param>
        /// <param name="dropoutProbability">Dropout before the shared weight, as the classification heads have.</param>
        /// <remarks>
        /// The weight starts as any linear layer's (Kaiming-uniform). The biases start at
        /// (K − 1 − k) / (K − 1) for k = 0 … K − 2 — descending from 1 to 1/(K − 1) — as the
        /// authors' reference implementation does by default, which they found to train faster
        /// than zeros (the paper's original code): the cumulative logits start ordered.
        /// </remarks>
        public CoralHead(int featureCount, int rankCount, double dropoutProbability = Heads.ClassificationDropout)
            : base(nameof(CoralHead))
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(rankCount, 2);
            RankCount = rankCount;
            dropout = Dropout(dropoutProbability);
            linear = Linear(featureCount, 1, hasBias: false);
            var thresholds = rankCount - 1;
            bias = new Parameter(tensor(Enumerable.Range(0, thresholds).Select(k => (float)(thresholds - k) / thresholds).ToArray(), device: linear.weight!.device));

            RegisterComponents();
        }

        /// <summary>K, the number of ranks.</summary>
        public int RankCount { get; }

        /// <summary>K − 1, the number of cumulative logits per image.</summary>
        public int ThresholdCount => RankCount - 1;

        /// <summary>The shared weight, [1, F].</summary>
        public Parameter Weight => linear.weight!;

        /// <summary>The K − 1 biases, one per threshold.</summary>
        public Parameter Bias => bias;

        /// <summary>Cumulative logits [N, K − 1] from features [N, F].</summary>
        public override Tensor forward(Tensor features) => linear.call(dropout.call(features)) + bias;

        /// <summary>Dropout is the identity at inference: w·x as a [N, 1] Gemm, plus the biases broadcast over it.</summary>
        string Onnx.IOnnxExportable.ExportOnnx(Onnx.OnnxGraphBuilder graph, string input)
        {
            var shared = graph.Emit(linear, input, "linear");
            return graph.Node("Add", [shared, graph.Weights("bias", bias)], [Onnx.OnnxGraphBuilder.BatchDimension, ThresholdCount]);
        }
    }
}

namespace ImageDsl.Training
{
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
                perTask = perTask * tensor(importanceWeights.ToArray(), dtype: logits.dtype, device: logits.device).reshape(1, thresholds);
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

            var k = arange(thresholds, dtype: ScalarType.Float64, device: ranks.device).reshape(1, thresholds);
            return asDouble.reshape(-1, 1).gt(k).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
        }
    }
}

namespace ImageDsl.Modeling
{
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
}
