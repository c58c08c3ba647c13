using System.Text.Json.Serialization;

namespace ImageDsl.Specs;

/// <summary>A binary target (a <c>bool</c> property): one logit, trained with binary cross-entropy.</summary>
public sealed record BinaryTargetSpec : TargetSpec
{
    /// <summary>Creates a binary target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="column">The CSV column it is read from; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    /// <param name="threshold">The probability at or above which the prediction is true.</param>
    /// <param name="positiveWeight">Weight of positive samples in the loss (above 1 favours recall).</param>
    /// <param name="negativeLabel">The name of false in folders, CSV cells and reports.</param>
    /// <param name="positiveLabel">The name of true.</param>
    public BinaryTargetSpec(string name, string? column = null, double lossWeight = 1.0, double threshold = 0.5, double positiveWeight = 1.0,
        string negativeLabel = "false", string positiveLabel = "true")
        : base(name, column ?? name, lossWeight)
    {
        Threshold = threshold;
        PositiveWeight = positiveWeight;
        NegativeLabel = negativeLabel;
        PositiveLabel = positiveLabel;
    }

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
    protected override IReadOnlyList<Metric> DefaultMetrics => [Metric.Accuracy, Metric.F1, Metric.RocAuc];

    /// <inheritdoc />
    public override string KindName => "binary";

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
}

/// <summary>
/// A multi-label target (a <c>[Flags]</c> enum or a set of an enum): any subset of its labels,
/// one logit per label, trained with binary cross-entropy. Encoded as one 0/1 per label.
/// </summary>
public sealed record MultiLabelTargetSpec : TargetSpec
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
    protected override IReadOnlyList<Metric> DefaultMetrics => [Metric.SubsetAccuracy, Metric.HammingLoss, Metric.F1];

    /// <inheritdoc />
    public override string KindName => "multilabel";

    /// <inheritdoc />
    public override bool IsShiftInvariant => true;

    /// <summary>The index of <paramref name="label"/> by name (case-insensitive) or alias; -1 if neither.</summary>
    public int IndexOf(string label)
    {
        for (int i = 0; i < Labels.Count; i++)
            if (string.Equals(Labels[i], label, StringComparison.OrdinalIgnoreCase)) return i;
        if (Aliases is not null)
            for (int i = 0; i < Aliases.Count; i++)
                if (string.Equals(Aliases[i], label, StringComparison.Ordinal)) return i;
        return -1;
    }

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
}
