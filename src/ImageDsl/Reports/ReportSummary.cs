using ImageDsl.Evaluation;

namespace ImageDsl.Reports;

/// <summary>
/// The overall view of a multi-target evaluation: per target its kind, loss weight and headline
/// metrics (those its attribute names with <c>Metrics = ...</c>, else the kind's defaults).
/// </summary>
internal static class ReportSummary
{
    /// <summary>The kind's name as reports write it.</summary>
    public static string Kind(TargetEvaluation target) => target.Target?.KindName ?? target switch
    {
        ClassificationEvaluation => "classification",
        BinaryEvaluation => "binary",
        MultiLabelEvaluation => "multilabel",
        RegressionEvaluation => "regression",
        PeriodicEvaluation => "periodic",
        VectorEvaluation { Box: not null } => "box",
        VectorEvaluation => "vector",
        _ => target.GetType().Name,
    };

    /// <summary>The headline metrics of <paramref name="target"/>, by JSON name, with their values (null when undefined).</summary>
    public static IReadOnlyList<(string Name, double? Value)> Headline(TargetEvaluation target)
    {
        var metrics = target.Target?.HeadlineMetrics ?? Defaults(target);
        return metrics.Select(m => (ReportFormat.CamelCase(m.ToString()), Value(target, m))).ToArray();
    }

    private static IReadOnlyList<Metric> Defaults(TargetEvaluation target) => target switch
    {
        ClassificationEvaluation => [Metric.Accuracy, Metric.F1],
        BinaryEvaluation => [Metric.Accuracy, Metric.F1, Metric.RocAuc],
        MultiLabelEvaluation => [Metric.SubsetAccuracy, Metric.HammingLoss, Metric.F1],
        VectorEvaluation { Box: not null } => [Metric.MeanIoU, Metric.Mae],
        _ => [Metric.Mae, Metric.Rmse],
    };

    /// <summary>The value of <paramref name="metric"/> for <paramref name="target"/>; macro averages for multi-class and multi-label targets.</summary>
    public static double? Value(TargetEvaluation target, Metric metric) => (target, metric) switch
    {
        (ClassificationEvaluation c, Metric.Accuracy) => c.Metrics.Accuracy,
        (ClassificationEvaluation c, Metric.BalancedAccuracy) => c.Metrics.BalancedAccuracy,
        (ClassificationEvaluation c, Metric.Precision) => c.Metrics.PrecisionMacro,
        (ClassificationEvaluation c, Metric.Recall) => c.Metrics.RecallMacro,
        (ClassificationEvaluation c, Metric.F1) => c.Metrics.F1Macro,
        (ClassificationEvaluation c, Metric.RocAuc) => c.Metrics.RocAucMacro,
        (ClassificationEvaluation c, Metric.LogLoss) => c.Metrics.LogLoss,
        (BinaryEvaluation b, Metric.Accuracy) => b.Metrics.Accuracy,
        (BinaryEvaluation b, Metric.Precision) => b.Metrics.Precision,
        (BinaryEvaluation b, Metric.Recall) => b.Metrics.Recall,
        (BinaryEvaluation b, Metric.F1) => b.Metrics.F1,
        (BinaryEvaluation b, Metric.RocAuc) => b.Metrics.RocAuc,
        (BinaryEvaluation b, Metric.LogLoss) => b.Metrics.LogLoss,
        (MultiLabelEvaluation m, Metric.SubsetAccuracy) => m.Metrics.SubsetAccuracy,
        (MultiLabelEvaluation m, Metric.HammingLoss) => m.Metrics.HammingLoss,
        (MultiLabelEvaluation m, Metric.Precision) => m.Metrics.PrecisionMacro,
        (MultiLabelEvaluation m, Metric.Recall) => m.Metrics.RecallMacro,
        (MultiLabelEvaluation m, Metric.F1) => m.Metrics.F1Macro,
        (MultiLabelEvaluation m, Metric.RocAuc) => m.Metrics.RocAucMacro,
        (RegressionEvaluation r, Metric.Mae) => r.Metrics.Mae,
        (RegressionEvaluation r, Metric.Rmse) => r.Metrics.Rmse,
        (RegressionEvaluation r, Metric.R2) => r.Metrics.R2,
        (RegressionEvaluation r, Metric.MaxError) => r.Metrics.MaxError,
        (PeriodicEvaluation p, Metric.Mae) => p.Metrics.Mae,
        (PeriodicEvaluation p, Metric.Rmse) => p.Metrics.Rmse,
        (PeriodicEvaluation p, Metric.MaxError) => p.Metrics.MaxError,
        (VectorEvaluation v, Metric.Mae) => v.Metrics.Mae,
        (VectorEvaluation v, Metric.Rmse) => v.Metrics.Rmse,
        (VectorEvaluation v, Metric.R2) => v.Metrics.R2,
        (VectorEvaluation v, Metric.MeanIoU) => v.Metrics.MeanIoU,
        _ => null,
    };
}
