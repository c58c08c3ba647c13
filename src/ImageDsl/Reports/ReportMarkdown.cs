using System.Text;
using ImageDsl.Evaluation;
using ImageDsl.Metrics;
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

    /// <summary>One target's section, as its kind writes it; with <paramref name="files"/>, its plots are embedded.</summary>
    public static string Target(TargetEvaluation target, TargetFiles? files, int worstCount = 16, string? directory = null)
    {
        var md = new StringBuilder();
        target.WriteMarkdown(md, files, worstCount, directory);
        HeatmapSheet.WriteMarkdown(md, target, files);
        CalibrationSection.WriteMarkdown(md, target, files);
        return md.ToString();
    }

    /// <summary>The overall table: one row per target with its kind, loss weight and headline metrics.</summary>
    private static void Summary(StringBuilder md, EvaluationResult result)
    {
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| target | kind | loss weight | headline metrics |").AppendLine("| --- | --- | ---: | --- |");
        foreach (var target in result.Targets)
        {
            var headline = string.Join(", ", ReportSummary.Headline(target).Select(h => $"{h.Name} {(h.Value is { } v ? Cell(v, "not finite") : "undefined")}"));
            var weight = target.Target is { } spec ? ReportFormat.Value(spec.LossWeight) : "";
            md.AppendLine($"| {Escape(target.Name)} | {target.KindName} | {weight} | {headline} |");
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

    /// <summary>A confusion matrix as a table, rows the truth.</summary>
    internal static void ConfusionTable(StringBuilder md, ConfusionMatrix matrix)
    {
        md.AppendLine("| true \\ predicted | " + string.Join(" | ", matrix.Labels.Select(Escape)) + " |");
        md.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", matrix.Labels.Count)));
        for (int r = 0; r < matrix.Labels.Count; r++)
            md.AppendLine($"| **{Escape(matrix.Labels[r])}** | " + string.Join(" | ", matrix.Counts[r]) + " |");
        md.AppendLine();
    }

    internal static void MetricTable(StringBuilder md, IReadOnlyDictionary<string, string> reasons, params (string Title, string Property, double? Value)[] rows)
    {
        md.AppendLine("| metric | value |").AppendLine("| --- | ---: |");
        foreach (var (title, property, value) in rows)
            md.AppendLine($"| {title} | {(value is { } v ? Cell(v, "not a finite number") : "undefined: " + Escape(reasons.GetValueOrDefault(property, "undefined for this data")))} |");
        md.AppendLine();
    }

    /// <summary>
    /// The "share within ±T unit" row of a target that declares a tolerance, for its metric table;
    /// none when it declares none, so a report shows the row exactly where report.json has a tolerance.
    /// </summary>
    internal static (string Title, string Property, double? Value)[] ToleranceRow(double? tolerance, string? unit, string property, double? share, string what = "share") =>
        tolerance is { } t ? [($"{what} within {Escape(ReportFormat.Tolerance(t, unit))}", property, share)] : [];

    internal static void Image(StringBuilder md, string? file, string alt)
    {
        if (file is not null) md.AppendLine($"![{Escape(alt)}]({file})").AppendLine();
    }

    /// <summary>
    /// A link to an image, relative to the report folder so it works in a pull request when both
    /// are in one repository; absolute when the only thing they share is the file-system root.
    /// </summary>
    internal static string ImageLink(string path, string? directory)
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

    /// <summary>A dense target's worst images: one row per image with the per-image figure it is ranked by.</summary>
    internal static void WorstImages(StringBuilder md, string target, string figure, IReadOnlyList<(string ImagePath, double Value)> worst, string? directory)
    {
        if (worst.Count == 0) return;
        md.AppendLine($"### {Escape(target)}: worst images").AppendLine();
        md.AppendLine($"| # | image | {figure} |").AppendLine("| ---: | --- | ---: |");
        for (int k = 0; k < worst.Count; k++)
            md.AppendLine($"| {k + 1} | {ImageLink(worst[k].ImagePath, directory)} | {ReportFormat.Value(worst[k].Value)} |");
        md.AppendLine();
    }

    internal static string Cell(double value, string nonFinite) => double.IsFinite(value) ? ReportFormat.Metric(value) : nonFinite;

    internal static string Optional(double? value) => value is { } v ? ReportFormat.Metric(v) : "undefined";

    private static string Duration(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes} min {duration.Seconds} s" : $"{duration.TotalSeconds.ToString("F1", ReportFormat.Culture)} s";

    /// <summary>Text from a dataset or spec, made safe inside a table cell.</summary>
    internal static string Escape(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", " ").Replace("\r", "");
}
