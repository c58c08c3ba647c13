using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Specs;

namespace ImageDsl.Evaluation;

internal abstract partial class TargetScorer
{
    private sealed class BinaryScorer(int index, BinaryTargetSpec target) : TargetScorer(index)
    {
        private readonly BinaryMetricsAccumulator metrics = new(target.Threshold);
        private readonly List<BinarySample> samples = [];

        public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
        {
            bool actual = truth[0] >= 0.5f;
            float p = prediction.Probability(TargetIndex);
            metrics.Add(actual, p);
            samples.Add(new BinarySample(imagePath, actual, p, p >= target.Threshold));
        }

        public override TargetEvaluation Finish() =>
            new BinaryEvaluation(target.Name, target.NegativeLabel, target.PositiveLabel, metrics.Compute()) { Samples = samples, Target = target };
    }

    private sealed class MultiLabelScorer(int index, MultiLabelTargetSpec target) : TargetScorer(index)
    {
        private readonly MultilabelMetricsAccumulator metrics = new(target.Labels, target.Thresholds);
        private readonly List<MultiLabelSample> samples = [];

        public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
        {
            var actual = new bool[truth.Length];
            for (int i = 0; i < actual.Length; i++) actual[i] = truth[i] >= 0.5f;
            var probabilities = prediction.Probabilities(TargetIndex);
            metrics.Add(actual, probabilities);
            samples.Add(new MultiLabelSample(imagePath, actual, probabilities, prediction.Present(TargetIndex)));
        }

        public override TargetEvaluation Finish() => new MultiLabelEvaluation(target.Name, metrics.Compute()) { Samples = samples, Target = target };
    }

    private sealed class PeriodicScorer(int index, PeriodicTargetSpec target) : TargetScorer(index)
    {
        private readonly List<PeriodicSample> samples = [];

        public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
        {
            double actual = RangeScorer.Shortest(truth[0]);
            double predicted = RangeScorer.Shortest((float)prediction.Value(TargetIndex));
            samples.Add(new PeriodicSample(imagePath, actual, predicted, target.Difference(predicted, actual)));
        }

        public override TargetEvaluation Finish()
        {
            var errors = samples.Select(s => Math.Abs(s.Error)).Order().ToArray();
            CircularMetrics metrics = errors.Length == 0
                ? new(0, null, null, null, null)
                : new(errors.Length, errors.Average(), Math.Sqrt(errors.Average(e => e * e)),
                    errors.Length % 2 == 1 ? errors[errors.Length / 2] : (errors[errors.Length / 2 - 1] + errors[errors.Length / 2]) / 2, errors[^1]);
            return new PeriodicEvaluation(target.Name, target.Unit, target.Period, metrics) { Samples = samples, Target = target };
        }
    }

    private sealed class VectorScorer(int index, VectorTargetSpec target) : TargetScorer(index)
    {
        private readonly RegressionMetricsAccumulator overall = new(target.Components.Count, target.Components);
        private readonly double[] absolute = new double[target.Components.Count];
        private readonly double[] squared = new double[target.Components.Count];
        private readonly List<VectorSample> samples = [];
        private double iouSum;
        private long above50, above75;

        public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
        {
            var predicted = prediction.Values(TargetIndex);
            overall.Add(truth, predicted);
            for (int c = 0; c < predicted.Length; c++)
            {
                double e = (double)predicted[c] - truth[c];
                absolute[c] += Math.Abs(e);
                squared[c] += e * e;
            }
            double? iou = null;
            if (target.Box is { } format)
            {
                double value = Boxes.IoU(format, truth, predicted);
                iou = value;
                iouSum += value;
                if (value >= 0.5) above50++;
                if (value >= 0.75) above75++;
            }
            samples.Add(new VectorSample(imagePath, truth.ToArray(), predicted, iou));
        }

        public override TargetEvaluation Finish()
        {
            var m = overall.Compute();
            long n = m.Count;
            var perComponent = target.Components.Select((name, c) => new ComponentMetrics(name,
                n > 0 ? absolute[c] / n : null, n > 0 ? Math.Sqrt(squared[c] / n) : null, m.PerOutputR2?[c])).ToArray();
            bool box = target.Box is not null && n > 0;
            var metrics = new VectorMetrics(n, m.Mae, m.Rmse, m.R2, perComponent,
                box ? iouSum / n : null, box ? (double)above50 / n : null, box ? (double)above75 / n : null);
            return new VectorEvaluation(target.Name, target.Unit, target.Components, target.Box, metrics) { Samples = samples, Target = target };
        }
    }
}
