using System.Text.Json.Serialization;

namespace ImageDsl.Specs;

/// <summary>
/// One thing the model predicts. A sample's value for a target is stored "encoded" as
/// <see cref="EncodedWidth"/> floats (a class index for labels, the raw value in the
/// user's units for ranges); the network head for it has <see cref="OutputWidth"/> outputs.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LabelTargetSpec), "labels")]
[JsonDerivedType(typeof(RangeTargetSpec), "range")]
[JsonDerivedType(typeof(BinaryTargetSpec), "binary")]
[JsonDerivedType(typeof(MultiLabelTargetSpec), "multilabel")]
[JsonDerivedType(typeof(PeriodicTargetSpec), "periodic")]
[JsonDerivedType(typeof(ValueTargetSpec), "value")]
[JsonDerivedType(typeof(VectorTargetSpec), "vector")]
public abstract record TargetSpec
{
    /// <summary>Creates a target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="column">The CSV column it is read from.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    protected TargetSpec(string name, string column, double lossWeight)
    {
        Name = name;
        Column = column;
        LossWeight = lossWeight;
    }

    /// <summary>The spec property's name.</summary>
    public string Name { get; init; }

    /// <summary>The CSV column holding this target's values.</summary>
    public string Column { get; init; }

    /// <summary>Weight of this target's loss in a multi-target model.</summary>
    public double LossWeight { get; init; }

    /// <summary>The metrics the report's overall table shows for this target; <see cref="Metric.None"/> for the kind's defaults.</summary>
    public Metric Metrics { get; init; }

    /// <summary>The headline metrics: <see cref="Metrics"/>, or the kind's defaults.</summary>
    [JsonIgnore]
    public IReadOnlyList<Metric> HeadlineMetrics =>
        Metrics == Metric.None ? DefaultMetrics : Enum.GetValues<Metric>().Where(m => m != Metric.None && Metrics.HasFlag(m)).ToArray();

    /// <summary>The metrics a target of this kind headlines unless it declares others.</summary>
    [JsonIgnore]
    protected abstract IReadOnlyList<Metric> DefaultMetrics { get; }

    /// <summary>The kind's name in reports: classification, binary, multilabel, regression, periodic, value, vector.</summary>
    [JsonIgnore]
    public abstract string KindName { get; }

    /// <summary>
    /// True when the encoded values are standardized with the training set's mean and standard
    /// deviation (see <see cref="TargetStatistics"/>) before the loss sees them.
    /// </summary>
    [JsonIgnore]
    public virtual bool IsStandardized => false;

    /// <summary>
    /// True when shifting an image leaves this target's value unchanged (labels, angles, ages;
    /// not boxes or keypoints). False unless a kind says otherwise, so augmentation never moves
    /// a target it does not know about.
    /// </summary>
    [JsonIgnore]
    public virtual bool IsShiftInvariant => false;

    /// <summary>Floats one sample's value takes in the encoded target matrix.</summary>
    [JsonIgnore]
    public abstract int EncodedWidth { get; }

    /// <summary>Outputs of the network head for this target.</summary>
    [JsonIgnore]
    public abstract int OutputWidth { get; }

    /// <summary>Parses one text value (a CSV cell or folder name) into its encoded floats, or returns an error message.</summary>
    public abstract string? TryEncode(string text, Span<float> encoded);

    /// <summary>A short description for messages and reports.</summary>
    public abstract string Describe();
}

/// <summary>A classification target over a fixed, ordered label set.</summary>
public sealed record LabelTargetSpec : TargetSpec
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
    /// <param name="classWeights">Per-label weights of the cross-entropy loss, in label order; null weighs every label 1.</param>
    public LabelTargetSpec(string name, IReadOnlyList<string> labels, string? column = null, double lossWeight = 1.0, double labelSmoothing = 0.0,
        IReadOnlyList<string>? aliases = null, IReadOnlyList<double>? classWeights = null)
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
    }

    /// <summary>Per-label weights of the cross-entropy loss, in label order, or null (all 1).</summary>
    public IReadOnlyList<double>? ClassWeights { get; init; }

    /// <inheritdoc />
    protected override IReadOnlyList<Metric> DefaultMetrics => [Metric.Accuracy, Metric.F1];

    /// <inheritdoc />
    public override string KindName => "classification";

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
    public int IndexOf(string label)
    {
        for (int i = 0; i < Labels.Count; i++)
            if (string.Equals(Labels[i], label, StringComparison.OrdinalIgnoreCase)) return i;
        if (Aliases is not null)
            for (int i = 0; i < Aliases.Count; i++)
                if (string.Equals(Aliases[i], label, StringComparison.Ordinal)) return i;
        return -1;
    }

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
}

/// <summary>A regression target with values in [<see cref="Min"/>, <see cref="Max"/>].</summary>
public sealed partial record RangeTargetSpec : TargetSpec
{
    /// <summary>Creates a regression target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="min">Smallest value.</param>
    /// <param name="max">Largest value.</param>
    /// <param name="unit">Unit shown in reports.</param>
    /// <param name="loss">Training loss.</param>
    /// <param name="huberDelta">Huber delta in the target's units.</param>
    /// <param name="column">The CSV column it is read from; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    /// <param name="tolerance">An error the user accepts; evaluation reports the share of predictions within it.</param>
    /// <param name="imageRotation">Set when the value is the image's own rotation (see <see cref="RangeAttribute.ImageRotation"/>); needs an angle unit.</param>
    public RangeTargetSpec(string name, double min, double max, string? unit = null, LossFunction loss = LossFunction.MeanSquaredError,
        double huberDelta = 1.0, string? column = null, double lossWeight = 1.0, double? tolerance = null, RotationSense imageRotation = RotationSense.None)
        : base(name, column ?? name, lossWeight)
    {
        ImageRotationRules.Check(name, imageRotation, unit);
        ImageRotation = imageRotation;
        Min = min;
        Max = max;
        Unit = unit;
        Loss = loss;
        HuberDelta = huberDelta;
        Tolerance = tolerance;
    }

    /// <summary>An error the user accepts, in the target's units; evaluation reports the share of predictions within it.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Set when the value is the image's own rotation: rotation augmentation then turns it with the image.</summary>
    public RotationSense ImageRotation { get; init; }

    /// <summary>Smallest value.</summary>
    public double Min { get; init; }

    /// <summary>Largest value.</summary>
    public double Max { get; init; }

    /// <summary>Unit shown in reports, if declared.</summary>
    public string? Unit { get; init; }

    /// <summary>Training loss.</summary>
    public LossFunction Loss { get; init; }

    /// <inheritdoc />
    protected override IReadOnlyList<Metric> DefaultMetrics => [Metric.Mae, Metric.Rmse];

    /// <inheritdoc />
    public override string KindName => "regression";

    /// <inheritdoc />
    public override bool IsShiftInvariant => true;

    /// <summary>Huber delta in the target's units.</summary>
    public double HuberDelta { get; init; }

    /// <inheritdoc />
    public override int EncodedWidth => 1;

    /// <inheritdoc />
    public override int OutputWidth => 1;

    /// <summary>Maps a value in user units to [-1, 1], the scale the head is trained on.</summary>
    public double ToUnit(double value) => (value - Min) / (Max - Min) * 2.0 - 1.0;

    /// <summary>Maps a head output back to user units, clamped into the declared range.</summary>
    public double FromUnit(double unit) => Min + (Math.Clamp(unit, -1.0, 1.0) + 1.0) / 2.0 * (Max - Min);

    /// <inheritdoc />
    public override string? TryEncode(string text, Span<float> encoded)
    {
        if (!TargetText.TryParseNumber(text, out var value))
            return $"'{text}' is not a number (expected a value of {Name} in [{Min}, {Max}])";
        if (double.IsNaN(value) || value < Min || value > Max)
            return $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside {Name}'s declared range [{Min}, {Max}]";
        encoded[0] = (float)value;
        return null;
    }

    /// <inheritdoc />
    public override string Describe() => $"{Name}: range [{Min}, {Max}]{(Unit is null ? "" : " " + Unit)}";
}
