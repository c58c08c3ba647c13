using ImageDsl.Data;
using ImageDsl.Onnx;
using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Tests.Onnx;

/// <summary>A new module type becomes exportable by registering a mapping, as a new backbone would.</summary>
[Collection(OnnxFixture.Collection)] // it seeds TorchSharp's global generator: not beside other tests
public sealed class OnnxRegistryTests
{
    private static readonly ModelSpec Spec = new("Tests.Tiny", new InputSpec(8, 8, 3), Backbone.SmallCnn, [new RangeTargetSpec("Size", 0, 10)]);

    [Fact]
    public void A_registered_mapping_exports_a_new_backbone_that_ONNX_Runtime_runs_like_TorchSharp()
    {
        OnnxModules.Register<MeanBackbone>((graph, backbone, x) =>
        {
            var shape = graph.RequireShape(x, "MeanBackbone");
            var mean = graph.Node("ReduceMean", [x], [shape[0], shape[1]], OnnxAttribute.Ints("axes", 2, 3), OnnxAttribute.Int("keepdims", 0));
            return graph.Node("Mul", [mean, graph.Constant("scale", [backbone.Scale])], graph.ShapeOf(mean));
        });
        manual_seed(4);
        using var network = new TinyNetwork(new MeanBackbone(0.5f));
        var normalization = new Normalization([0.4f, 0.5f, 0.6f], [0.2f, 0.25f, 0.3f]);
        using var folder = new TemporaryDirectory();
        OnnxExporter.Export(folder.File("tiny.onnx"), Spec, normalization, network);

        var pixels = Enumerable.Range(0, 2 * Spec.Input.Size).Select(i => (byte)(i * 37 % 256)).ToArray();
        using var scope = NewDisposeScope();
        var raw = network.call(normalization.Apply(tensor(pixels, [2, 3, 8, 8], ScalarType.Byte)))[0].data<float>().ToArray();
        var expected = raw.Select(u => (float)((RangeTargetSpec)Spec.Targets[0]).FromUnit(u)).ToArray();

        var onnx = OnnxParityTests.RunOnnx(folder.File("tiny.onnx"), Spec, pixels, 2)[0];
        Assert.Equal(expected.Length, onnx.Length);
        for (int i = 0; i < onnx.Length; i++) Assert.InRange(onnx[i], expected[i] - 1e-4f, expected[i] + 1e-4f);
    }

    [Fact]
    public void A_module_without_a_mapping_is_named_in_the_error()
    {
        using var network = new TinyNetwork(new UnmappedBackbone());
        var error = Assert.Throws<NotSupportedException>(() =>
            OnnxExporter.Export(Path.Combine(Path.GetTempPath(), "never-written.onnx"), Spec, Normalization.Default(3), network));
        Assert.Contains(typeof(UnmappedBackbone).FullName!, error.Message);
        Assert.Contains("backbone", error.Message);
        Assert.Contains("OnnxModules.Register", error.Message);
    }

    // Plain modules rather than BackboneModules: the exporter finds the backbone by position,
    // and these stay independent of what BackboneModule asks of real backbones.

    /// <summary>Features are each channel's mean, scaled.</summary>
    private sealed class MeanBackbone(float scale) : Module<Tensor, Tensor>(nameof(MeanBackbone))
    {
        public float Scale { get; } = scale;
        public override Tensor forward(Tensor images) => images.mean([2, 3]).mul(Scale);
    }

    private sealed class UnmappedBackbone() : Module<Tensor, Tensor>(nameof(UnmappedBackbone))
    {
        public override Tensor forward(Tensor images) => images.mean([2, 3]);
    }

    /// <summary>Shaped like a generated network: the backbone field first, then one head per target.</summary>
    private sealed class TinyNetwork : Module<Tensor, Tensor[]>
    {
        private readonly Module<Tensor, Tensor> backbone;
        private readonly Linear size;

        public TinyNetwork(Module<Tensor, Tensor> backbone) : base(nameof(TinyNetwork))
        {
            this.backbone = backbone;
            size = Linear(3, 1); // three channel means
            RegisterComponents();
        }

        public override Tensor[] forward(Tensor images) => [size.call(backbone.call(images))];
    }
}
