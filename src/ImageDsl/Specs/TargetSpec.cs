using System.Text.Json.Serialization;

namespace ImageDsl.Specs;

/// <summary>
/// One thing the model predicts. A sample's value for a target is stored "encoded" as
/// <see cref="EncodedWidth"/> floats (a class index for labels, the raw value in the
/// user's units for ranges); the network head for it has <see cref="OutputWidth"/> outputs.
/// </summary>
/// <remarks>
/// Each kind is one subclass, in its own folder under <c>Kinds/</c>, and everything the kind
/// does lives there: its head, loss, decoding, scorer, ONNX post-processing and how it moves
/// with augmentation (the members of <c>TargetSpec.Behaviour.cs</c>), and its evaluation with
/// its report sections. The rest of the library calls those members and never switches on the
/// kind. The kind's rules (id, losses, metrics) are its row of <see cref="TargetKinds"/>; model
/// files name the kind by the same id, which each kind gives as <see cref="IStoredTarget"/>
/// (a box and points are stored as vectors with their flag, as they always were).
/// </remarks>
public abstract partial record TargetSpec
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

    /// <summary>The metrics a target of this kind headlines unless it declares others (its kind's defaults).</summary>
    [JsonIgnore]
    protected IReadOnlyList<Metric> DefaultMetrics => Kind.DefaultMetrics;

    /// <summary>
    /// The kind's id, the one word for it in model files, reports and messages: labels, binary,
    /// multilabel, ordinal, range, periodic, value, vector, points or box.
    /// </summary>
    [JsonIgnore]
    public string KindName => Kind.Id;

    /// <summary>The kind's row of <see cref="TargetKinds"/>: its id, losses and metrics.</summary>
    [JsonIgnore]
    internal abstract TargetKind Kind { get; }

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
