using ImageDsl.Evaluation;

namespace ImageDsl.Reports;

/// <summary>Worst-prediction contact sheets of the binary, multi-label, periodic and vector target kinds.</summary>
internal static class ReportWorstKinds
{
    public static (string Title, IReadOnlyList<SheetItem> Items)? Sheet(TargetEvaluation target, int count)
    {
        switch (target)
        {
            case BinaryEvaluation b:
            {
                string Name(bool value) => value ? b.PositiveLabel : b.NegativeLabel;
                var worst = b.Samples.Where(s => !s.IsCorrect).OrderBy(s => s.TrueProbability).Take(count).ToArray();
                return ($"{b.Name}: the {worst.Length} most confident mistakes",
                    worst.Select(s => new SheetItem(s.ImagePath, $"true: {Name(s.Actual)}", $"pred: {Name(s.Predicted)} (p {ReportFormat.Percent(s.Probability)})")).ToArray());
            }
            case MultiLabelEvaluation m:
            {
                var labels = m.Metrics.Labels;
                string Set(IReadOnlyList<bool> flags) => string.Join("|", labels.Where((_, i) => flags[i])) is { Length: > 0 } text ? text : "none";
                var worst = m.Samples.Where(s => s.Mistakes > 0).OrderByDescending(s => s.Mistakes).Take(count).ToArray();
                return ($"{m.Name}: the {worst.Length} images with most wrong labels",
                    worst.Select(s => new SheetItem(s.ImagePath, $"true: {Set(s.Actual)}", $"pred: {Set(s.Predicted)}")).ToArray());
            }
            case PeriodicEvaluation p:
            {
                var worst = p.Samples.OrderByDescending(s => Math.Abs(s.Error)).Take(count).ToArray();
                return ($"{p.Name}: the {worst.Length} largest circular errors{ReportFormat.UnitSuffix(p.Unit)}",
                    worst.Select(s => new SheetItem(s.ImagePath, $"true: {ReportFormat.Value(s.Actual)}", $"pred: {ReportFormat.Value(s.Predicted)}",
                        $"error: {ReportFormat.Value(s.Error)}")).ToArray());
            }
            case VectorEvaluation v:
            {
                var worst = (v.Box is null ? v.Samples.OrderByDescending(s => s.MeanAbsoluteError) : v.Samples.OrderBy(s => s.IoU)).Take(count).ToArray();
                string Show(IReadOnlyList<float> values) => string.Join(" ", values.Select(x => ReportFormat.Value(x)));
                return (v.Box is null ? $"{v.Name}: the {worst.Length} largest mean absolute errors" : $"{v.Name}: the {worst.Length} lowest IoUs",
                    worst.Select(s => new SheetItem(s.ImagePath, $"true: {Show(s.Actual)}", $"pred: {Show(s.Predicted)}",
                        s.IoU is { } iou ? $"IoU {ReportFormat.Metric(iou)}" : $"MAE {ReportFormat.Value(s.MeanAbsoluteError)}")).ToArray());
            }
            default:
                return null;
        }
    }
}
