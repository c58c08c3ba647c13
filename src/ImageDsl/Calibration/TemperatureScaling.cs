namespace ImageDsl.Calibration;

/// <summary>
/// Temperature scaling (Guo, Pleiss, Sun &amp; Weinberger 2017): one positive number T per
/// classifier that divides its logits before the softmax or sigmoid, chosen to minimise the
/// negative log-likelihood of held-out data. It leaves the predicted label unchanged (the order of
/// the logits is kept) and only makes the probabilities say how often they are right.
/// </summary>
/// <remarks>
/// The log-likelihood is concave in 1/T, so a golden-section search on log(1/T) over a wide bracket
/// finds the optimum without derivatives; it runs in double precision on the CPU over the logits
/// already computed, which costs milliseconds beside the forward pass that produced them.
/// </remarks>
public static class TemperatureScaling
{
    /// <summary>The search bracket: temperatures from 1/50 to 50.</summary>
    private const double LowestLogInverse = -3.912023005428146, HighestLogInverse = 3.912023005428146; // ln(1/50), ln(50)
    private const int Iterations = 80; // the bracket shrinks by 0.618 each: far below float precision

    /// <summary>The temperature of a softmax classifier: <paramref name="logits"/> is row-major <c>[count, classes]</c>.</summary>
    public static double FitSoftmax(ReadOnlySpan<float> logits, ReadOnlySpan<int> truths, int classes)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "At least two classes.");
        if (logits.Length != truths.Length * classes) throw new ArgumentException($"{logits.Length} logits for {truths.Length} images of {classes} classes.");
        var rows = logits.ToArray();
        var labels = truths.ToArray();
        return Fit(beta => SoftmaxLoss(rows, labels, classes, beta), labels.Length);
    }

    /// <summary>The temperature of a sigmoid (yes/no) output: one logit and one truth per image.</summary>
    public static double FitSigmoid(ReadOnlySpan<float> logits, ReadOnlySpan<bool> truths)
    {
        if (logits.Length != truths.Length) throw new ArgumentException($"{logits.Length} logits for {truths.Length} images.");
        var z = logits.ToArray();
        var y = truths.ToArray();
        return Fit(beta => SigmoidLoss(z, y, beta), y.Length);
    }

    /// <summary>Mean softmax negative log-likelihood with logits multiplied by <paramref name="beta"/> (1/T).</summary>
    public static double SoftmaxLoss(float[] logits, int[] truths, int classes, double beta)
    {
        double total = 0;
        for (int i = 0; i < truths.Length; i++)
        {
            int row = i * classes;
            double max = double.NegativeInfinity;
            for (int k = 0; k < classes; k++) max = Math.Max(max, beta * logits[row + k]);
            double sum = 0;
            for (int k = 0; k < classes; k++) sum += Math.Exp(beta * logits[row + k] - max);
            total += max + Math.Log(sum) - beta * logits[row + truths[i]];
        }
        return total / Math.Max(1, truths.Length);
    }

    /// <summary>Mean binary cross-entropy with the logit multiplied by <paramref name="beta"/> (1/T).</summary>
    public static double SigmoidLoss(float[] logits, bool[] truths, double beta)
    {
        double total = 0;
        for (int i = 0; i < truths.Length; i++)
        {
            // -log σ(s) = softplus(-s), -log(1 - σ(s)) = softplus(s), written to stay finite for large |s|.
            double s = beta * logits[i] * (truths[i] ? -1 : 1);
            total += Math.Max(s, 0) + Math.Log(1 + Math.Exp(-Math.Abs(s)));
        }
        return total / Math.Max(1, truths.Length);
    }

    private static double Fit(Func<double, double> loss, int count)
    {
        if (count == 0) throw new ArgumentException("Calibration needs at least one image.");
        double a = LowestLogInverse, b = HighestLogInverse;
        double golden = (Math.Sqrt(5) - 1) / 2;
        double c = b - golden * (b - a), d = a + golden * (b - a);
        double fc = loss(Math.Exp(c)), fd = loss(Math.Exp(d));
        for (int i = 0; i < Iterations; i++)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - golden * (b - a); fc = loss(Math.Exp(c)); }
            else { a = c; c = d; fc = fd; d = a + golden * (b - a); fd = loss(Math.Exp(d)); }
        }
        return 1 / Math.Exp((a + b) / 2);
    }
}
