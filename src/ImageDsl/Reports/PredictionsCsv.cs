using System.Text;
using ImageDsl.Evaluation;

namespace ImageDsl.Reports;

/// <summary>
/// Writes one target's per-image predictions as CSV (RFC 4180, invariant culture), so anyone
/// can recompute a metric or draw their own plot from the same numbers.
/// </summary>
internal static class PredictionsCsv
{
    public static void Write(string path, TargetEvaluation target)
    {
        var csv = new StringBuilder();
        switch (target)
        {
            case ClassificationEvaluation c:
                var labels = c.Metrics.Labels;
                csv.AppendLine(string.Join(",", new[] { "image", "actual", "predicted", "confidence" }.Concat(labels.Select(l => "p:" + l)).Select(Quote)));
                foreach (var s in c.Samples)
                {
                    csv.Append(Quote(s.ImagePath)).Append(',').Append(Quote(labels[s.TrueIndex])).Append(',').Append(Quote(labels[s.PredictedIndex]))
                        .Append(',').Append(Number(s.Confidence));
                    foreach (var p in s.Probabilities) csv.Append(',').Append(Number(p));
                    csv.AppendLine();
                }
                break;
            case RegressionEvaluation r:
                csv.AppendLine("image,actual,predicted,error");
                foreach (var s in r.Samples)
                    csv.AppendLine($"{Quote(s.ImagePath)},{Number(s.Actual)},{Number(s.Predicted)},{Number(s.Error)}");
                break;
            case BinaryEvaluation b:
                csv.AppendLine("image,actual,predicted,probability");
                foreach (var s in b.Samples)
                    csv.AppendLine($"{Quote(s.ImagePath)},{Quote(s.Actual ? b.PositiveLabel : b.NegativeLabel)},{Quote(s.Predicted ? b.PositiveLabel : b.NegativeLabel)},{Number(s.Probability)}");
                break;
            case MultiLabelEvaluation m:
                var names = m.Metrics.Labels;
                csv.AppendLine(string.Join(",", new[] { "image", "actual", "predicted" }.Concat(names.Select(l => "p:" + l)).Select(Quote)));
                foreach (var s in m.Samples)
                {
                    string Set(IReadOnlyList<bool> flags) => string.Join("|", names.Where((_, i) => flags[i]));
                    csv.Append(Quote(s.ImagePath)).Append(',').Append(Quote(Set(s.Actual))).Append(',').Append(Quote(Set(s.Predicted)));
                    foreach (var p in s.Probabilities) csv.Append(',').Append(Number(p));
                    csv.AppendLine();
                }
                break;
            case PeriodicEvaluation p:
                csv.AppendLine("image,actual,predicted,error");
                foreach (var s in p.Samples)
                    csv.AppendLine($"{Quote(s.ImagePath)},{Number(s.Actual)},{Number(s.Predicted)},{Number(s.Error)}");
                break;
            case VectorEvaluation v:
                csv.AppendLine(string.Join(",", new[] { "image" }.Concat(v.Components.Select(c => "actual:" + c)).Concat(v.Components.Select(c => "predicted:" + c))
                    .Concat(v.Box is null ? [] : ["iou"]).Select(Quote)));
                foreach (var s in v.Samples)
                {
                    csv.Append(Quote(s.ImagePath));
                    foreach (var a in s.Actual) csv.Append(',').Append(Number(a));
                    foreach (var p in s.Predicted) csv.Append(',').Append(Number(p));
                    if (s.IoU is { } iou) csv.Append(',').Append(Number(iou));
                    csv.AppendLine();
                }
                break;
            default:
                throw new NotSupportedException($"No predictions file for {target.GetType().Name}.");
        }
        File.WriteAllText(path, csv.ToString());
    }

    private static string Number(double value) => value.ToString("R", ReportFormat.Culture);

    private static string Number(float value) => value.ToString("R", ReportFormat.Culture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
