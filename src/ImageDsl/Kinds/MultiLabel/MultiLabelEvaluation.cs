using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Specs;
using static ImageDsl.Reports.ReportMarkdown;

namespace ImageDsl.Evaluation;

/// <summary>Metrics of a multi-label target.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Metrics">Subset accuracy, Hamming loss, micro / macro / weighted / samples precision, recall and F1, ROC AUC, per label.</param>
public sealed record MultiLabelEvaluation(string Name, MultilabelMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order (empty when built without them).</summary>
    [JsonIgnore]
    public IReadOnlyList<MultiLabelSample> Samples { get; init; } = [];

    private protected override TargetKind DefaultKind => TargetKinds.MultiLabel;

    internal override bool HasSamples => Samples.Count > 0;

    internal override double? Headline(Metric metric) => metric switch
    {
        Metric.SubsetAccuracy => Metrics.SubsetAccuracy,
        Metric.HammingLoss => Metrics.HammingLoss,
        Metric.Precision => Metrics.PrecisionMacro,
        Metric.Recall => Metrics.RecallMacro,
        Metric.F1 => Metrics.F1Macro,
        Metric.RocAuc => Metrics.RocAucMacro,
        _ => null,
    };

    internal override void WriteJson(Utf8JsonWriter json, int worstCount)
    {
        var m = Metrics;
        json.WriteNumber("count", m.Count);
        json.WriteStartArray("labels");
        foreach (var label in m.Labels) json.WriteStringValue(label);
        json.WriteEndArray();
        json.WriteStartArray("thresholds");
        foreach (var t in m.Thresholds) json.WriteNumberValue(t);
        json.WriteEndArray();
        ReportJson.Metrics(json, m.UndefinedReasons,
            ("subsetAccuracy", m.SubsetAccuracy), ("hammingLoss", m.HammingLoss),
            ("precisionMicro", m.PrecisionMicro), ("precisionMacro", m.PrecisionMacro), ("precisionWeighted", m.PrecisionWeighted), ("precisionSamples", m.PrecisionSamples),
            ("recallMicro", m.RecallMicro), ("recallMacro", m.RecallMacro), ("recallWeighted", m.RecallWeighted), ("recallSamples", m.RecallSamples),
            ("f1Micro", m.F1Micro), ("f1Macro", m.F1Macro), ("f1Weighted", m.F1Weighted), ("f1Samples", m.F1Samples),
            ("rocAucMacro", m.RocAucMacro), ("rocAucMicro", m.RocAucMicro));
        json.WriteStartArray("perLabel");
        foreach (var label in m.PerLabel)
        {
            json.WriteStartObject();
            json.WriteString("label", label.Label);
            json.WriteNumber("precision", label.Precision);
            json.WriteNumber("recall", label.Recall);
            json.WriteNumber("f1", label.F1);
            json.WriteNumber("support", label.Support);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal override void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory)
    {
        var m = Metrics;
        md.AppendLine($"## {Escape(Name)}: multi-label").AppendLine();
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
        Image(md, files?.WorstPredictions, $"{Name} worst predictions");
    }

    internal override void WritePredictions(StringBuilder csv)
    {
        var names = Metrics.Labels;
        PredictionsCsv.Header(csv, new[] { "image", "actual", "predicted" }.Concat(names.Select(l => "p:" + l)));
        foreach (var s in Samples)
        {
            csv.Append(PredictionsCsv.Quote(ReportPaths.Image(s.ImagePath))).Append(',').Append(PredictionsCsv.Quote(Set(s.Actual, "")))
                .Append(',').Append(PredictionsCsv.Quote(Set(s.Predicted, "")));
            foreach (var p in s.Probabilities) csv.Append(',').Append(PredictionsCsv.Number(p));
            csv.AppendLine();
        }
    }

    internal override (string Title, IReadOnlyList<SheetItem> Items)? WorstSheet(int count)
    {
        var worst = Samples.Where(s => s.Mistakes > 0).OrderByDescending(s => s.Mistakes).Take(count).ToArray();
        return ($"{Name}: the {worst.Length} images with most wrong labels",
            worst.Select(s => new SheetItem(s.ImagePath, $"true: {Set(s.Actual, "none")}", $"pred: {Set(s.Predicted, "none")}") { Explain = WorstLabel(s) }).ToArray());
    }

    /// <summary>For the heatmap sheet: the score of the label the image got most confidently wrong (a missed label's evidence, or a wrong one's).</summary>
    private SheetExplain WorstLabel(MultiLabelSample s)
    {
        int worst = Enumerable.Range(0, Metrics.Labels.Count).Where(l => s.Actual[l] != s.Predicted[l])
            .OrderByDescending(l => Math.Abs(s.Probabilities[l] - (s.Actual[l] ? 1 : 0))).DefaultIfEmpty(0).First();
        return new(Explanations.ExplainTarget.Score(Name, Metrics.Labels[worst]), s.Actual[worst] ? $"{Metrics.Labels[worst]} (missed)" : Metrics.Labels[worst]);
    }

    private string Set(IReadOnlyList<bool> flags, string empty) =>
        string.Join("|", Metrics.Labels.Where((_, i) => flags[i])) is { Length: > 0 } text ? text : empty;
}

/// <summary>One image's outcome for a multi-label target.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Actual">Per label, whether it is present.</param>
/// <param name="Probabilities">Per label, the model's probability that it is present.</param>
/// <param name="Predicted">Per label, the decision at its threshold.</param>
public sealed record MultiLabelSample(string ImagePath, IReadOnlyList<bool> Actual, IReadOnlyList<float> Probabilities, IReadOnlyList<bool> Predicted)
{
    /// <summary>Labels decided wrongly.</summary>
    public int Mistakes => Actual.Zip(Predicted, (a, p) => a != p ? 1 : 0).Sum();
}

/// <summary>Scores a multi-label target, each label at its threshold.</summary>
internal sealed class MultiLabelScorer(int index, MultiLabelTargetSpec target) : TargetScorer(index)
{
    private readonly MultilabelMetricsAccumulator metrics = new(target.Labels, target.Thresholds);
    private readonly List<MultiLabelSample> samples = [];

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
    {
        var actual = new bool[truth.Length];
        for (int i = 0; i < actual.Length; i++) actual[i] = truth[i] >= 0.5f;
        var probabilities = prediction.Probabilities(TargetIndex);
        metrics.Add(actual, probabilities);
        samples.Add(new MultiLabelSample(imagePath, actual, probabilities, prediction.Present(TargetIndex)));
    }

    /// <summary>The metrics; calibration pools every (image, label) decision as one yes/no answer.</summary>
    public override TargetEvaluation Finish() => new MultiLabelEvaluation(target.Name, metrics.Compute())
    {
        Samples = samples,
        Target = target,
        Calibration = samples.Count == 0 ? null : CalibrationMetrics.Binary(
            samples.SelectMany(s => s.Probabilities).ToArray(), samples.SelectMany(s => s.Actual).ToArray()),
    };
}
