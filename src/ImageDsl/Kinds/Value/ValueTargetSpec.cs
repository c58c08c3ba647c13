using System.Text.Json.Serialization;
using ImageDsl.Evaluation;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Specs;

/// <summary>An unbounded regression target, trained on values standardized with the training set's statistics.</summary>
public sealed record ValueTargetSpec : TargetSpec, IStoredTarget
{
    /// <summary>Creates an unbounded regression target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="unit">Unit shown in reports.</param>
    /// <param name="loss">Training loss, on the standardized value.</param>
    /// <param name="huberDelta">Huber delta in the target's units.</param>
    /// <param name="column">The CSV column it is read from; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    /// <param name="tolerance">An error the user accepts, in its units; evaluation reports the share of predictions within it. Positive and finite.</param>
    public ValueTargetSpec(string name, string? unit = null, LossFunction loss = LossFunction.MeanSquaredError, double huberDelta = 1.0,
        string? column = null, double lossWeight = 1.0, double? tolerance = null)
        : base(name, column ?? name, lossWeight)
    {
        Unit = unit;
        Loss = loss;
        HuberDelta = huberDelta;
        Tolerance = ToleranceRules.Checked(name, tolerance, largestError: null, "");
    }

    /// <summary>An error the user accepts, in the target's units (|error| ≤ it counts as within); evaluation reports the share of predictions within it. Null for none.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Unit shown in reports, if declared.</summary>
    public string? Unit { get; init; }

    /// <summary>Training loss.</summary>
    public LossFunction Loss { get; init; }

    /// <summary>Huber delta in the target's units.</summary>
    public double HuberDelta { get; init; }

    /// <inheritdoc />
    public override int EncodedWidth => 1;

    /// <inheritdoc />
    public override int OutputWidth => 1;

    /// <inheritdoc />
    public override bool IsStandardized => true;

    /// <inheritdoc />
    static TargetKind IStoredTarget.StoredKind => TargetKinds.Value;

    internal override TargetKind Kind => TargetKinds.Value;

    /// <inheritdoc />
    public override bool IsShiftInvariant => true;

    /// <inheritdoc />
    public override string? TryEncode(string text, Span<float> encoded)
    {
        if (!TargetText.TryParseNumber(text, out var value)) return $"'{text}' is not a number (expected a value of {Name})";
        encoded[0] = (float)value;
        return null;
    }

    /// <inheritdoc />
    public override string Describe() => $"{Name}: value{(Unit is null ? "" : " " + Unit)}";

    /// <inheritdoc />
    internal override TargetLoss CreateLoss(int offset) => new TargetLoss.StandardizedLoss(offset, LossWeight, 1, Loss, HuberDelta);

    /// <summary>The head's standard units mapped back with the training set's mean and standard deviation.</summary>
    internal override float[] Decode(ReadOnlySpan<float> activated, TargetStatistics statistics, int offset) => [(float)statistics.FromStandard(offset, activated[0])];

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new RegressionScorer(index, this, Unit, Tolerance);

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <inheritdoc />
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context) =>
        OnnxTargets.PerImage(graph, OnnxTargets.FromStandard(graph, head, context));

    /// <inheritdoc />
    internal override string DescribeOutput() => $"{Name}{OnnxTargets.Units(Unit)}.";
}
