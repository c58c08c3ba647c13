using System.Text.Json.Serialization;
using ImageDsl.Evaluation;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Specs;

/// <summary>
/// A circular regression target: [<see cref="Min"/>, <see cref="Max"/>) is one period (an angle,
/// a time of day). The head predicts the sine and cosine of the phase, and errors are measured
/// around the circle, so 359° against 1° is an error of 2°.
/// </summary>
public sealed partial record PeriodicTargetSpec : TargetSpec, IGeometricTarget, IStoredTarget
{
    /// <summary>Creates a periodic target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="min">Start of the period.</param>
    /// <param name="max">End of the period (the same point as <paramref name="min"/>).</param>
    /// <param name="unit">Unit shown in reports.</param>
    /// <param name="loss">Loss on the (sine, cosine) pair.</param>
    /// <param name="huberDelta">Huber delta in the target's units.</param>
    /// <param name="column">The CSV column it is read from; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    /// <param name="imageRotation">Set when the value is the image's own rotation (see <see cref="RangeAttribute.ImageRotation"/>); needs an angle unit.</param>
    /// <param name="tolerance">
    /// An error the user accepts, in its units, judged the short way round (359° against 1° is 2° off);
    /// evaluation reports the share of predictions within it. Positive, finite and below half the period.
    /// </param>
    public PeriodicTargetSpec(string name, double min, double max, string? unit = null, LossFunction loss = LossFunction.MeanSquaredError,
        double huberDelta = 1.0, string? column = null, double lossWeight = 1.0, RotationSense imageRotation = RotationSense.None, double? tolerance = null)
        : base(name, column ?? name, lossWeight)
    {
        ImageRotationRules.Check(name, imageRotation, unit);
        ImageRotation = imageRotation;
        Min = min;
        Max = max;
        Unit = unit;
        Loss = loss;
        HuberDelta = huberDelta;
        Tolerance = ToleranceRules.Checked(name, tolerance, max > min ? (max - min) / 2 : null,
            $"a circular error is at most half the period of {TargetText.Show(max - min)}");
    }

    /// <summary>An error the user accepts, in the target's units and measured around the circle; evaluation reports the share of predictions within it. Null for none.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Set when the value is the image's own rotation: rotation augmentation then turns it with the image.</summary>
    public RotationSense ImageRotation { get; init; }

    /// <summary>Start of the period.</summary>
    public double Min { get; init; }

    /// <summary>End of the period.</summary>
    public double Max { get; init; }

    /// <summary>Unit shown in reports, if declared.</summary>
    public string? Unit { get; init; }

    /// <summary>Loss on the (sine, cosine) pair.</summary>
    public LossFunction Loss { get; init; }

    /// <summary>Huber delta in the target's units.</summary>
    public double HuberDelta { get; init; }

    /// <summary>The period, <c>Max - Min</c>.</summary>
    [JsonIgnore]
    public double Period => Max - Min;

    /// <inheritdoc />
    public override int EncodedWidth => 1;

    /// <inheritdoc />
    public override int OutputWidth => 2;

    /// <inheritdoc />
    static TargetKind IStoredTarget.StoredKind => TargetKinds.Periodic;

    internal override TargetKind Kind => TargetKinds.Periodic;

    /// <inheritdoc />
    public override bool IsShiftInvariant => true;

    /// <summary>The phase of <paramref name="value"/> in radians.</summary>
    public double ToRadians(double value) => (value - Min) / Period * 2 * Math.PI;

    /// <summary>The value in [Min, Max) of the point (<paramref name="sine"/>, <paramref name="cosine"/>) on the circle.</summary>
    public double FromSineCosine(double sine, double cosine)
    {
        double turn = Math.Atan2(sine, cosine) / (2 * Math.PI);
        if (turn < 0) turn += 1;
        double value = Min + turn * Period;
        return value >= Max ? Min : value;
    }

    /// <summary>The signed circular difference <paramref name="predicted"/> − <paramref name="actual"/>, in [−Period/2, Period/2).</summary>
    public double Difference(double predicted, double actual)
    {
        double d = (predicted - actual) % Period;
        if (d >= Period / 2) d -= Period;
        else if (d < -Period / 2) d += Period;
        return d;
    }

    /// <inheritdoc />
    public override string? TryEncode(string text, Span<float> encoded)
    {
        if (!TargetText.TryParseNumber(text, out var value))
            return $"'{text}' is not a number (expected a value of {Name} in [{TargetText.Show(Min)}, {TargetText.Show(Max)}])";
        if (value < Min || value > Max)
            return $"{TargetText.Show(value)} is outside {Name}'s period [{TargetText.Show(Min)}, {TargetText.Show(Max)}]";
        encoded[0] = (float)(value >= Max ? Min : value);
        return null;
    }

    /// <inheritdoc />
    public override string Describe() => $"{Name}: periodic [{TargetText.Show(Min)}, {TargetText.Show(Max)}){(Unit is null ? "" : " " + Unit)}";

    /// <inheritdoc />
    internal override TargetLoss CreateLoss(int offset) => new SineCosineLoss(offset, this);

    /// <summary>
    /// The predicted phase, atan2(sine, cosine): what turns the angle up. The wrap at ±π is a jump
    /// in value but not in gradient, so it explains any angle.
    /// </summary>
    internal override Func<Tensor, Tensor> ExplainScore(Explanations.ExplainTarget target)
    {
        if (target.Label is not null || target.Component is not null)
            throw new ArgumentException($"{Name} is a periodic target, which has one value (no labels or components); explain it with ExplainTarget.Value(\"{Name}\").", nameof(target));
        return head => atan2(head[.., 0], head[.., 1]);
    }

    /// <inheritdoc />
    internal override int DecodedWidth => 1;

    /// <summary>The value on the period of the predicted (sine, cosine).</summary>
    internal override float[] Decode(ReadOnlySpan<float> activated, TargetStatistics statistics, int offset) => [(float)FromSineCosine(activated[0], activated[1])];

    /// <summary>
    /// The length of the head's (sine, cosine). Trained on the unit vector with a squared loss, the
    /// head learns the mean of the angles it finds plausible, which is short when they disagree (a 6
    /// that may be a turned 9), so the length says how sure it is where the angle alone cannot.
    /// </summary>
    internal override float[]? ScaleInputs(ReadOnlySpan<float> activated) => [MathF.Sqrt(activated[0] * activated[0] + activated[1] * activated[1])];

    internal override string ScaleInputName => "the length of the (sine, cosine) output";

    /// <summary>
    /// Wrapped into the period (Low above High when it crosses the period's end); an interval at
    /// least a period wide is the whole circle.
    /// </summary>
    internal override PredictionInterval Interval(double value, double radius, int component)
    {
        if (2 * radius >= Period) return new(Min, Max);
        double Wrap(double x) => Min + (((x - Min) % Period) + Period) % Period;
        return new(Wrap(value - radius), Wrap(value + radius));
    }

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new PeriodicScorer(index, this);

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <inheritdoc />
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context) => SineCosineToValue(graph, head);

    /// <summary>
    /// As <see cref="FromSineCosine"/>, in float64 but for the arctangent itself
    /// (float32, all ONNX Runtime's CPU Atan takes): the angle of (sine, cosine), as a fraction of a
    /// turn in [0, 1), onto [min, max). ONNX has no Atan2; the angle is
    /// atan(min(|s|, |c|) / max(|s|, |c|)), in [0, π/4] where atan is best conditioned, then
    /// reflected into its octant: π/2 − a when |s| &gt; |c|, π − a when c &lt; 0, negated when s &lt; 0.
    /// </summary>
    private string SineCosineToValue(OnnxGraphBuilder graph, string head)
    {
        long[] perImage = [OnnxGraphBuilder.BatchDimension];
        var pair = graph.ToDouble(head);
        string Column(string name, long index) => graph.Node("Gather", [pair, graph.Constant(name, [index])], perImage, OnnxAttribute.Int("axis", 1));
        string Op(string op, params string[] inputs) => graph.Node(op, inputs, perImage);
        string Scalar(string name, double value) => graph.Constant(name, [value]);

        var sine = Column("sine_column", 0);
        var cosine = Column("cosine_column", 1);
        var absSine = Op("Abs", sine);
        var absCosine = Op("Abs", cosine);
        var larger = Op("Max", absSine, absCosine);
        // Both zero: 0 / tiny is 0, as atan2(0, 0) is. (A normal number: ONNX Runtime may flush denormals.)
        var ratio = Op("Div", Op("Min", absSine, absCosine), Op("Max", larger, Scalar("tiny", 1e-300)));
        // ONNX Runtime's CPU Atan takes float32 only; in [0, 1] that costs about 1e-7 radians.
        var angle = graph.ToDouble(Op("Atan", graph.ToFloat(ratio)));
        angle = Op("Where", Op("Greater", absSine, absCosine), Op("Sub", Scalar("half_pi", Math.PI / 2), angle), angle);
        angle = Op("Where", Op("Less", cosine, Scalar("zero", 0.0)), Op("Sub", Scalar("pi", Math.PI), angle), angle);
        angle = Op("Where", Op("Less", sine, Scalar("zero", 0.0)), Op("Neg", angle), angle);

        var turn = Op("Div", angle, Scalar("two_pi", 2 * Math.PI));
        turn = Op("Where", Op("Less", turn, Scalar("zero", 0.0)), Op("Add", turn, Scalar("one", 1.0)), turn);
        var value = Op("Add", Scalar("min", Min), Op("Mul", turn, Scalar("period", Period)));
        var min = Scalar("min", Min);
        value = Op("Where", Op("GreaterOrEqual", value, Scalar("max", Max)), min, value);
        return graph.ToFloat(value);
    }

    /// <inheritdoc />
    internal override string DescribeOutput() =>
        $"{Name}{OnnxTargets.Units(Unit)}, in [{TargetText.Show(Min)}, {TargetText.Show(Max)}), read off the predicted sine and cosine.";

    /// <inheritdoc />
    internal override string? AngleUnit => AugmentationRules.IsAngleUnit(Unit) ? Unit : null;

    // A value that is the image's own rotation (RangeAttribute.ImageRotation) turns with the image.

    /// <inheritdoc />
    [JsonIgnore]
    public bool MovesWithImage => ImageRotation != RotationSense.None;

    /// <inheritdoc />
    public Tensor Move(Tensor encoded, Tensor pixelTransforms, InputSpec input)
    {
        // Around the circle: any turn is fine, the value wraps into [Min, Max).
        var turned = ImageRotationRules.Turn(encoded, pixelTransforms, ImageRotationRules.PerTurnRadian(ImageRotation, Unit));
        return (turned - Min).remainder(Period) + Min;
    }

    /// <summary>The head's (sine, cosine) against the target phase's; a delta in user units becomes the chord it spans.</summary>
    private sealed class SineCosineLoss(int offset, PeriodicTargetSpec target) : TargetLoss(offset, target.LossWeight)
    {
        private readonly double toRadians = 2 * Math.PI / target.Period;

        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
        {
            var phase = (targets[.., Offset..(Offset + 1)] - target.Min) * toRadians;
            var circle = cat([phase.sin(), phase.cos()], 1);
            return Regression(target.Loss, output, circle, Math.Min(2.0, target.HuberDelta * toRadians));
        }
    }
}
