namespace ImageDsl.Metrics;

/// <summary>
/// Per-sample cross-entropy as scikit-learn 1.2.1's <c>log_loss</c> computes it: clip every
/// probability to [ε, 1 − ε], renormalize the row to sum to 1, then take −log of the true
/// class's share. ε is 1.2.1's default <c>eps="auto"</c>, the machine epsilon of float64
/// (2⁻⁵²); the shared fixtures confirm it (a score of exactly 0 for a positive costs
/// −log(2⁻⁵²) ≈ 36.04, not −log(1e-15) ≈ 34.54). The renormalization matters when
/// rows sum to slightly less than 1.
/// </summary>
internal static class LogLoss
{
    /// <summary>2⁻⁵², numpy's <c>np.finfo(np.float64).eps</c>.</summary>
    public const double Epsilon = 2.220446049250313e-16;

    public static double Clip(double probability) => Math.Clamp(probability, Epsilon, 1 - Epsilon);

    /// <summary>Loss of one multiclass sample.</summary>
    public static double Multiclass(int trueClass, ReadOnlySpan<double> probabilities)
    {
        var rowSum = 0.0;
        foreach (var p in probabilities)
        {
            rowSum += Clip(p);
        }

        return -Math.Log(Clip(probabilities[trueClass]) / rowSum);
    }

    /// <summary>Loss of one binary sample given P(positive), as the two-column row [1 − p, p].</summary>
    public static double Binary(bool truth, double probabilityOfPositive)
    {
        var positive = Clip(probabilityOfPositive);
        var negative = 1 - positive;
        return -Math.Log((truth ? positive : negative) / (negative + positive));
    }
}
