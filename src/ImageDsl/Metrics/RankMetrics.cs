namespace ImageDsl.Metrics;

/// <summary>
/// Threshold-free metrics of a binary ranking: ROC AUC and average precision, computed the
/// way scikit-learn 1.2.1 does. Both walk the distinct score values from the highest down
/// (tied scores form one threshold), so neither depends on the order samples arrived in.
/// </summary>
internal static class RankMetrics
{
    /// <summary>Reason given when one class is missing from the truth.</summary>
    public const string OneClassReason =
        "only one class present in y_true: ROC AUC is not defined in that case";

    /// <summary>
    /// Area under the ROC curve by the trapezoid rule over distinct thresholds, i.e. the
    /// Mann–Whitney probability that a positive outranks a negative, ties counting one half.
    /// Null when the truth holds only one class. Sorts both arrays in place.
    /// </summary>
    public static double? RocAuc(double[] scores, bool[] positives)
    {
        var curve = Curve(scores, positives);
        var (positiveTotal, negativeTotal) = Totals(curve);
        if (positiveTotal == 0 || negativeTotal == 0)
        {
            return null;
        }

        // Twice the trapezoid area in units of (one negative × one positive): an exact integer.
        long twiceArea = 0;
        long previousTp = 0, previousFp = 0;
        foreach (var (tp, fp) in curve)
        {
            twiceArea += (fp - previousFp) * (tp + previousTp);
            (previousTp, previousFp) = (tp, fp);
        }

        return twiceArea / (2.0 * positiveTotal * negativeTotal);
    }

    /// <summary>
    /// Average precision: Σ (Rₙ − Rₙ₋₁)·Pₙ over distinct thresholds, the step-wise sum
    /// scikit-learn uses (no interpolation). Null when there is no positive sample, since
    /// recall is then undefined (scikit-learn warns and reports 0 there).
    /// Sorts both arrays in place.
    /// </summary>
    public static double? AveragePrecision(double[] scores, bool[] positives)
    {
        var curve = Curve(scores, positives);
        var (positiveTotal, _) = Totals(curve);
        if (positiveTotal == 0)
        {
            return null;
        }

        var sum = 0.0;
        long previousTp = 0;
        foreach (var (tp, fp) in curve)
        {
            var recallStep = (double)(tp - previousTp) / positiveTotal;
            sum += recallStep * ((double)tp / (tp + fp));
            previousTp = tp;
        }

        return sum;
    }

    private static (long Positives, long Negatives) Totals(List<(long Tp, long Fp)> curve) =>
        curve.Count == 0 ? (0, 0) : curve[^1];

    /// <summary>Cumulative true and false positives at each distinct score, highest first.</summary>
    private static List<(long Tp, long Fp)> Curve(double[] scores, bool[] positives)
    {
        if (scores.Length != positives.Length)
        {
            throw new ArgumentException("Scores and truth must have the same length.", nameof(positives));
        }

        Array.Sort(scores, positives);
        var curve = new List<(long Tp, long Fp)>();
        long tp = 0, fp = 0;
        for (var i = scores.Length - 1; i >= 0; i--)
        {
            if (positives[i])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            // A threshold ends where the next (lower) score differs, or at the last sample.
            if (i == 0 || scores[i - 1] != scores[i])
            {
                curve.Add((tp, fp));
            }
        }

        return curve;
    }
}
