// TEMPORARY: placeholders until the metrics branch is merged; deleted then.
#pragma warning disable CS1591
namespace ImageDsl.Metrics;

public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
public sealed record MulticlassMetrics(double Accuracy, double BalancedAccuracy, double PrecisionMacro, double RecallMacro, double F1Macro, double? RocAucMacro, double LogLoss, IReadOnlyList<ClassMetrics> PerClass);
public sealed class MulticlassMetricsAccumulator(IReadOnlyList<string> labels)
{
    private int n, correct;
    public void Add(int trueClass, ReadOnlySpan<float> p) { n++; int best = 0; for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i; if (best == trueClass) correct++; }
    public MulticlassMetrics Compute() => new((double)correct / n, 0, 0, 0, 0, null, 0, labels.Select(l => new ClassMetrics(l, 0, 0, 0, 0)).ToArray());
}
public sealed record RegressionMetrics(double Mae, double Mse, double Rmse, double R2);
public sealed class RegressionMetricsAccumulator(int outputs, IReadOnlyList<string>? names = null)
{
    private double se, ae; private int n;
    public void Add(ReadOnlySpan<float> t, ReadOnlySpan<float> p) { for (int i = 0; i < outputs; i++) { var d = (double)t[i] - p[i]; se += d * d; ae += Math.Abs(d); } n++; _ = names; }
    public RegressionMetrics Compute() => new(ae / n, se / n, Math.Sqrt(se / n), 0);
}
