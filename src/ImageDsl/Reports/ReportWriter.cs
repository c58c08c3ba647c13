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
        {
            result.Targets[t].WriteFiles(files.Targets[t], options, Save);
            CalibrationSection.WriteFiles(result.Targets[t], files.Targets[t], options, Save);
        }
        if (options.Plots && history is { Epochs.Count: > 0 })
            files.Loss = Save(LossFile, path => LossPlot.Save(history, path));

        var fullDirectory = Path.GetFullPath(directory);
        Save(ReportFiles.Json, path => File.WriteAllText(path, ReportJson.Write(result, history, files, warnings, options.WorstPredictions)));
        Save(ReportFiles.Markdown, path => File.WriteAllText(path, ReportMarkdown.Write(result, history, files, warnings, options.WorstPredictions, fullDirectory)));
        return written;
    }

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
