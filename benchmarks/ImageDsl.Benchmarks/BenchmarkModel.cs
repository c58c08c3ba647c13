using ImageDsl.Modeling;
using ImageDsl.Networks;
using ImageDsl.Specs;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Benchmarks;

/// <summary>
/// The network the generator emits for a one-target spec (docs/generated-code.md), written by
/// hand so the benchmark does not depend on the generator: the spec's backbone and one head.
/// </summary>
internal sealed class BenchmarkNetwork : nn.Module<Tensor, Tensor[]>
{
    private readonly BackboneModule backbone;
    private readonly nn.Module<Tensor, Tensor> head;

    public BenchmarkNetwork(ModelSpec spec) : base("Benchmark")
    {
        backbone = Backbones.Create(spec.Backbone, spec.Input);
        head = Heads.Create(spec.Targets[0], backbone.FeatureCount);
        // Named as the generator names them (the backbone, then the head after its target), so that ExportOnnx finds them.
        register_module("backbone", backbone);
        register_module(spec.Targets[0].Name, head);
    }

    public override Tensor[] forward(Tensor images)
    {
        using var features = backbone.call(images);
        return [head.call(features)];
    }
}

/// <summary>The generated <c>Model</c> class's equivalent; a prediction is the decoded outputs.</summary>
internal sealed class BenchmarkModel : ImageModel<float, PredictionOutputs>
{
    private readonly TargetLoss loss;

    private BenchmarkModel(ModelSpec spec) : base(spec, new BenchmarkNetwork(spec)) => loss = TargetLoss.For(spec, 0);

    public static BenchmarkModel Create(ModelSpec spec, int seed = 0)
    {
        SeedInitialization(seed);
        return new BenchmarkModel(spec);
    }

    public Evaluation.EvaluationResult Evaluate(Data.ImageDataset data) => EvaluateCore(data);

    protected override Tensor ComputeLoss(Tensor[] outputs, Tensor targets) => loss.Compute(outputs[0], targets);

    protected override PredictionOutputs CreatePrediction(PredictionOutputs outputs) => outputs;

    protected override void Encode(float labels, Span<float> encoded) => encoded[0] = labels;
}
