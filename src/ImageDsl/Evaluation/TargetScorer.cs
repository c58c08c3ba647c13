using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Specs;

namespace ImageDsl.Evaluation;

/// <summary>
/// Accumulates one target's metrics over a dataset, image by image, and keeps one small
/// per-image record for the report's plots.
/// </summary>
internal abstract partial class TargetScorer(int targetIndex)
{
    protected int TargetIndex { get; } = targetIndex;

    public static TargetScorer For(ModelSpec spec, int targetIndex) => spec.Targets[targetIndex] switch
    {
        LabelTargetSpec labels => new LabelScorer(targetIndex, labels),
        RangeTargetSpec range => new RangeScorer(targetIndex, range),
        BinaryTargetSpec binary => new BinaryScorer(targetIndex, binary),
        MultiLabelTargetSpec multi => new MultiLabelScorer(targetIndex, multi),
        PeriodicTargetSpec periodic => new PeriodicScorer(targetIndex, periodic),
        ValueTargetSpec value => new ValueScorer(targetIndex, value),
        VectorTargetSpec vector => new VectorScorer(targetIndex, vector),
        var other => throw new NotSupportedException($"No metrics for target kind {other.GetType().Name}."),
    };

    /// <summary>Adds one image: its path, its encoded true value(s) and the model's decoded outputs.</summary>
    public abstract void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction);

    public abstract TargetEvaluation Finish();

    private sealed class LabelScorer(int index, LabelTargetSpec target) : TargetScorer(index)
    {
        private readonly MulticlassMetricsAccumulator metrics = new(target.Labels);
        private readonly List<ClassificationSample> samples = [];

        public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
        {
            var probabilities = prediction.Probabilities(TargetIndex);
            metrics.Add((int)truth[0], probabilities);
            samples.Add(new ClassificationSample(imagePath, (int)truth[0], probabilities));
        }

        public override TargetEvaluation Finish() => new ClassificationEvaluation(target.Name, metrics.Compute()) { Samples = samples, Target = target };
    }

    private sealed class RangeScorer(int index, RangeTargetSpec target) : TargetScorer(index)
    {
        private readonly RegressionMetricsAccumulator metrics = new(1, [target.Name], target.Tolerance);
        private readonly List<RegressionSample> samples = [];

        public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
        {
            // The metrics see the prediction rounded to float, as they always did; the sample keeps the same values.
            float predicted = (float)prediction.Value(TargetIndex);
            metrics.Add(truth, [predicted]);
            samples.Add(new RegressionSample(imagePath, Shortest(truth[0]), Shortest(predicted)));
        }

        /// <summary>
        /// The double that prints like the float: a label of 25.76 stays 25.76 in reports instead
        /// of becoming 25.760000228881836 when widened.
        /// </summary>
        internal static double Shortest(float value) =>
            double.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

        public override TargetEvaluation Finish() => new RegressionEvaluation(target.Name, target.Unit, metrics.Compute()) { Samples = samples, Target = target };
    }

    /// <summary>An unbounded value: scored like a range, in the user's units.</summary>
    private sealed class ValueScorer(int index, ValueTargetSpec target) : TargetScorer(index)
    {
        private readonly RegressionMetricsAccumulator metrics = new(1, [target.Name]);
        private readonly List<RegressionSample> samples = [];

        public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
        {
            float predicted = (float)prediction.Value(TargetIndex);
            metrics.Add(truth, [predicted]);
            samples.Add(new RegressionSample(imagePath, RangeScorer.Shortest(truth[0]), RangeScorer.Shortest(predicted)));
        }

        public override TargetEvaluation Finish() => new RegressionEvaluation(target.Name, target.Unit, metrics.Compute()) { Samples = samples, Target = target };
    }
}
