namespace ImageDsl.Metrics;

/// <summary>
/// Precision, recall and F1 from counts, and their macro, weighted and micro averages,
/// following scikit-learn 1.2.1's <c>precision_recall_fscore_support</c> with
/// <c>zero_division=0</c>. F1 is computed from the (already zero-substituted) precision and
/// recall, as scikit-learn 1.2.1 does, so it is 0 whenever either is.
/// </summary>
internal readonly record struct PrecisionRecallF1(double Precision, double Recall, double F1)
{
    public static PrecisionRecallF1 FromCounts(long truePositives, long predicted, long actual)
    {
        var precision = Ratio(truePositives, predicted);
        var recall = Ratio(truePositives, actual);
        return new(precision, recall, HarmonicMean(precision, recall));
    }

    /// <summary>Per-class scores, in the order of <paramref name="labels"/>.</summary>
    public static IReadOnlyList<ClassMetrics> PerClass(
        IReadOnlyList<string> labels, long[] truePositives, long[] predicted, long[] actual)
    {
        var result = new ClassMetrics[labels.Count];
        for (var c = 0; c < result.Length; c++)
        {
            var scores = FromCounts(truePositives[c], predicted[c], actual[c]);
            result[c] = new ClassMetrics(labels[c], scores.Precision, scores.Recall, scores.F1, actual[c]);
        }

        return result;
    }

    /// <summary>Unweighted mean over classes, absent classes included (they count as 0).</summary>
    public static PrecisionRecallF1 Macro(IReadOnlyList<ClassMetrics> perClass) =>
        new(perClass.Average(c => c.Precision), perClass.Average(c => c.Recall), perClass.Average(c => c.F1));

    /// <summary>Mean over classes weighted by support; all 0 when no class has support.</summary>
    public static PrecisionRecallF1 Weighted(IReadOnlyList<ClassMetrics> perClass)
    {
        double totalSupport = perClass.Sum(c => c.Support);
        if (totalSupport == 0)
        {
            return new(0, 0, 0);
        }

        return new(
            perClass.Sum(c => c.Precision * c.Support) / totalSupport,
            perClass.Sum(c => c.Recall * c.Support) / totalSupport,
            perClass.Sum(c => c.F1 * c.Support) / totalSupport);
    }

    /// <summary>Scores of the pooled counts of every class.</summary>
    public static PrecisionRecallF1 Micro(long[] truePositives, long[] predicted, long[] actual) =>
        FromCounts(truePositives.Sum(), predicted.Sum(), actual.Sum());

    public static double Ratio(long numerator, long denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;

    public static double HarmonicMean(double precision, double recall) =>
        precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
}
