using ImageDsl.Data;
using ImageDsl.Modeling;
using ImageDsl.Networks;
using ImageDsl.Specs;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

/// <summary>
/// What the generator emits for a one-target spec (docs/generated-code.md), written by hand so
/// these tests do not depend on the generator: a backbone from the spec and one head.
/// </summary>
internal sealed class HandWrittenNetwork : nn.Module<Tensor, Tensor[]>
{
    private readonly BackboneModule backbone;
    private readonly nn.Module<Tensor, Tensor> head;

    public HandWrittenNetwork(ModelSpec spec) : base("HandWritten")
    {
        backbone = Backbones.Create(spec.Backbone, spec.Input);
        head = Heads.Create(spec.Targets[0], backbone.FeatureCount);
        RegisterComponents();
    }

    public BackboneModule Backbone => backbone;

    public nn.Module<Tensor, Tensor> Head => head;

    public override Tensor[] forward(Tensor images)
    {
        using var features = backbone.call(images);
        return [head.call(features)];
    }
}

/// <summary>A hand-written model over <see cref="HandWrittenNetwork"/>; predictions are the raw decoded outputs.</summary>
internal sealed class HandWrittenModel : ImageModel<float, PredictionOutputs>
{
    private readonly TargetLoss loss;

    private HandWrittenModel(ModelSpec spec, Augmentation? declaredAugmentation = null)
        : base(spec, new HandWrittenNetwork(spec), declaredAugmentation ?? Augmentation.None) => loss = TargetLoss.For(spec, 0);

    /// <param name="spec">The spec.</param>
    /// <param name="seed">Seeds the initial weights.</param>
    /// <param name="declaredAugmentation">Stands in for what a generated spec declares with [Augment].</param>
    public static HandWrittenModel Create(ModelSpec spec, int seed = 0, Augmentation? declaredAugmentation = null)
    {
        SeedInitialization(seed);
        return new HandWrittenModel(spec, declaredAugmentation);
    }

    public static HandWrittenModel Load(ModelSpec spec, string path)
    {
        var model = new HandWrittenModel(spec);
        model.LoadWeights(path);
        return model;
    }

    public HandWrittenNetwork Layers => (HandWrittenNetwork)Network;

    /// <summary>What a generated model's Evaluate wraps.</summary>
    public Evaluation.EvaluationResult Evaluate(ImageDataset data, TestTimeAugmentation? testTimeAugmentation = null) => EvaluateCore(data, testTimeAugmentation);

    protected override Tensor ComputeLoss(Tensor[] outputs, Tensor targets) => loss.Compute(outputs[0], targets);

    protected override PredictionOutputs CreatePrediction(PredictionOutputs outputs) => outputs;

    protected override void Encode(float labels, Span<float> encoded) => encoded[0] = labels;
}

/// <summary>Specs and data for the backbone tests: the bundled digits, read at whatever size and channels a spec declares.</summary>
internal static class BackboneData
{
    public static ModelSpec Digits(Backbone backbone, int side, int channels) =>
        TestSpecs.Digits($"Tests.Digits.{backbone}") with { Backbone = backbone, Input = new InputSpec(side, side, channels) };

    public static ImageDataset Sample(ModelSpec spec, int count) =>
        ImageDataset.Load(spec, RepositoryPaths.BundledData("digits", "train")).Sample(count, seed: 1);

    /// <summary>Copies of every state_dict entry, to compare against after training.</summary>
    public static Dictionary<string, Tensor> Snapshot(nn.Module module) =>
        module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());

    public static double MaxAbsDifference(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        return (a.to_type(ScalarType.Float64) - b.to_type(ScalarType.Float64)).abs().max().item<double>();
    }
}
