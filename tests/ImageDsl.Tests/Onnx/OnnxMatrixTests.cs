using ImageDsl.Data;
using ImageDsl.Networks;
using ImageDsl.Onnx;
using ImageDsl.Onnx.Protobuf;
using ImageDsl.Specs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Onnx;

/// <summary>
/// Every backbone with every target kind, and every target kind alone: exported, run in ONNX
/// Runtime, compared with TorchSharp on the same random images to <see cref="OnnxMatrix.Tolerance"/>.
/// The measured differences are printed (run with <c>--logger "console;verbosity=detailed"</c>).
/// </summary>
[Collection(OnnxFixture.Collection)] // seeds TorchSharp's global generator: not beside other tests
public sealed class OnnxMatrixTests(Xunit.Abstractions.ITestOutputHelper log)
{
    /// <summary>Each backbone at a small size it accepts; odd and non-square sizes where they exercise more of the export.</summary>
    private static readonly Dictionary<string, (InputSpec Input, Backbone Kind, Func<InputSpec, BackboneModule> Create, int Batch)> Backbones = new()
    {
        // 20x16 leaves SmallCnn a 5x4 map, which its 7x7 grid enlarges: the window-matrix form.
        ["SmallCnn"] = (new InputSpec(20, 16, 1), Backbone.SmallCnn, input => new SmallCnn(input), 3),
        ["PlainCnn"] = (new InputSpec(16, 16, 3), Backbone.PlainCnn, input => new PlainCnn(input), 3),
        ["PlainCnn-2x8"] = (new InputSpec(12, 10, 3), Backbone.PlainCnn, input => new PlainCnn(input, blocks: 2, width: 8), 3),
        // A 5x4 map averaged to a 3x3 grid: overlapping windows, the window-matrix form.
        ["PlainCnn-grid"] = (new InputSpec(20, 16, 1), Backbone.PlainCnn, input => new PlainCnn(input, blocks: 2, width: 8, grid: 3), 3),
        // 40x36 ends ResNet-18 on a 2x2 map: its average pooling becomes an AveragePool.
        ["ResNet-18"] = (new InputSpec(40, 36, 3), Backbone.ResNet18, input => new ResNet(ResNetDepth.ResNet18, input), 2),
        ["ResNet-34"] = (new InputSpec(32, 32, 1), Backbone.ResNet34, input => new ResNet(ResNetDepth.ResNet34, input), 2),
        // Non-square, so swapped coordinate channels would show.
        ["CoordCnn"] = (new InputSpec(20, 24, 1), Backbone.CoordCnn, input => new CoordCnn(input), 3),
        // 40x36 ends on a 2x2 map too; every stage's first bottleneck has a projection shortcut.
        ["ResNet-50"] = (new InputSpec(40, 36, 3), Backbone.ResNet50, input => new ResNet(ResNetDepth.ResNet50, input), 2),
        // Odd and non-square sizes: every stride-2 depthwise convolution pads unevenly; grayscale for one.
        ["MobileNetV3-Small"] = (new InputSpec(37, 33, 1), Backbone.MobileNetV3Small, input => TrainedScale(new MobileNetV3(MobileNetV3Size.Small, input)), 2),
        ["MobileNetV3-Large"] = (new InputSpec(32, 45, 3), Backbone.MobileNetV3Large, input => TrainedScale(new MobileNetV3(MobileNetV3Size.Large, input)), 2),
        ["EfficientNet-B0"] = (new InputSpec(41, 35, 3), Backbone.EfficientNetB0, input => new EfficientNet(input), 2),
    };

    public static TheoryData<string> BackboneNames => new(Backbones.Keys);

    /// <summary>
    /// MobileNetV3's last layer starts as torchvision's N(0, 0.01), which leaves features near 0 and
    /// every head near its bias, where a wrong feature would hardly show; trained ones are of order
    /// one, as this makes them (a 1/√inputs spread).
    /// </summary>
    private static MobileNetV3 TrainedScale(MobileNetV3 network)
    {
        using var _ = no_grad();
        var linear = (Linear)network.modules().OfType<Linear>().Single();
        linear.weight!.normal_(0, 1 / Math.Sqrt(linear.in_features));
        return network;
    }

    public static TheoryData<string> TargetNames => new(OnnxMatrix.EveryKind.Select(k => k.Target.Name));

    [Theory]
    [MemberData(nameof(BackboneNames))]
    public void Every_target_kind_on_each_backbone_matches_TorchSharp(string name)
    {
        var (input, kind, create, batch) = Backbones[name];
        var (spec, statistics) = OnnxMatrix.Spec(name.Replace("-", ""), input, kind, OnnxMatrix.EveryKind);

        var (largest, graph, batchNorms) = Compare(spec, statistics, () => create(input), seed: 11, batch);

        // Evaluation semantics: every batch norm with its running statistics, no dropout.
        Assert.Equal(batchNorms, graph.Node.Count(n => n.OpType == "BatchNormalization"));
        Assert.DoesNotContain(graph.Node, n => n.OpType == "Dropout");
        Assert.Equal(OnnxTargets.OutputNames(spec), graph.Output.Select(o => o.Name));
        Assert.Equal(["digit_probabilities", "is_defect_probability", "tags_probabilities", "tilt", "heading", "depth", "corners", "center", "box", "frame",
            "severity_ranks", "tone_ranks", "shape_scores", "is_blurred_score"],
            graph.Output.Select(o => o.Name));
        // Relative to each output's scale, on every backbone (Compare asserts it, against each
        // other and each against float64): 1e-4 of a bounded output's range in user units, 1e-4
        // relative for the rest. Shallow networks meet 1e-4 in user units outright too.
        if (kind is Backbone.SmallCnn or Backbone.PlainCnn or Backbone.CoordCnn)
            for (int t = 0; t < spec.Targets.Count; t++)
                Assert.True(largest[t] <= OnnxMatrix.Tolerance, $"{name}, {spec.Targets[t].Name}: ONNX Runtime differs from TorchSharp by {largest[t]:E2} in user units");
    }

    /// <summary>
    /// Each layer of the torchvision backbones becomes its ONNX operator, one for one: hard-swish and
    /// hard sigmoid their own, SiLU a Sigmoid and a Mul, every depthwise convolution a Conv with one
    /// group per channel, each squeeze-excitation and residual sum a Mul or Add.
    /// </summary>
    [Theory]
    [InlineData("MobileNetV3-Small", 9, 0)]
    [InlineData("MobileNetV3-Large", 8, 0)]
    [InlineData("EfficientNet-B0", 16, 16)]
    [InlineData("ResNet-50", 0, 0)]
    public void Torchvision_layers_map_to_their_onnx_operators(string name, int squeezeExcitations, int stochasticDepths)
    {
        var (input, kind, create, _) = Backbones[name];
        var (spec, statistics) = OnnxMatrix.Spec("Ops" + name.Replace("-", ""), input, kind, OnnxMatrix.EveryKind.Take(1));
        using var network = OnnxMatrix.Network(spec, () => create(input), OnnxMatrix.Normalization(input.Channels), seed: 13);
        using var folder = new TemporaryDirectory();
        OnnxExporter.Export(folder.File("ops.onnx"), spec, OnnxMatrix.Normalization(input.Channels), network, statistics);
        // The backbone's nodes only (named under its module path), not the input's normalization or the head's.
        var nodes = ModelProto.Parser.ParseFrom(File.ReadAllBytes(folder.File("ops.onnx"))).Graph.Node.Where(n => n.Name.StartsWith("backbone/", StringComparison.Ordinal)).ToList();
        int Count(string op) => nodes.Count(n => n.OpType == op);
        var modules = network.modules().ToList();

        Assert.Equal(modules.Count(m => m is Hardswish), Count("HardSwish"));
        Assert.Equal(squeezeExcitations, modules.Count(m => m.GetType().Name == "SqueezeExcitation"));
        Assert.Equal(modules.Count(m => m is Hardsigmoid), Count("HardSigmoid"));
        Assert.Equal(modules.Count(m => m is SiLU) + modules.Count(m => m is Sigmoid), Count("Sigmoid"));
        Assert.Equal(stochasticDepths, modules.Count(m => m.GetType().Name == "StochasticDepth"));
        int residuals = modules.Count(m => m is InvertedResidual { HasResidual: true } or MBConv { HasResidual: true })
            + modules.Count(m => m.GetType().Name == "Bottleneck");
        Assert.Equal(residuals, Count("Add"));
        Assert.Equal(modules.Count(m => m is SiLU) + squeezeExcitations, Count("Mul"));
        var convs = modules.OfType<Conv2d>().ToList();
        var depthwise = convs.Count(c => c.groups > 1 && c.groups == c.in_channels && c.groups == c.out_channels);
        Assert.Equal(depthwise, nodes.Count(n => n.OpType == "Conv" && n.Attribute.Single(a => a.Name == "group").I > 1));
        Assert.Equal(convs.Count, Count("Conv"));
        Assert.Equal(kind == Backbone.ResNet50, depthwise == 0);
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Each_target_kind_alone_matches_TorchSharp(string target)
    {
        var (input, kind, create, _) = Backbones["PlainCnn-2x8"];
        var (spec, statistics) = OnnxMatrix.Spec("Only" + target, input, kind, OnnxMatrix.EveryKind.Where(k => k.Target.Name == target));

        var (largest, graph, _) = Compare(spec, statistics, () => create(input), seed: 12, batch: 4);

        Assert.Single(graph.Output);
        // A small, shallow network: to 1e-4 in user units outright.
        Assert.True(largest[0] <= OnnxMatrix.Tolerance, $"{target}: {largest[0]:E2}");
    }

    [Fact]
    public void Periodic_outputs_cover_every_octant_and_the_seam_like_TorchSharp()
    {
        // Heads fixed to points all around the circle, including the axes, exactly 0 and 360, and (0, 0).
        double[] degrees = [0, 1e-4, 30, 45, 60, 90, 135, 179.9999, 180, 225, 269.9, 270, 315, 359.9999];
        var points = degrees.Select(d => (Sine: (float)Math.Sin(d * Math.PI / 180), Cosine: (float)Math.Cos(d * Math.PI / 180)))
            .Append((0f, 0f)).Append((0f, -1f)).Append((-1e-8f, 1f)).Append((3f, -4f)).ToArray();
        var target = new PeriodicTargetSpec("Heading", -180, 180, unit: "degrees");
        var spec = new ModelSpec("Tests.Onnx.Circle", new InputSpec(16, 16, 1), Backbone.PlainCnn, [target]);
        var statistics = TargetStatistics.Identity(1);
        var normalization = OnnxMatrix.Normalization(1);
        using var folder = new TemporaryDirectory();

        foreach (var (sine, cosine) in points)
        {
            using var network = OnnxMatrix.Network(spec, () => new PlainCnn(spec.Input, blocks: 1, width: 4), normalization, seed: 1);
            var head = (Linear)network.named_children().Single(c => c.name == "heading").module;
            using (no_grad())
            {
                head.weight!.zero_();
                head.bias!.copy_(tensor(new[] { sine, cosine }));
            }
            var path = folder.File("circle.onnx");
            OnnxExporter.Export(path, spec, normalization, network, statistics);
            var images = OnnxMatrix.Images(spec.Input, 1, seed: 2);
            var torch = OnnxMatrix.Torch(spec, statistics, normalization, network, images, 1)[0][0][0];
            var onnx = OnnxMatrix.Onnx(path, spec, images, 1)[0][0][0];
            // Exactly, not circularly: the graph must land on the same side of the seam.
            Assert.True(Math.Abs(onnx - torch) <= 1e-4, $"({sine}, {cosine}): ONNX Runtime {onnx}, TorchSharp {torch}");
            Assert.InRange(onnx, -180f, 180f);
        }
    }

    /// <summary>Exports, runs both, returns the largest difference per target, the exported graph and the network's batch norm count.</summary>
    private (double[] Largest, GraphProto Graph, int BatchNorms) Compare(ModelSpec spec, TargetStatistics statistics, Func<BackboneModule> backbone, int seed, int batch)
    {
        var normalization = OnnxMatrix.Normalization(spec.Input.Channels);
        using var network = OnnxMatrix.Network(spec, backbone, normalization, seed);
        using var folder = new TemporaryDirectory();
        var path = folder.File("model.onnx");
        OnnxExporter.Export(path, spec, normalization, network, statistics);

        var images = OnnxMatrix.Images(spec.Input, batch, seed);
        var torch = OnnxMatrix.Torch(spec, statistics, normalization, network, images, batch);
        var onnx = OnnxMatrix.Onnx(path, spec, images, batch);
        var largest = OnnxMatrix.Differences(spec, torch, onnx);
        var headScale = OnnxMatrix.HeadScaleDifferences(spec, statistics, torch, onnx);

        // Both against the same network run in float64: how far each float32 run is from exact.
        network.to(ScalarType.Float64);
        var exact = OnnxMatrix.Torch(spec, statistics, normalization, network, images, batch, ScalarType.Float64);
        var torchError = OnnxMatrix.Differences(spec, exact, torch);
        var onnxError = OnnxMatrix.Differences(spec, exact, onnx);
        var scaled = OnnxMatrix.ScaledDifferences(spec, torch, onnx);

        for (int t = 0; t < spec.Targets.Count; t++)
            log.WriteLine($"{spec.Name} {spec.Input}: {spec.Targets[t].Name} ({spec.Targets[t].KindName}) max |Δ| {largest[t]:E2}, relative to the output's scale {scaled[t]:E2}, on the head's scale {headScale[t]:E2} " +
                $"(from float64: TorchSharp {torchError[t]:E2}, ONNX Runtime {onnxError[t]:E2}); TorchSharp {string.Join(" ", torch[t][0].Select(v => v.ToString("G6")))}");
        // Judged relative to each output's scale: ONNX Runtime against TorchSharp, and each
        // float32 run against the float64 one.
        AssertWithin(spec, "ONNX Runtime differs from TorchSharp", scaled);
        AssertWithin(spec, "TorchSharp (float32) differs from the float64 result", OnnxMatrix.ScaledDifferences(spec, exact, torch));
        AssertWithin(spec, "ONNX Runtime differs from the float64 result", OnnxMatrix.ScaledDifferences(spec, exact, onnx));
        return (largest, ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph, network.modules().OfType<BatchNorm2d>().Count());
    }

    /// <summary>Every target's largest difference, relative to its output's scale, is within the tolerance.</summary>
    private static void AssertWithin(ModelSpec spec, string what, double[] largest)
    {
        var over = spec.Targets.Select((t, i) => (t.Name, Difference: largest[i])).Where(d => !(d.Difference <= OnnxMatrix.Tolerance)).ToList();
        Assert.True(over.Count == 0, $"{spec.Name}: {what} beyond {OnnxMatrix.Tolerance} (relative to the output's scale) on " +
            string.Join(", ", over.Select(o => $"{o.Name} ({o.Difference:E2})")));
    }
}

/// <summary>What cannot be exported fails, naming the target or module, and writes nothing.</summary>
[Collection(OnnxFixture.Collection)]
public sealed class OnnxUnsupportedTests
{
    private static readonly InputSpec Input = new(8, 8, 1);

    [Fact]
    public void A_target_kind_without_a_mapping_is_named()
    {
        var spec = new ModelSpec("Tests.Onnx.Heat", Input, Backbone.PlainCnn, [new LabelTargetSpec("Digit", ["A", "B"]), new HeatmapTargetSpec()]);
        using var network = new MatrixNetwork(new PlainCnn(Input, blocks: 1, width: 4), spec);

        var error = Export(spec, network, TargetStatistics.Identity(spec.EncodedWidth));

        Assert.Contains("HeatmapTargetSpec (target Heat)", error.Message);
        Assert.Contains("OnnxTargets.Register", error.Message);
    }

    [Fact]
    public void A_standardized_target_without_statistics_is_named()
    {
        var spec = new ModelSpec("Tests.Onnx.Depth", Input, Backbone.PlainCnn, [new RangeTargetSpec("Tilt", 0, 1), new ValueTargetSpec("Depth")]);
        using var network = new MatrixNetwork(new PlainCnn(Input, blocks: 1, width: 4), spec);

        var error = Export(spec, network, statistics: null);

        Assert.Contains("target Depth (value)", error.Message);
        Assert.Contains("TargetStatistics", error.Message);
    }

    [Fact]
    public void A_batch_norm_without_running_statistics_is_named_with_its_place()
    {
        var spec = new ModelSpec("Tests.Onnx.NoStats", Input, Backbone.PlainCnn, [new RangeTargetSpec("Tilt", 0, 1)]);
        using var network = new SequentialNetwork(nn.Sequential(
            ("conv", nn.Conv2d(1, 4, 3, padding: 1)), ("norm", nn.BatchNorm2d(4, track_running_stats: false)),
            ("pool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten())), features: 4);

        var error = Export(spec, network, TargetStatistics.Identity(1));

        Assert.Contains("backbone/norm", error.Message);
        Assert.Contains("running statistics", error.Message);
    }

    [Fact]
    public void A_convolution_that_pads_by_reflection_is_named_with_its_place()
    {
        var spec = new ModelSpec("Tests.Onnx.Reflect", Input, Backbone.PlainCnn, [new RangeTargetSpec("Tilt", 0, 1)]);
        using var network = new SequentialNetwork(nn.Sequential(
            ("conv", nn.Conv2d(1, 4, 3, padding: 1, padding_mode: PaddingModes.Reflect)), ("pool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten())), features: 4);

        var error = Export(spec, network, TargetStatistics.Identity(1));

        Assert.Contains("backbone/conv", error.Message);
        Assert.Contains("Reflect", error.Message);
    }

    private static NotSupportedException Export(ModelSpec spec, nn.Module network, TargetStatistics? statistics)
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("never.onnx");
        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Export(path, spec, Normalization.Default(1), network, statistics));
        Assert.False(File.Exists(path));
        return error;
    }

    /// <summary>A target kind the exporter has never heard of.</summary>
    private sealed record HeatmapTargetSpec() : TargetSpec("Heat", "heat", 1.0)
    {
        internal override TargetKind Kind { get; } = new("heatmap", "a heatmap", [LossFunction.MeanSquaredError], [Metric.Mae], [Metric.Mae]);
        internal override ImageDsl.Training.TargetLoss CreateLoss(int offset) => throw new NotSupportedException();
        internal override ImageDsl.Evaluation.TargetScorer CreateScorer(int index) => throw new NotSupportedException();
        public override int EncodedWidth => 4;
        public override int OutputWidth => 4;
        public override string? TryEncode(string text, Span<float> encoded) => null;
        public override string Describe() => "Heat: heatmap";
    }

    /// <summary>A Sequential backbone (any mapped layers) and one linear head.</summary>
    private sealed class SequentialNetwork : nn.Module<Tensor, Tensor[]>
    {
        private readonly Sequential backbone;
        private readonly Linear tilt;

        public SequentialNetwork(Sequential backbone, int features) : base(nameof(SequentialNetwork))
        {
            this.backbone = backbone;
            tilt = nn.Linear(features, 1);
            RegisterComponents();
        }

        public override Tensor[] forward(Tensor images) => [tilt.call(backbone.call(images))];
    }
}
