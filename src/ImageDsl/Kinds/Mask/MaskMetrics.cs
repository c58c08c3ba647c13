namespace ImageDsl.Metrics;

/// <summary>A mask's metrics over its non-ignored pixels, from the pixel confusion matrix of the whole dataset.</summary>
/// <param name="Pixels">Pixels scored.</param>
/// <param name="PixelAccuracy">Share of pixels whose class is right.</param>
/// <param name="ClassIoU">Per class: intersection over union, NaN for a class neither true nor predicted anywhere.</param>
/// <param name="MeanIoU">The mean of the defined per-class IoUs.</param>
/// <param name="ClassDice">Per class: 2·TP / (2·TP + FP + FN), NaN when undefined.</param>
/// <param name="MeanDice">The mean of the defined per-class Dice coefficients.</param>
public sealed record MaskMetrics(long Pixels, double PixelAccuracy, IReadOnlyList<double> ClassIoU, double MeanIoU, IReadOnlyList<double> ClassDice, double MeanDice);

/// <summary>Accumulates a mask's pixel confusion matrix (rows truth, columns prediction) and computes <see cref="MaskMetrics"/>.</summary>
public sealed class MaskMetricsAccumulator(int classes)
{
    private readonly long[,] confusion = new long[classes, classes];

    /// <summary>Adds one image's true class indices (negative: ignored) and predicted ones; returns its pixel accuracy (NaN with no scored pixel).</summary>
    public double Add(ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted)
    {
        long right = 0, count = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            int t = (int)truth[i];
            if (t < 0) continue;
            int p = (int)predicted[i];
            confusion[t, p]++;
            count++;
            if (t == p) right++;
        }
        return count == 0 ? double.NaN : (double)right / count;
    }

    /// <summary>The metrics so far.</summary>
    public MaskMetrics Compute()
    {
        long total = 0, right = 0;
        var iou = new double[classes];
        var dice = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            long tp = confusion[c, c], fp = 0, fn = 0;
            for (int k = 0; k < classes; k++)
            {
                total += confusion[c, k];
                if (k == c) continue;
                fn += confusion[c, k];
                fp += confusion[k, c];
            }
            right += tp;
            iou[c] = tp + fp + fn == 0 ? double.NaN : (double)tp / (tp + fp + fn);
            dice[c] = tp + fp + fn == 0 ? double.NaN : 2.0 * tp / (2 * tp + fp + fn);
        }
        static double Mean(double[] v) => v.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
        return new MaskMetrics(total, total == 0 ? double.NaN : (double)right / total, iou, Mean(iou), dice, Mean(dice));
    }
}
