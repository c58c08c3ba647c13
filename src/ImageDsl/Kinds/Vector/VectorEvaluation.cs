using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Specs;
using static ImageDsl.Reports.ReportMarkdown;

namespace ImageDsl.Evaluation;

/// <summary>Metrics of a vector or box target, per component and overall, in the target's units.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Unit">The declared unit, if any.</param>
/// <param name="Components">The components' names.</param>
/// <param name="Box">The box format of a box target, else null.</param>
/// <param name="Metrics">Per-component and overall MAE, RMSE and R², and mean IoU for boxes.</param>
public sealed record VectorEvaluation(string Name, string? Unit, IReadOnlyList<string> Components, BoxFormat? Box, VectorMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order (empty when built without them).</summary>
    [JsonIgnore]
    public IReadOnlyList<VectorSample> Samples { get; init; } = [];

    internal override IReadOnlyList<double[]>? AbsoluteResiduals() => HasSamples
        ? Components.Select((_, c) => Samples.Select(s => Math.Abs((double)s.Predicted[c] - s.Actual[c])).ToArray()).ToArray()
        : null;

    internal override IReadOnlyList<double[]>? PredictedValues() => HasSamples
        ? Components.Select((_, c) => Samples.Select(s => (double)s.Predicted[c]).ToArray()).ToArray()
        : null;

    private protected override TargetKind DefaultKind => Box is null ? TargetKinds.Vector : TargetKinds.Box;

    internal override bool HasSamples => Samples.Count > 0;

    internal override double? Headline(Metric metric) => metric switch
    {
        Metric.Mae => Metrics.Mae,
        Metric.Rmse => Metrics.Rmse,
        Metric.R2 => Metrics.R2,
        Metric.MeanIoU => Metrics.MeanIoU,
        _ => null,
    };

    internal override void WriteJson(Utf8JsonWriter json, int worstCount)
    {
        var m = Metrics;
        json.WriteNumber("count", m.Count);
        ReportJson.NullableString(json, "unit", Unit);
        ReportJson.NullableString(json, "boxFormat", Box?.ToString());
        var reasons = new Dictionary<string, string>();
        if (m.Count == 0) foreach (var name in new[] { "Mae", "Rmse", "MeanIoU", "iouAbove50", "iouAbove75" }) reasons[name] = "no samples";
        if (m.R2 is null) reasons["R2"] = "fewer than two samples";
        if (Box is null) foreach (var name in new[] { "MeanIoU", "iouAbove50", "iouAbove75" }) reasons[name] = "not a box target";
        foreach (var (name, reason) in ToleranceReasons(m)) reasons[name] = reason;
        ReportJson.Metrics(json, reasons, ("mae", m.Mae), ("rmse", m.Rmse), ("r2", m.R2), ("meanIoU", m.MeanIoU), ("iouAbove50", m.IoUAbove50), ("iouAbove75", m.IoUAbove75),
            ("withinToleranceShare", m.WithinToleranceShare), ("allWithinToleranceShare", m.AllWithinToleranceShare), ("pointsWithinToleranceShare", m.PointsWithinToleranceShare));
        ReportJson.FiniteOrNull(json, "tolerance", m.Tolerance);
        json.WriteStartArray("perComponent");
        foreach (var c in m.PerComponent)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            ReportJson.FiniteOrNull(json, "mae", c.Mae);
            ReportJson.FiniteOrNull(json, "rmse", c.Rmse);
            ReportJson.FiniteOrNull(json, "r2", c.R2);
            ReportJson.FiniteOrNull(json, "withinToleranceShare", c.WithinToleranceShare);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal override void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory)
    {
        var m = Metrics;
        var unit = Escape(ReportFormat.UnitSuffix(Unit));
        md.AppendLine($"## {Escape(Name)}: {(Box is { } box ? $"box ({box})" : "vector")}{(Unit is null ? "" : $" ({Escape(Unit)})")}").AppendLine();
        var rows = new List<(string, string, double?)> { ($"MAE{unit}", "Mae", m.Mae), ($"RMSE{unit}", "Rmse", m.Rmse), ("R²", "R2", m.R2) };
        if (Box is not null)
            rows.AddRange([("mean IoU", "MeanIoU", m.MeanIoU), ("share with IoU ≥ 0.5", "IoUAbove50", m.IoUAbove50), ("share with IoU ≥ 0.75", "IoUAbove75", m.IoUAbove75)]);
        rows.AddRange(ToleranceRow(m.Tolerance, Unit, "WithinToleranceShare", m.WithinToleranceShare, "share of components"));
        rows.AddRange(ToleranceRow(m.Tolerance, Unit, "AllWithinToleranceShare", m.AllWithinToleranceShare,
            Box is not null ? "share of boxes with every coordinate" : "share of images with every component"));
        if (m.Tolerance is { } tolerance && (Target is VectorTargetSpec { Points: true } || m.PointsWithinToleranceShare is not null))
            rows.Add(($"share of points no farther than {Escape(ReportFormat.WithUnit(tolerance, Unit))}", "PointsWithinToleranceShare", m.PointsWithinToleranceShare));
        MetricTable(md, ToleranceReasons(m), [.. rows]);
        var within = m.Tolerance is { } t ? $" within {Escape(ReportFormat.Tolerance(t, Unit))} |" : "";
        md.AppendLine($"| component | MAE{unit} | RMSE{unit} | R² |{within}").AppendLine($"| --- | ---: | ---: | ---: |{(within.Length > 0 ? " ---: |" : "")}");
        foreach (var c in m.PerComponent)
            md.AppendLine($"| {Escape(c.Name)} | {Show(c.Mae)} | {Show(c.Rmse)} | {Show(c.R2)} |{(within.Length > 0 ? $" {Optional(c.WithinToleranceShare)} |" : "")}");
        md.AppendLine();
        Image(md, files?.WorstPredictions, $"{Name} worst predictions");
    }

    private static string Show(double? value) => value is { } v ? ReportFormat.Value(v) : "undefined";

    /// <summary>Why each tolerance share that is null is undefined, keyed by its <see cref="VectorMetrics"/> property.</summary>
    private Dictionary<string, string> ToleranceReasons(VectorMetrics m)
    {
        string? general = m.Tolerance is null ? "no tolerance declared" : m.Count == 0 ? "no samples" : null;
        var reasons = new Dictionary<string, string>();
        if (general is not null)
            foreach (var name in new[] { "WithinToleranceShare", "AllWithinToleranceShare", "PointsWithinToleranceShare" }) reasons[name] = general;
        else if (m.PointsWithinToleranceShare is null) reasons["PointsWithinToleranceShare"] = "not a points target";
        return reasons;
    }

    internal override void WritePredictions(StringBuilder csv)
    {
        PredictionsCsv.Header(csv, new[] { "image" }.Concat(Components.Select(c => "actual:" + c)).Concat(Components.Select(c => "predicted:" + c))
            .Concat(Box is null ? [] : ["iou"]));
        foreach (var s in Samples)
        {
            csv.Append(PredictionsCsv.Quote(ReportPaths.Image(s.ImagePath)));
            foreach (var a in s.Actual) csv.Append(',').Append(PredictionsCsv.Number(a));
            foreach (var p in s.Predicted) csv.Append(',').Append(PredictionsCsv.Number(p));
            if (s.IoU is { } iou) csv.Append(',').Append(PredictionsCsv.Number(iou));
            csv.AppendLine();
        }
    }

    internal override (string Title, IReadOnlyList<SheetItem> Items)? WorstSheet(int count)
    {
        var worst = (Box is null ? Samples.OrderByDescending(s => s.MeanAbsoluteError) : Samples.OrderBy(s => s.IoU)).Take(count).ToArray();
        string Values(IReadOnlyList<float> values) => string.Join(" ", values.Select(x => ReportFormat.Value(x)));
        return (Box is null ? $"{Name}: the {worst.Length} largest mean absolute errors" : $"{Name}: the {worst.Length} lowest IoUs",
            worst.Select(s => new SheetItem(s.ImagePath, $"true: {Values(s.Actual)}", $"pred: {Values(s.Predicted)}",
                s.IoU is { } iou ? $"IoU {ReportFormat.Metric(iou)}" : $"MAE {ReportFormat.Value(s.MeanAbsoluteError)}") { Marks = Marks(s), Explain = WorstComponent(s) }).ToArray());
    }

    /// <summary>For the heatmap sheet: the component with the largest absolute error (the box edge or coordinate most wrong).</summary>
    private SheetExplain WorstComponent(VectorSample s)
    {
        int worst = Enumerable.Range(0, Components.Count).OrderByDescending(c => Math.Abs((double)s.Predicted[c] - s.Actual[c])).First();
        return new(Explanations.ExplainTarget.Of(Name, worst), $"{Components[worst]} (worst)");
    }

    /// <summary>
    /// Where a box or points target's values lie in the image: value v is at (v − Origin) / Width
    /// across and (v − Origin) / Height down. Null for a plain vector, or when the image size is unknown.
    /// </summary>
    internal (double Origin, double Width, double Height)? Frame { get; init; }

    /// <summary>The truth's and the prediction's box or points over the image, for the contact sheet.</summary>
    private IReadOnlyList<SheetMark> Marks(VectorSample s)
    {
        if (Frame is not { } f) return [];
        var marks = new List<SheetMark>();
        foreach (var (values, predicted) in new[] { (s.Actual, false), (s.Predicted, true) })
        {
            double X(double v) => (v - f.Origin) / f.Width;
            double Y(double v) => (v - f.Origin) / f.Height;
            if (Box is { } format)
            {
                var (x1, y1, x2, y2) = Boxes.Corners(format, values.ToArray());
                marks.Add(new SheetMark(predicted, X(x1), Y(y1), X(x2), Y(y2)));
            }
            else
                for (int k = 0; k + 1 < values.Count; k += 2) marks.Add(new SheetMark(predicted, X(values[k]), Y(values[k + 1])));
        }
        return marks;
    }
}

/// <summary>One image's outcome for a vector target.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Actual">The true components.</param>
/// <param name="Predicted">The predicted components.</param>
/// <param name="IoU">For a box, the intersection over union of the two boxes; else null.</param>
public sealed record VectorSample(string ImagePath, IReadOnlyList<float> Actual, IReadOnlyList<float> Predicted, double? IoU)
{
    /// <summary>Mean absolute error over the components.</summary>
    public double MeanAbsoluteError => Actual.Zip(Predicted, (a, p) => Math.Abs((double)p - a)).Average();
}

/// <summary>Metrics of a vector target: overall (averaged over components, as scikit-learn's uniform average) and per component.</summary>
/// <param name="Count">Images scored.</param>
/// <param name="Mae">MAE averaged over components.</param>
/// <param name="Rmse">Root of the MSE averaged over components.</param>
/// <param name="R2">R² averaged over components; null for fewer than two images.</param>
/// <param name="PerComponent">MAE, RMSE and R² of each component.</param>
/// <param name="MeanIoU">Mean intersection over union of a box target; null for other vectors.</param>
/// <param name="IoUAbove50">Share of boxes with IoU at least 0.5; null for other vectors.</param>
/// <param name="IoUAbove75">Share of boxes with IoU at least 0.75; null for other vectors.</param>
/// <param name="Tolerance">The declared tolerance of each component, if any.</param>
/// <param name="WithinToleranceShare">Share of (image, component) values with |error| ≤ <paramref name="Tolerance"/>; null without a tolerance or samples.</param>
/// <param name="AllWithinToleranceShare">Share of images whose every component (a box's every coordinate) has |error| ≤ <paramref name="Tolerance"/>; null without a tolerance or samples.</param>
/// <param name="PointsWithinToleranceShare">
/// For a points target, share of (image, point) pairs whose predicted point is no farther than
/// <paramref name="Tolerance"/> from the true one (Euclidean distance; PCK at that distance); else null.
/// </param>
public sealed record VectorMetrics(long Count, double? Mae, double? Rmse, double? R2, IReadOnlyList<ComponentMetrics> PerComponent,
    double? MeanIoU, double? IoUAbove50, double? IoUAbove75,
    double? Tolerance = null, double? WithinToleranceShare = null, double? AllWithinToleranceShare = null, double? PointsWithinToleranceShare = null);

/// <summary>Metrics of one component of a vector target.</summary>
/// <param name="Name">The component.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="R2">Coefficient of determination; null for fewer than two images.</param>
/// <param name="WithinToleranceShare">Share of images whose error in this component is at most the target's tolerance; null without a tolerance or samples.</param>
public sealed record ComponentMetrics(string Name, double? Mae, double? Rmse, double? R2, double? WithinToleranceShare = null);

/// <summary>Scores a vector, points or box target per component and overall, and boxes by IoU.</summary>
internal sealed class VectorScorer(int index, VectorTargetSpec target) : TargetScorer(index)
{
    private readonly RegressionMetricsAccumulator overall = new(target.Components.Count, target.Components, target.Tolerance);
    private readonly double[] absolute = new double[target.Components.Count];
    private readonly double[] squared = new double[target.Components.Count];
    // Counts against the declared tolerance: per component, images with every component within, and points within by distance.
    private readonly long[] within = new long[target.Components.Count];
    private long allWithin, pointsWithin;
    private readonly List<VectorSample> samples = [];
    private double iouSum;
    private long above50, above75;

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
    {
        var predicted = prediction.Values(TargetIndex);
        overall.Add(truth, predicted);
        bool every = true;
        for (int c = 0; c < predicted.Length; c++)
        {
            double e = (double)predicted[c] - truth[c];
            absolute[c] += Math.Abs(e);
            squared[c] += e * e;
            if (target.Tolerance is { } t)
            {
                if (ToleranceRules.Within(e, t)) within[c]++;
                else every = false;
            }
        }
        if (target.Tolerance is { } tolerance)
        {
            if (every) allWithin++;
            if (target.Points)
                for (int k = 0; k + 1 < predicted.Length; k += 2)
                {
                    double dx = (double)predicted[k] - truth[k], dy = (double)predicted[k + 1] - truth[k + 1];
                    if (ToleranceRules.Within(Math.Sqrt(dx * dx + dy * dy), tolerance)) pointsWithin++;
                }
        }
        double? iou = null;
        if (target.Box is { } format)
        {
            double value = Boxes.IoU(format, truth, predicted);
            iou = value;
            iouSum += value;
            if (value >= 0.5) above50++;
            if (value >= 0.75) above75++;
        }
        samples.Add(new VectorSample(imagePath, truth.ToArray(), predicted, iou));
    }

    public override TargetEvaluation Finish()
    {
        var m = overall.Compute();
        long n = m.Count;
        bool shares = target.Tolerance is not null && n > 0;
        var perComponent = target.Components.Select((name, c) => new ComponentMetrics(name,
            n > 0 ? absolute[c] / n : null, n > 0 ? Math.Sqrt(squared[c] / n) : null, m.PerOutputR2?[c], shares ? (double)within[c] / n : null)).ToArray();
        bool box = target.Box is not null && n > 0;
        var metrics = new VectorMetrics(n, m.Mae, m.Rmse, m.R2, perComponent,
            box ? iouSum / n : null, box ? (double)above50 / n : null, box ? (double)above75 / n : null,
            target.Tolerance, m.WithinToleranceShare, shares ? (double)allWithin / n : null,
            shares && target.Points ? (double)pointsWithin / (n * (target.Components.Count / 2)) : null);
        return new VectorEvaluation(target.Name, target.Unit, target.Components, target.Box, metrics) { Samples = samples, Target = target, Frame = ImageFrame() };
    }

    /// <summary>See <see cref="VectorEvaluation.Frame"/>: [Min, Max] spans the image when bounded, else the values are pixels of the input.</summary>
    private (double, double, double)? ImageFrame()
    {
        if (!target.MovesWithImage) return null;
        if (target.IsBounded) return (target.Min!.Value, target.Max!.Value - target.Min.Value, target.Max.Value - target.Min.Value);
        return Input is { } input ? (0, input.Width, input.Height) : null;
    }
}
