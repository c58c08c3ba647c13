using System.Text.Json;
using ImageDsl.Metrics;

namespace ImageDsl.Tests.Metrics;

public class MulticlassMetricsTests
{
    private static readonly string[] Abc = ["A", "B", "C"];

    /// <summary>
    /// Seven samples, three classes; argmax predictions:
    /// A→A, A→B, B→B, B→C, C→C, C→A, A→A. Confusion (rows true): A [2 1 0], B [0 1 1], C [1 0 1].
    /// </summary>
    private static MulticlassMetrics SevenSamples()
    {
        var accumulator = new MulticlassMetricsAccumulator(Abc);
        accumulator.Add(0, [0.7, 0.2, 0.1]);
        accumulator.Add(0, [0.3, 0.6, 0.1]);
        accumulator.Add(1, [0.2, 0.5, 0.3]);
        accumulator.Add(1, [0.1, 0.4, 0.5]);
        accumulator.Add(2, [0.1, 0.1, 0.8]);
        accumulator.Add(2, [0.5, 0.25, 0.25]);
        accumulator.Add(0, [0.6, 0.3, 0.1]);
        return accumulator.Compute();
    }

    [Fact]
    public void Confusion_matrix_and_per_class_scores_follow_the_counts()
    {
        var m = SevenSamples();

        Assert.Equal([[2L, 1, 0], [0L, 1, 1], [1L, 0, 1]], m.ConfusionMatrix.ToArray());
        Assert.Equal(7, m.ConfusionMatrix.Total);
        // A: tp 2, predicted 3 (column), actual 3 (row) → 2/3 each. B and C: tp 1 of 2 and 2 → 1/2.
        Assert.Equal(
            [new ClassMetrics("A", 2.0 / 3, 2.0 / 3, 2.0 / 3, 3), new ClassMetrics("B", 0.5, 0.5, 0.5, 2), new ClassMetrics("C", 0.5, 0.5, 0.5, 2)],
            m.PerClass);
        MetricAssert.Near(4.0 / 7, m.Accuracy);
        // Macro: (2/3 + 1/2 + 1/2) / 3 = 5/9; weighted by support (3, 2, 2): (2 + 1 + 1) / 7.
        MetricAssert.Near(5.0 / 9, m.PrecisionMacro);
        MetricAssert.Near(5.0 / 9, m.F1Macro);
        MetricAssert.Near(4.0 / 7, m.PrecisionWeighted);
        MetricAssert.Near(4.0 / 7, m.RecallWeighted);
        // Micro pools tp (4) over predictions (7) and truths (7): accuracy, for single-label data.
        MetricAssert.Near(4.0 / 7, m.PrecisionMicro);
        MetricAssert.Near(4.0 / 7, m.F1Micro);
        // Balanced accuracy: mean recall (2/3 + 1/2 + 1/2) / 3.
        MetricAssert.Near(5.0 / 9, m.BalancedAccuracy);
    }

    [Fact]
    public void Log_loss_is_the_mean_negative_log_of_the_true_class_probability()
    {
        var expected = -(Math.Log(0.7) + Math.Log(0.3) + Math.Log(0.5) + Math.Log(0.4)
                         + Math.Log(0.8) + Math.Log(0.25) + Math.Log(0.6)) / 7;
        MetricAssert.Near(expected, SevenSamples().LogLoss);
    }

    [Fact]
    public void Log_loss_renormalizes_rows_that_do_not_sum_to_one()
    {
        // Row sums 0.5: the true class's share is 0.2 / 0.5 = 0.4, as scikit-learn 1.2.1 renormalizes.
        var accumulator = new MulticlassMetricsAccumulator(Abc);
        accumulator.Add(1, [0.1, 0.2, 0.2]);
        MetricAssert.Near(-Math.Log(0.4), accumulator.Compute().LogLoss);
    }

    [Fact]
    public void Log_loss_clips_a_zero_probability_to_float64_epsilon()
    {
        // [0, 1, 0] with truth A: clipped to [2⁻⁵², 1 − 2⁻⁵², 2⁻⁵²], whose sum is 1 + 2⁻⁵².
        var accumulator = new MulticlassMetricsAccumulator(Abc);
        accumulator.Add(0, [0.0, 1.0, 0.0]);
        var eps = Math.Pow(2, -52);
        MetricAssert.Near(-Math.Log(eps / (1 + eps)), accumulator.Compute().LogLoss, 1e-9);
    }

    [Fact]
    public void One_vs_rest_roc_auc_counts_positive_over_negative_pairs()
    {
        // Column A: positives 0.7, 0.3, 0.6 against negatives 0.2, 0.1, 0.1, 0.5 → 4 + 3 + 4 = 11 of 12 pairs.
        // Column B: positives 0.5, 0.4 against 0.2, 0.6, 0.1, 0.25, 0.3 → 4 + 4 = 8 of 10.
        // Column C: positives 0.8, 0.25 against 0.1, 0.1, 0.3, 0.5, 0.1 → 5 + 3 = 8 of 10.
        var m = SevenSamples();
        MetricAssert.Near((11.0 / 12 + 0.8 + 0.8) / 3, m.RocAucMacro);
        MetricAssert.Near((11.0 / 12 * 3 + 0.8 * 2 + 0.8 * 2) / 7, m.RocAucWeighted);
    }

    [Fact]
    public void Top3_accuracy_is_undefined_with_three_classes()
    {
        var m = SevenSamples();
        MetricAssert.Undefined(m.Top3Accuracy, m.UndefinedReasons, nameof(m.Top3Accuracy), "number of classes (3)");
    }

    [Fact]
    public void Ties_go_to_the_first_class_for_argmax_but_to_the_last_for_top3()
    {
        // All four scores equal. numpy's argmax picks class 0; scikit-learn's top-k reverses a
        // stable ascending sort, ranking 3, 2, 1, 0, so class 0 falls outside the top 3.
        var accumulator = new MulticlassMetricsAccumulator(["A", "B", "C", "D"]);
        accumulator.Add(0, [0.25, 0.25, 0.25, 0.25]);
        accumulator.Add(3, [0.25, 0.25, 0.25, 0.25]);
        var m = accumulator.Compute();

        Assert.Equal(1, m.ConfusionMatrix[0, 0]);
        Assert.Equal(1, m.ConfusionMatrix[3, 0]);
        MetricAssert.Near(0.5, m.Accuracy);
        MetricAssert.Near(0.5, m.Top3Accuracy);
    }

    [Fact]
    public void A_class_missing_from_the_truth_makes_roc_auc_undefined_and_scores_zero()
    {
        // C never occurs and is never predicted: its precision and recall are 0 (zero_division=0),
        // it still counts in macro averages, balanced accuracy leaves it out, ROC AUC is undefined.
        var accumulator = new MulticlassMetricsAccumulator(Abc);
        accumulator.Add(0, [0.8, 0.1, 0.1]);
        accumulator.Add(1, [0.6, 0.3, 0.1]);
        accumulator.Add(1, [0.2, 0.7, 0.1]);
        var m = accumulator.Compute();

        Assert.Equal(new ClassMetrics("C", 0, 0, 0, 0), m.PerClass[2]);
        // A: tp 1 of 2 predicted, 1 actual → P 1/2, R 1, F1 2/3. B: tp 1 of 1 predicted, 2 actual → P 1, R 1/2, F1 2/3.
        MetricAssert.Near((0.5 + 1 + 0) / 3, m.PrecisionMacro);
        MetricAssert.Near((1 + 0.5) / 2, m.BalancedAccuracy);
        MetricAssert.Undefined(m.RocAucMacro, m.UndefinedReasons, nameof(m.RocAucMacro), "'C'");
        MetricAssert.Undefined(m.RocAucWeighted, m.UndefinedReasons, nameof(m.RocAucWeighted), "'C'");
    }

    [Fact]
    public void Results_serialize_to_json_with_their_counts_and_reasons()
    {
        // Evaluation reports are written with System.Text.Json; the matrix must carry its counts.
        var json = JsonSerializer.Serialize(SevenSamples());
        Assert.Contains("\"Counts\":[[2,1,0],[0,1,1],[1,0,1]]", json, StringComparison.Ordinal);
        Assert.Contains("\"Top3Accuracy\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"UndefinedReasons\":{\"Top3Accuracy\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Float_and_double_inputs_agree()
    {
        var fromFloats = new MulticlassMetricsAccumulator(Abc);
        var fromDoubles = new MulticlassMetricsAccumulator(Abc);
        fromFloats.Add(2, [0.25f, 0.25f, 0.5f]);
        fromDoubles.Add(2, [0.25, 0.25, 0.5]);
        Assert.Equal(fromDoubles.Compute().LogLoss, fromFloats.Compute().LogLoss);
    }

    [Fact]
    public void Bad_input_is_rejected_where_it_is_added()
    {
        var accumulator = new MulticlassMetricsAccumulator(Abc);
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add(3, [0.2, 0.3, 0.5]));
        Assert.Throws<ArgumentException>(() => accumulator.Add(0, [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => accumulator.Add(0, [double.NaN, 0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => new MulticlassMetricsAccumulator(["only"]));
        Assert.Equal(0, accumulator.Count);
    }
}
