using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Specs;
using static ImageDsl.Reports.ReportMarkdown;

namespace ImageDsl.Evaluation;

/// <summary>Metrics of a periodic target, from circular errors in the target's units.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Unit">The declared unit, if any.</param>
/// <param name="Period">The period.</param>
/// <param name="Metrics">Circular MAE, RMSE, median and largest error.</param>
public sealed record PeriodicEvaluation(string Name, string? Unit, double Period, CircularMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order (empty when built without them).</summary>
    [JsonIgnore]
    public IReadOnlyList<PeriodicSample> Samples { get; init; } = [];

    /// <summary>The circular errors: a residual the short way round the period.</summary>
    internal override IReadOnlyList<double[]>? AbsoluteResiduals() => HasSamples ? [Samples.Select(s => Math.Abs(s.Error)).ToArray()] : null;

    internal override IReadOnlyList<double[]>? PredictedValues() => HasSamples ? [Samples.Select(s => s.Predicted).ToArray()] : null;

    internal override IReadOnlyList<double[]>? ScaleInputs() => HasSamples ? [Samples.Select(s => s.Length).ToArray()] : null;

    private protected override TargetKind DefaultKind => TargetKinds.Periodic;

    internal override bool HasSamples => Samples.Count > 0;

    internal override double? Headline(Metric metric) => metric switch
    {
        Metric.Mae => Metrics.Mae,
        Metric.Rmse => Metrics.Rmse,
        Metric.MaxError => Metrics.MaxError,
        _ => null,
    };

    internal override void WriteJson(Utf8JsonWriter json, int worstCount)
    {
        var m = Metrics;
        json.WriteNumber("count", m.Count);
        ReportJson.NullableString(json, "unit", Unit);
        json.WriteNumber("period", Period);
        ReportJson.Metrics(json, Reasons(m), ("mae", m.Mae), ("rmse", m.Rmse), ("medianAbsoluteError", m.MedianAbsoluteError), ("maxError", m.MaxError),
            ("withinToleranceShare", m.WithinToleranceShare));
        ReportJson.FiniteOrNull(json, "tolerance", m.Tolerance);
    }

    internal override void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory)
    {
        var m = Metrics;
        var unit = Escape(ReportFormat.UnitSuffix(Unit));
        md.AppendLine($"## {Escape(Name)}: periodic (period {ReportFormat.WithUnit(Period, Unit)}; errors taken the short way round)").AppendLine();
        MetricTable(md, Reasons(m),
        [
            ($"circular MAE{unit}", "Mae", m.Mae), ($"circular RMSE{unit}", "Rmse", m.Rmse),
            ($"median circular error{unit}", "MedianAbsoluteError", m.MedianAbsoluteError), ($"max circular error{unit}", "MaxError", m.MaxError),
            .. ToleranceRow(m.Tolerance, Unit, "WithinToleranceShare", m.WithinToleranceShare),
        ]);
        Image(md, files?.PredictedVsActual, $"{Name} predicted vs actual, wrapped");
        Image(md, files?.WorstPredictions, $"{Name} worst predictions");
    }

    /// <summary>Why each undefined metric is undefined, keyed by its <see cref="CircularMetrics"/> property.</summary>
    private static Dictionary<string, string> Reasons(CircularMetrics m)
    {
        var reasons = m.Count == 0
            ? new Dictionary<string, string> { ["Mae"] = "no samples", ["Rmse"] = "no samples", ["MedianAbsoluteError"] = "no samples", ["MaxError"] = "no samples", ["WithinToleranceShare"] = "no samples" }
            : [];
        if (m.Tolerance is null) reasons["WithinToleranceShare"] = "no tolerance declared";
        return reasons;
    }

    /// <summary>The predictions CSV and worst sheet, and the wrapped scatter of predicted against true values.</summary>
    internal override void WriteFiles(TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        base.WriteFiles(files, options, save);
        if (!options.Plots || !HasSamples) return;
        // The period's start: from the target when known, else the lowest value seen (an evaluation built by hand).
        double min = Target is PeriodicTargetSpec spec ? spec.Min : Math.Floor(Samples.Min(s => Math.Min(s.Actual, s.Predicted)));
        files.PredictedVsActual = save($"{files.Prefix}-scatter.png", path => Reports.Plots.PeriodicPlot.Save(this, min, path));
    }

    internal override void WritePredictions(StringBuilder csv)
    {
        csv.AppendLine("image,actual,predicted,error");
        foreach (var s in Samples)
            csv.AppendLine($"{PredictionsCsv.Quote(ReportPaths.Image(s.ImagePath))},{PredictionsCsv.Number(s.Actual)},{PredictionsCsv.Number(s.Predicted)},{PredictionsCsv.Number(s.Error)}");
    }

    internal override (string Title, IReadOnlyList<SheetItem> Items)? WorstSheet(int count)
    {
        var worst = Samples.OrderByDescending(s => Math.Abs(s.Error)).Take(count).ToArray();
        return ($"{Name}: the {worst.Length} largest circular errors{ReportFormat.UnitSuffix(Unit)}",
            worst.Select(s => new SheetItem(s.ImagePath, $"true: {ReportFormat.Value(s.Actual)}", $"pred: {ReportFormat.Value(s.Predicted)}",
                $"error: {ReportFormat.Value(s.Error)}")).ToArray());
    }
}

/// <summary>One image's outcome for a periodic target.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Actual">The true value.</param>
/// <param name="Predicted">The model's value.</param>
/// <param name="Error">The circular error, predicted − actual taken the short way round.</param>
/// <param name="Length">The length of the head's (sine, cosine): near 1 when it is sure of the angle, shorter when it is not.</param>
public sealed record PeriodicSample(string ImagePath, double Actual, double Predicted, double Error, double Length = double.NaN);

/// <summary>Circular regression metrics, in the target's units; errors are taken the short way round the period.</summary>
/// <param name="Count">Images scored.</param>
/// <param name="Mae">Mean absolute circular error.</param>
/// <param name="Rmse">Root mean squared circular error.</param>
/// <param name="MedianAbsoluteError">Median absolute circular error.</param>
/// <param name="MaxError">Largest absolute circular error.</param>
/// <param name="Tolerance">The declared tolerance, if any.</param>
/// <param name="WithinToleranceShare">Share of images whose circular error is at most <paramref name="Tolerance"/>; null without a tolerance or samples.</param>
public sealed record CircularMetrics(long Count, double? Mae, double? Rmse, double? MedianAbsoluteError, double? MaxError,
    double? Tolerance = null, double? WithinToleranceShare = null);

/// <summary>Scores a periodic target by circular errors.</summary>
internal sealed class PeriodicScorer(int index, PeriodicTargetSpec target) : TargetScorer(index)
{
    private readonly List<PeriodicSample> samples = [];

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
    {
        double actual = Shortest(truth[0]);
        double predicted = Shortest((float)prediction.Value(TargetIndex));
        samples.Add(new PeriodicSample(imagePath, actual, predicted, target.Difference(predicted, actual), prediction.ScaleInputs(TargetIndex)[0]));
    }

    public override TargetEvaluation Finish()
    {
        var errors = samples.Select(s => Math.Abs(s.Error)).Order().ToArray();
        var tolerance = target.Tolerance;
        // Within the tolerance the short way round: the sample's error is already the circular one.
        double? within = tolerance is { } t && errors.Length > 0 ? (double)errors.Count(e => ToleranceRules.Within(e, t)) / errors.Length : null;
        CircularMetrics metrics = errors.Length == 0
            ? new(0, null, null, null, null, tolerance)
            : new(errors.Length, errors.Average(), Math.Sqrt(errors.Average(e => e * e)),
                errors.Length % 2 == 1 ? errors[errors.Length / 2] : (errors[errors.Length / 2 - 1] + errors[errors.Length / 2]) / 2, errors[^1],
                tolerance, within);
        return new PeriodicEvaluation(target.Name, target.Unit, target.Period, metrics) { Samples = samples, Target = target };
    }
}
