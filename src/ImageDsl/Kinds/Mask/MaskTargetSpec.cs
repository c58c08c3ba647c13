using ImageDsl.Binding;
using ImageDsl.Evaluation;
using ImageDsl.Networks;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Specs;

/// <summary>
/// A per-pixel label target (a segmentation mask) over <see cref="Classes"/>: a
/// <see cref="Width"/> x <see cref="Height"/> map of class indices, encoded row by row with -1 for
/// ignored pixels, read from an 8-bit PNG per image (pixel = class index) and predicted by a U-Net
/// decoder with one logit per class and pixel.
/// </summary>
public sealed record MaskTargetSpec : TargetSpec, IStoredTarget, IGeometricTarget
{
    /// <summary>Creates a mask target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="width">The output's width (masks are resized to it, nearest).</param>
    /// <param name="height">The output's height.</param>
    /// <param name="classes">The class names, index 0 first.</param>
    /// <param name="ignoreLabel">The pixel value left out of loss and metrics; -1 for none.</param>
    /// <param name="classWeights">One cross-entropy weight per class; null for equal weights.</param>
    /// <param name="loss">Cross-entropy, optionally plus Dice.</param>
    /// <param name="column">The CSV column holding the mask files' paths; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    public MaskTargetSpec(string name, int width, int height, IReadOnlyList<string> classes, int ignoreLabel = -1, IReadOnlyList<double>? classWeights = null,
        LossFunction loss = LossFunction.CrossEntropy, string? column = null, double lossWeight = 1.0)
        : base(name, column ?? name, lossWeight)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"{name}: a mask needs a positive output size; given {width}x{height}.");
        if (classes.Count < 2) throw new ArgumentException($"{name}: a mask needs at least two classes.", nameof(classes));
        if (classWeights is not null && (classWeights.Count != classes.Count || classWeights.Any(w => !(w >= 0) || double.IsInfinity(w))))
            throw new ArgumentException($"{name}: ClassWeights needs {classes.Count} finite weights, not negative, one per class; given {classWeights.Count}.", nameof(classWeights));
        if (ignoreLabel >= 0 && ignoreLabel < classes.Count)
            throw new ArgumentException($"{name}: the ignore label {ignoreLabel} is class {classes[ignoreLabel]}; pick a value that is no class (255 in VOC).", nameof(ignoreLabel));
        Width = width;
        Height = height;
        Classes = classes.ToArray();
        IgnoreLabel = ignoreLabel;
        ClassWeights = classWeights?.ToArray();
        Loss = loss == LossFunction.Default ? TargetKinds.Mask.Losses[0] : loss;
    }

    /// <summary>The output's width.</summary>
    public int Width { get; init; }

    /// <summary>The output's height.</summary>
    public int Height { get; init; }

    /// <summary>The class names, index 0 first.</summary>
    public IReadOnlyList<string> Classes { get; init; }

    /// <summary>The pixel value that is ignored; -1 for none.</summary>
    public int IgnoreLabel { get; init; }

    /// <summary>One cross-entropy weight per class, or null.</summary>
    public IReadOnlyList<double>? ClassWeights { get; init; }

    /// <summary>Training loss.</summary>
    public LossFunction Loss { get; init; }

    /// <inheritdoc />
    public override int EncodedWidth => Width * Height;

    /// <inheritdoc />
    public override int OutputWidth => Classes.Count * Width * Height;

    /// <inheritdoc />
    internal override int DecodedWidth => Width * Height;

    /// <inheritdoc />
    static TargetKind IStoredTarget.StoredKind => TargetKinds.Mask;

    internal override TargetKind Kind => TargetKinds.Mask;

    /// <inheritdoc />
    public override string? TryEncode(string text, Span<float> encoded) =>
        $"'{text}' is a file name; {Name} is a mask read from a file per image in a labels.csv manifest";

    /// <inheritdoc />
    public override string Describe() => $"{Name}: {Width}x{Height} mask of {string.Join(", ", Classes)}";

    /// <inheritdoc />
    internal override bool Read(CsvCells cells, int first, Span<float> encoded)
    {
        if (MapFiles.ReadCell(cells, first) is not { } map) return false;
        var values = map.Values;
        int unknown = 0;
        float firstUnknown = 0;
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (v == IgnoreLabel) values[i] = -1;
            else if (v < 0 || v >= Classes.Count || v != MathF.Floor(v))
            {
                if (unknown++ == 0) firstUnknown = v;
            }
        }
        if (unknown > 0)
            return cells.Fail(first, $"{unknown} pixels of mask {cells[first].Trim()} hold no class index of {Name} (the first {TargetText.Show(firstUnknown)}; classes 0 to {Classes.Count - 1}{(IgnoreLabel >= 0 ? $", {IgnoreLabel} ignored" : "")})");
        if (map.Width == Width && map.Height == Height) values.CopyTo(encoded);
        else MapFiles.ResizeNearest(values, map.Width, map.Height, encoded, Width, Height);
        return true;
    }

    internal override bool ReadsFeatureMaps => true;

    internal override Module<Tensor[], Tensor> CreateMapHead(IReadOnlyList<(int Channels, int Height, int Width)> maps) => new UNetDecoder(maps, Classes.Count, Height, Width);

    /// <inheritdoc />
    internal override TargetLoss CreateLoss(int offset) => new MaskLoss(offset, LossWeight, this);

    /// <summary>Per-pixel class probabilities, <c>[N, C * H * W]</c> (class-major per image).</summary>
    internal override Tensor Activate(Tensor output) => nn.functional.softmax(output, 1).reshape(output.shape[0], -1);

    /// <summary>Each pixel's most probable class index.</summary>
    internal override float[] Decode(ReadOnlySpan<float> activated, TargetStatistics statistics, int offset)
    {
        int pixels = Width * Height;
        var result = new float[pixels];
        for (int p = 0; p < pixels; p++)
        {
            int best = 0;
            for (int c = 1; c < Classes.Count; c++) if (activated[c * pixels + p] > activated[best * pixels + p]) best = c;
            result[p] = best;
        }
        return result;
    }

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new MaskScorer(index, this);

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <inheritdoc />
    internal override string OnnxSuffix => "_classes";

    /// <summary>Each pixel's most probable class (the logits' arg-max, as the softmax keeps order), as float class indices <c>[N, H, W]</c>.</summary>
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context)
    {
        var shape = graph.RequireShape(head, $"target {Name}");
        var indices = graph.Node("ArgMax", [head], [shape[0], Height, Width], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0));
        return graph.Node("Cast", [indices], [shape[0], Height, Width], OnnxAttribute.Int("to", 1));
    }

    /// <inheritdoc />
    internal override string DescribeOutput() => $"{Name}: [N, {Height}, {Width}] class indices ({string.Join(", ", Classes)}).";

    /// <summary>A map is a picture of the scene: geometric augmentation moves it with the image, pixel for pixel.</summary>
    public bool MovesWithImage => true;

    /// <inheritdoc />
    public Tensor Move(Tensor encoded, Tensor pixelTransforms, InputSpec input) => DenseMoves.Move(encoded, pixelTransforms, input, Width, Height, isMask: true);

    /// <summary>
    /// Each class's probability map moved back, so the views' probabilities average pixel by pixel
    /// before the most probable class is picked; pixels the view did not see are NaN and left out.
    /// </summary>
    internal override Tensor FromView(Tensor activated, Tensor inverseTransforms, InputSpec input, TargetStatistics statistics, int offset)
    {
        long n = activated.shape[0];
        using var scope = NewDisposeScope();
        var planes = activated.reshape(n * Classes.Count, Width * Height);
        var moved = DenseMoves.Move(planes, inverseTransforms.repeat_interleave(Classes.Count, 0), input, Width, Height, isMask: false);
        return moved.reshape(n, -1).MoveToOuterDisposeScope();
    }
}
