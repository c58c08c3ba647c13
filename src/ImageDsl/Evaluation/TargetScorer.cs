using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Specs;

namespace ImageDsl.Evaluation;

/// <summary>Accumulates one target's metrics over a dataset, image by image.</summary>
internal abstract class TargetScorer(int targetIndex)
{
    protected int TargetIndex { get; } = targetIndex;

    public static TargetScorer For(ModelSpec spec, int targetIndex) => spec.Targets[targetIndex] switch
    {
        LabelTargetSpec labels => new LabelScorer(targetIndex, labels),
        RangeTargetSpec range => new RangeScorer(targetIndex, range),
        var other => throw new NotSupportedException($"No metrics for target kind {other.GetType().Name}."),
    };

    /// <summary>Adds one image: its encoded true value(s) and the model's decoded outputs.</summary>
    public abstract void Add(ReadOnlySpan<float> truth, PredictionOutputs prediction);

    public abstract TargetEvaluation Finish();

    private sealed class LabelScorer(int index, LabelTargetSpec target) : TargetScorer(index)
    {
        private readonly MulticlassMetricsAccumulator metrics = new(target.Labels);

        public override void Add(ReadOnlySpan<float> truth, PredictionOutputs prediction) =>
            metrics.Add((int)truth[0], prediction.Probabilities(TargetIndex));

        public override TargetEvaluation Finish() => new ClassificationEvaluation(target.Name, metrics.Compute());
    }

    private sealed class RangeScorer(int index, RangeTargetSpec target) : TargetScorer(index)
    {
        private readonly RegressionMetricsAccumulator metrics = new(1, [target.Name]);

        public override void Add(ReadOnlySpan<float> truth, PredictionOutputs prediction) =>
            metrics.Add(truth, [(float)prediction.Value(TargetIndex)]);

        public override TargetEvaluation Finish() => new RegressionEvaluation(target.Name, target.Unit, metrics.Compute());
    }
}
