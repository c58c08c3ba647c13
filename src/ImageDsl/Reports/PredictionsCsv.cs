using System.Text;
using ImageDsl.Evaluation;

namespace ImageDsl.Reports;

/// <summary>
/// Writes one target's per-image predictions as CSV (RFC 4180, invariant culture), so anyone
/// can recompute a metric or draw their own plot from the same numbers. Each kind writes its
/// own columns (<c>TargetEvaluation.WritePredictions</c>).
/// </summary>
internal static class PredictionsCsv
{
    public static void Write(string path, TargetEvaluation target)
    {
        var csv = new StringBuilder();
        target.WritePredictions(csv);
        File.WriteAllText(path, csv.ToString());
    }

    public static string Number(double value) => value.ToString("R", ReportFormat.Culture);

    public static string Number(float value) => value.ToString("R", ReportFormat.Culture);

    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>A header row of quoted names.</summary>
    public static void Header(StringBuilder csv, IEnumerable<string> names) => csv.AppendLine(string.Join(",", names.Select(Quote)));
}
