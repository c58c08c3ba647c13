using System.Collections;
using CsCheck;
using ImageDsl.Metrics;

namespace ImageDsl.Tests.Metrics;

/// <summary>Laws that hold for any data, checked on random samples by CsCheck.</summary>
public class MetricsPropertyTests
{
    /// <summary>A multiclass sample: its true class and one score per class.</summary>
    private static Gen<(int Truth, double[] Scores)[]> MulticlassSamples(int classes) =>
        Gen.Select(Gen.Int[0, classes - 1], Gen.Double[0, 1].Array[classes]).Array[1, 60];

    [Fact]
    public void A_perfect_predictor_has_accuracy_one()
    {
        var gen = from k in Gen.Int[2, 8]
                  from samples in MulticlassSamples(k)
                  select (k, samples);
        gen.Sample(data =>
        {
            var accumulator = new MulticlassMetricsAccumulator(Labels(data.k));
            foreach (var (truth, scores) in data.samples)
            {
                var row = (double[])scores.Clone();
                row[truth] = scores.Max() + 1; // the true class strictly on top
                accumulator.Add(truth, row);
            }

            var m = accumulator.Compute();
            Assert.Equal(1, m.Accuracy);
            Assert.Equal(1, m.BalancedAccuracy);
            Assert.Equal(1, m.F1Micro);
            Assert.Equal(data.samples.Length, Enumerable.Range(0, data.k).Sum(c => m.ConfusionMatrix[c, c]));
        });
    }

    [Fact]
    public void Relabelling_the_classes_changes_no_averaged_metric()
    {
        // Scores are a permutation of 1..k per row, so argmax has no ties to break differently.
        var gen = from k in Gen.Int[2, 6]
                  from relabel in Gen.Shuffle(Enumerable.Range(0, k).ToArray())
                  from samples in Gen.Select(Gen.Int[0, k - 1], Gen.Shuffle(Enumerable.Range(1, k).Select(v => (double)v).ToArray())).Array[1, 40]
                  select (k, relabel, samples);
        gen.Sample(data =>
        {
            var original = new MulticlassMetricsAccumulator(Labels(data.k));
            var relabelled = new MulticlassMetricsAccumulator(Labels(data.k));
            foreach (var (truth, scores) in data.samples)
            {
                original.Add(truth, scores);
                var moved = new double[data.k];
                for (var c = 0; c < data.k; c++)
                {
                    moved[data.relabel[c]] = scores[c];
                }

                relabelled.Add(data.relabel[truth], moved);
            }

            var (a, b) = (original.Compute(), relabelled.Compute());
            AssertClose(a.F1Macro, b.F1Macro);
            AssertClose(a.PrecisionMacro, b.PrecisionMacro);
            AssertClose(a.RecallWeighted, b.RecallWeighted);
            AssertClose(a.BalancedAccuracy, b.BalancedAccuracy);
            AssertClose(a.RocAucMacro, b.RocAucMacro);
            AssertClose(a.LogLoss, b.LogLoss);
        });
    }

    [Fact]
    public void Predicting_the_mean_gives_r2_zero()
    {
        var gen = Gen.Double[-1000, 1000].Array[2, 50].Where(y => y.Distinct().Count() > 1);
        gen.Sample(truth =>
        {
            var mean = truth.Average();
            var accumulator = new RegressionMetricsAccumulator(1);
            foreach (var y in truth)
            {
                accumulator.Add(y, mean);
            }

            var m = accumulator.Compute();
            Assert.Equal(0, m.R2!.Value, 1e-9);
            Assert.Equal(0, m.ExplainedVariance!.Value, 1e-9);
        });
    }

    [Fact]
    public void Multiclass_results_do_not_depend_on_sample_order()
    {
        var gen = from k in Gen.Int[2, 5]
                  from samples in MulticlassSamples(k)
                  from order in Gen.Shuffle(Enumerable.Range(0, samples.Length).ToArray())
                  select (k, samples, order);
        gen.Sample(data => AssertSameMetrics(InOrder(data.samples, data.order, () => new MulticlassMetricsAccumulator(Labels(data.k)), (acc, s) => acc.Add(s.Truth, s.Scores), acc => acc.Compute())));
    }

    [Fact]
    public void Binary_results_do_not_depend_on_sample_order()
    {
        // Scores on a 0.1 grid, so many ties: the rank metrics must group them the same either way.
        var gen = from samples in Gen.Select(Gen.Bool, Gen.Int[0, 10]).Array[0, 80]
                  from order in Gen.Shuffle(Enumerable.Range(0, samples.Length).ToArray())
                  select (samples, order);
        gen.Sample(data => AssertSameMetrics(InOrder(data.samples, data.order, () => new BinaryMetricsAccumulator(), (acc, s) => acc.Add(s.Item1, s.Item2 / 10.0), acc => acc.Compute())));
    }

    [Fact]
    public void Multilabel_results_do_not_depend_on_sample_order()
    {
        var gen = from samples in Gen.Select(Gen.Bool.Array[3], Gen.Int[0, 10].Array[3]).Array[1, 50]
                  from order in Gen.Shuffle(Enumerable.Range(0, samples.Length).ToArray())
                  select (samples, order);
        gen.Sample(data => AssertSameMetrics(InOrder(data.samples, data.order, () => new MultilabelMetricsAccumulator(Labels(3)), (acc, s) => acc.Add(s.Item1, s.Item2.Select(v => v / 10.0).ToArray()), acc => acc.Compute())));
    }

    [Fact]
    public void Regression_results_do_not_depend_on_sample_order()
    {
        var gen = from outputs in Gen.Int[1, 3]
                  from samples in Gen.Select(Gen.Double[-100, 100].Array[outputs], Gen.Double[-100, 100].Array[outputs]).Array[1, 60]
                  from order in Gen.Shuffle(Enumerable.Range(0, samples.Length).ToArray())
                  select (outputs, samples, order);
        gen.Sample(data => AssertSameMetrics(InOrder(data.samples, data.order, () => new RegressionMetricsAccumulator(data.outputs, tolerance: 10), (acc, s) => acc.Add(s.Item1, s.Item2), acc => acc.Compute())));
    }

    private static string[] Labels(int count) => Enumerable.Range(0, count).Select(i => $"c{i}").ToArray();

    /// <summary>Results of adding <paramref name="samples"/> as given and in <paramref name="order"/>.</summary>
    private static (object AsGiven, object Reordered) InOrder<TAccumulator, TSample>(
        TSample[] samples, int[] order, Func<TAccumulator> create, Action<TAccumulator, TSample> add, Func<TAccumulator, object> compute)
    {
        var asGiven = create();
        var reordered = create();
        foreach (var sample in samples)
        {
            add(asGiven, sample);
        }

        foreach (var i in order)
        {
            add(reordered, samples[i]);
        }

        return (compute(asGiven), compute(reordered));
    }

    /// <summary>Every public property agrees: numbers to 1e-12 (sums are compensated, not exact), the rest exactly.</summary>
    private static void AssertSameMetrics((object AsGiven, object Reordered) results)
    {
        foreach (var property in results.AsGiven.GetType().GetProperties())
        {
            var (a, b) = (property.GetValue(results.AsGiven), property.GetValue(results.Reordered));
            switch (a)
            {
                case double or null when b is double or null:
                    AssertClose((double?)a, (double?)b, property.Name);
                    break;
                case ConfusionMatrix matrix:
                    Assert.Equal(matrix.ToArray(), ((ConfusionMatrix)b!).ToArray());
                    break;
                case IReadOnlyList<double> values:
                    Assert.Equal(values, (IReadOnlyList<double>)b!, (x, y) => Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)));
                    break;
                case IEnumerable sequence:
                    Assert.Equal(sequence.Cast<object>(), ((IEnumerable)b!).Cast<object>());
                    break;
                default:
                    Assert.Equal(a, b);
                    break;
            }
        }
    }

    private static void AssertClose(double? a, double? b, string what = "")
    {
        Assert.True(a is null == b is null, $"{what}: {a} vs {b}");
        if (a is { } x && b is { } y)
        {
            Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), $"{what}: {x:R} vs {y:R}");
        }
    }
}
