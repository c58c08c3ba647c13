using System.Text.Json.Serialization;
using ImageDsl.Evaluation;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Specs;

/// <summary>A regression target with values in [<see cref="Min"/>, <see cref="Max"/>].</summary>
public sealed partial record RangeTargetSpec : TargetSpec, IGeometricTarget, IStoredTarget
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
    /// <param name="tolerance">An error the user accepts, in its units; evaluation reports the share of predictions within it. Positive, finite and below <c>max - min</c>.</param>
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
        Tolerance = ToleranceRules.Checked(name, tolerance, max > min ? max - min : null,
            $"a prediction is clamped into [{TargetText.Show(min)}, {TargetText.Show(max)}]");
    }

    /// <summary>An error the user accepts, in the target's units (|error| ≤ it counts as within); evaluation reports the share of predictions within it. Null for none.</summary>
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
    static TargetKind IStoredTarget.StoredKind => TargetKinds.Range;

    internal override TargetKind Kind => TargetKinds.Range;

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

    /// <inheritdoc />
    internal override TargetLoss CreateLoss(int offset) => new TargetLoss.BoundedLoss(offset, LossWeight, 1, Min, Max, Loss, HuberDelta);

    /// <summary>The head's [-1, 1] output mapped back to user units, clamped into the range.</summary>
    internal override float[] Decode(ReadOnlySpan<float> activated, TargetStatistics statistics, int offset) => [(float)FromUnit(activated[0])];

    /// <summary>Clipped to the declared range: the value cannot lie outside it.</summary>
    internal override PredictionInterval Interval(double value, double radius, int component) => new(Math.Max(Min, value - radius), Math.Min(Max, value + radius));

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new RegressionScorer(index, this, Unit, Tolerance);

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <inheritdoc />
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context) =>
        OnnxTargets.PerImage(graph, OnnxTargets.FromUnit(graph, head, Min, Max));

    /// <inheritdoc />
    internal override string DescribeOutput() => $"{Name}{OnnxTargets.Units(Unit)}, within [{TargetText.Show(Min)}, {TargetText.Show(Max)}].";

    /// <inheritdoc />
    internal override string? AngleUnit => AugmentationRules.IsAngleUnit(Unit) ? Unit : null;

    // A value that is the image's own rotation (RangeAttribute.ImageRotation) turns with the image.

    /// <inheritdoc />
    [JsonIgnore]
    public bool MovesWithImage => ImageRotation != RotationSense.None;

    /// <inheritdoc />
    public Tensor Move(Tensor encoded, Tensor pixelTransforms, InputSpec input) =>
        ImageRotationRules.Turn(encoded, pixelTransforms, PerTurnRadian).clamp(Min, Max);

    /// <summary>The window that keeps turned values in range, for the augmentation to draw turns from.</summary>
    internal override RotationWindow? RotationWindow(Tensor values) => MovesWithImage ? new(values, Min, Max, PerTurnRadian) : null;

    private double PerTurnRadian => ImageRotationRules.PerTurnRadian(ImageRotation, Unit);
}
