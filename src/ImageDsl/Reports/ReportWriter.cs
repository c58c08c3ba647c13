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
        var previous = PreviousFiles(directory);
        using var relative = ReportPaths.RelativeTo(directory);
        var written = WriteFiles(result, directory, history, options);
        // A folder holds one run's report: what an earlier report listed and this one did not write goes.
        var kept = new HashSet<string>(written.Select(Path.GetFileName)!, StringComparer.Ordinal);
        foreach (var stale in previous.Where(name => !kept.Contains(name)))
        {
            var path = Path.Combine(directory, stale);
            if (File.Exists(path)) File.Delete(path);
        }
        return written;
    }

    /// <summary>
    /// The file names the folder's existing <c>report.json</c> lists (the files of the run that wrote
    /// it), kept only when they are plain names in the folder; none if there is no readable report.
    /// </summary>
    internal static IReadOnlyList<string> PreviousFiles(string directory)
    {
        var path = Path.Combine(directory, ReportFiles.Json);
        if (!File.Exists(path)) return [];
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
            var names = new List<string>();
            void Collect(System.Text.Json.JsonElement files)
            {
                if (files.ValueKind != System.Text.Json.JsonValueKind.Object) return;
                foreach (var file in files.EnumerateObject())
                    if (file.Value.ValueKind == System.Text.Json.JsonValueKind.String && file.Value.GetString() is { Length: > 0 } name
                        && name == Path.GetFileName(name) && name is not ReportFiles.Json and not ReportFiles.Markdown)
                        names.Add(name);
            }
            var root = document.RootElement;
            if (root.TryGetProperty("files", out var top)) Collect(top);
            if (root.TryGetProperty("targets", out var targets) && targets.ValueKind == System.Text.Json.JsonValueKind.Array)
                foreach (var target in targets.EnumerateArray())
                    if (target.TryGetProperty("files", out var files)) Collect(files);
            return names;
        }
        catch (System.Text.Json.JsonException)
        {
            return []; // not a report this library wrote: leave the folder's files alone
        }
    }

    private static List<string> WriteFiles(EvaluationResult result, string directory, TrainingHistory? history, ReportOptions options)
    {
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
            HeatmapSheet.WriteFiles(result.Targets[t], files.Targets[t], options, result.Explainer, Save);
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
