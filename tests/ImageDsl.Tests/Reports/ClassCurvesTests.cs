using ImageDsl.Evaluation;
using ImageDsl.Reports;
using static ImageDsl.Tests.Reports.ReportFixtures;

namespace ImageDsl.Tests.Reports;

public class ClassCurvesTests
{
    /// <summary>
    /// scikit-learn's example for roc_curve / precision_recall_curve: scores 0.1, 0.4, 0.35, 0.8
    /// for truth 0, 0, 1, 1 give ROC AUC 0.75 and average precision 0.8333….
    /// </summary>
    [Fact]
    public void Binary_curves_match_scikit_learn()
    {
        float[] scores = [0.1f, 0.4f, 0.35f, 0.8f];
        int[] truth = [0, 0, 1, 1];
        var samples = scores.Select((s, i) => new ClassificationSample($"{i}.png", truth[i], [1 - s, s])).ToArray();

        var positive = ClassCurves.Compute(Classification("T", ["no", "yes"], samples))[1];

        Assert.Equal([(0, 0), (0, 0.5), (0.5, 0.5), (0.5, 1), (1, 1)], positive.Roc);
        Assert.Equal(0.75, positive.RocAuc!.Value, 12);
        Assert.Equal(5.0 / 6, positive.AveragePrecision!.Value, 6);
        // Precision 1 until recall 0.5, then 2/3 up to full recall, where the curve stops.
        Assert.Equal([(0, 1), (0.5, 1), (0.5, 0.5), (0.5, 0.5), (0.5, 2.0 / 3), (1, 2.0 / 3)], positive.PrecisionRecall);
    }

    [Fact]
    public void Per_class_areas_agree_with_the_metrics()
    {
        var target = Digits();

        var curves = ClassCurves.Compute(target);

        Assert.Equal(target.Metrics.RocAucMacro!.Value, curves.Average(c => c.RocAuc!.Value), 12);
        foreach (var curve in curves)
        {
            // The drawn step curve has exactly the reported area: Σ ΔR · P.
            double area = 0;
            for (int i = 1; i < curve.PrecisionRecall.Count; i++)
                area += (curve.PrecisionRecall[i].X - curve.PrecisionRecall[i - 1].X) * curve.PrecisionRecall[i].Y;
            Assert.Equal(curve.AveragePrecision!.Value, area, 12);
            Assert.Equal((0.0, 0.0), curve.Roc[0]);
            Assert.Equal((1.0, 1.0), curve.Roc[^1]);
        }
    }

    [Fact]
    public void A_class_absent_from_the_truth_has_no_curve_and_says_why()
    {
        var target = Classification("T", ["a", "b", "c"], [Sample(0, 0, 0.8f, 3), Sample(1, 1, 0.7f, 3), Sample(0, 2, 0.5f, 3)]);

        var absent = ClassCurves.Compute(target)[2];

        Assert.Null(absent.RocAuc);
        Assert.Null(absent.AveragePrecision);
        Assert.Empty(absent.Roc);
        Assert.Empty(absent.PrecisionRecall);
        Assert.Contains("'c' never occurs in the truth", absent.RocAucReason);
        Assert.Contains("'c' never occurs in the truth", absent.AveragePrecisionReason);
    }
}
