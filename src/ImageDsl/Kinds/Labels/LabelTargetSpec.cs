using System.Text.Json.Serialization;
using ImageDsl.Evaluation;
using ImageDsl.Networks;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Specs;

/// <summary>
/// A classification target over a fixed, ordered label set: one logit per label, trained with
/// cross-entropy (predictions carry softmax probabilities) or categorical hinge (predictions
/// carry the raw scores, which are not probabilities).
/// </summary>
public sealed record LabelTargetSpec : TargetSpec, IStoredTarget
{
    /// <summary>Creates a classification target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="labels">The labels, in order; head output <c>i</c> is label <c>i</c>'s logit.</param>
    /// <param name="column">The CSV column it is read from; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    /// <param name="labelSmoothing">Label smoothing of the cross-entropy loss.</param>
    /// <param name="aliases">
    /// Another accepted spelling of each label, in label order: the enum member's numeric value,
    /// so a folder named <c>7</c> means <c>Digit.Seven</c> when <c>Seven = 7</c>.
    /// </param>
    /// <param name="classWeights">Per-label weights of the loss, in label order; null weighs every label 1.</param>
    /// <param name="loss">
    /// <see cref="LossFunction.CrossEntropy"/> (the default) or <see cref="LossFunction.CategoricalHinge"/>;
    /// stored as <see cref="LossFunction.Default"/> when it is the default, so such specs read as before.
    /// </param>
    public LabelTargetSpec(string name, IReadOnlyList<string> labels, string? column = null, double lossWeight = 1.0, double labelSmoothing = 0.0,
        IReadOnlyList<string>? aliases = null, IReadOnlyList<double>? classWeights = null, LossFunction loss = LossFunction.Default)
        : base(name, column ?? name, lossWeight)
    {
        if (aliases is not null && aliases.Count != labels.Count)
            throw new ArgumentException($"{name}: {aliases.Count} aliases for {labels.Count} labels.", nameof(aliases));
        if (classWeights is not null && classWeights.Count != labels.Count)
            throw new ArgumentException($"{name}: {classWeights.Count} class weights for {labels.Count} labels.", nameof(classWeights));
        Labels = labels;
        LabelSmoothing = labelSmoothing;
        Aliases = aliases;
        ClassWeights = classWeights;
        if (!TargetKinds.Labels.Allows(loss)) throw new ArgumentException($"{name}: {loss} is not a loss of multi-class labels; use CrossEntropy or CategoricalHinge.", nameof(loss));
        Loss = TargetKinds.Labels.Resolve(loss) == LossFunction.CrossEntropy ? LossFunction.Default : loss;
    }

    /// <summary>The declared loss: <see cref="LossFunction.Default"/> (cross-entropy) or <see cref="LossFunction.CategoricalHinge"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public LossFunction Loss { get; init; }

    /// <summary>
    /// True when trained with categorical hinge: the per-label values of a prediction are then the
    /// raw scores (the predicted label has the highest), not probabilities, and log loss is undefined.
    /// </summary>
    [JsonIgnore]
    public bool ScoresAreRaw => TargetKinds.GivesRawScores(Loss);

    /// <summary>Per-label weights of the cross-entropy loss, in label order, or null (all 1).</summary>
    public IReadOnlyList<double>? ClassWeights { get; init; }

    /// <inheritdoc />
    static TargetKind IStoredTarget.StoredKind => TargetKinds.Labels;

    internal override TargetKind Kind => TargetKinds.Labels;

    /// <inheritdoc />
    public override bool IsShiftInvariant => true;

    /// <summary>The labels, in order.</summary>
    public IReadOnlyList<string> Labels { get; init; }

    /// <summary>Label smoothing of the cross-entropy loss.</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>Another accepted spelling of each label (an enum member's numeric value), or null.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <inheritdoc />
    public override int EncodedWidth => 1;

    /// <inheritdoc />
    public override int OutputWidth => Labels.Count;

    /// <summary>The index of <paramref name="label"/>, matched to a label name (case-insensitive) or else to an alias; -1 if neither.</summary>
    public int IndexOf(string label) => TargetText.IndexOf(Labels, Aliases, label);

    /// <inheritdoc />
    public override string? TryEncode(string text, Span<float> encoded)
    {
        int index = IndexOf(text.Trim());
        if (index < 0) return $"'{text}' is not a label of {Name}; expected one of {Expected}";
        encoded[0] = index;
        return null;
    }

    /// <summary>The accepted spellings, for messages.</summary>
    internal string Expected => Aliases is null
        ? string.Join(", ", Labels)
        : string.Join(", ", Labels.Zip(Aliases, (label, alias) => $"{label} ({alias})"));

    /// <inheritdoc />
    public override string Describe() => $"{Name}: labels [{string.Join(", ", Labels)}]";

    /// <summary>Dropout, then one logit per label.</summary>
    internal override Module<Tensor, Tensor> CreateHead(int featureCount) => Heads.Classification(featureCount, OutputWidth);

    /// <inheritdoc />
    internal override TargetLoss CreateLoss(int offset) => Loss == LossFunction.CategoricalHinge ? new CategoricalHingeLoss(offset, this) : new CrossEntropyLoss(offset, this);

    /// <summary>A label's logit: raising it raises that label's probability against every other.</summary>
    internal override Func<Tensor, Tensor> ExplainScore(Explanations.ExplainTarget target)
    {
        int index = Explanations.ExplainTargets.LabelIndex(this, target, Labels, IndexOf);
        return head => head[.., index];
    }

    /// <summary>Softmax probabilities; the raw scores themselves when trained with hinge.</summary>
    internal override Tensor Activate(Tensor output) => ScoresAreRaw ? output.alias() : output.softmax(1);

    /// <summary>One temperature for the softmax (every label's logit divided by it); none for raw hinge scores.</summary>
    internal override float[]? FitTemperatures(float[] logits, float[] truths)
    {
        if (ScoresAreRaw) return null;
        var temperature = (float)Calibration.TemperatureScaling.FitSoftmax(logits, truths.Select(t => (int)t).ToArray(), Labels.Count);
        return Enumerable.Repeat(temperature, Labels.Count).ToArray();
    }

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new ClassificationScorer(index, this);

    /// <inheritdoc />
    internal override string OnnxSuffix => ScoresAreRaw ? "_scores" : "_probabilities";

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <inheritdoc />
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context) =>
        ScoresAreRaw ? graph.Node("Identity", [head], graph.ShapeOf(head)) : graph.Node("Softmax", [head], graph.ShapeOf(head), OnnxAttribute.Int("axis", 1));

    /// <inheritdoc />
    internal override string DescribeOutput() => ScoresAreRaw
        ? $"Raw hinge score of each label of {Name} (the highest is the prediction; not probabilities), in this order: {string.Join(", ", Labels)}."
        : $"Probability of each label of {Name}, in this order: {string.Join(", ", Labels)}.";

    /// <inheritdoc />
    internal override (string KeyPrefix, IReadOnlyList<string> Names)? OnnxOrder => (OnnxMetadata.LabelsKeyPrefix, Labels);

    /// <inheritdoc />
    internal override IReadOnlyList<string> SideLabels => Labels.Where(AugmentationRules.NamesASide).ToArray();

    /// <inheritdoc />
    internal override bool ReadsFolders => true;

    /// <inheritdoc />
    internal override bool Stratifies => true;

    /// <inheritdoc />
    internal override bool MixesAsLabels => true;

    /// <summary>The class index as a one-hot row.</summary>
    internal override Tensor SoftTruth(Tensor encoded) =>
        nn.functional.one_hot(encoded[.., 0].to_type(ScalarType.Int64), Labels.Count).to_type(ScalarType.Float32);

    /// <inheritdoc />
    internal override int BalancedClasses => Labels.Count;

    /// <summary>Softmax cross-entropy on the class index, with label smoothing and class weights.</summary>
    private sealed class CrossEntropyLoss(int offset, LabelTargetSpec target) : TargetLoss(offset, target.LossWeight)
    {
        private readonly float[]? classWeights = target.ClassWeights?.Select(w => (float)w).ToArray();

        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
        {
            using var weights = classWeights is null ? null : tensor(classWeights, device: output.device);
            return nn.functional.cross_entropy(output, targets[.., Offset].to_type(ScalarType.Int64), weight: weights, label_smoothing: target.LabelSmoothing);
        }
    }

    /// <summary>Keras' categorical hinge on the raw scores (see <see cref="HingeLosses.CategoricalHingeForClasses"/>), with class weights.</summary>
    private sealed class CategoricalHingeLoss(int offset, LabelTargetSpec target) : TargetLoss(offset, target.LossWeight)
    {
        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics) =>
            HingeLosses.CategoricalHingeForClasses(output, targets[.., Offset], target.ClassWeights);
    }
}
