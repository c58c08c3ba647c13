using ImageDsl.Metrics;

namespace ImageDsl.Tests.Metrics;

public class RegressionMetricsTests
{
    private static RegressionMetrics Single(double[] truth, double[] predicted, double? tolerance = null)
    {
        var accumulator = new RegressionMetricsAccumulator(1, tolerance: tolerance);
        for (var i = 0; i < truth.Length; i++)
        {
            accumulator.Add(truth[i], predicted[i]);
        }

        return accumulator.Compute();
    }

    [Fact]
    public void Single_output_metrics_match_hand_computation()
    {
        // Errors (truth − predicted): −0.5, 0, 1, −1.
        var m = Single([1, 2, 3, 4], [1.5, 2, 2, 5], tolerance: 0.5);
        MetricAssert.Near(2.5 / 4, m.Mae);
        MetricAssert.Near(2.25 / 4, m.Mse);
        MetricAssert.Near(0.75, m.Rmse);
        // SST around the mean 2.5: 2.25 + 0.25 + 0.25 + 2.25 = 5; R² = 1 − 2.25 / 5.
        MetricAssert.Near(0.55, m.R2);
        // Errors' mean −0.125; their squared deviations sum to 2.1875; 1 − 2.1875 / 5.
        MetricAssert.Near(0.5625, m.ExplainedVariance);
        MetricAssert.Near(0.75, m.MedianAbsoluteError); // sorted |e|: 0, 0.5, 1, 1 → (0.5 + 1) / 2
        MetricAssert.Near(1, m.MaxError);
        MetricAssert.Near(0.5, m.WithinToleranceShare); // |e| ≤ 0.5: two of four
        Assert.Equal([0.55], m.PerOutputR2!);
        Assert.Equal([0.625], m.PerOutputMae!);
    }

    [Fact]
    public void Constant_target_scores_one_when_perfect_and_zero_otherwise()
    {
        var perfect = Single([7, 7, 7], [7, 7, 7]);
        Assert.Equal(1, perfect.R2);
        Assert.Equal(1, perfect.ExplainedVariance);

        var scattered = Single([7, 7, 7], [6, 7, 8]);
        Assert.Equal(0, scattered.R2);
        Assert.Equal(0, scattered.ExplainedVariance);

        // A constant offset leaves the errors without variance: scikit-learn's explained variance is
        // then 1 (zero numerator) while R² is 0.
        var offset = Single([7, 7, 7], [8, 8, 8]);
        Assert.Equal(0, offset.R2);
        Assert.Equal(1, offset.ExplainedVariance);
    }

    [Fact]
    public void Several_outputs_average_uniformly_and_omit_median_and_max()
    {
        // Output a: truth 0, 2; predicted 1, 1 → MAE 1, MSE 1, SST 2, R² 0.
        // Output b: truth 1, 3; predicted 1, 3 → MAE 0, MSE 0, R² 1.
        var accumulator = new RegressionMetricsAccumulator(2, ["a", "b"]);
        accumulator.Add([0f, 1f], [1f, 1f]);
        accumulator.Add([2f, 3f], [1f, 3f]);
        var m = accumulator.Compute();

        MetricAssert.Near(0.5, m.Mae);
        MetricAssert.Near(0.5, m.Mse);
        MetricAssert.Near(Math.Sqrt(0.5), m.Rmse);
        MetricAssert.Near(0.5, m.R2);
        Assert.Equal([0.0, 1.0], m.PerOutputR2!);
        Assert.Equal([1.0, 0.0], m.PerOutputMae!);
        MetricAssert.Undefined(m.MedianAbsoluteError, m.UndefinedReasons, nameof(m.MedianAbsoluteError), "single output");
        MetricAssert.Undefined(m.MaxError, m.UndefinedReasons, nameof(m.MaxError), "single output");
        MetricAssert.Undefined(m.WithinToleranceShare, m.UndefinedReasons, nameof(m.WithinToleranceShare), "no tolerance");
    }

    [Fact]
    public void One_sample_leaves_r2_undefined()
    {
        var m = Single([3], [2]);
        MetricAssert.Undefined(m.R2, m.UndefinedReasons, nameof(m.R2), "fewer than two samples");
        MetricAssert.Undefined(m.ExplainedVariance, m.UndefinedReasons, nameof(m.ExplainedVariance), "fewer than two samples");
        Assert.Null(m.PerOutputR2);
        MetricAssert.Near(1, m.Mae);
    }

    [Fact]
    public void R2_stays_exact_on_a_large_offset()
    {
        // Truth 1e9 + {0, 1, 2, 3}, predicted with errors 0, 0, 0, 1: SST 5, SSE 1, R² 0.8.
        // Σx² − n·mean² would lose every digit here; Welford's update does not.
        var m = Single([1e9, 1e9 + 1, 1e9 + 2, 1e9 + 3], [1e9, 1e9 + 1, 1e9 + 2, 1e9 + 2]);
        MetricAssert.Near(0.8, m.R2);
    }

    [Fact]
    public void Names_default_and_must_match_the_output_count()
    {
        Assert.Equal(["output0", "output1"], new RegressionMetricsAccumulator(2).OutputNames);
        Assert.Throws<ArgumentException>(() => new RegressionMetricsAccumulator(2, ["a"]));
        Assert.Throws<ArgumentException>(() => new RegressionMetricsAccumulator(1, tolerance: -1));
        Assert.Throws<ArgumentException>(() => new RegressionMetricsAccumulator(2).Add(1.0, 2.0));
    }
}
