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
