using ImageDsl.Evaluation;
using ImageDsl.Metrics;

namespace ImageDsl.Reports;

/// <summary>
/// One class's one-vs-rest ranking figures: ROC and precision-recall curves and their areas,
/// each area null with a reason when the truth makes it undefined.
/// </summary>
/// <param name="Label">The class.</param>
/// <param name="Index">The class's index.</param>
/// <param name="Positives">Images of the class.</param>
/// <param name="Roc">(false positive rate, true positive rate) from (0, 0) to (1, 1); empty when undefined.</param>
/// <param name="PrecisionRecall">(recall, precision) vertices of the step curve whose area is the average precision; empty when undefined.</param>
/// <param name="RocAuc">Area under <paramref name="Roc"/>, as the metrics compute it.</param>
/// <param name="RocAucReason">Why <paramref name="RocAuc"/> is null.</param>
/// <param name="AveragePrecision">Average precision, as scikit-learn computes it.</param>
/// <param name="AveragePrecisionReason">Why <paramref name="AveragePrecision"/> is null.</param>
internal sealed record ClassCurve(
    string Label, int Index, int Positives,
    IReadOnlyList<(double X, double Y)> Roc, IReadOnlyList<(double X, double Y)> PrecisionRecall,
    double? RocAuc, string? RocAucReason, double? AveragePrecision, string? AveragePrecisionReason);

/// <summary>Computes <see cref="ClassCurve"/>s from an evaluation's per-image records.</summary>
internal static class ClassCurves
{
    public const string NoSamplesReason = "the evaluation kept no per-image predictions";

    public static IReadOnlyList<ClassCurve> Compute(ClassificationEvaluation target)
    {
        var labels = target.Metrics.Labels;
        var samples = target.Samples;
        var curves = new ClassCurve[labels.Count];
        for (int c = 0; c < labels.Count; c++)
        {
            var scores = samples.Select(s => (double)s.Probabilities[c]).ToArray();
            var positives = samples.Select(s => s.TrueIndex == c).ToArray();
            curves[c] = ForClass(labels[c], c, scores, positives);
        }
        return curves;
    }

    /// <summary>The one curve of a yes/no target: its true value against the rest, ranked by the model's score of true.</summary>
    public static ClassCurve Binary(string positiveLabel, IReadOnlyList<(double Score, bool Actual)> samples) =>
        ForClass(positiveLabel, 1, samples.Select(s => s.Score).ToArray(), samples.Select(s => s.Actual).ToArray());

    private static ClassCurve ForClass(string label, int index, double[] scores, bool[] positives)
    {
        int p = positives.Count(x => x), n = positives.Length - p;
        string? rocReason = null, apReason = null;
        if (positives.Length == 0) rocReason = apReason = NoSamplesReason;
        else if (p == 0)
        {
            rocReason = $"'{label}' never occurs in the truth: one-vs-rest ROC AUC needs images of the class and of other classes";
            apReason = $"'{label}' never occurs in the truth: recall, and so average precision, is undefined";
        }
        else if (n == 0) rocReason = $"every image is '{label}': one-vs-rest ROC AUC needs images of other classes too";

        // The areas come from the metrics' own code so the legend matches the metrics exactly;
        // it sorts its arguments in place, hence the copies.
        var auc = rocReason is null ? RankMetrics.RocAuc((double[])scores.Clone(), (bool[])positives.Clone()) : null;
        var ap = apReason is null ? RankMetrics.AveragePrecision((double[])scores.Clone(), (bool[])positives.Clone()) : null;
        var (roc, pr) = Walk(scores, positives, p, n);
        return new ClassCurve(label, index, p, rocReason is null ? roc : [], apReason is null ? pr : [], auc, rocReason, ap, apReason);
    }

    /// <summary>
    /// Walks the distinct scores from the highest down; tied scores form one threshold, as in
    /// scikit-learn's curves. The ROC curve goes on to (1, 1); the precision-recall curve stops
    /// at full recall, as scikit-learn's does, since lower thresholds only add false positives.
    /// </summary>
    private static (List<(double, double)> Roc, List<(double, double)> Pr) Walk(double[] scores, bool[] positives, int p, int n)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var roc = new List<(double, double)> { (0, 0) };
        var pr = new List<(double, double)>();
        long tp = 0, fp = 0;
        double previousRecall = 0;
        bool prDone = p == 0;
        for (int k = 0; k < order.Length; k++)
        {
            if (positives[order[k]]) tp++; else fp++;
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]]) continue;
            roc.Add((n == 0 ? 0 : (double)fp / n, p == 0 ? 0 : (double)tp / p));
            if (prDone) continue;
            double recall = (double)tp / p, precision = (double)tp / (tp + fp);
            // Precision holds over the recall step this threshold adds: the area is then exactly Σ ΔR·P.
            pr.Add((previousRecall, precision));
            pr.Add((recall, precision));
            previousRecall = recall;
            prDone = tp == p;
        }
        return (roc, pr);
    }
}
