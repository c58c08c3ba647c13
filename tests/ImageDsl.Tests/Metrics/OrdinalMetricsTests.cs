using ImageDsl.Metrics;

namespace ImageDsl.Tests.Metrics;

public class OrdinalMetricsTests
{
    private static readonly string[] Grades = ["none", "mild", "severe"];

    /// <summary>
    /// Five samples, three ranks, (true, predicted, expected rank):
    /// (0, 0, 0.25), (0, 1, 0.75), (1, 1, 1.0), (2, 0, 0.5), (2, 2, 1.5).
    /// Confusion (rows true): [1 1 0], [0 1 0], [1 0 1]; errors 0, +1, 0, −2, 0.
    /// </summary>
    private static OrdinalMetrics FiveSamples()
    {
        var accumulator = new OrdinalMetricsAccumulator(Grades);
        accumulator.Add(0, 0, 0.25);
        accumulator.Add(0, 1, 0.75);
        accumulator.Add(1, 1, 1.0);
        accumulator.Add(2, 0, 0.5);
        accumulator.Add(2, 2, 1.5);
        return accumulator.Compute();
    }

    [Fact]
    public void Rank_errors_follow_the_counts()
    {
        var m = FiveSamples();

        Assert.Equal(5, m.Count);
        Assert.Equal([[1L, 1, 0], [0L, 1, 0], [1L, 0, 1]], m.ConfusionMatrix.ToArray());
        Assert.Equal(Grades, m.ConfusionMatrix.Labels);
        MetricAssert.Near(3.0 / 5, m.Accuracy);
        MetricAssert.Near(3.0 / 5, m.Mae); // |errors| 0 + 1 + 0 + 2 + 0
        MetricAssert.Near(Math.Sqrt(5.0 / 5), m.Rmse); // errors² 0 + 1 + 0 + 4 + 0
        MetricAssert.Near(4.0 / 5, m.WithinOneRank); // all but the −2
        // Expected-rank errors: 0.25, 0.75, 0, −1.5, −0.5.
        MetricAssert.Near((0.25 + 0.75 + 0 + 1.5 + 0.5) / 5, m.ExpectedRankMae);
        MetricAssert.Near(Math.Sqrt((0.0625 + 0.5625 + 0 + 2.25 + 0.25) / 5), m.ExpectedRankRmse);
        Assert.Empty(m.UndefinedReasons);
    }

    /// <summary>
    /// By hand: rows (true totals) 2, 1, 2; columns (predicted totals) 2, 2, 1; n = 5.
    /// Observed Σ w·C = 1·1 (0→1) + 4·1 (2→0) = 5. Chance Σ w·rows[i]·cols[j] / n =
    /// (1·2·2 + 4·2·1 + 1·1·2 + 1·1·1 + 4·2·2 + 1·2·2) / 5 = 35 / 5 = 7; κ = 1 − 5/7.
    /// </summary>
    [Fact]
    public void Quadratic_weighted_kappa_compares_observed_with_chance_disagreement()
    {
        MetricAssert.Near(1 - 5.0 / 7, FiveSamples().QuadraticWeightedKappa);
    }

    [Fact]
    public void A_far_miss_costs_kappa_more_than_a_near_one()
    {
        static double? Kappa(int lastPrediction)
        {
            var accumulator = new OrdinalMetricsAccumulator(["0", "1", "2", "3"]);
            for (var r = 0; r < 4; r++)
            {
                accumulator.Add(r, r, r);
            }

            accumulator.Add(0, lastPrediction, lastPrediction);
            return accumulator.Compute().QuadraticWeightedKappa;
        }

        Assert.True(Kappa(1) > Kappa(3), $"kappa with a miss by 1: {Kappa(1)}, by 3: {Kappa(3)}");
        MetricAssert.Near(1.0, Kappa(0));
    }

    [Fact]
    public void Error_counts_hold_each_signed_error_from_minus_to_plus_K_minus_one()
    {
        // Errors 0, +1, 0, −2, 0 → index e + 2: [−2: 1, −1: 0, 0: 3, +1: 1, +2: 0].
        Assert.Equal([1L, 0, 3, 1, 0], FiveSamples().ErrorCounts());
    }

    [Fact]
    public void No_samples_leaves_every_metric_undefined_with_a_reason()
    {
        var m = new OrdinalMetricsAccumulator(Grades).Compute();

        Assert.Equal(0, m.Count);
        Assert.Equal(0, m.ConfusionMatrix.Total);
        foreach (var (name, value) in new (string, double?)[]
                 {
                     (nameof(m.Accuracy), m.Accuracy), (nameof(m.Mae), m.Mae), (nameof(m.Rmse), m.Rmse),
                     (nameof(m.WithinOneRank), m.WithinOneRank), (nameof(m.QuadraticWeightedKappa), m.QuadraticWeightedKappa),
                     (nameof(m.ExpectedRankMae), m.ExpectedRankMae), (nameof(m.ExpectedRankRmse), m.ExpectedRankRmse),
                 })
        {
            MetricAssert.Undefined(value, m.UndefinedReasons, name, "no samples");
        }

        Assert.Equal(7, m.UndefinedReasons.Count);
    }

    [Fact]
    public void Kappa_is_undefined_when_everything_is_one_rank_predicted_perfectly()
    {
        var accumulator = new OrdinalMetricsAccumulator(Grades);
        accumulator.Add(1, 1, 1.2);
        accumulator.Add(1, 1, 0.9);

        var m = accumulator.Compute();

        MetricAssert.Undefined(m.QuadraticWeightedKappa, m.UndefinedReasons, nameof(OrdinalMetrics.QuadraticWeightedKappa), "'mild'");
        Assert.Contains("0/0", m.UndefinedReasons[nameof(OrdinalMetrics.QuadraticWeightedKappa)], StringComparison.Ordinal);
        MetricAssert.Near(1.0, m.Accuracy);
        Assert.Single(m.UndefinedReasons);
    }

    [Fact]
    public void Order_of_samples_does_not_change_the_result()
    {
        var random = new Random(5);
        var samples = Enumerable.Range(0, 500)
            .Select(_ => (True: random.Next(6), Predicted: random.Next(6), Expected: random.NextDouble() * 5))
            .ToArray();
        OrdinalMetrics Run(IEnumerable<(int True, int Predicted, double Expected)> order)
        {
            var accumulator = new OrdinalMetricsAccumulator(["a", "b", "c", "d", "e", "f"]);
            foreach (var s in order)
            {
                accumulator.Add(s.True, s.Predicted, s.Expected);
            }

            return accumulator.Compute();
        }

        var forward = Run(samples);
        var backward = Run(samples.Reverse());

        Assert.Equal(forward.QuadraticWeightedKappa, backward.QuadraticWeightedKappa);
        Assert.Equal(forward.Rmse, backward.Rmse);
        Assert.Equal(forward.ExpectedRankMae!.Value, backward.ExpectedRankMae!.Value, 1e-15);
    }

    [Theory]
    [InlineData(-1, 0, 0.0, "trueRank")]
    [InlineData(3, 0, 0.0, "trueRank")]
    [InlineData(0, -1, 0.0, "predictedRank")]
    [InlineData(0, 3, 0.0, "predictedRank")]
    [InlineData(0, 0, -0.01, "expectedRank")]
    [InlineData(0, 0, 2.01, "expectedRank")]
    [InlineData(0, 0, double.NaN, "expectedRank")]
    public void Out_of_range_input_is_refused_naming_the_argument(int trueRank, int predictedRank, double expectedRank, string argument)
    {
        var accumulator = new OrdinalMetricsAccumulator(Grades);

        var error = Assert.ThrowsAny<ArgumentException>(() => accumulator.Add(trueRank, predictedRank, expectedRank));

        Assert.Equal(argument, error.ParamName);
        Assert.Equal(0, accumulator.Count);
    }

    [Fact]
    public void Fewer_than_two_ranks_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new OrdinalMetricsAccumulator(["only"]));
    }
}
