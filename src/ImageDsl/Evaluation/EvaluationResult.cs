using System.Text.Json.Serialization;
using ImageDsl.Metrics;
using ImageDsl.Reports;
using ImageDsl.Training;

namespace ImageDsl.Evaluation;

/// <summary>
/// A model's scores on one dataset: the overall loss and one entry per target. Besides the
/// metrics it keeps one small record per image (see <see cref="ClassificationSample"/> and
/// <see cref="RegressionSample"/>), which the report's curves and contact sheets are drawn from.
/// </summary>
/// <param name="Model">The spec's name.</param>
/// <param name="Dataset">Where the data came from.</param>
/// <param name="Count">Images scored.</param>
/// <param name="Loss">Mean total loss.</param>
/// <param name="Targets">Per-target metrics, in spec order.</param>
public sealed record EvaluationResult(string Model, string Dataset, int Count, double Loss, IReadOnlyList<TargetEvaluation> Targets)
{
    /// <summary>When the evaluation ran; defaults to the moment the result was created.</summary>
    public DateTimeOffset EvaluatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The evaluation of the target named <paramref name="name"/>.</summary>
    public TargetEvaluation this[string name] =>
        Targets.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"No target '{name}'; targets are {string.Join(", ", Targets.Select(t => t.Name))}.");

    /// <summary>
    /// The metrics as indented JSON in the layout of a report's <c>report.json</c> (see
    /// docs/reports.md): stable camelCase names, and every undefined metric null with its
    /// reason. Only the references to report files are missing.
    /// </summary>
    public string ToJson() => ReportJson.Write(this, history: null, files: null, warnings: []);

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/>.</summary>
    public void WriteJson(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson());
    }

    /// <summary>Markdown tables a person reads: a summary, then one section per target.</summary>
    public string ToMarkdown() => ReportMarkdown.Write(this, history: null, files: null, warnings: []);

    /// <summary>
    /// Writes a report folder: <c>report.json</c>, <c>report.md</c>, a predictions CSV per
    /// target and PNG plots (confusion matrix, ROC and precision-recall curves, predicted vs
    /// actual, residuals, the worst predictions, and loss curves when
    /// <paramref name="history"/> is given). Files of the same names are overwritten; other
    /// files in the folder are left alone. See docs/reports.md for the layout.
    /// </summary>
    /// <param name="directory">The report folder; created if missing.</param>
    /// <param name="history">The training run, for loss curves.</param>
    /// <param name="options">What to draw; <see cref="ReportOptions"/>' defaults if null.</param>
    /// <returns>The full paths of the files written.</returns>
    public IReadOnlyList<string> WriteReport(string directory, TrainingHistory? history = null, ReportOptions? options = null) =>
        ReportWriter.Write(this, directory, history, options ?? new ReportOptions());
}

/// <summary>The metrics of one target.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ClassificationEvaluation), "classification")]
[JsonDerivedType(typeof(RegressionEvaluation), "regression")]
[JsonDerivedType(typeof(BinaryEvaluation), "binary")]
[JsonDerivedType(typeof(MultiLabelEvaluation), "multilabel")]
[JsonDerivedType(typeof(PeriodicEvaluation), "periodic")]
[JsonDerivedType(typeof(VectorEvaluation), "vector")]
public abstract record TargetEvaluation(string Name)
{
    /// <summary>The target as declared (kind, labels, range, loss weight), when the evaluation came from a model; null otherwise.</summary>
    [JsonIgnore]
    public Specs.TargetSpec? Target { get; init; }

    /// <summary>A Markdown section for this target (without plots).</summary>
    public string ToMarkdown() => ReportMarkdown.Target(this, files: null);
}

/// <summary>Metrics of a label target.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Metrics">Accuracy, precision / recall / F1, ROC AUC, confusion matrix, per-class figures.</param>
public sealed record ClassificationEvaluation(string Name, MulticlassMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>
    /// One record per image, in dataset order (empty if the result was built without them:
    /// the report then has no curves or worst predictions for this target).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<ClassificationSample> Samples { get; init; } = [];
}

/// <summary>Metrics of a range target, in the target's own units.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Unit">The declared unit, if any.</param>
/// <param name="Metrics">MAE, MSE, RMSE, R² and more.</param>
public sealed record RegressionEvaluation(string Name, string? Unit, RegressionMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>
    /// One record per image, in dataset order (empty if the result was built without them:
    /// the report then has no plots or worst predictions for this target).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<RegressionSample> Samples { get; init; } = [];
}
