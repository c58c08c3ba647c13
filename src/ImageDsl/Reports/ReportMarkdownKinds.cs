using System.Text;
using ImageDsl.Evaluation;
using static ImageDsl.Reports.ReportMarkdown;

namespace ImageDsl.Reports;

/// <summary>The <c>report.md</c> sections of the binary, multi-label, periodic and vector target kinds.</summary>
internal static class ReportMarkdownKinds
{
    public static string Target(TargetEvaluation target, TargetFiles? files)
    {
        var md = new StringBuilder();
        switch (target)
        {
            case BinaryEvaluation b:
            {
                var m = b.Metrics;
                md.AppendLine($"## {Escape(b.Name)}: binary ({Escape(b.NegativeLabel)} / {Escape(b.PositiveLabel)}, threshold {ReportFormat.Value(m.Threshold)})").AppendLine();
                MetricTable(md, m.UndefinedReasons,
                    ("accuracy", nameof(m.Accuracy), m.Accuracy), ("precision", nameof(m.Precision), m.Precision), ("recall", nameof(m.Recall), m.Recall),
                    ("F1", nameof(m.F1), m.F1), ("ROC AUC", nameof(m.RocAuc), m.RocAuc), ("average precision", nameof(m.AveragePrecision), m.AveragePrecision),
                    ("log loss", nameof(m.LogLoss), m.LogLoss), ("Matthews correlation", nameof(m.MatthewsCorrelation), m.MatthewsCorrelation));
                md.AppendLine($"| true \\ predicted | {Escape(b.NegativeLabel)} | {Escape(b.PositiveLabel)} |").AppendLine("| --- | ---: | ---: |");
                md.AppendLine($"| **{Escape(b.NegativeLabel)}** | {m.TrueNegatives} | {m.FalsePositives} |");
                md.AppendLine($"| **{Escape(b.PositiveLabel)}** | {m.FalseNegatives} | {m.TruePositives} |").AppendLine();
                break;
            }
            case MultiLabelEvaluation l:
            {
                var m = l.Metrics;
                md.AppendLine($"## {Escape(l.Name)}: multi-label").AppendLine();
                MetricTable(md, m.UndefinedReasons,
                    ("subset accuracy", nameof(m.SubsetAccuracy), m.SubsetAccuracy), ("Hamming loss", nameof(m.HammingLoss), m.HammingLoss),
                    ("F1 (micro)", nameof(m.F1Micro), m.F1Micro), ("F1 (macro)", nameof(m.F1Macro), m.F1Macro),
                    ("F1 (weighted)", nameof(m.F1Weighted), m.F1Weighted), ("F1 (samples)", nameof(m.F1Samples), m.F1Samples),
                    ("precision (micro)", nameof(m.PrecisionMicro), m.PrecisionMicro), ("recall (micro)", nameof(m.RecallMicro), m.RecallMicro),
                    ("ROC AUC (macro)", nameof(m.RocAucMacro), m.RocAucMacro), ("ROC AUC (micro)", nameof(m.RocAucMicro), m.RocAucMicro));
                md.AppendLine("| label | threshold | precision | recall | F1 | support |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
                for (int i = 0; i < m.PerLabel.Count; i++)
                {
                    var c = m.PerLabel[i];
                    md.AppendLine($"| {Escape(c.Label)} | {ReportFormat.Value(m.Thresholds[i])} | {ReportFormat.Metric(c.Precision)} | {ReportFormat.Metric(c.Recall)} | {ReportFormat.Metric(c.F1)} | {c.Support} |");
                }
                md.AppendLine();
                break;
            }
            case PeriodicEvaluation p:
            {
                var m = p.Metrics;
                var unit = Escape(ReportFormat.UnitSuffix(p.Unit));
                md.AppendLine($"## {Escape(p.Name)}: periodic (period {ReportFormat.WithUnit(p.Period, p.Unit)}; errors taken the short way round)").AppendLine();
                var reasons = new Dictionary<string, string>();
                MetricTable(md, reasons, ($"circular MAE{unit}", "Mae", m.Mae), ($"circular RMSE{unit}", "Rmse", m.Rmse),
                    ($"median circular error{unit}", "MedianAbsoluteError", m.MedianAbsoluteError), ($"max circular error{unit}", "MaxError", m.MaxError));
                break;
            }
            case VectorEvaluation v:
            {
                var m = v.Metrics;
                var unit = Escape(ReportFormat.UnitSuffix(v.Unit));
                md.AppendLine($"## {Escape(v.Name)}: {(v.Box is { } box ? $"box ({box})" : "vector")}{(v.Unit is null ? "" : $" ({Escape(v.Unit)})")}").AppendLine();
                var rows = new List<(string, string, double?)> { ($"MAE{unit}", "Mae", m.Mae), ($"RMSE{unit}", "Rmse", m.Rmse), ("R²", "R2", m.R2) };
                if (v.Box is not null)
                    rows.AddRange([("mean IoU", "MeanIoU", m.MeanIoU), ("share with IoU ≥ 0.5", "IoUAbove50", m.IoUAbove50), ("share with IoU ≥ 0.75", "IoUAbove75", m.IoUAbove75)]);
                MetricTable(md, new Dictionary<string, string>(), [.. rows]);
                md.AppendLine($"| component | MAE{unit} | RMSE{unit} | R² |").AppendLine("| --- | ---: | ---: | ---: |");
                foreach (var c in m.PerComponent)
                    md.AppendLine($"| {Escape(c.Name)} | {Optional(c.Mae)} | {Optional(c.Rmse)} | {Optional(c.R2)} |");
                md.AppendLine();
                break;
            }
        }
        Image(md, files?.WorstPredictions, $"{target.Name} worst predictions");
        return md.ToString();
    }

    private static string Optional(double? value) => value is { } v ? ReportFormat.Value(v) : "undefined";
}
