using System.Text.Json.Serialization;
using ImageDsl.Evaluation;
using ImageDsl.Networks;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Specs;

/// <summary>
/// A binary target (a <c>bool</c> property): one logit, trained with binary cross-entropy
/// (predictions carry the sigmoid probability of true) or hinge (predictions carry the raw
/// score, true when it is at least 0; not a probability).
/// </summary>
public sealed record BinaryTargetSpec : TargetSpec, IStoredTarget
{
    /// <summary>Creates a binary target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="column">The CSV column it is read from; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    /// <param name="threshold">The probability at or above which the prediction is true.</param>
    /// <param name="positiveWeight">Weight of positive samples in the loss (above 1 favours recall).</param>
    /// <param name="negativeLabel">The name of false in folders, CSV cells and reports.</param>
    /// <param name="positiveLabel">The name of true.</param>
    /// <param name="loss">
    /// <see cref="LossFunction.BinaryCrossEntropy"/> (the default) or <see cref="LossFunction.Hinge"/>; stored as
    /// <see cref="LossFunction.Default"/> when it is the default, so such specs read as before.
    /// </param>
    public BinaryTargetSpec(string name, string? column = null, double lossWeight = 1.0, double threshold = 0.5, double positiveWeight = 1.0,
        string negativeLabel = "false", string positiveLabel = "true", LossFunction loss = LossFunction.Default)
        : base(name, column ?? name, lossWeight)
    {
        Threshold = threshold;
        PositiveWeight = positiveWeight;
        NegativeLabel = negativeLabel;
        PositiveLabel = positiveLabel;
        if (!TargetKinds.Binary.Allows(loss)) throw new ArgumentException($"{name}: {loss} is not a loss of a yes/no label; use BinaryCrossEntropy or Hinge.", nameof(loss));
        Loss = TargetKinds.Binary.Resolve(loss) == LossFunction.BinaryCrossEntropy ? LossFunction.Default : loss;
    }

    /// <summary>The declared loss: <see cref="LossFunction.Default"/> (binary cross-entropy) or <see cref="LossFunction.Hinge"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public LossFunction Loss { get; init; }

    /// <summary>True when trained with hinge: a prediction's value is then the raw score, not a probability.</summary>
    [JsonIgnore]
    public bool ScoresAreRaw => TargetKinds.GivesRawScores(Loss);

    /// <summary>
    /// The value at or above which the prediction is true: <see cref="Threshold"/> on the
    /// probability, or 0 on a hinge-trained target's raw score (the margin's middle).
    /// </summary>
    [JsonIgnore]
    public double DecisionThreshold => ScoresAreRaw ? 0 : Threshold;

    /// <summary>The probability at or above which the prediction is true.</summary>
    public double Threshold { get; init; }

    /// <summary>Weight of positive samples in the binary cross-entropy.</summary>
    public double PositiveWeight { get; init; }

    /// <summary>The name of false.</summary>
    public string NegativeLabel { get; init; }

    /// <summary>The name of true.</summary>
    public string PositiveLabel { get; init; }

    /// <summary>The two labels, false first.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Labels => [NegativeLabel, PositiveLabel];

    /// <inheritdoc />
    public override int EncodedWidth => 1;

    /// <inheritdoc />
    public override int OutputWidth => 1;

    /// <inheritdoc />
    static TargetKind IStoredTarget.StoredKind => TargetKinds.Binary;

    internal override TargetKind Kind => TargetKinds.Binary;

    /// <inheritdoc />
    public override bool IsShiftInvariant => true;

    /// <inheritdoc />
    public override string? TryEncode(string text, Span<float> encoded)
    {
        if (!TargetText.TryParseBool(text, NegativeLabel, PositiveLabel, out var value))
            return $"'{text}' is not a value of {Name}; expected {PositiveLabel} or {NegativeLabel} (or true/false, 1/0, yes/no)";
        encoded[0] = value ? 1f : 0f;
        return null;
    }

    /// <inheritdoc />
    public override string Describe() => $"{Name}: binary ({NegativeLabel} / {PositiveLabel}, threshold {TargetText.Show(Threshold)})";

    /// <summary>Dropout, then one logit.</summary>
    internal override Module<Tensor, Tensor> CreateHead(int featureCount) => Heads.Classification(featureCount, 1);

    /// <inheritdoc />
    internal override TargetLoss CreateLoss(int offset) => Loss == LossFunction.Hinge
        ? new HingeLoss(offset, LossWeight, PositiveWeight)
        : new BinaryCrossEntropyLoss(offset, LossWeight, 1, [PositiveWeight]);

    internal override bool[] Present(ReadOnlySpan<float> decoded) => [decoded[0] >= DecisionThreshold];

    /// <summary>The logit of true; naming the false label explains its negation, the evidence against true.</summary>
    internal override Func<Tensor, Tensor> ExplainScore(Explanations.ExplainTarget target)
    {
        if (target.Label is { } label && label != PositiveLabel && label != NegativeLabel)
            throw new ArgumentException($"{Name} has the labels {NegativeLabel} and {PositiveLabel}, not '{label}'.", nameof(target));
        if (target.Component is not null) throw new ArgumentException($"{Name} is a yes/no target, which has no components.", nameof(target));
        bool negate = target.Label == NegativeLabel;
        return head => negate ? -head[.., 0] : head[.., 0];
    }

    /// <summary>The sigmoid probability of true; the raw score when trained with hinge.</summary>
    internal override Tensor Activate(Tensor output) => ScoresAreRaw ? output.alias() : output.sigmoid();

    /// <summary>One temperature for the sigmoid; none for raw hinge scores.</summary>
    internal override float[]? FitTemperatures(float[] logits, float[] truths) =>
        ScoresAreRaw ? null : [(float)Calibration.TemperatureScaling.FitSigmoid(logits, truths.Select(t => t >= 0.5f).ToArray())];

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new BinaryScorer(index, this);

    /// <inheritdoc />
    internal override string OnnxSuffix => ScoresAreRaw ? "_score" : "_probability";

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <inheritdoc />
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context) =>
        OnnxTargets.PerImage(graph, ScoresAreRaw ? head : graph.Node("Sigmoid", [head], graph.ShapeOf(head)));

    /// <inheritdoc />
    internal override string DescribeOutput() => ScoresAreRaw
        ? $"Raw hinge score of {Name} (not a probability): {PositiveLabel} at or above 0."
        : $"Probability that {Name} is {PositiveLabel} (true at or above {TargetText.Show(Threshold)}).";

    /// <inheritdoc />
    internal override IReadOnlyList<string> SideLabels => Labels.Where(AugmentationRules.NamesASide).ToArray();

    /// <inheritdoc />
    internal override bool ReadsFolders => true;

    /// <inheritdoc />
    internal override bool MixesAsLabels => true;

    /// <summary>The 0/1 flag is already the probability of the positive label.</summary>
    internal override Tensor SoftTruth(Tensor encoded) => encoded.to_type(ScalarType.Float32);

    /// <summary>Two classes: the negative (0) and the positive (1) label.</summary>
    internal override int BalancedClasses => 2;

    /// <summary>Hinge on the raw score, max(0, 1 − t·s) with t = ±1 (see <see cref="HingeLosses.BinaryHinge"/>).</summary>
    private sealed class HingeLoss(int offset, double weight, double positiveWeight) : TargetLoss(offset, weight)
    {
        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics) =>
            HingeLosses.BinaryHinge(output, targets[.., Offset..(Offset + 1)], positiveWeight);
    }
}

/// <summary>Sigmoid binary cross-entropy per column: one for a bool target, one per label for a multi-label one.</summary>
internal sealed class BinaryCrossEntropyLoss(int offset, double weight, int width, double[] positiveWeights) : TargetLoss(offset, weight)
{
    private readonly float[] positive = positiveWeights.Select(w => (float)w).ToArray();
    private readonly bool weighted = positiveWeights.Any(w => w != 1.0);

    private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
    {
        using var posWeights = weighted ? tensor(positive, device: output.device).reshape(1, width) : null;
        return nn.functional.binary_cross_entropy_with_logits(output, targets[.., Offset..(Offset + width)], pos_weights: posWeights);
    }
}
