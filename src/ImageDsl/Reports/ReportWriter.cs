using ImageDsl.Evaluation;
using ImageDsl.Reports.Plots;
using ImageDsl.Training;

namespace ImageDsl.Reports;

/// <summary>Writes a report folder: the plots and CSVs first, then the JSON and Markdown that point at them.</summary>
internal static class ReportWriter
{
    public const string LossFile = "loss.png";

    public static IReadOnlyList<string> Write(EvaluationResult result, string directory, TrainingHistory? history, ReportOptions options)
    {
        options.Validate();
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var warnings = new List<string>();
        if (options.Plots && PlotStyle.NoFontInstalled)
            warnings.Add("No font is installed, so the plots have no text; install one (on Debian: fonts-dejavu-core) and write the report again.");

        string? Save(string name, Action<string> write)
        {
            var path = Path.Combine(directory, name);
            write(path);
            written.Add(path);
            return name;
        }

        var files = new ReportFiles { Targets = Prefixes(result.Targets).Select(p => new TargetFiles { Prefix = p }).ToArray() };
        for (int t = 0; t < result.Targets.Count; t++)
            WriteTarget(result.Targets[t], files.Targets[t], options, Save);
        if (options.Plots && history is { Epochs.Count: > 0 })
            files.Loss = Save(LossFile, path => LossPlot.Save(history, path));

        var fullDirectory = Path.GetFullPath(directory);
        Save(ReportFiles.Json, path => File.WriteAllText(path, ReportJson.Write(result, history, files, warnings, options.WorstPredictions)));
        Save(ReportFiles.Markdown, path => File.WriteAllText(path, ReportMarkdown.Write(result, history, files, warnings, options.WorstPredictions, fullDirectory)));
        return written;
    }

    private static void WriteTarget(TargetEvaluation target, TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        var prefix = files.Prefix;
        switch (target)
        {
            case ClassificationEvaluation c:
                if (c.Samples.Count > 0) files.Predictions = save($"{prefix}-predictions.csv", path => PredictionsCsv.Write(path, c));
                if (!options.Plots) return;
                if (c.Metrics.Count > 0) files.ConfusionMatrix = save($"{prefix}-confusion.png", path => ConfusionMatrixPlot.Save(c, path));
                var curves = ClassCurves.Compute(c);
                if (curves.Any(k => k.Roc.Count > 0))
                    files.Roc = save($"{prefix}-roc.png", path => CurvePlots.SaveRoc(c, curves, options.MaxCurveClasses, path));
                if (curves.Any(k => k.Roc.Count > 0)) // the same classes as the ROC plot
                    files.PrecisionRecall = save($"{prefix}-pr.png", path => CurvePlots.SavePrecisionRecall(c, curves, options.MaxCurveClasses, path));
                var mistakes = WorstPredictions.Classification(c.Samples, options.WorstPredictions);
                if (mistakes.Count > 0)
                    files.WorstPredictions = save($"{prefix}-worst.png", path => ContactSheet.Save(
                        SheetTitle(c.Name, mistakes.Count, c.Samples.Count(s => !s.IsCorrect)),
                        mistakes.Select(i => Caption(c, c.Samples[i])).ToArray(), options.ThumbnailSize, path));
                break;
            case RegressionEvaluation r:
                if (r.Samples.Count == 0) return;
                files.Predictions = save($"{prefix}-predictions.csv", path => PredictionsCsv.Write(path, r));
                if (!options.Plots) return;
                files.PredictedVsActual = save($"{prefix}-scatter.png", path => RegressionPlots.SavePredictedVsActual(r, path));
                files.Residuals = save($"{prefix}-residuals.png", path => RegressionPlots.SaveResiduals(r, path));
                var worst = WorstPredictions.Regression(r.Samples, options.WorstPredictions);
                if (worst.Count > 0)
                    files.WorstPredictions = save($"{prefix}-worst.png", path => ContactSheet.Save(
                        $"{r.Name}: the {worst.Count} largest absolute errors{ReportFormat.UnitSuffix(r.Unit)}, largest first",
                        worst.Select(i => Caption(r, r.Samples[i])).ToArray(), options.ThumbnailSize, path));
                break;
            case BinaryEvaluation or MultiLabelEvaluation or PeriodicEvaluation or VectorEvaluation:
                if (!HasSamples(target)) return;
                files.Predictions = save($"{prefix}-predictions.csv", path => PredictionsCsv.Write(path, target));
                if (!options.Plots || options.WorstPredictions == 0) return;
                var sheet = ReportWorstKinds.Sheet(target, options.WorstPredictions);
                if (sheet is { Items.Count: > 0 })
                    files.WorstPredictions = save($"{prefix}-worst.png", path => ContactSheet.Save(sheet.Value.Title, sheet.Value.Items, options.ThumbnailSize, path));
                break;
            default:
                throw new NotSupportedException($"No report for {target.GetType().Name}.");
        }
    }

    private static bool HasSamples(TargetEvaluation target) => target switch
    {
        BinaryEvaluation b => b.Samples.Count > 0,
        MultiLabelEvaluation m => m.Samples.Count > 0,
        PeriodicEvaluation p => p.Samples.Count > 0,
        VectorEvaluation v => v.Samples.Count > 0,
        _ => false,
    };

    private static string SheetTitle(string target, int shown, int mistakes) => shown == mistakes
        ? $"{target}: all {mistakes} mistake{(mistakes == 1 ? "" : "s")}, most confident first"
        : $"{target}: the {shown} most confident of {mistakes} mistakes";

    internal static SheetItem Caption(ClassificationEvaluation target, ClassificationSample s) => new(
        s.ImagePath, $"true: {target.Metrics.Labels[s.TrueIndex]}", $"pred: {target.Metrics.Labels[s.PredictedIndex]} ({ReportFormat.Percent(s.Confidence)})");

    /// <summary>Three short lines; the unit is in the sheet's title, where it does not crowd the captions.</summary>
    internal static SheetItem Caption(RegressionEvaluation target, RegressionSample s) => new(
        s.ImagePath, $"true: {ReportFormat.Value(s.Actual)}", $"pred: {ReportFormat.Value(s.Predicted)}",
        $"error: {(s.Error > 0 ? "+" : "")}{ReportFormat.Value(s.Error)}");

    /// <summary>File-name prefixes, one per target: the target's name, made unique ignoring case (file systems may).</summary>
    internal static IReadOnlyList<string> Prefixes(IReadOnlyList<TargetEvaluation> targets)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "report", "loss" };
        var prefixes = new List<string>();
        foreach (var target in targets)
        {
            var name = ReportFormat.FileSafe(target.Name);
            var prefix = name;
            for (int n = 2; !used.Add(prefix); n++) prefix = $"{name}-{n}";
            prefixes.Add(prefix);
        }
        return prefixes;
    }
}
