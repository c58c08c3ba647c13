using ImageDsl.Evaluation;

namespace ImageDsl.Reports;

/// <summary>
/// The overall view of a multi-target evaluation: per target its kind, loss weight and headline
/// metrics (those its attribute names with <c>Metrics = ...</c>, else the kind's defaults).
/// </summary>
internal static class ReportSummary
{
    /// <summary>The headline metrics of <paramref name="target"/>, by JSON name, with their values (null when undefined).</summary>
    public static IReadOnlyList<(string Name, double? Value)> Headline(TargetEvaluation target) =>
        target.HeadlineMetrics.Select(m => (ReportFormat.CamelCase(m.ToString()), target.Headline(m))).ToArray();
}
