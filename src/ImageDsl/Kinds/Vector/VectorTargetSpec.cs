using System.Text.Json.Serialization;
using ImageDsl.Evaluation;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Specs;

/// <summary>
/// A fixed-length vector regression target: a float array, a record of floats or a bounding box.
/// With <see cref="Min"/> and <see cref="Max"/> every component is squashed into that range;
/// without, each component is standardized with the training set's statistics.
/// </summary>
public sealed partial record VectorTargetSpec : TargetSpec, IGeometricTarget, IStoredTarget
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
    /// <param name="tolerance">
    /// An error the user accepts in each component, in its units; evaluation reports the share of
    /// components within it, and of images (boxes) whose every component is within it. Positive,
    /// finite and, when bounded, below <c>max - min</c>.
    /// </param>
    public VectorTargetSpec(string name, IReadOnlyList<string> components, IReadOnlyList<string>? columns = null, double? min = null, double? max = null,
        string? unit = null, LossFunction loss = LossFunction.MeanSquaredError, double huberDelta = 1.0, BoxFormat? box = null, string? column = null,
        double lossWeight = 1.0, bool points = false, double? tolerance = null)
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
        Tolerance = ToleranceRules.Checked(name, tolerance, min is { } low && max is { } high && high > low ? high - low : null,
            $"every component is clamped into [{TargetText.Show(min ?? 0)}, {TargetText.Show(max ?? 0)}]");
    }

    /// <summary>
    /// An error the user accepts in each component, in the target's units (|error| ≤ it counts as
    /// within); evaluation reports the share of components within it, per component and overall,
    /// and the share of images whose every component is within it. Null for none.
    /// </summary>
    public double? Tolerance { get; init; }

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
    // Boxes and points are stored as vectors with their flag, as they always were.
    static TargetKind IStoredTarget.StoredKind => TargetKinds.Vector;

    internal override TargetKind Kind => Box is not null ? TargetKinds.Box : Points ? TargetKinds.Points : TargetKinds.Vector;

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

    /// <summary>A component as C# would name it: <c>Box.X</c> for a record's member, <c>Corners[2]</c> for an array element.</summary>
    public string ComponentName(int index) =>
        int.TryParse(Components[index], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? $"{Name}[{Components[index]}]"
            : $"{Name}.{Components[index]}";

    /// <summary>Reads component <paramref name="index"/> from its own cell.</summary>
    public string? TryEncodeComponent(int index, string text, Span<float> encoded)
    {
        if (!TargetText.TryParseNumber(text, out var value)) return $"'{text}' is not a number (expected a value of {ComponentName(index)})";
        if (IsBounded && (value < Min || value > Max))
            return $"{TargetText.Show(value)} is outside {ComponentName(index)}'s declared range [{TargetText.Show(Min!.Value)}, {TargetText.Show(Max!.Value)}]";
        encoded[index] = (float)value;
        return null;
    }

    /// <inheritdoc />
    public override string Describe() =>
        $"{Name}: {(Box is { } box ? $"box {box}" : Points ? "points" : "vector")} ({string.Join(", ", Components)})" +
        (IsBounded ? $" in [{TargetText.Show(Min!.Value)}, {TargetText.Show(Max!.Value)}]" : "") + (Unit is null ? "" : " " + Unit);

    /// <inheritdoc />
    internal override TargetLoss CreateLoss(int offset) => IsBounded
        ? new TargetLoss.BoundedLoss(offset, LossWeight, Components.Count, Min!.Value, Max!.Value, Loss, HuberDelta)
        : new TargetLoss.StandardizedLoss(offset, LossWeight, Components.Count, Loss, HuberDelta);

    /// <summary>Each component mapped back to user units: clamped into the range, or un-standardized.</summary>
    internal override float[] Decode(ReadOnlySpan<float> activated, TargetStatistics statistics, int offset)
    {
        var values = new float[activated.Length];
        for (int c = 0; c < values.Length; c++)
            values[c] = (float)(IsBounded ? FromUnit(activated[c]) : statistics.FromStandard(offset + c, activated[c]));
        return values;
    }

    /// <summary>One component's head output (a box coordinate, a keypoint's x or y), which rises and falls with its value.</summary>
    internal override Func<Tensor, Tensor> ExplainScore(Explanations.ExplainTarget target)
    {
        if (target.Label is not null) throw new ArgumentException($"{Name} is a {KindName} target, which has components ({string.Join(", ", Components)}), not labels.", nameof(target));
        int component = target.Component ?? (Components.Count == 1 ? 0
            : throw new ArgumentException($"{Name} has {Components.Count} components ({string.Join(", ", Components)}): name one with ExplainTarget.Of(\"{Name}\", index).", nameof(target)));
        if (component < 0 || component >= Components.Count)
            throw new ArgumentOutOfRangeException(nameof(target), component, $"{Name} has components 0 to {Components.Count - 1} ({string.Join(", ", Components)}).");
        return head => head[.., component];
    }

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new VectorScorer(index, this);

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <inheritdoc />
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context) =>
        IsBounded ? OnnxTargets.FromUnit(graph, head, Min!.Value, Max!.Value) : OnnxTargets.FromStandard(graph, head, context);

    /// <inheritdoc />
    internal override string DescribeOutput() =>
        $"{Name}{(Box is { } box ? $", a {box} box," : "")}{OnnxTargets.Units(Unit)}: {string.Join(", ", Components)}" +
        (IsBounded ? $", each within [{TargetText.Show(Min!.Value)}, {TargetText.Show(Max!.Value)}]." : ".");

    /// <inheritdoc />
    internal override (string KeyPrefix, IReadOnlyList<string> Names)? OnnxOrder => (OnnxMetadata.ComponentsKeyPrefix, Components);

    /// <inheritdoc />
    internal override IReadOnlyList<string> CsvColumns => Columns;

    /// <summary>One cell per component, each checked on its own so every bad cell is reported.</summary>
    internal override bool Read(ImageDsl.Binding.CsvCells cells, int first, Span<float> encoded)
    {
        bool ok = true;
        for (int c = 0; c < Components.Count; c++)
            if (TryEncodeComponent(c, cells[first + c], encoded) is { } error) ok = cells.Fail(first + c, error);
        return ok;
    }
}
