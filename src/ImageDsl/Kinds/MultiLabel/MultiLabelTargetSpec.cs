using System.Text.Json.Serialization;
using ImageDsl.Evaluation;
using ImageDsl.Networks;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Specs;

/// <summary>
/// A multi-label target (a <c>[Flags]</c> enum or a set of an enum): any subset of its labels,
/// one logit per label, trained with binary cross-entropy. Encoded as one 0/1 per label.
/// </summary>
public sealed record MultiLabelTargetSpec : TargetSpec, IStoredTarget
{
    /// <summary>Creates a multi-label target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="labels">The labels, in order; head output <c>i</c> is label <c>i</c>'s logit.</param>
    /// <param name="column">The CSV column it is read from; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    /// <param name="thresholds">Per label, the probability at or above which it is predicted; null for 0.5 each.</param>
    /// <param name="positiveWeights">Per label, the weight of its positive samples in the loss; null for 1 each.</param>
    /// <param name="aliases">Another accepted spelling of each label (a flag's numeric value), in label order, or null.</param>
    public MultiLabelTargetSpec(string name, IReadOnlyList<string> labels, string? column = null, double lossWeight = 1.0,
        IReadOnlyList<double>? thresholds = null, IReadOnlyList<double>? positiveWeights = null, IReadOnlyList<string>? aliases = null)
        : base(name, column ?? name, lossWeight)
    {
        thresholds ??= Enumerable.Repeat(0.5, labels.Count).ToArray();
        positiveWeights ??= Enumerable.Repeat(1.0, labels.Count).ToArray();
        if (thresholds.Count != labels.Count) throw new ArgumentException($"{name}: {thresholds.Count} thresholds for {labels.Count} labels.", nameof(thresholds));
        if (positiveWeights.Count != labels.Count) throw new ArgumentException($"{name}: {positiveWeights.Count} positive weights for {labels.Count} labels.", nameof(positiveWeights));
        if (aliases is not null && aliases.Count != labels.Count) throw new ArgumentException($"{name}: {aliases.Count} aliases for {labels.Count} labels.", nameof(aliases));
        Labels = labels;
        Thresholds = thresholds;
        PositiveWeights = positiveWeights;
        Aliases = aliases;
    }

    /// <summary>The labels, in order.</summary>
    public IReadOnlyList<string> Labels { get; init; }

    /// <summary>Per label, the probability at or above which it is predicted.</summary>
    public IReadOnlyList<double> Thresholds { get; init; }

    /// <summary>Per label, the weight of its positive samples in the binary cross-entropy.</summary>
    public IReadOnlyList<double> PositiveWeights { get; init; }

    /// <summary>Another accepted spelling of each label (a flag's numeric value), or null.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <inheritdoc />
    public override int EncodedWidth => Labels.Count;

    /// <inheritdoc />
    public override int OutputWidth => Labels.Count;

    /// <inheritdoc />
    static TargetKind IStoredTarget.StoredKind => TargetKinds.MultiLabel;

    internal override TargetKind Kind => TargetKinds.MultiLabel;

    /// <inheritdoc />
    public override bool IsShiftInvariant => true;

    /// <summary>The index of <paramref name="label"/> by name (case-insensitive) or alias; -1 if neither.</summary>
    public int IndexOf(string label) => TargetText.IndexOf(Labels, Aliases, label);

    /// <summary>
    /// Reads a cell listing the present labels separated by <c>|</c> or <c>;</c> (<c>even|loop</c>);
    /// an empty cell is the empty set.
    /// </summary>
    public override string? TryEncode(string text, Span<float> encoded)
    {
        encoded[..Labels.Count].Clear();
        foreach (var part in text.Split(TargetText.ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int index = IndexOf(part);
            if (index < 0) return $"'{part}' is not a label of {Name}; expected labels among {string.Join(", ", Labels)}, separated by '|'";
            encoded[index] = 1f;
        }
        return null;
    }

    /// <inheritdoc />
    public override string Describe() => $"{Name}: multi-label [{string.Join(", ", Labels)}]";

    /// <summary>Dropout, then one logit per label.</summary>
    internal override Module<Tensor, Tensor> CreateHead(int featureCount) => Heads.Classification(featureCount, OutputWidth);

    /// <inheritdoc />
    internal override bool[] Present(ReadOnlySpan<float> decoded)
    {
        var present = new bool[decoded.Length];
        for (int i = 0; i < present.Length; i++) present[i] = decoded[i] >= Thresholds[i];
        return present;
    }

    internal override TargetLoss CreateLoss(int offset) => new BinaryCrossEntropyLoss(offset, LossWeight, Labels.Count, PositiveWeights.ToArray());

    /// <summary>A label's logit, the evidence for its presence.</summary>
    internal override Func<Tensor, Tensor> ExplainScore(Explanations.ExplainTarget target)
    {
        int index = Explanations.ExplainTargets.LabelIndex(this, target, Labels, IndexOf);
        return head => head[.., index];
    }

    /// <summary>One sigmoid probability per label.</summary>
    internal override Tensor Activate(Tensor output) => output.sigmoid();

    /// <summary>One temperature per label, each label's sigmoid fitted on its own.</summary>
    internal override float[]? FitTemperatures(float[] logits, float[] truths)
    {
        int labels = Labels.Count, count = logits.Length / labels;
        var temperatures = new float[labels];
        for (int l = 0; l < labels; l++)
        {
            var column = new float[count];
            var truth = new bool[count];
            for (int i = 0; i < count; i++) { column[i] = logits[i * labels + l]; truth[i] = truths[i * labels + l] >= 0.5f; }
            temperatures[l] = (float)Calibration.TemperatureScaling.FitSigmoid(column, truth);
        }
        return temperatures;
    }

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new MultiLabelScorer(index, this);

    /// <inheritdoc />
    internal override string OnnxSuffix => "_probabilities";

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <inheritdoc />
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context) => graph.Node("Sigmoid", [head], graph.ShapeOf(head));

    /// <inheritdoc />
    internal override string DescribeOutput() => $"Probability of each label of {Name}, independently, in this order: {string.Join(", ", Labels)}.";

    /// <inheritdoc />
    internal override (string KeyPrefix, IReadOnlyList<string> Names)? OnnxOrder => (OnnxMetadata.LabelsKeyPrefix, Labels);

    /// <inheritdoc />
    internal override IReadOnlyList<string> SideLabels => Labels.Where(AugmentationRules.NamesASide).ToArray();

    /// <inheritdoc />
    internal override bool MixesAsLabels => true;

    /// <summary>The 0/1 flags are already each label's probability.</summary>
    internal override Tensor SoftTruth(Tensor encoded) => encoded.to_type(ScalarType.Float32);
}
