namespace ImageDsl.Metrics;

/// <summary>
/// Precision, recall and F1 of one class (or one label of a multi-label task), with
/// scikit-learn's <c>zero_division=0</c>: a ratio whose denominator is 0 is reported as 0.
/// </summary>
/// <param name="Label">The class name.</param>
/// <param name="Precision">True positives over predicted positives (0 when nothing was predicted as this class).</param>
/// <param name="Recall">True positives over actual positives (0 when the class never occurs).</param>
/// <param name="F1">Harmonic mean of precision and recall (0 when both are 0).</param>
/// <param name="Support">How many samples truly belong to the class.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, long Support);
