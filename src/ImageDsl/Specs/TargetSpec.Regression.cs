using System.Text.Json.Serialization;

namespace ImageDsl.Specs;

/// <summary>
/// A circular regression target: [<see cref="Min"/>, <see cref="Max"/>) is one period (an angle,
/// a time of day). The head predicts the sine and cosine of the phase, and errors are measured
/// around the circle, so 359° against 1° is an error of 2°.
/// </summary>
public sealed partial record PeriodicTargetSpec : TargetSpec
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
    public PeriodicTargetSpec(string name, double min, double max, string? unit = null, LossFunction loss = LossFunction.MeanSquaredError,
        double huberDelta = 1.0, string? column = null, double lossWeight = 1.0, RotationSense imageRotation = RotationSense.None)
        : base(name, column ?? name, lossWeight)
    {
        ImageRotationRules.Check(name, imageRotation, unit);
        ImageRotation = imageRotation;
        Min = min;
        Max = max;
        Unit = unit;
        Loss = loss;
        HuberDelta = huberDelta;
    }

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
    protected override IReadOnlyList<Metric> DefaultMetrics => [Metric.Mae, Metric.Rmse];

    /// <inheritdoc />
    public override string KindName => "periodic";

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
}

/// <summary>An unbounded regression target, trained on values standardized with the training set's statistics.</summary>
public sealed record ValueTargetSpec : TargetSpec
{
    /// <summary>Creates an unbounded regression target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="unit">Unit shown in reports.</param>
    /// <param name="loss">Training loss, on the standardized value.</param>
    /// <param name="huberDelta">Huber delta in the target's units.</param>
    /// <param name="column">The CSV column it is read from; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    public ValueTargetSpec(string name, string? unit = null, LossFunction loss = LossFunction.MeanSquaredError, double huberDelta = 1.0,
        string? column = null, double lossWeight = 1.0)
        : base(name, column ?? name, lossWeight)
    {
        Unit = unit;
        Loss = loss;
        HuberDelta = huberDelta;
    }

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
    protected override IReadOnlyList<Metric> DefaultMetrics => [Metric.Mae, Metric.Rmse, Metric.R2];

    /// <inheritdoc />
    public override string KindName => "value";

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
}

/// <summary>
/// A fixed-length vector regression target: a float array, a record of floats or a bounding box.
/// With <see cref="Min"/> and <see cref="Max"/> every component is squashed into that range;
/// without, each component is standardized with the training set's statistics.
/// </summary>
public sealed partial record VectorTargetSpec : TargetSpec, IGeometricTarget
{
    /// <summary>Creates a vector target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="components">The components' names, in order (member names, or indices for arrays).</param>
    /// <param name="columns">The CSV column of each component, in order.</param>
    /// <param name="min">Smallest value of every component, or null when unbounded.</param>
    /// <param name="max">Largest value of every component, or null when unbounded.</param>
    /// <param name="unit">Unit shown in reports.</param>
    /// <param name="loss">Training loss.</param>
    /// <param name="huberDelta">Huber delta in the target's units.</param>
    /// <param name="box">The box format when the vector is a bounding box, else null.</param>
    /// <param name="column">A single CSV column holding all components (<c>1;2;3</c>), used when the component columns are absent.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    /// <param name="points">True when the components are (x, y) points in the image (keypoints), so they move with geometric augmentation.</param>
    public VectorTargetSpec(string name, IReadOnlyList<string> components, IReadOnlyList<string>? columns = null, double? min = null, double? max = null,
        string? unit = null, LossFunction loss = LossFunction.MeanSquaredError, double huberDelta = 1.0, BoxFormat? box = null, string? column = null,
        double lossWeight = 1.0, bool points = false)
        : base(name, column ?? name, lossWeight)
    {
        columns ??= components.Select(c => name + c).ToArray();
        if (columns.Count != components.Count) throw new ArgumentException($"{name}: {columns.Count} columns for {components.Count} components.", nameof(columns));
        if (box is not null && components.Count != 4) throw new ArgumentException($"{name}: a box has 4 components, not {components.Count}.", nameof(components));
        if ((min is null) != (max is null)) throw new ArgumentException($"{name}: give both min and max, or neither.", nameof(min));
        if (points && (box is not null || components.Count % 2 != 0))
            throw new ArgumentException($"{name}: points need an even number of components (x0, y0, x1, y1, ...) and cannot be a box; it has {components.Count}.", nameof(points));
        Components = components;
        Columns = columns;
        Min = min;
        Max = max;
        Unit = unit;
        Loss = loss;
        HuberDelta = huberDelta;
        Box = box;
        Points = points;
    }

    /// <summary>The components' names, in order.</summary>
    public IReadOnlyList<string> Components { get; init; }

    /// <summary>The CSV column of each component, in order.</summary>
    public IReadOnlyList<string> Columns { get; init; }

    /// <summary>Smallest value of every component, or null when unbounded.</summary>
    public double? Min { get; init; }

    /// <summary>Largest value of every component, or null when unbounded.</summary>
    public double? Max { get; init; }

    /// <summary>Unit shown in reports, if declared.</summary>
    public string? Unit { get; init; }

    /// <summary>Training loss.</summary>
    public LossFunction Loss { get; init; }

    /// <summary>Huber delta in the target's units.</summary>
    public double HuberDelta { get; init; }

    /// <summary>The box format when this vector is a bounding box, else null.</summary>
    public BoxFormat? Box { get; init; }

    /// <summary>True when the components are (x, y) points in the image: x0, y0, x1, y1, ... (keypoints).</summary>
    public bool Points { get; init; }

    /// <summary>True when every component lies in [<see cref="Min"/>, <see cref="Max"/>].</summary>
    [JsonIgnore]
    public bool IsBounded => Min is not null && Max is not null;

    /// <inheritdoc />
    public override int EncodedWidth => Components.Count;

    /// <inheritdoc />
    public override int OutputWidth => Components.Count;

    /// <inheritdoc />
    public override bool IsStandardized => !IsBounded;

    /// <inheritdoc />
    protected override IReadOnlyList<Metric> DefaultMetrics => Box is null ? [Metric.Mae, Metric.Rmse] : [Metric.MeanIoU, Metric.Mae];

    /// <inheritdoc />
    public override string KindName => Box is not null ? "box" : Points ? "points" : "vector";

    /// <summary>Maps a value in user units to [-1, 1] (bounded vectors only).</summary>
    public double ToUnit(double value) => (value - Min!.Value) / (Max!.Value - Min.Value) * 2.0 - 1.0;

    /// <summary>Maps a head output back to user units, clamped into the range (bounded vectors only).</summary>
    public double FromUnit(double unit) => Min!.Value + (Math.Clamp(unit, -1.0, 1.0) + 1.0) / 2.0 * (Max!.Value - Min.Value);

    /// <summary>Reads one cell holding every component, separated by <c>;</c> or <c>|</c> (<c>3;4;20;18</c>).</summary>
    public override string? TryEncode(string text, Span<float> encoded)
    {
        var parts = text.Split(TargetText.ListSeparators, StringSplitOptions.TrimEntries);
        if (parts.Length != Components.Count)
            return $"'{text}' has {parts.Length} value{(parts.Length == 1 ? "" : "s")}; {Name} needs {Components.Count} ({string.Join(", ", Components)}), separated by ';'";
        for (int i = 0; i < parts.Length; i++)
            if (TryEncodeComponent(i, parts[i], encoded) is { } error) return error;
        return null;
    }

    /// <summary>Reads component <paramref name="index"/> from its own cell.</summary>
    public string? TryEncodeComponent(int index, string text, Span<float> encoded)
    {
        if (!TargetText.TryParseNumber(text, out var value)) return $"'{text}' is not a number (component {Components[index]} of {Name})";
        if (IsBounded && (value < Min || value > Max))
            return $"{TargetText.Show(value)} is outside {Name}'s declared range [{TargetText.Show(Min!.Value)}, {TargetText.Show(Max!.Value)}] (component {Components[index]})";
        encoded[index] = (float)value;
        return null;
    }

    /// <inheritdoc />
    public override string Describe() =>
        $"{Name}: {(Box is { } box ? $"box {box}" : Points ? "points" : "vector")} ({string.Join(", ", Components)})" +
        (IsBounded ? $" in [{TargetText.Show(Min!.Value)}, {TargetText.Show(Max!.Value)}]" : "") + (Unit is null ? "" : " " + Unit);
}
