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

/// <summary>Metrics of a scalar regression target (a bounded range or an unbounded value), in the target's own units.</summary>
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

    internal override IReadOnlyList<double[]>? AbsoluteResiduals() => HasSamples ? [Samples.Select(s => Math.Abs(s.Error)).ToArray()] : null;

    internal override IReadOnlyList<double[]>? PredictedValues() => HasSamples ? [Samples.Select(s => s.Predicted).ToArray()] : null;

    private protected override TargetKind DefaultKind => TargetKinds.Range;

    internal override bool HasSamples => Samples.Count > 0;

    internal override double? Headline(Metric metric) => metric switch
    {
        Metric.Mae => Metrics.Mae,
        Metric.Rmse => Metrics.Rmse,
        Metric.R2 => Metrics.R2,
        Metric.MaxError => Metrics.MaxError,
        _ => null,
    };

    internal override void WriteJson(Utf8JsonWriter json, int worstCount)
    {
        var m = Metrics;
        json.WriteNumber("count", m.Count);
        ReportJson.NullableString(json, "unit", Unit);
        ReportJson.Metrics(json, m.UndefinedReasons,
            ("mae", m.Mae), ("mse", m.Mse), ("rmse", m.Rmse), ("r2", m.R2), ("explainedVariance", m.ExplainedVariance),
            ("medianAbsoluteError", m.MedianAbsoluteError), ("maxError", m.MaxError), ("withinToleranceShare", m.WithinToleranceShare));
        ReportJson.FiniteOrNull(json, "tolerance", m.Tolerance);

        json.WriteStartArray("worstPredictions");
        foreach (var i in WorstPredictions.Regression(Samples, worstCount))
        {
            var s = Samples[i];
            json.WriteStartObject();
            json.WriteString("image", ReportPaths.Image(s.ImagePath));
            json.WriteNumber("actual", s.Actual);
            json.WriteNumber("predicted", s.Predicted);
            json.WriteNumber("error", s.Error);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal override void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory)
    {
        var m = Metrics;
        var unit = Escape(ReportFormat.UnitSuffix(Unit));
        md.AppendLine($"## {Escape(Name)}: regression{(Unit is null ? "" : $" ({Escape(Unit)})")}").AppendLine();
        MetricTable(md, m.UndefinedReasons,
        [
            ($"MAE{unit}", nameof(m.Mae), m.Mae), ($"RMSE{unit}", nameof(m.Rmse), m.Rmse),
            ($"MSE{Escape(Unit is null ? "" : $" ({ReportFormat.Squared(Unit)})")}", nameof(m.Mse), m.Mse),
            ($"median absolute error{unit}", nameof(m.MedianAbsoluteError), m.MedianAbsoluteError),
            ($"max error{unit}", nameof(m.MaxError), m.MaxError),
            ("R²", nameof(m.R2), m.R2), ("explained variance", nameof(m.ExplainedVariance), m.ExplainedVariance),
            .. ToleranceRow(m.Tolerance, Unit, nameof(m.WithinToleranceShare), m.WithinToleranceShare),
        ]);

        Image(md, files?.PredictedVsActual, $"{Name} predicted vs actual");
        Image(md, files?.Residuals, $"{Name} residuals");

        var worst = WorstPredictions.Regression(Samples, worstCount);
        md.AppendLine($"### {Escape(Name)}: worst predictions").AppendLine();
        if (Samples.Count == 0) md.AppendLine($"None shown: {ClassCurves.NoSamplesReason}.").AppendLine();
        else if (worst.Count > 0)
        {
            md.AppendLine($"The {worst.Count} largest absolute errors:").AppendLine();
            Image(md, files?.WorstPredictions, $"{Name} worst predictions");
            md.AppendLine($"| # | image | actual{unit} | predicted{unit} | error{unit} |").AppendLine("| ---: | --- | ---: | ---: | ---: |");
            for (int k = 0; k < worst.Count; k++)
            {
                var s = Samples[worst[k]];
                md.AppendLine($"| {k + 1} | {ImageLink(s.ImagePath, directory)} | {ReportFormat.Value(s.Actual)} | {ReportFormat.Value(s.Predicted)} | {ReportFormat.Value(s.Error)} |");
            }
            md.AppendLine();
        }
    }

    internal override void WritePredictions(StringBuilder csv)
    {
        csv.AppendLine("image,actual,predicted,error");
        foreach (var s in Samples)
            csv.AppendLine($"{PredictionsCsv.Quote(ReportPaths.Image(s.ImagePath))},{PredictionsCsv.Number(s.Actual)},{PredictionsCsv.Number(s.Predicted)},{PredictionsCsv.Number(s.Error)}");
    }

    internal override void WriteFiles(TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        if (!HasSamples) return;
        var prefix = files.Prefix;
        files.Predictions = save($"{prefix}-predictions.csv", path => PredictionsCsv.Write(path, this));
        if (!options.Plots) return;
        files.PredictedVsActual = save($"{prefix}-scatter.png", path => RegressionPlots.SavePredictedVsActual(this, path));
        files.Residuals = save($"{prefix}-residuals.png", path => RegressionPlots.SaveResiduals(this, path));
        var worst = WorstPredictions.Regression(Samples, options.WorstPredictions);
        if (worst.Count > 0)
            files.WorstPredictions = save($"{prefix}-worst.png", path => ContactSheet.Save(
                $"{Name}: the {worst.Count} largest absolute errors{ReportFormat.UnitSuffix(Unit)}, largest first",
                worst.Select(i => Caption(Samples[i])).ToArray(), options.ThumbnailSize, path));
    }

    /// <summary>The sheet <see cref="WriteFiles"/> draws, for the heatmap sheet to draw again (heat explains the value).</summary>
    internal override (string Title, IReadOnlyList<SheetItem> Items)? WorstSheet(int count)
    {
        var worst = WorstPredictions.Regression(Samples, count);
        return ($"{Name}: the {worst.Count} largest absolute errors{ReportFormat.UnitSuffix(Unit)}, largest first", worst.Select(i => Caption(Samples[i])).ToArray());
    }

    /// <summary>Three short lines; the unit is in the sheet's title, where it does not crowd the captions.</summary>
    internal static SheetItem Caption(RegressionSample s) => new(
        s.ImagePath, $"true: {ReportFormat.Value(s.Actual)}", $"pred: {ReportFormat.Value(s.Predicted)}",
        $"error: {(s.Error > 0 ? "+" : "")}{ReportFormat.Value(s.Error)}");
}

/// <summary>Scores a scalar regression target (a bounded range or an unbounded value) in the user's units.</summary>
internal sealed class RegressionScorer(int index, TargetSpec target, string? unit, double? tolerance) : TargetScorer(index)
{
    private readonly RegressionMetricsAccumulator metrics = new(1, [target.Name], tolerance);
    private readonly List<RegressionSample> samples = [];

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
    {
        // The metrics see the prediction rounded to float, as they always did; the sample keeps the same values.
        float predicted = (float)prediction.Value(TargetIndex);
        metrics.Add(truth, [predicted]);
        samples.Add(new RegressionSample(imagePath, Shortest(truth[0]), Shortest(predicted)));
    }

    public override TargetEvaluation Finish() => new RegressionEvaluation(target.Name, unit, metrics.Compute()) { Samples = samples, Target = target };
}
