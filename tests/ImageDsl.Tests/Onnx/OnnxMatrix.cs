using ImageDsl.Data;
using ImageDsl.Modeling;
using ImageDsl.Networks;
using ImageDsl.Onnx;
using ImageDsl.Specs;
using Microsoft.ML.OnnxRuntime;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Onnx;

/// <summary>
/// The export matrix: hand-built networks (any backbone, including configurations a spec cannot
/// name, such as a PlainCnn of other depth and width) with random weights and batch norm
/// statistics, exported, run in ONNX Runtime and in TorchSharp on the same random images, and
/// compared output by output.
/// </summary>
internal static class OnnxMatrix
{
    /// <summary>
    /// The comparisons' bound, relative to each output's scale (<see cref="ScaledDifferences"/>):
    /// |ONNX Runtime − TorchSharp| ≤ 1e-4 × (max − min) for a bounded output in user units, and
    /// ≤ 1e-4 × its largest magnitude for the rest.
    /// </summary>
    public const double Tolerance = 1e-4;

    /// <summary>One target of every kind, with a standardized target's mean and std per component.</summary>
    public static readonly IReadOnlyList<(TargetSpec Target, double Mean, double Std)> EveryKind =
    [
        (new LabelTargetSpec("Digit", ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"]), 0, 1),
        (new BinaryTargetSpec("IsDefect", threshold: 0.6, negativeLabel: "ok", positiveLabel: "defect"), 0, 1),
        (new MultiLabelTargetSpec("Tags", ["Even", "Big", "Loop"]), 0, 1),
        (new RangeTargetSpec("Tilt", -45, 45, unit: "degrees"), 0, 1),
        (new PeriodicTargetSpec("Heading", 0, 360, unit: "degrees"), 0, 1),
        (new ValueTargetSpec("Depth", unit: "m"), 42.5, 7.25),
        (new VectorTargetSpec("Corners", ["0", "1", "2", "3"], min: 0, max: 16), 0, 1),
        (new VectorTargetSpec("Center", ["X", "Y"], columns: ["cx", "cy"]), -3.5, 2.5),
        (new VectorTargetSpec("Box", ["X", "Y", "W", "H"], columns: ["x", "y", "w", "h"], min: 0, max: 64, unit: "px", box: BoxFormat.XYWH), 0, 1),
        (new VectorTargetSpec("Frame", ["X1", "Y1", "X2", "Y2"], columns: ["x1", "y1", "x2", "y2"], unit: "px", box: BoxFormat.XYXY), 20, 6),
        (new OrdinalTargetSpec("Severity", ["None", "Minor", "Major", "Total"], aliases: ["0", "1", "2", "3"]), 0, 1),
        (OrdinalTargetSpec.Numbers("Tone", 1, 5), 0, 1),
        (new LabelTargetSpec("Shape", ["Circle", "Square", "Star"], loss: LossFunction.CategoricalHinge), 0, 1),
        (new BinaryTargetSpec("IsBlurred", loss: LossFunction.Hinge), 0, 1),
    ];

    /// <summary>A spec over <paramref name="targets"/> and statistics that give its standardized targets their means and stds.</summary>
    public static (ModelSpec Spec, TargetStatistics Statistics) Spec(string name, InputSpec input, Backbone backbone,
        IEnumerable<(TargetSpec Target, double Mean, double Std)> targets)
    {
        var list = targets.ToList();
        var spec = new ModelSpec("Tests.Onnx." + name, input, backbone, list.Select(t => t.Target).ToArray());
        var statistics = TargetStatistics.Identity(spec.EncodedWidth);
        for (int t = 0; t < list.Count; t++)
        {
            if (!list[t].Target.IsStandardized) continue;
            for (int c = 0; c < list[t].Target.EncodedWidth; c++)
            {
                // Each component a little different, so a swapped component would show.
                statistics.Mean[spec.EncodedOffset(t) + c] = (float)(list[t].Mean + 1.5 * c);
                statistics.Std[spec.EncodedOffset(t) + c] = (float)(list[t].Std + 0.5 * c);
            }
        }
        return (spec, statistics);
    }

    /// <summary>
    /// Builds the backbone and heads from <paramref name="seed"/> and makes them look trained where
    /// it matters to the comparison: every batch norm gets a random affine transform and running
    /// statistics measured over 16 random images like the ones compared (the mean of two
    /// training-mode passes), so eval-mode activations stay in a realistic range through 34 layers; and
    /// each periodic head predicts a point near the unit circle (<see cref="PlaceOnCircle"/>).
    /// Leaves the network in evaluation mode.
    /// </summary>
    public static MatrixNetwork Network(ModelSpec spec, Func<BackboneModule> backbone, Normalization normalization, int seed)
    {
        manual_seed(seed);
        var network = new MatrixNetwork(backbone(), spec);
        var input = spec.Input;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        Tensor Calibration(int pass) => normalization.Apply(tensor(Images(input, 8, seed * 100 + pass), [8, input.Channels, input.Height, input.Width], ScalarType.Byte));

        var norms = network.modules().OfType<BatchNorm2d>().ToList();
        foreach (var norm in norms)
        {
            norm.weight.uniform_(0.5, 1.5);
            norm.bias!.normal_(0, 0.2);
        }
        network.train();
        // Momentum 1, then 1/2: the running statistics are the mean of the two batches' own.
        foreach (var (momentum, pass) in new[] { (1.0, 0), (0.5, 1) })
        {
            foreach (var norm in norms) norm.momentum = momentum;
            network.call(Calibration(pass));
        }
        foreach (var norm in norms) norm.momentum = 0.1;
        network.eval();

        var outputs = network.call(Calibration(2));
        for (int t = 0; t < spec.Targets.Count; t++)
            if (spec.Targets[t] is PeriodicTargetSpec) PlaceOnCircle((Linear)network.Heads[t], outputs[t], seed);
        return network;
    }

    /// <summary>
    /// Makes a periodic head predict what training makes it predict: a point near the unit circle
    /// (here at a random angle, moved by the image by about 0.3), not near (0, 0), where the angle is
    /// ill-conditioned and any two float implementations disagree by Δ / length.
    /// </summary>
    /// <param name="head">The periodic target's linear head.</param>
    /// <param name="outputs">Its outputs [N, 2] on a few images, to measure how far images move it.</param>
    /// <param name="seed">Chooses the angle.</param>
    public static void PlaceOnCircle(Linear head, Tensor outputs, int seed)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var spread = (outputs - head.bias!).pow(2).sum(1).mean().sqrt().item<float>();
        head.weight!.mul_(0.3 / spread);
        var angle = 2 * Math.PI * new Random(seed).NextDouble();
        head.bias!.copy_(tensor(new[] { (float)Math.Sin(angle), (float)Math.Cos(angle) }));
    }

    /// <summary>Pixel values 0..255 of <paramref name="count"/> random images.</summary>
    public static byte[] Images(InputSpec input, int count, int seed)
    {
        var bytes = new byte[count * input.Size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A normalization unlike the default, different per channel.</summary>
    public static Normalization Normalization(int channels) =>
        new(Enumerable.Range(0, channels).Select(c => 0.35f + 0.1f * c).ToArray(), Enumerable.Range(0, channels).Select(c => 0.22f + 0.03f * c).ToArray());

    /// <summary>TorchSharp's decoded outputs, per target, [image][value], as <c>Predict</c> decodes them.</summary>
    /// <param name="precision">The network's floating type (float64 to measure how far float32 runs are from exact); outputs are decoded from float32.</param>
    public static float[][][] Torch(ModelSpec spec, TargetStatistics statistics, Normalization normalization, nn.Module<Tensor, Tensor[]> network, byte[] images, int count,
        ScalarType precision = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var input = spec.Input;
        var outputs = network.call(normalization.Apply(tensor(images, [count, input.Channels, input.Height, input.Width], ScalarType.Byte)).to_type(precision));
        var decoded = OutputDecoding.Decode(spec, statistics, outputs.Select(o => o.to_type(ScalarType.Float32)).ToArray());
        return Enumerable.Range(0, spec.Targets.Count).Select(t => decoded.Select(d => d.Decoded(t)).ToArray()).ToArray();
    }

    /// <summary>ONNX Runtime's outputs, per target, [image][value], with each output's shape checked.</summary>
    public static float[][][] Onnx(string path, ModelSpec spec, byte[] images, int count)
    {
        using var session = new InferenceSession(path);
        var input = spec.Input;
        using var value = OrtValue.CreateTensorValueFromMemory(images.Select(b => (float)b).ToArray(), [count, input.Channels, input.Height, input.Width]);
        var names = OnnxTargets.OutputNames(spec);
        using var results = session.Run(new RunOptions(), [OnnxExporter.InputName], [value], names);
        var perTarget = new float[spec.Targets.Count][][];
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            int width = OnnxTargets.ValuesPerImage(spec.Targets[t]);
            long[] shape = results[t].GetTensorTypeAndShape().Shape;
            long[] expected = spec.Targets[t] is RangeTargetSpec or PeriodicTargetSpec or ValueTargetSpec or BinaryTargetSpec ? [count] : [count, width];
            Assert.Equal(expected, shape);
            var flat = results[t].GetTensorDataAsSpan<float>().ToArray();
            perTarget[t] = Enumerable.Range(0, count).Select(i => flat.AsSpan(i * width, width).ToArray()).ToArray();
        }
        return perTarget;
    }

    /// <summary>
    /// The largest |ONNX Runtime − TorchSharp| of each target, over every image and value; a
    /// periodic target's difference is measured around the circle (359.99 against 0 is 0.01).
    /// </summary>
    public static double[] Differences(ModelSpec spec, float[][][] torch, float[][][] onnx) => Largest(spec, torch, onnx, (_, _) => 1);

    /// <summary>
    /// As <see cref="Differences"/>, each target's difference divided by its output's scale: the
    /// width of its declared bounds (max − min of a range or bounded vector, a periodic target's
    /// period, 1 for probabilities and ranks), or for an unbounded output (values, unbounded
    /// vectors, hinge scores) its largest magnitude in <paramref name="reference"/>.
    /// </summary>
    public static double[] ScaledDifferences(ModelSpec spec, float[][][] reference, float[][][] other)
    {
        var names = OnnxTargets.OutputNames(spec);
        var scales = new double[spec.Targets.Count];
        for (int t = 0; t < scales.Length; t++)
            scales[t] = BoundedWidth(spec.Targets[t], names[t])
                ?? Math.Max(1e-6, reference[t].SelectMany(v => v).Max(v => Math.Abs((double)v)));
        return Largest(spec, reference, other, (t, _) => scales[t]);
    }

    /// <summary>max − min of a bounded output in user units, or null for an unbounded one.</summary>
    private static double? BoundedWidth(TargetSpec target, string output) => target switch
    {
        RangeTargetSpec range => range.Max - range.Min,
        PeriodicTargetSpec periodic => periodic.Period,
        VectorTargetSpec { IsBounded: true } vector => vector.Max!.Value - vector.Min!.Value,
        ValueTargetSpec or VectorTargetSpec => null,
        // Hinge losses give raw scores; the other classification outputs are probabilities.
        _ when output.EndsWith("_score", StringComparison.Ordinal) || output.EndsWith("_scores", StringComparison.Ordinal) => null,
        _ => 1,
    };

    /// <summary>
    /// As <see cref="Differences"/>, each difference divided by its output's <see cref="Gain"/> (when
    /// above 1): the difference on the scale the network itself computes, before post-processing
    /// multiplies it into user units.
    /// </summary>
    public static double[] HeadScaleDifferences(ModelSpec spec, TargetStatistics statistics, float[][][] torch, float[][][] onnx) =>
        Largest(spec, torch, onnx, (t, k) => Math.Max(1, Gain(spec, statistics, t, k)));

    /// <summary>
    /// How much a change of the head's output moves output value <paramref name="component"/> of
    /// target <paramref name="target"/> in user units, at most: 1 for probabilities (softmax and
    /// sigmoid move less), half the range for bounded values, the training std for standardized
    /// ones, and period / 2π per radian for periodic ones (whose (sine, cosine) has length about 1).
    /// </summary>
    public static double Gain(ModelSpec spec, TargetStatistics statistics, int target, int component) => spec.Targets[target] switch
    {
        RangeTargetSpec range => (range.Max - range.Min) / 2,
        PeriodicTargetSpec periodic => periodic.Period / (2 * Math.PI),
        VectorTargetSpec { IsBounded: true } vector => (vector.Max!.Value - vector.Min!.Value) / 2,
        ValueTargetSpec or VectorTargetSpec => statistics.Std[spec.EncodedOffset(target) + component],
        _ => 1,
    };

    private static double[] Largest(ModelSpec spec, float[][][] torch, float[][][] onnx, Func<int, int, double> scale)
    {
        var largest = new double[spec.Targets.Count];
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            Assert.Equal(torch[t].Length, onnx[t].Length);
            for (int i = 0; i < torch[t].Length; i++)
            {
                Assert.Equal(torch[t][i].Length, onnx[t][i].Length);
                for (int k = 0; k < torch[t][i].Length; k++)
                {
                    double expected = torch[t][i][k], actual = onnx[t][i][k];
                    Assert.True(double.IsFinite(actual), $"{spec.Targets[t].Name}, image {i}, value {k}: ONNX Runtime gave {actual}");
                    double difference = spec.Targets[t] is PeriodicTargetSpec periodic
                        ? Math.Abs(periodic.Difference(actual, expected))
                        : Math.Abs(actual - expected);
                    largest[t] = Math.Max(largest[t], difference / scale(t, k));
                }
            }
        }
        return largest;
    }
}

/// <summary>Shaped like a generated network: the backbone first, then one head per target, made by <see cref="Heads.Create"/>.</summary>
internal sealed class MatrixNetwork : nn.Module<Tensor, Tensor[]>
{
    private readonly BackboneModule backbone;
    private readonly nn.Module<Tensor, Tensor>[] heads;

    /// <summary>The heads, in target order.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Heads => heads;

    public MatrixNetwork(BackboneModule backbone, ModelSpec spec) : base(nameof(MatrixNetwork))
    {
        this.backbone = backbone;
        heads = spec.Targets.Select(t => global::ImageDsl.Networks.Heads.Create(t, backbone.FeatureCount)).ToArray();
        register_module("backbone", backbone);
        for (int t = 0; t < heads.Length; t++) register_module(OnnxTargets.SnakeCase(spec.Targets[t].Name), heads[t]);
    }

    public override Tensor[] forward(Tensor images)
    {
        using var features = backbone.call(images);
        return heads.Select(h => h.call(features)).ToArray();
    }
}
