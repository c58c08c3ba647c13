using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

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
        bias = new Parameter(tensor(Enumerable.Range(0, thresholds).Select(k => (float)(thresholds - k) / thresholds).ToArray()));

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
