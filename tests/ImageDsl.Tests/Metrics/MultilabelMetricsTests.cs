using ImageDsl.Metrics;

namespace ImageDsl.Tests.Metrics;

public class MultilabelMetricsTests
{
    private static readonly string[] Xyz = ["x", "y", "z"];

    // Truth and scores of four samples; at threshold 0.5 the predictions are
    // s1 [1 0 0], s2 [1 1 0], s3 [0 0 0], s4 [1 1 0].
    private static readonly bool[][] Truth =
        [[true, false, true], [false, true, false], [false, false, false], [true, true, false]];

    private static readonly double[][] Scores =
        [[0.9, 0.2, 0.4], [0.6, 0.7, 0.1], [0.1, 0.3, 0.2], [0.8, 0.6, 0.3]];

    private static MultilabelMetrics Compute(MultilabelMetricsAccumulator accumulator)
    {
        for (var i = 0; i < Truth.Length; i++)
        {
            accumulator.Add(Truth[i], Scores[i]);
        }

        return accumulator.Compute();
    }

    [Fact]
    public void Set_metrics_count_rows_and_cells()
    {
        var m = Compute(new MultilabelMetricsAccumulator(Xyz));
        MetricAssert.Near(0.5, m.SubsetAccuracy); // s3 and s4 exact
        MetricAssert.Near(2.0 / 12, m.HammingLoss); // s1 misses z, s2 adds x
    }

    [Fact]
    public void Label_averages_follow_per_label_counts()
    {
        // x: tp 2, predicted 3, actual 2 → P ⅔, R 1, F1 0.8.  y: tp 2 of 2 and 2 → 1, 1, 1.
        // z: never predicted, true once → 0, 0, 0 (zero_division=0).
        var m = Compute(new MultilabelMetricsAccumulator(Xyz));
        Assert.Equal(new ClassMetrics("y", 1, 1, 1, 2), m.PerLabel[1]);
        Assert.Equal(new ClassMetrics("z", 0, 0, 0, 1), m.PerLabel[2]);
        MetricAssert.Near(5.0 / 9, m.PrecisionMacro);
        MetricAssert.Near(2.0 / 3, m.RecallMacro);
        MetricAssert.Near(0.6, m.F1Macro);
        // Pooled: tp 4, predicted 5, actual 5.
        MetricAssert.Near(0.8, m.PrecisionMicro);
        MetricAssert.Near(0.8, m.RecallMicro);
        MetricAssert.Near(0.8, m.F1Micro);
        // Weights = support (2, 2, 1): P (4/3 + 2) / 5, R (2 + 2) / 5, F1 (1.6 + 2) / 5.
        MetricAssert.Near(2.0 / 3, m.PrecisionWeighted);
        MetricAssert.Near(0.8, m.RecallWeighted);
        MetricAssert.Near(0.72, m.F1Weighted);
    }

    [Fact]
    public void Sample_averages_score_each_row_then_average()
    {
        // s1: tp 1, predicted 1, actual 2 → P 1, R ½, F1 ⅔.  s2: tp 1, predicted 2, actual 1 → ½, 1, ⅔.
        // s3: nothing true, nothing predicted → 0, 0, 0.     s4: 1, 1, 1.
        var m = Compute(new MultilabelMetricsAccumulator(Xyz));
        MetricAssert.Near(2.5 / 4, m.PrecisionSamples);
        MetricAssert.Near(2.5 / 4, m.RecallSamples);
        MetricAssert.Near(7.0 / 12, m.F1Samples);
    }

    [Fact]
    public void Roc_auc_macro_averages_labels_and_micro_pools_cells()
    {
        // Each label alone separates perfectly. Pooled: positives 0.9, 0.4, 0.7, 0.8, 0.6 against
        // negatives 0.2, 0.6, 0.1, 0.1, 0.3, 0.2, 0.3: 7 + 6 + 7 + 7 + 6.5 (tie at 0.6) = 33.5 of 35.
        var m = Compute(new MultilabelMetricsAccumulator(Xyz));
        MetricAssert.Near(1, m.RocAucMacro);
        MetricAssert.Near(33.5 / 35, m.RocAucMicro);
    }

    [Fact]
    public void Per_label_thresholds_apply_to_their_label()
    {
        // y at 0.65: only s2 (0.7) is predicted → tp 1 of 1, actual 2. z at 0.35: s1 (0.4) → tp 1 of 1, actual 1.
        var m = Compute(new MultilabelMetricsAccumulator(Xyz, [0.5, 0.65, 0.35]));
        Assert.Equal(new ClassMetrics("y", 1, 0.5, 2.0 / 3, 2), m.PerLabel[1]);
        Assert.Equal(new ClassMetrics("z", 1, 1, 1, 1), m.PerLabel[2]);
        Assert.Equal([0.5, 0.65, 0.35], m.Thresholds);
    }

    [Fact]
    public void A_label_that_is_never_true_makes_macro_roc_auc_undefined()
    {
        var accumulator = new MultilabelMetricsAccumulator(["a", "b"]);
        accumulator.Add([true, false], [0.8f, 0.1f]);
        accumulator.Add([false, false], [0.3f, 0.6f]);
        var m = accumulator.Compute();

        MetricAssert.Undefined(m.RocAucMacro, m.UndefinedReasons, nameof(m.RocAucMacro), "'b'");
        // Pooled: positive 0.8 against 0.1, 0.3, 0.6 → 3 of 3.
        MetricAssert.Near(1, m.RocAucMicro);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var accumulator = new MultilabelMetricsAccumulator(Xyz);
        Assert.Throws<ArgumentException>(() => accumulator.Add([true, false], [0.1, 0.2, 0.3]));
        Assert.Throws<ArgumentException>(() => new MultilabelMetricsAccumulator(Xyz, [0.5, 0.5]));
    }
}
