using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    /// <summary>
    /// The model that made this evaluation, as the report needs it: a heatmap of one image file
    /// for one number (null when the file cannot be read or the model is disposed). Null for
    /// results built by hand; the report then has no heatmaps.
    /// </summary>
    [JsonIgnore]
    internal Func<string, Explanations.ExplainTarget, Explanations.Heatmap?>? Explainer { get; init; }

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
    /// <paramref name="history"/> is given). Image paths in them are relative to the folder. Files
    /// of the same names are overwritten, and files an earlier report in the folder listed that
    /// this one does not write are deleted, so the folder holds one run's report; other files are
    /// left alone. See docs/reports.md for the layout.
    /// </summary>
    /// <param name="directory">The report folder; created if missing.</param>
    /// <param name="history">The training run, for loss curves.</param>
    /// <param name="options">What to draw; <see cref="ReportOptions"/>' defaults if null.</param>
    /// <returns>The full paths of the files written.</returns>
    public IReadOnlyList<string> WriteReport(string directory, TrainingHistory? history = null, ReportOptions? options = null) =>
        ReportWriter.Write(this, directory, history, options ?? new ReportOptions());
}

/// <summary>The metrics of one target.</summary>
/// <remarks>
/// Each kind's evaluation lives with its kind under <c>Kinds/</c>, and writes its own report
/// sections: its <c>report.json</c> entry, its <c>report.md</c> section, its predictions CSV and
/// its plots. The report writers only call these members.
/// </remarks>
public abstract record TargetEvaluation(string Name)
{
    /// <summary>The target as declared (kind, labels, range, loss weight), when the evaluation came from a model; null otherwise.</summary>
    [JsonIgnore]
    public Specs.TargetSpec? Target { get; init; }

    /// <summary>The target's kind id (<see cref="Specs.TargetSpec.KindName"/>): from <see cref="Target"/>, else what this evaluation's type says.</summary>
    [JsonIgnore]
    public string KindName => Target?.KindName ?? DefaultKind.Id;

    /// <summary>The kind of an evaluation built without its target.</summary>
    private protected abstract Specs.TargetKind DefaultKind { get; }

    /// <summary>The headline metrics: those the target declares, else its kind's defaults.</summary>
    internal IReadOnlyList<Metric> HeadlineMetrics => Target?.HeadlineMetrics ?? DefaultKind.DefaultMetrics;

    /// <summary>
    /// How well the target's probabilities match observed frequencies on this data (expected and
    /// maximum calibration error, Brier score, reliability bins); null for kinds without
    /// probabilities and for classifiers trained on raw scores.
    /// </summary>
    public ImageDsl.Metrics.CalibrationMetrics? Calibration { get; init; }

    /// <summary>What the model had calibrated for this target when it was evaluated (temperatures, interval half-widths); null if nothing.</summary>
    public ImageDsl.Calibration.TargetCalibration? Calibrated { get; init; }

    /// <summary>The prediction intervals' empirical coverage and width on this data; null when the model has no intervals for the target.</summary>
    public IntervalEvaluation? Intervals { get; init; }

    /// <summary>
    /// Per decoded component, each image's absolute error in user units (the short way round for a
    /// periodic target), in sample order: what prediction intervals are calibrated and scored on;
    /// null for kinds without values to bound or without kept samples.
    /// </summary>
    internal virtual IReadOnlyList<double[]>? AbsoluteResiduals() => null;

    /// <summary>Per decoded component, each image's predicted value in user units, in sample order (see <see cref="AbsoluteResiduals"/>).</summary>
    internal virtual IReadOnlyList<double[]>? PredictedValues() => null;

    /// <summary>Per decoded component, each image's input to a learned interval scale (<c>TargetSpec.ScaleInputs</c>), in sample order: its predicted values unless its kind reads something else.</summary>
    internal virtual IReadOnlyList<double[]>? ScaleInputs() => PredictedValues();

    /// <summary>A Markdown section for this target (without plots).</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        WriteMarkdown(md, files: null, worstCount: 16, directory: null);
        return md.ToString();
    }

    /// <summary>True when per-image records were kept (the report's plots, CSV and worst predictions need them).</summary>
    internal abstract bool HasSamples { get; }

    /// <summary>The value of <paramref name="metric"/> (macro averages for multi-class and multi-label targets), or null when undefined or not computed.</summary>
    internal abstract double? Headline(Metric metric);

    /// <summary>The target's <c>report.json</c> fields after its name and kind (see docs/reports.md).</summary>
    internal abstract void WriteJson(Utf8JsonWriter json, int worstCount);

    /// <summary>The target's <c>report.md</c> section; <paramref name="files"/> are embedded, image links made relative to <paramref name="directory"/>.</summary>
    internal abstract void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory);

    /// <summary>The per-image predictions as CSV rows under a header (RFC 4180, invariant culture).</summary>
    internal abstract void WritePredictions(StringBuilder csv);

    /// <summary>The worst-predictions contact sheet: its title and captions; null when there is nothing to show.</summary>
    internal virtual (string Title, IReadOnlyList<SheetItem> Items)? WorstSheet(int count) => null;

    /// <summary>
    /// Writes the target's files through <paramref name="save"/> (a file name and how to write it;
    /// it returns the name to record): the predictions CSV, then its plots and contact sheet.
    /// </summary>
    internal virtual void WriteFiles(TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        if (!HasSamples) return;
        files.Predictions = save($"{files.Prefix}-predictions.csv", path => PredictionsCsv.Write(path, this));
        if (!options.Plots || options.WorstPredictions == 0) return;
        if (WorstSheet(options.WorstPredictions) is { Items.Count: > 0 } sheet)
            files.WorstPredictions = save($"{files.Prefix}-worst.png", path => ContactSheet.Save(sheet.Title, sheet.Items, options.ThumbnailSize, path));
    }
}

/// <summary>How prediction intervals did on a dataset.</summary>
/// <param name="NominalCoverage">The share they were calibrated to cover.</param>
/// <param name="Coverage">The share of true values (over images and components) inside their interval.</param>
/// <param name="MeanWidth">The intervals' mean width, High − Low, in user units.</param>
/// <param name="ComponentCoverage">Coverage per component (one for a scalar target).</param>
/// <param name="ComponentMeanWidth">Mean width per component.</param>
public sealed record IntervalEvaluation(double NominalCoverage, double Coverage, double MeanWidth, IReadOnlyList<double> ComponentCoverage, IReadOnlyList<double> ComponentMeanWidth);
