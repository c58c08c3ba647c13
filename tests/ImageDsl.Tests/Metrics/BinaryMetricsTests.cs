using ImageDsl.Metrics;

namespace ImageDsl.Tests.Metrics;

public class BinaryMetricsTests
{
    /// <summary>Four samples with a tie at 0.6 between a positive and a negative.</summary>
    private static BinaryMetrics FourWithTie(double threshold = 0.5)
    {
        var accumulator = new BinaryMetricsAccumulator(threshold);
        accumulator.Add(true, 0.9);
        accumulator.Add(false, 0.6);
        accumulator.Add(true, 0.6);
        accumulator.Add(false, 0.2);
        return accumulator.Compute();
    }

    [Fact]
    public void Roc_auc_counts_a_tie_as_half_a_pair()
    {
        // Positive 0.9 beats both negatives (2); positive 0.6 ties 0.6 (½) and beats 0.2 (1): 3.5 of 4.
        // As a curve: (0,0) → (0, ½) → (½, 1) → (1, 1); the tied step is a diagonal, area 0.375 + 0.5.
        MetricAssert.Near(0.875, FourWithTie().RocAuc);
    }

    [Fact]
    public void Average_precision_is_the_step_sum_over_distinct_thresholds()
    {
        // Threshold 0.9: recall ½ at precision 1. Threshold 0.6 (both tied samples): recall 1 at precision 2/3.
        // AP = ½·1 + ½·⅔ (no interpolation).
        MetricAssert.Near(0.5 + 0.5 * 2 / 3, FourWithTie().AveragePrecision);
    }

    [Fact]
    public void Threshold_counts_give_the_confusion_matrix_and_its_scores()
    {
        // Predicted positive at ≥ 0.5: 0.9 (T), 0.6 (F), 0.6 (T). TP 2, FP 1, TN 1, FN 0.
        var m = FourWithTie();
        Assert.Equal([[1L, 1], [0L, 2]], m.ConfusionMatrix.ToArray());
        Assert.Equal((2, 1, 1, 0), (m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives));
        MetricAssert.Near(0.75, m.Accuracy);
        MetricAssert.Near(2.0 / 3, m.Precision);
        MetricAssert.Near(1, m.Recall);
        MetricAssert.Near(0.8, m.F1); // 2·(⅔·1)/(⅔ + 1)
        // (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = 2 / √(3·2·2·1).
        MetricAssert.Near(2 / Math.Sqrt(12), m.MatthewsCorrelation);
        MetricAssert.Near(-(Math.Log(0.9) + Math.Log(0.4) + Math.Log(0.6) + Math.Log(0.8)) / 4, m.LogLoss);
    }

    [Fact]
    public void A_score_equal_to_the_threshold_is_positive()
    {
        var m = FourWithTie(threshold: 0.6);
        Assert.Equal(3, m.TruePositives + m.FalsePositives);
    }

    [Fact]
    public void Zero_denominators_give_zero_precision_recall_f1_and_correlation()
    {
        // Nothing reaches the threshold: TP + FP = 0, so precision is 0 (zero_division=0), and so
        // are recall (TP = 0) and F1; MCC's denominator is 0 and scikit-learn reports 0.
        var m = FourWithTie(threshold: 0.95);
        Assert.Equal(0, m.Precision);
        Assert.Equal(0, m.Recall);
        Assert.Equal(0, m.F1);
        Assert.Equal(0, m.MatthewsCorrelation);
        MetricAssert.Near(0.5, m.Accuracy);
        Assert.Empty(m.UndefinedReasons);
    }

    [Fact]
    public void Rank_metrics_are_undefined_with_one_class()
    {
        var accumulator = new BinaryMetricsAccumulator();
        accumulator.Add(false, 0.3);
        accumulator.Add(false, 0.7);
        var m = accumulator.Compute();

        MetricAssert.Undefined(m.RocAuc, m.UndefinedReasons, nameof(m.RocAuc), "only one class present");
        MetricAssert.Undefined(m.AveragePrecision, m.UndefinedReasons, nameof(m.AveragePrecision), "no positive sample");
        MetricAssert.Near(0.5, m.Accuracy);
        Assert.Equal(2, m.UndefinedReasons.Count);
    }

    [Fact]
    public void Average_precision_of_only_positives_is_one()
    {
        // Every threshold has precision 1, as in the fixture's all-positive case.
        var accumulator = new BinaryMetricsAccumulator();
        accumulator.Add(true, 0.2f);
        accumulator.Add(true, 0.9f);
        MetricAssert.Near(1, accumulator.Compute().AveragePrecision);
    }

    [Fact]
    public void Certain_wrong_scores_cost_minus_log_of_float64_epsilon()
    {
        // scikit-learn 1.2.1 clips to [2⁻⁵², 1 − 2⁻⁵²] (eps="auto"), not to 1e-15.
        var accumulator = new BinaryMetricsAccumulator();
        accumulator.Add(true, 0.0);
        MetricAssert.Near(52 * Math.Log(2), accumulator.Compute().LogLoss, 1e-9);
    }

    [Fact]
    public void Nan_scores_are_rejected()
    {
        var accumulator = new BinaryMetricsAccumulator();
        Assert.Throws<ArgumentException>(() => accumulator.Add(true, float.NaN));
        Assert.Equal(0, accumulator.Count);
    }
}
