using System.Text;
using ImageDsl.Evaluation;
using ImageDsl.Training;

namespace ImageDsl.Reports;

/// <summary>
/// Writes <c>report.md</c>: tables a person reads in a pull request, with the plots embedded
/// by relative path. Undefined metrics show "undefined" and their reason, never a number.
/// </summary>
internal static class ReportMarkdown
{
    public static string Write(EvaluationResult result, TrainingHistory? history, ReportFiles? files, IReadOnlyList<string> warnings,
        int worstCount = 16, string? directory = null)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Evaluation of {Escape(result.Model)}").AppendLine();
        md.AppendLine("| | |").AppendLine("| --- | --- |");
        md.AppendLine($"| dataset | {Escape(result.Dataset)} |");
        md.AppendLine($"| images | {result.Count} |");
        md.AppendLine($"| mean loss | {Cell(result.Loss, "not a finite number")} |");
        md.AppendLine($"| evaluated | {result.EvaluatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", ReportFormat.Culture)} UTC |");
        md.AppendLine();
        foreach (var warning in warnings) md.AppendLine($"> **Warning:** {Escape(warning)}").AppendLine();
        Summary(md, result);
        if (history is not null) Training(md, history, files?.Loss);
        for (int t = 0; t < result.Targets.Count; t++)
            md.Append(Target(result.Targets[t], files?.Targets[t], worstCount, directory));
        return md.ToString();
    }

    /// <summary>One target's section; with <paramref name="files"/>, its plots are embedded.</summary>
    public static string Target(TargetEvaluation target, TargetFiles? files, int worstCount = 16, string? directory = null) => target switch
    {
        ClassificationEvaluation c => Classification(c, files, worstCount, directory),
        RegressionEvaluation r => Regression(r, files, worstCount, directory),
        BinaryEvaluation or MultiLabelEvaluation or PeriodicEvaluation or VectorEvaluation => ReportMarkdownKinds.Target(target, files),
        _ => throw new NotSupportedException($"No report for {target.GetType().Name}."),
    };

    /// <summary>The overall table: one row per target with its kind, loss weight and headline metrics.</summary>
    private static void Summary(StringBuilder md, EvaluationResult result)
    {
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| target | kind | loss weight | headline metrics |").AppendLine("| --- | --- | ---: | --- |");
        foreach (var target in result.Targets)
        {
            var headline = string.Join(", ", ReportSummary.Headline(target).Select(h => $"{h.Name} {(h.Value is { } v ? Cell(v, "not finite") : "undefined")}"));
            var weight = target.Target is { } spec ? ReportFormat.Value(spec.LossWeight) : "";
            md.AppendLine($"| {Escape(target.Name)} | {ReportSummary.Kind(target)} | {weight} | {headline} |");
        }
        md.AppendLine();
    }

    private static void Training(StringBuilder md, TrainingHistory history, string? lossPlot)
    {
        md.AppendLine("## Training").AppendLine();
        if (history.Epochs.Count == 0)
        {
            md.AppendLine("No epoch completed.").AppendLine();
            return;
        }
        var last = history.Epochs[^1];
        md.Append($"{history.Epochs.Count} epoch{(history.Epochs.Count == 1 ? "" : "s")} in {Duration(history.Duration)}; ");
        md.Append($"final training loss {Cell(last.TrainingLoss, "not finite")}");
        if (TrainingSummary.BestValidationEpoch(history) is { } best)
            md.Append($", best validation loss {Cell(history.Epochs.First(e => e.Epoch == best).ValidationLoss!.Value, "")} at epoch {best}");
        md.AppendLine(".").AppendLine();
        if (lossPlot is not null) md.AppendLine($"![Training and validation loss by epoch]({lossPlot})").AppendLine();
    }

    private static string Classification(ClassificationEvaluation target, TargetFiles? files, int worstCount, string? directory)
    {
        var m = target.Metrics;
        var md = new StringBuilder();
        md.AppendLine($"## {Escape(target.Name)}: classification").AppendLine();
        MetricTable(md, m.UndefinedReasons,
            ("accuracy", nameof(m.Accuracy), m.Accuracy), ("balanced accuracy", nameof(m.BalancedAccuracy), m.BalancedAccuracy),
            ("precision (macro)", nameof(m.PrecisionMacro), m.PrecisionMacro), ("recall (macro)", nameof(m.RecallMacro), m.RecallMacro),
            ("F1 (macro)", nameof(m.F1Macro), m.F1Macro), ("F1 (weighted)", nameof(m.F1Weighted), m.F1Weighted),
            ("ROC AUC (one-vs-rest, macro)", nameof(m.RocAucMacro), m.RocAucMacro), ("top-3 accuracy", nameof(m.Top3Accuracy), m.Top3Accuracy),
            ("log loss", nameof(m.LogLoss), m.LogLoss));

        var curves = ClassCurves.Compute(target);
        var notes = new List<string>();
        md.AppendLine("Per class:").AppendLine();
        md.AppendLine("| label | precision | recall | F1 | ROC AUC | average precision | support |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int c = 0; c < m.PerClass.Count; c++)
        {
            var cls = m.PerClass[c];
            var curve = curves[c];
            if (curve.RocAuc is null) notes.Add($"ROC AUC of {Escape(cls.Label)}: {Escape(curve.RocAucReason!)}");
            if (curve.AveragePrecision is null) notes.Add($"average precision of {Escape(cls.Label)}: {Escape(curve.AveragePrecisionReason!)}");
            md.AppendLine($"| {Escape(cls.Label)} | {ReportFormat.Metric(cls.Precision)} | {ReportFormat.Metric(cls.Recall)} | {ReportFormat.Metric(cls.F1)} | " +
                $"{Optional(curve.RocAuc)} | {Optional(curve.AveragePrecision)} | {cls.Support} |");
        }
        md.AppendLine();
        if (notes.Count > 0)
        {
            md.AppendLine("Undefined:").AppendLine();
            foreach (var note in notes.Distinct()) md.AppendLine($"- {note}");
            md.AppendLine();
        }

        md.AppendLine("Confusion matrix (rows: true label, columns: predicted label):").AppendLine();
        md.AppendLine("| true \\ predicted | " + string.Join(" | ", m.Labels.Select(Escape)) + " |");
        md.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", m.Labels.Count)));
        for (int r = 0; r < m.Labels.Count; r++)
            md.AppendLine($"| **{Escape(m.Labels[r])}** | " + string.Join(" | ", m.ConfusionMatrix.Counts[r]) + " |");
        md.AppendLine();

        Image(md, files?.ConfusionMatrix, $"{target.Name} confusion matrix");
        Image(md, files?.Roc, $"{target.Name} ROC curves");
        Image(md, files?.PrecisionRecall, $"{target.Name} precision-recall curves");

        var worst = WorstPredictions.Classification(target.Samples, worstCount);
        int mistakes = target.Samples.Count(s => !s.IsCorrect);
        md.AppendLine($"### {Escape(target.Name)}: worst predictions").AppendLine();
        if (target.Samples.Count == 0) md.AppendLine($"None shown: {ClassCurves.NoSamplesReason}.").AppendLine();
        else if (worst.Count == 0) md.AppendLine(mistakes == 0 ? "No mistakes." : "None shown.").AppendLine();
        else
        {
            md.AppendLine(worst.Count == mistakes
                ? $"All {mistakes} mistake{(mistakes == 1 ? "" : "s")}, most confident first:"
                : $"The {worst.Count} most confident of {mistakes} mistakes:").AppendLine();
            Image(md, files?.WorstPredictions, $"{target.Name} worst predictions");
            md.AppendLine("| # | image | true | predicted | confidence | P(true) |").AppendLine("| ---: | --- | --- | --- | ---: | ---: |");
            for (int k = 0; k < worst.Count; k++)
            {
                var s = target.Samples[worst[k]];
                md.AppendLine($"| {k + 1} | {ImageLink(s.ImagePath, directory)} | {Escape(m.Labels[s.TrueIndex])} | {Escape(m.Labels[s.PredictedIndex])} | " +
                    $"{ReportFormat.Percent(s.Confidence)} | {ReportFormat.Percent(s.TrueProbability)} |");
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    private static string Regression(RegressionEvaluation target, TargetFiles? files, int worstCount, string? directory)
    {
        var m = target.Metrics;
        var unit = Escape(ReportFormat.UnitSuffix(target.Unit));
        var md = new StringBuilder();
        md.AppendLine($"## {Escape(target.Name)}: regression{(target.Unit is null ? "" : $" ({Escape(target.Unit)})")}").AppendLine();
        MetricTable(md, m.UndefinedReasons,
            ($"MAE{unit}", nameof(m.Mae), m.Mae), ($"RMSE{unit}", nameof(m.Rmse), m.Rmse),
            ($"MSE{Escape(target.Unit is null ? "" : $" ({target.Unit}²)")}", nameof(m.Mse), m.Mse),
            ($"median absolute error{unit}", nameof(m.MedianAbsoluteError), m.MedianAbsoluteError),
            ($"max error{unit}", nameof(m.MaxError), m.MaxError),
            ("R²", nameof(m.R2), m.R2), ("explained variance", nameof(m.ExplainedVariance), m.ExplainedVariance));

        Image(md, files?.PredictedVsActual, $"{target.Name} predicted vs actual");
        Image(md, files?.Residuals, $"{target.Name} residuals");

        var worst = WorstPredictions.Regression(target.Samples, worstCount);
        md.AppendLine($"### {Escape(target.Name)}: worst predictions").AppendLine();
        if (target.Samples.Count == 0) md.AppendLine($"None shown: {ClassCurves.NoSamplesReason}.").AppendLine();
        else if (worst.Count > 0)
        {
            md.AppendLine($"The {worst.Count} largest absolute errors:").AppendLine();
            Image(md, files?.WorstPredictions, $"{target.Name} worst predictions");
            md.AppendLine($"| # | image | actual{unit} | predicted{unit} | error{unit} |").AppendLine("| ---: | --- | ---: | ---: | ---: |");
            for (int k = 0; k < worst.Count; k++)
            {
                var s = target.Samples[worst[k]];
                md.AppendLine($"| {k + 1} | {ImageLink(s.ImagePath, directory)} | {ReportFormat.Value(s.Actual)} | {ReportFormat.Value(s.Predicted)} | {ReportFormat.Value(s.Error)} |");
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    internal static void MetricTable(StringBuilder md, IReadOnlyDictionary<string, string> reasons, params (string Title, string Property, double? Value)[] rows)
    {
        md.AppendLine("| metric | value |").AppendLine("| --- | ---: |");
        foreach (var (title, property, value) in rows)
            md.AppendLine($"| {title} | {(value is { } v ? Cell(v, "not a finite number") : "undefined: " + Escape(reasons.GetValueOrDefault(property, "undefined for this data")))} |");
        md.AppendLine();
    }

    internal static void Image(StringBuilder md, string? file, string alt)
    {
        if (file is not null) md.AppendLine($"![{Escape(alt)}]({file})").AppendLine();
    }

    /// <summary>
    /// A link to an image, relative to the report folder so it works in a pull request when both
    /// are in one repository; absolute when the only thing they share is the file-system root.
    /// </summary>
    private static string ImageLink(string path, string? directory)
    {
        var name = Escape(Path.GetFileName(path));
        if (directory is null) return $"`{path.Replace("`", "'")}`";
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(directory, full);
        int climbs = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).TakeWhile(s => s == "..").Count();
        int depth = directory.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Length;
        var target = (climbs >= depth || Path.IsPathRooted(relative) ? full : relative).Replace('\\', '/');
        return $"[{name}](<{target.Replace(">", "%3E")}>)";
    }

    internal static string Cell(double value, string nonFinite) => double.IsFinite(value) ? ReportFormat.Metric(value) : nonFinite;

    private static string Optional(double? value) => value is { } v ? ReportFormat.Metric(v) : "undefined";

    private static string Duration(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes} min {duration.Seconds} s" : $"{duration.TotalSeconds.ToString("F1", ReportFormat.Culture)} s";

    /// <summary>Text from a dataset or spec, made safe inside a table cell.</summary>
    internal static string Escape(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", " ").Replace("\r", "");
}
