using ImageDsl.Data;
using ImageDsl.Evaluation;
using ImageDsl.Modeling;
using ImageDsl.Networks;
using ImageDsl.Specs;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Reports;

/// <summary>The runtime's evaluation keeps, for each image, what the report draws from.</summary>
public class EvaluationSamplesTests
{
    [Fact]
    public void Evaluation_keeps_one_record_per_image_and_target()
    {
        var spec = new ModelSpec("Tests.DigitAndAngle", new InputSpec(28, 28, 1), Backbone.SmallCnn,
            [new LabelTargetSpec("Digit", TestSpecs.DigitNames), new RangeTargetSpec("Angle", -45, 45, unit: "degrees")]);
        var data = new ImageDataset(spec, Enumerable.Range(0, 10).Select(label =>
        {
            var path = Directory.GetFiles(RepositoryPaths.BundledData("digits", "test", label.ToString(System.Globalization.CultureInfo.InvariantCulture)), "*.png").Order().First();
            return new ImageSample(path, [label, label * 9 - 40]);
        }).ToArray(), "ten digits");
        using var model = HandModel.Create(spec);
        model.AllowUntrained = true; // the records are under test, not what was learned

        var result = model.Evaluate(data);

        var digit = (ClassificationEvaluation)result.Targets[0];
        var angle = (RegressionEvaluation)result.Targets[1];
        Assert.Equal(data.Samples.Select(s => s.Path), digit.Samples.Select(s => s.ImagePath));
        Assert.Equal(data.Samples.Select(s => s.Path), angle.Samples.Select(s => s.ImagePath));
        Assert.Equal(Enumerable.Range(0, 10), digit.Samples.Select(s => s.TrueIndex));
        Assert.All(digit.Samples, s => Assert.Equal(1.0, s.Probabilities.Sum(p => (double)p), 4));
        Assert.Equal(Enumerable.Range(0, 10).Select(l => l * 9.0 - 40), angle.Samples.Select(s => s.Actual));
        Assert.All(angle.Samples, s => Assert.InRange(s.Predicted, -45, 45));
        // The per-image records and the streaming metrics describe the same predictions.
        Assert.Equal(digit.Metrics.Accuracy, digit.Samples.Count(s => s.IsCorrect) / 10.0);
        Assert.Equal(angle.Metrics.Mae!.Value, angle.Samples.Average(s => Math.Abs(s.Error)), 4);

        using var temp = new TemporaryDirectory();
        var written = result.WriteReport(temp.Path, options: new ImageDsl.Reports.ReportOptions { Plots = false });
        Assert.Contains(written, p => p.EndsWith("report.json", StringComparison.Ordinal));
    }

    /// <summary>What the generator emits for a spec, written by hand: one head per target, the losses summed.</summary>
    private sealed class HandModel : ImageModel<object, PredictionOutputs>
    {
        private readonly TargetLoss[] losses;

        private HandModel(ModelSpec spec) : base(spec, new HandNetwork(spec)) =>
            losses = Enumerable.Range(0, spec.Targets.Count).Select(t => TargetLoss.For(spec, t)).ToArray();

        public static HandModel Create(ModelSpec spec)
        {
            SeedInitialization(0);
            return new HandModel(spec);
        }

        public EvaluationResult Evaluate(ImageDataset data) => EvaluateCore(data);

        protected override Tensor ComputeLoss(Tensor[] outputs, Tensor targets)
        {
            var total = losses[0].Compute(outputs[0], targets);
            for (int t = 1; t < losses.Length; t++) total = total + losses[t].Compute(outputs[t], targets);
            return total;
        }

        protected override PredictionOutputs CreatePrediction(PredictionOutputs outputs) => outputs;

        protected override void Encode(object labels, Span<float> encoded) => throw new NotSupportedException("The test builds datasets from encoded samples.");

        private sealed class HandNetwork : nn.Module<Tensor, Tensor[]>
        {
            private readonly BackboneModule backbone;
            private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> heads = new();

            public HandNetwork(ModelSpec spec) : base("HandModel")
            {
                backbone = Backbones.Create(spec.Backbone, spec.Input);
                foreach (var target in spec.Targets) heads.Add(Heads.Create(target, backbone.FeatureCount));
                RegisterComponents();
            }

            public override Tensor[] forward(Tensor images)
            {
                using var features = backbone.call(images);
                return heads.Select(h => h.call(features)).ToArray();
            }
        }
    }
}
