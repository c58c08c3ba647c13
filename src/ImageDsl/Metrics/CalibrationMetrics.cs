namespace ImageDsl.Metrics;

/// <summary>One bin of a reliability diagram: the images whose confidence fell in (<see cref="Lower"/>, <see cref="Upper"/>].</summary>
/// <param name="Lower">The bin's lower edge (excluded; the first bin includes 0).</param>
/// <param name="Upper">The bin's upper edge (included).</param>
/// <param name="Count">Images in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence (NaN when empty).</param>
/// <param name="Accuracy">The share of them predicted right (NaN when empty).</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// How far predicted probabilities are from observed frequencies.
/// </summary>
/// <param name="Count">Images scored.</param>
/// <param name="ExpectedCalibrationError">
/// Top-label ECE (Guo et al. 2017): images binned by their top probability into equal-width bins,
/// Σ (bin share) × |bin accuracy − bin mean confidence|.
/// </param>
/// <param name="MaximumCalibrationError">The largest |accuracy − mean confidence| over non-empty bins.</param>
/// <param name="Brier">
/// Mean squared error of the probabilities: for a yes/no target scikit-learn's <c>brier_score_loss</c>,
/// mean (p − y)²; for a multi-class target Brier's own multi-class score, mean over images of
/// Σ over labels (p − y)² (twice the binary figure for two labels).
/// </param>
/// <param name="Bins">The reliability diagram's bins, in order.</param>
public sealed record CalibrationMetrics(int Count, double ExpectedCalibrationError, double MaximumCalibrationError, double Brier, IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>Equal-width confidence bins, as Guo et al. use.</summary>
    public const int DefaultBins = 15;

    /// <summary>Calibration of a multi-class target from each image's probabilities and true label index.</summary>
    public static CalibrationMetrics MultiClass(IReadOnlyList<IReadOnlyList<float>> probabilities, IReadOnlyList<int> truths, int bins = DefaultBins)
    {
        Check(probabilities.Count, truths.Count, bins);
        var confidence = new double[truths.Count];
        var correct = new bool[truths.Count];
        var brier = new CompensatedSum();
        for (int i = 0; i < truths.Count; i++)
        {
            var p = probabilities[i];
            int top = 0;
            for (int k = 1; k < p.Count; k++) if (p[k] > p[top]) top = k;
            confidence[i] = p[top];
            correct[i] = top == truths[i];
            double squares = 0;
            for (int k = 0; k < p.Count; k++)
            {
                double error = p[k] - (k == truths[i] ? 1.0 : 0.0);
                squares += error * error;
            }
            brier.Add(squares);
        }
        return Binned(confidence, correct, brier.Value / Math.Max(1, truths.Count), bins);
    }

    /// <summary>
    /// Calibration of a yes/no answer from each image's probability of yes: the top label is yes when
    /// p ≥ 0.5 (its confidence p), else no (its confidence 1 − p).
    /// </summary>
    public static CalibrationMetrics Binary(IReadOnlyList<float> probabilities, IReadOnlyList<bool> truths, int bins = DefaultBins)
    {
        Check(probabilities.Count, truths.Count, bins);
        var confidence = new double[truths.Count];
        var correct = new bool[truths.Count];
        var brier = new CompensatedSum();
        for (int i = 0; i < truths.Count; i++)
        {
            double p = probabilities[i];
            bool yes = p >= 0.5;
            confidence[i] = yes ? p : 1 - p;
            correct[i] = yes == truths[i];
            double error = p - (truths[i] ? 1.0 : 0.0);
            brier.Add(error * error);
        }
        return Binned(confidence, correct, brier.Value / Math.Max(1, truths.Count), bins);
    }

    private static void Check(int probabilities, int truths, int bins)
    {
        if (probabilities != truths) throw new ArgumentException($"{probabilities} probabilities for {truths} true values.");
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "At least one bin.");
    }

    private static CalibrationMetrics Binned(double[] confidence, bool[] correct, double brier, int binCount)
    {
        var count = new int[binCount];
        var confidenceSum = new double[binCount];
        var right = new int[binCount];
        for (int i = 0; i < confidence.Length; i++)
        {
            // Bin b holds (b/B, (b+1)/B]; a confidence of exactly 0 goes in the first.
            int b = Math.Clamp((int)Math.Ceiling(confidence[i] * binCount) - 1, 0, binCount - 1);
            count[b]++;
            confidenceSum[b] += confidence[i];
            if (correct[i]) right[b]++;
        }
        double ece = 0, mce = 0;
        var bins = new ReliabilityBin[binCount];
        for (int b = 0; b < binCount; b++)
        {
            double mean = count[b] > 0 ? confidenceSum[b] / count[b] : double.NaN;
            double accuracy = count[b] > 0 ? (double)right[b] / count[b] : double.NaN;
            bins[b] = new ReliabilityBin((double)b / binCount, (double)(b + 1) / binCount, count[b], mean, accuracy);
            if (count[b] == 0) continue;
            double gap = Math.Abs(accuracy - mean);
            ece += gap * count[b] / confidence.Length;
            mce = Math.Max(mce, gap);
        }
        return new CalibrationMetrics(confidence.Length, ece, mce, brier, bins);
    }
}
