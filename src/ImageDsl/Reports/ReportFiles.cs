namespace ImageDsl.Reports;

/// <summary>The file names (relative to the report folder) a report wrote, for its JSON and Markdown to point at.</summary>
internal sealed class ReportFiles
{
    public const string Json = "report.json";
    public const string Markdown = "report.md";

    /// <summary>Training and validation loss curves, when a history was given.</summary>
    public string? Loss { get; set; }

    /// <summary>One entry per target, in target order.</summary>
    public required IReadOnlyList<TargetFiles> Targets { get; init; }
}

/// <summary>One target's files; null where a file was not drawn.</summary>
internal sealed class TargetFiles
{
    public required string Prefix { get; init; }
    public string? Predictions { get; set; }
    public string? ConfusionMatrix { get; set; }
    public string? Roc { get; set; }
    public string? PrecisionRecall { get; set; }
    public string? PredictedVsActual { get; set; }
    public string? Residuals { get; set; }
    public string? WorstPredictions { get; set; }

    /// <summary>The worst predictions with heatmaps over them (see <see cref="HeatmapSheet"/>).</summary>
    public string? WorstHeatmaps { get; set; }

    /// <summary>A kind's own plots, under the JSON names it gives them (an ordinal target's <c>rankErrors</c>).</summary>
    public List<(string Name, string File)> Other { get; } = [];

    /// <summary>(JSON name, file) of every file written, in a fixed order.</summary>
    public IEnumerable<(string Name, string File)> All()
    {
        (string, string?)[] all =
        [
            ("predictions", Predictions), ("confusionMatrix", ConfusionMatrix), ("roc", Roc), ("precisionRecall", PrecisionRecall),
            ("predictedVsActual", PredictedVsActual), ("residuals", Residuals), ("worstPredictions", WorstPredictions),
            ("worstHeatmaps", WorstHeatmaps),
        ];
        foreach (var (name, file) in all)
            if (file is not null) yield return (name, file);
        foreach (var other in Other) yield return other;
    }
}
