using ImageDsl.Binding;
using ImageDsl.Evaluation;
using ImageDsl.Networks;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Specs;

/// <summary>
/// A per-pixel regression target (depth, height, density): a <see cref="Width"/> x
/// <see cref="Height"/> map in user units, encoded row by row with NaN for invalid pixels, read
/// from a 16-bit PNG or a float32 <c>.npy</c> file per image and predicted by a U-Net decoder over
/// the backbone's feature maps. Bounded (<see cref="Min"/>, <see cref="Max"/>), logarithmic
/// (<see cref="Log"/>: the decoder predicts ln(value)) or unbounded (raw values).
/// </summary>
public sealed record MapTargetSpec : TargetSpec, IStoredTarget, IGeometricTarget
{
    /// <summary>Creates a value-map target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="width">The output's width (the map is resized to it).</param>
    /// <param name="height">The output's height.</param>
    /// <param name="min">The smallest value of a bounded map; NaN for none.</param>
    /// <param name="max">The largest value of a bounded map; NaN for none.</param>
    /// <param name="log">True to learn ln(value) (positive values: depth).</param>
    /// <param name="unit">Unit shown in reports.</param>
    /// <param name="loss">Training loss on the valid pixels.</param>
    /// <param name="huberDelta">Huber delta, in the head's scale.</param>
    /// <param name="scale">User units per PNG unit.</param>
    /// <param name="invalidValue">The file value that marks an invalid pixel; NaN for none.</param>
    /// <param name="column">The CSV column holding the map files' paths; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    public MapTargetSpec(string name, int width, int height, double min = double.NaN, double max = double.NaN, bool log = false, string? unit = null,
        LossFunction loss = LossFunction.MeanAbsoluteError, double huberDelta = 1.0, double scale = 1.0, double invalidValue = double.NaN,
        string? column = null, double lossWeight = 1.0)
        : base(name, column ?? name, lossWeight)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"{name}: a map needs a positive output size; given {width}x{height}.");
        if (double.IsNaN(min) != double.IsNaN(max) || min >= max)
            throw new ArgumentException($"{name}: a bounded map needs Min < Max (given {min}, {max}); leave both unset for an unbounded one.", nameof(min));
        if (log && !double.IsNaN(min) && min <= 0) throw new ArgumentException($"{name}: a logarithmic map needs positive values; Min is {min}.", nameof(min));
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, $"{name}: the PNG scale must be positive.");
        Width = width;
        Height = height;
        Min = min;
        Max = max;
        Log = log;
        Unit = unit;
        Loss = loss == LossFunction.Default ? TargetKinds.Map.Losses[0] : loss;
        HuberDelta = huberDelta;
        Scale = scale;
        InvalidValue = invalidValue;
    }

    /// <summary>The output's width.</summary>
    public int Width { get; init; }

    /// <summary>The output's height.</summary>
    public int Height { get; init; }

    /// <summary>The smallest value of a bounded map; NaN for none.</summary>
    public double Min { get; init; }

    /// <summary>The largest value of a bounded map; NaN for none.</summary>
    public double Max { get; init; }

    /// <summary>True when ln(value) is learnt.</summary>
    public bool Log { get; init; }

    /// <summary>Unit shown in reports.</summary>
    public string? Unit { get; init; }

    /// <summary>Training loss.</summary>
    public LossFunction Loss { get; init; }

    /// <summary>Huber delta in the head's scale.</summary>
    public double HuberDelta { get; init; }

    /// <summary>User units per PNG unit.</summary>
    public double Scale { get; init; }

    /// <summary>The file value of an invalid pixel; NaN for none.</summary>
    public double InvalidValue { get; init; }

    private bool IsBounded => !double.IsNaN(Min);

    /// <inheritdoc />
    public override int EncodedWidth => Width * Height;

    /// <inheritdoc />
    public override int OutputWidth => Width * Height;

    /// <inheritdoc />
    static TargetKind IStoredTarget.StoredKind => TargetKinds.Map;

    internal override TargetKind Kind => TargetKinds.Map;

    /// <inheritdoc />
    public override string? TryEncode(string text, Span<float> encoded) =>
        $"'{text}' is a file name; {Name} is a map read from a file per image in a labels.csv manifest";

    /// <inheritdoc />
    public override string Describe() => $"{Name}: {Width}x{Height} value map{(Unit is null ? "" : " in " + Unit)}{(Log ? ", log-scaled" : "")}{(IsBounded ? $" in [{TargetText.Show(Min)}, {TargetText.Show(Max)}]" : "")}";

    /// <inheritdoc />
    internal override bool Read(CsvCells cells, int first, Span<float> encoded)
    {
        if (MapFiles.ReadCell(cells, first) is not { } map) return false;
        var values = map.Values;
        int outside = 0;
        float firstOutside = 0;
        for (int i = 0; i < values.Length; i++)
        {
            float raw = values[i];
            if (!float.IsFinite(raw) || (!double.IsNaN(InvalidValue) && raw == InvalidValue)) { values[i] = float.NaN; continue; }
            float v = map.IsPng ? (float)(raw * Scale) : raw;
            if ((IsBounded && (v < Min || v > Max)) || (Log && v <= 0))
            {
                if (outside++ == 0) firstOutside = v;
                v = float.NaN;
            }
            values[i] = v;
        }
        if (outside > 0)
            return cells.Fail(first, $"{outside} pixels of map {cells[first].Trim()} are outside {Name}'s {(IsBounded ? $"range [{TargetText.Show(Min)}, {TargetText.Show(Max)}]" : "positive values")} (the first {TargetText.Show(firstOutside)}); mark them with InvalidValue if they have no value");
        if (map.Width == Width && map.Height == Height) values.CopyTo(encoded);
        else MapFiles.ResizeValues(values, map.Width, map.Height, encoded, Width, Height);
        return true;
    }

    internal override bool ReadsFeatureMaps => true;

    internal override Module<Tensor[], Tensor> CreateMapHead(IReadOnlyList<(int Channels, int Height, int Width)> maps) => new UNetDecoder(maps, 1, Height, Width);

    /// <summary>True values in the head's scale: ln(value), [-1, 1] over [Min, Max], or the value itself.</summary>
    internal Tensor ToHead(Tensor values) =>
        Log ? values.log() : IsBounded ? (values - Min) * (2.0 / (Max - Min)) - 1.0 : values.alias();

    /// <summary>Head outputs in user units.</summary>
    internal Tensor FromHead(Tensor output) =>
        Log ? output.exp() : IsBounded ? (output.clamp(-1, 1) + 1.0) * ((Max - Min) / 2.0) + Min : output.alias();

    /// <inheritdoc />
    internal override TargetLoss CreateLoss(int offset) => new MapLoss(offset, LossWeight, this);

    /// <inheritdoc />
    internal override Tensor Activate(Tensor output) => FromHead(output).reshape(output.shape[0], -1);

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new MapScorer(index, this);

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <summary>The decoder's <c>[N, 1, H, W]</c> in user units (exp of a log map, a bounded map from [-1, 1]) as <c>[N, H, W]</c>.</summary>
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context)
    {
        var shape = graph.RequireShape(head, $"target {Name}");
        var value = Log ? graph.Node("Exp", [head], shape) : IsBounded ? OnnxTargets.FromUnit(graph, head, Min, Max) : head;
        return graph.Node("Reshape", [value, graph.Constant("shape", [0L, Height, Width], 3)], [shape[0], Height, Width]);
    }

    /// <inheritdoc />
    internal override string DescribeOutput() => $"{Name}: [N, {Height}, {Width}] map{OnnxTargets.Units(Unit)}.";

    /// <inheritdoc />
    public override bool IsShiftInvariant => false;

    /// <summary>A map is a picture of the scene: geometric augmentation moves it with the image, pixel for pixel.</summary>
    public bool MovesWithImage => true;

    /// <inheritdoc />
    public Tensor Move(Tensor encoded, Tensor pixelTransforms, InputSpec input) => DenseMoves.Move(encoded, pixelTransforms, input, Width, Height, isMask: false);

    /// <summary>The predicted map (in user units) moved back; pixels the view did not see are NaN, so the average leaves them out.</summary>
    internal override Tensor FromView(Tensor activated, Tensor inverseTransforms, InputSpec input, TargetStatistics statistics, int offset) =>
        DenseMoves.Move(activated, inverseTransforms, input, Width, Height, isMask: false);
}
