using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Specs;
using static ImageDsl.Reports.ReportMarkdown;

namespace ImageDsl.Evaluation;

/// <summary>Metrics of a binary (bool) target.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="NegativeLabel">The name of false.</param>
/// <param name="PositiveLabel">The name of true.</param>
/// <param name="Metrics">Accuracy, precision, recall, F1, ROC AUC, average precision, log loss, confusion counts at the declared threshold.</param>
public sealed record BinaryEvaluation(string Name, string NegativeLabel, string PositiveLabel, BinaryMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order (empty when built without them).</summary>
    [JsonIgnore]
    public IReadOnlyList<BinarySample> Samples { get; init; } = [];

    private protected override TargetKind DefaultKind => TargetKinds.Binary;

    private bool RawScores => Target is BinaryTargetSpec { ScoresAreRaw: true };

    internal override bool HasSamples => Samples.Count > 0;

    internal override double? Headline(Metric metric) => metric switch
    {
        Metric.Accuracy => Metrics.Accuracy,
        Metric.Precision => Metrics.Precision,
        Metric.Recall => Metrics.Recall,
        Metric.F1 => Metrics.F1,
        Metric.RocAuc => Metrics.RocAuc,
        Metric.LogLoss => Metrics.LogLoss,
        _ => null,
    };

    internal override void WriteJson(Utf8JsonWriter json, int worstCount)
    {
        var m = Metrics;
        json.WriteNumber("count", m.Count);
        json.WriteStartArray("labels");
        json.WriteStringValue(NegativeLabel);
        json.WriteStringValue(PositiveLabel);
        json.WriteEndArray();
        json.WriteNumber("threshold", m.Threshold);
        json.WriteString("values", RawScores ? "scores" : "probabilities");
        ReportJson.Metrics(json, m.UndefinedReasons,
            ("accuracy", m.Accuracy), ("precision", m.Precision), ("recall", m.Recall), ("f1", m.F1), ("rocAuc", m.RocAuc),
            ("averagePrecision", m.AveragePrecision), ("logLoss", m.LogLoss), ("matthewsCorrelation", m.MatthewsCorrelation));
        json.WriteStartObject("confusion");
        json.WriteNumber("truePositives", m.TruePositives);
        json.WriteNumber("falsePositives", m.FalsePositives);
        json.WriteNumber("trueNegatives", m.TrueNegatives);
        json.WriteNumber("falseNegatives", m.FalseNegatives);
        json.WriteEndObject();
    }

    internal override void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory)
    {
        var m = Metrics;
        md.AppendLine($"## {Escape(Name)}: binary ({Escape(NegativeLabel)} / {Escape(PositiveLabel)}, threshold {ReportFormat.Value(m.Threshold)})").AppendLine();
        if (RawScores)
            md.AppendLine($"Trained with {((BinaryTargetSpec)Target!).Loss}: the values are raw scores, not probabilities (true at or above 0; ROC AUC ranks by them; log loss is undefined).").AppendLine();
        MetricTable(md, m.UndefinedReasons,
            ("accuracy", nameof(m.Accuracy), m.Accuracy), ("precision", nameof(m.Precision), m.Precision), ("recall", nameof(m.Recall), m.Recall),
            ("F1", nameof(m.F1), m.F1), ("ROC AUC", nameof(m.RocAuc), m.RocAuc), ("average precision", nameof(m.AveragePrecision), m.AveragePrecision),
            ("log loss", nameof(m.LogLoss), m.LogLoss), ("Matthews correlation", nameof(m.MatthewsCorrelation), m.MatthewsCorrelation));
        md.AppendLine($"| true \\ predicted | {Escape(NegativeLabel)} | {Escape(PositiveLabel)} |").AppendLine("| --- | ---: | ---: |");
        md.AppendLine($"| **{Escape(NegativeLabel)}** | {m.TrueNegatives} | {m.FalsePositives} |");
        md.AppendLine($"| **{Escape(PositiveLabel)}** | {m.FalseNegatives} | {m.TruePositives} |").AppendLine();
        Image(md, files?.ConfusionMatrix, $"{Name} confusion matrix");
        Image(md, files?.Roc, $"{Name} ROC curve");
        Image(md, files?.PrecisionRecall, $"{Name} precision-recall curve");
        Image(md, files?.WorstPredictions, $"{Name} worst predictions");
    }

    /// <summary>The predictions CSV, then the confusion matrix, ROC and precision-recall curves (as a label target's, for its one class of interest), then the worst sheet.</summary>
    internal override void WriteFiles(TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        base.WriteFiles(files, options, save);
        if (!options.Plots || !HasSamples) return;
        var m = Metrics;
        var matrix = new ConfusionMatrix([NegativeLabel, PositiveLabel], new long[,] { { m.TrueNegatives, m.FalsePositives }, { m.FalseNegatives, m.TruePositives } });
        files.ConfusionMatrix = save($"{files.Prefix}-confusion.png", path => Reports.Plots.ConfusionMatrixPlot.Save(Name, matrix, path));
        var curve = ClassCurves.Binary(PositiveLabel, Samples.Select(s => ((double)s.Probability, s.Actual)).ToArray());
        if (curve.Roc.Count == 0) return; // one value only in the truth: no curve (the metrics say why)
        var by = RawScores ? "ranked by score" : "ranked by P(" + PositiveLabel + ")";
        files.Roc = save($"{files.Prefix}-roc.png", path => Reports.Plots.CurvePlots.SaveRoc($"{Name}: ROC curve, {by}", [curve], 1, path));
        if (curve.PrecisionRecall.Count > 0)
            files.PrecisionRecall = save($"{files.Prefix}-pr.png", path => Reports.Plots.CurvePlots.SavePrecisionRecall($"{Name}: precision-recall curve of {PositiveLabel}", [curve], 1, path));
    }

    internal override void WritePredictions(StringBuilder csv)
    {
        csv.AppendLine($"image,actual,predicted,{(RawScores ? "score" : "probability")}");
        foreach (var s in Samples)
            csv.AppendLine($"{PredictionsCsv.Quote(ReportPaths.Image(s.ImagePath))},{PredictionsCsv.Quote(Label(s.Actual))},{PredictionsCsv.Quote(Label(s.Predicted))},{PredictionsCsv.Number(s.Probability)}");
    }

    internal override (string Title, IReadOnlyList<SheetItem> Items)? WorstSheet(int count)
    {
        var worst = Samples.Where(s => !s.IsCorrect).OrderBy(s => RawScores ? (s.Actual ? s.Probability : -s.Probability) : s.TrueProbability).Take(count).ToArray();
        string Value(float v) => RawScores ? $"score {ReportFormat.Value(v)}" : $"p {ReportFormat.Percent(v)}";
        return ($"{Name}: the {worst.Length} most confident mistakes",
            worst.Select(s => new SheetItem(s.ImagePath, $"true: {Label(s.Actual)}", $"pred: {Label(s.Predicted)} ({Value(s.Probability)})")
            {
                Explain = new(Explanations.ExplainTarget.Score(Name, Label(s.Predicted)), Label(s.Predicted)), // heat: the evidence for the wrong answer
            }).ToArray());
    }

    private string Label(bool value) => value ? PositiveLabel : NegativeLabel;
}

/// <summary>One image's outcome for a binary target.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Actual">The true value.</param>
/// <param name="Probability">The model's probability of true (the raw score, when trained on raw scores).</param>
/// <param name="Predicted">The decision at the declared threshold.</param>
public sealed record BinarySample(string ImagePath, bool Actual, float Probability, bool Predicted)
{
    /// <summary>True when the decision is right.</summary>
    public bool IsCorrect => Actual == Predicted;

    /// <summary>The probability the model gave the true value.</summary>
    public float TrueProbability => Actual ? Probability : 1 - Probability;
}

/// <summary>Scores a binary target at its decision threshold.</summary>
internal sealed class BinaryScorer(int index, BinaryTargetSpec target) : TargetScorer(index)
{
    private readonly BinaryMetricsAccumulator metrics = new(target.DecisionThreshold);
    private readonly List<BinarySample> samples = [];

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
    {
        bool actual = truth[0] >= 0.5f;
        float p = prediction.Probability(TargetIndex);
        metrics.Add(actual, p);
        samples.Add(new BinarySample(imagePath, actual, p, p >= target.DecisionThreshold));
    }

    public override TargetEvaluation Finish()
    {
        var computed = metrics.Compute();
        if (target.ScoresAreRaw)
            computed = computed with
            {
                LogLoss = null,
                UndefinedReasons = new Dictionary<string, string>(computed.UndefinedReasons)
                {
                    [nameof(BinaryMetrics.LogLoss)] = $"the target is trained with {target.Loss}, whose scores are not probabilities",
                },
            };
        return new BinaryEvaluation(target.Name, target.NegativeLabel, target.PositiveLabel, computed)
        {
            Samples = samples,
            Target = target,
            Calibration = target.ScoresAreRaw || samples.Count == 0 ? null
                : CalibrationMetrics.Binary(samples.Select(s => s.Probability).ToArray(), samples.Select(s => s.Actual).ToArray()),
        };
    }
}
