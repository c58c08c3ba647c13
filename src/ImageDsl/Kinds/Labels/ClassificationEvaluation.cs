using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Reports.Plots;
using ImageDsl.Specs;
using static ImageDsl.Reports.ReportMarkdown;

namespace ImageDsl.Evaluation;

/// <summary>Metrics of a label target.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Metrics">Accuracy, precision / recall / F1, ROC AUC, confusion matrix, per-class figures.</param>
/// <remarks>
/// For a target trained on raw scores (a loss of <c>TargetKinds.RawScoreLosses</c>), the per-label values behind ROC AUC and the
/// samples are the raw scores (ROC AUC ranks by them) and log loss is undefined.
/// </remarks>
public sealed record ClassificationEvaluation(string Name, MulticlassMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>
    /// One record per image, in dataset order (empty if the result was built without them:
    /// the report then has no curves or worst predictions for this target).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<ClassificationSample> Samples { get; init; } = [];

    private protected override TargetKind DefaultKind => TargetKinds.Labels;

    private bool RawScores => Target is LabelTargetSpec { ScoresAreRaw: true };

    internal override bool HasSamples => Samples.Count > 0;

    internal override double? Headline(Metric metric) => metric switch
    {
        Metric.Accuracy => Metrics.Accuracy,
        Metric.BalancedAccuracy => Metrics.BalancedAccuracy,
        Metric.Precision => Metrics.PrecisionMacro,
        Metric.Recall => Metrics.RecallMacro,
        Metric.F1 => Metrics.F1Macro,
        Metric.RocAuc => Metrics.RocAucMacro,
        Metric.LogLoss => Metrics.LogLoss,
        _ => null,
    };

    internal override void WriteJson(Utf8JsonWriter json, int worstCount)
    {
        var m = Metrics;
        json.WriteNumber("count", m.Count);
        json.WriteStartArray("labels");
        foreach (var label in m.Labels) json.WriteStringValue(label);
        json.WriteEndArray();
        json.WriteString("values", RawScores ? "scores" : "probabilities");

        ReportJson.Metrics(json, m.UndefinedReasons,
            ("accuracy", m.Accuracy), ("balancedAccuracy", m.BalancedAccuracy), ("logLoss", m.LogLoss),
            ("rocAucMacro", m.RocAucMacro), ("rocAucWeighted", m.RocAucWeighted), ("top3Accuracy", m.Top3Accuracy),
            ("precisionMacro", m.PrecisionMacro), ("precisionMicro", m.PrecisionMicro), ("precisionWeighted", m.PrecisionWeighted),
            ("recallMacro", m.RecallMacro), ("recallMicro", m.RecallMicro), ("recallWeighted", m.RecallWeighted),
            ("f1Macro", m.F1Macro), ("f1Micro", m.F1Micro), ("f1Weighted", m.F1Weighted));

        var curves = ClassCurves.Compute(this);
        json.WriteStartArray("perClass");
        for (int c = 0; c < m.PerClass.Count; c++)
        {
            var cls = m.PerClass[c];
            json.WriteStartObject();
            json.WriteString("label", cls.Label);
            json.WriteNumber("precision", cls.Precision);
            json.WriteNumber("recall", cls.Recall);
            json.WriteNumber("f1", cls.F1);
            json.WriteNumber("support", cls.Support);
            var undefined = new Dictionary<string, string>();
            ReportJson.Number(json, "rocAuc", curves[c].RocAuc, undefined, curves[c].RocAucReason);
            ReportJson.Number(json, "averagePrecision", curves[c].AveragePrecision, undefined, curves[c].AveragePrecisionReason);
            ReportJson.Reasons(json, undefined);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        ReportJson.ConfusionMatrix(json, m.ConfusionMatrix);

        json.WriteStartArray("worstPredictions");
        foreach (var i in WorstPredictions.Classification(Samples, worstCount))
        {
            var s = Samples[i];
            json.WriteStartObject();
            json.WriteString("image", ReportPaths.Image(s.ImagePath));
            json.WriteString("actual", m.Labels[s.TrueIndex]);
            json.WriteString("predicted", m.Labels[s.PredictedIndex]);
            json.WriteNumber("confidence", s.Confidence);
            json.WriteNumber("actualProbability", s.TrueProbability);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal override void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory)
    {
        var m = Metrics;
        md.AppendLine($"## {Escape(Name)}: classification").AppendLine();
        if (RawScores)
            md.AppendLine($"Trained with {((LabelTargetSpec)Target!).Loss}: the per-label values are raw scores, not probabilities (the prediction is the highest; ROC AUC ranks by them; log loss is undefined).").AppendLine();
        MetricTable(md, m.UndefinedReasons,
            ("accuracy", nameof(m.Accuracy), m.Accuracy), ("balanced accuracy", nameof(m.BalancedAccuracy), m.BalancedAccuracy),
            ("precision (macro)", nameof(m.PrecisionMacro), m.PrecisionMacro), ("recall (macro)", nameof(m.RecallMacro), m.RecallMacro),
            ("F1 (macro)", nameof(m.F1Macro), m.F1Macro), ("F1 (weighted)", nameof(m.F1Weighted), m.F1Weighted),
            ("ROC AUC (one-vs-rest, macro)", nameof(m.RocAucMacro), m.RocAucMacro), ("top-3 accuracy", nameof(m.Top3Accuracy), m.Top3Accuracy),
            ("log loss", nameof(m.LogLoss), m.LogLoss));

        var curves = ClassCurves.Compute(this);
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
        ConfusionTable(md, m.ConfusionMatrix);

        Image(md, files?.ConfusionMatrix, $"{Name} confusion matrix");
        Image(md, files?.Roc, $"{Name} ROC curves");
        Image(md, files?.PrecisionRecall, $"{Name} precision-recall curves");

        var worst = WorstPredictions.Classification(Samples, worstCount);
        int mistakes = Samples.Count(s => !s.IsCorrect);
        var confidence = RawScores ? "score" : "confidence";
        var truth = RawScores ? "score of true" : "P(true)";
        md.AppendLine($"### {Escape(Name)}: worst predictions").AppendLine();
        if (Samples.Count == 0) md.AppendLine($"None shown: {ClassCurves.NoSamplesReason}.").AppendLine();
        else if (worst.Count == 0) md.AppendLine(mistakes == 0 ? "No mistakes." : "None shown.").AppendLine();
        else
        {
            md.AppendLine(worst.Count == mistakes
                ? $"All {mistakes} mistake{(mistakes == 1 ? "" : "s")}, most confident first:"
                : $"The {worst.Count} most confident of {mistakes} mistakes:").AppendLine();
            Image(md, files?.WorstPredictions, $"{Name} worst predictions");
            md.AppendLine($"| # | image | true | predicted | {confidence} | {truth} |").AppendLine("| ---: | --- | --- | --- | ---: | ---: |");
            for (int k = 0; k < worst.Count; k++)
            {
                var s = Samples[worst[k]];
                md.AppendLine($"| {k + 1} | {ImageLink(s.ImagePath, directory)} | {Escape(m.Labels[s.TrueIndex])} | {Escape(m.Labels[s.PredictedIndex])} | " +
                    $"{Share(s.Confidence)} | {Share(s.TrueProbability)} |");
            }
            md.AppendLine();
        }
    }

    private string Share(float value) => RawScores ? ReportFormat.Value(value) : ReportFormat.Percent(value);

    internal override void WritePredictions(StringBuilder csv)
    {
        var labels = Metrics.Labels;
        var prefix = RawScores ? "score:" : "p:";
        PredictionsCsv.Header(csv, new[] { "image", "actual", "predicted", RawScores ? "score" : "confidence" }.Concat(labels.Select(l => prefix + l)));
        foreach (var s in Samples)
        {
            csv.Append(PredictionsCsv.Quote(ReportPaths.Image(s.ImagePath))).Append(',').Append(PredictionsCsv.Quote(labels[s.TrueIndex])).Append(',')
                .Append(PredictionsCsv.Quote(labels[s.PredictedIndex])).Append(',').Append(PredictionsCsv.Number(s.Confidence));
            foreach (var p in s.Probabilities) csv.Append(',').Append(PredictionsCsv.Number(p));
            csv.AppendLine();
        }
    }

    internal override void WriteFiles(TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        var prefix = files.Prefix;
        if (HasSamples) files.Predictions = save($"{prefix}-predictions.csv", path => PredictionsCsv.Write(path, this));
        if (!options.Plots) return;
        if (Metrics.Count > 0) files.ConfusionMatrix = save($"{prefix}-confusion.png", path => ConfusionMatrixPlot.Save(Name, Metrics.ConfusionMatrix, path));
        var curves = ClassCurves.Compute(this);
        if (curves.Any(k => k.Roc.Count > 0))
        {
            files.Roc = save($"{prefix}-roc.png", path => CurvePlots.SaveRoc(this, curves, options.MaxCurveClasses, path));
            files.PrecisionRecall = save($"{prefix}-pr.png", path => CurvePlots.SavePrecisionRecall(this, curves, options.MaxCurveClasses, path)); // the same classes
        }
        var mistakes = WorstPredictions.Classification(Samples, options.WorstPredictions);
        if (mistakes.Count > 0)
            files.WorstPredictions = save($"{prefix}-worst.png", path => ContactSheet.Save(
                SheetTitle(mistakes.Count, Samples.Count(s => !s.IsCorrect)),
                mistakes.Select(i => Caption(Samples[i])).ToArray(), options.ThumbnailSize, path));
    }

    private string SheetTitle(int shown, int mistakes) => shown == mistakes
        ? $"{Name}: all {mistakes} mistake{(mistakes == 1 ? "" : "s")}, most confident first"
        : $"{Name}: the {shown} most confident of {mistakes} mistakes";

    internal SheetItem Caption(ClassificationSample s) => new(
        s.ImagePath, $"true: {Metrics.Labels[s.TrueIndex]}", $"pred: {Metrics.Labels[s.PredictedIndex]} ({Share(s.Confidence)})")
    {
        Explain = new(Explanations.ExplainTarget.Score(Name, Metrics.Labels[s.PredictedIndex]), Metrics.Labels[s.PredictedIndex]),
    };

    /// <summary>The sheet <see cref="WriteFiles"/> draws, for the heatmap sheet to draw again: heat explains the predicted label's score.</summary>
    internal override (string Title, IReadOnlyList<SheetItem> Items)? WorstSheet(int count)
    {
        var mistakes = WorstPredictions.Classification(Samples, count);
        return (SheetTitle(mistakes.Count, Samples.Count(s => !s.IsCorrect)), mistakes.Select(i => Caption(Samples[i])).ToArray());
    }
}

/// <summary>Scores a multi-class target: its metrics, and each image's label and per-label values.</summary>
internal sealed class ClassificationScorer(int index, LabelTargetSpec target) : TargetScorer(index)
{
    private readonly MulticlassMetricsAccumulator metrics = new(target.Labels);
    private readonly List<ClassificationSample> samples = [];

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
    {
        var probabilities = prediction.Probabilities(TargetIndex);
        metrics.Add((int)truth[0], probabilities);
        samples.Add(new ClassificationSample(imagePath, (int)truth[0], probabilities));
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
                    [nameof(MulticlassMetrics.LogLoss)] = $"the target is trained with {target.Loss}, whose scores are not probabilities",
                },
            };
        return new ClassificationEvaluation(target.Name, computed)
        {
            Samples = samples,
            Target = target,
            Calibration = target.ScoresAreRaw || samples.Count == 0 ? null
                : CalibrationMetrics.MultiClass(samples.Select(s => s.Probabilities).ToArray(), samples.Select(s => s.TrueIndex).ToArray()),
        };
    }
}
