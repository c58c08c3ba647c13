using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Specs;
using static ImageDsl.Reports.ReportMarkdown;

namespace ImageDsl.Evaluation;

/// <summary>
/// Metrics of a value map (depth) over its valid pixels, monodepth2's: the headline averages per
/// image (<see cref="Metrics"/>), and the same metrics pooling every valid pixel (<see cref="Pooled"/>).
/// </summary>
/// <param name="Name">The target's name.</param>
/// <param name="Unit">The declared unit, if any.</param>
/// <param name="Metrics">Each image's metrics over its valid pixels, averaged over images.</param>
/// <param name="Pooled">The metrics over all valid pixels at once.</param>
public sealed record MapEvaluation(string Name, string? Unit, DepthMetrics Metrics, DepthMetrics Pooled) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order.</summary>
    [JsonIgnore]
    public IReadOnlyList<MapSample> Samples { get; init; } = [];

    private protected override TargetKind DefaultKind => TargetKinds.Map;

    internal override bool HasSamples => Samples.Count > 0;

    internal override double? Headline(Metric metric) => metric switch
    {
        Metric.AbsRel => Metrics.AbsRel,
        Metric.SqRel => Metrics.SqRel,
        Metric.Rmse => Metrics.Rmse,
        Metric.RmseLog => Metrics.RmseLog,
        Metric.Delta1 => Metrics.Delta1,
        Metric.Delta2 => Metrics.Delta2,
        Metric.Delta3 => Metrics.Delta3,
        Metric.Mae => Metrics.Mae,
        _ => null,
    };

    private static void Write(Utf8JsonWriter json, string name, DepthMetrics m)
    {
        json.WriteStartObject(name);
        json.WriteNumber("images", m.Images);
        json.WriteNumber("pixels", m.Pixels);
        ReportJson.FiniteOrNull(json, "absRel", m.AbsRel);
        ReportJson.FiniteOrNull(json, "sqRel", m.SqRel);
        ReportJson.FiniteOrNull(json, "rmse", m.Rmse);
        ReportJson.FiniteOrNull(json, "rmseLog", m.RmseLog);
        ReportJson.FiniteOrNull(json, "delta1", m.Delta1);
        ReportJson.FiniteOrNull(json, "delta2", m.Delta2);
        ReportJson.FiniteOrNull(json, "delta3", m.Delta3);
        ReportJson.FiniteOrNull(json, "mae", m.Mae);
        json.WriteEndObject();
    }

    internal override void WriteJson(Utf8JsonWriter json, int worstCount)
    {
        ReportJson.NullableString(json, "unit", Unit);
        json.WriteString("headlineAverage", "per image");
        Write(json, "metrics", Metrics);
        Write(json, "pooled", Pooled);
        json.WriteStartArray("worstPredictions");
        foreach (var s in Worst(worstCount))
        {
            json.WriteStartObject();
            json.WriteString("image", ReportPaths.Image(s.ImagePath));
            json.WriteNumber("absRel", s.AbsRel);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private IEnumerable<MapSample> Worst(int count) => Samples.Where(s => double.IsFinite(s.AbsRel)).OrderByDescending(s => s.AbsRel).Take(count);

    internal override void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory)
    {
        var unit = Escape(ReportFormat.UnitSuffix(Unit));
        md.AppendLine($"## {Escape(Name)}: value map{(Unit is null ? "" : $" ({Escape(Unit)})")}").AppendLine();
        md.AppendLine("Over valid pixels only, as monodepth2 computes them (no median scaling). The headline averages each image's metrics; pooled counts every valid pixel once.").AppendLine();
        md.AppendLine("| metric | per image | pooled |").AppendLine("| --- | ---: | ---: |");
        void Row(string name, double a, double b) => md.AppendLine($"| {name} | {ReportFormat.Value(a)} | {ReportFormat.Value(b)} |");
        var (m, p) = (Metrics, Pooled);
        Row("AbsRel", m.AbsRel, p.AbsRel);
        Row("SqRel", m.SqRel, p.SqRel);
        Row($"RMSE{unit}", m.Rmse, p.Rmse);
        Row("RMSE log", m.RmseLog, p.RmseLog);
        Row("δ < 1.25", m.Delta1, p.Delta1);
        Row("δ < 1.25²", m.Delta2, p.Delta2);
        Row("δ < 1.25³", m.Delta3, p.Delta3);
        Row($"MAE{unit}", m.Mae, p.Mae);
        md.AppendLine();
        WorstImages(md, Name, "AbsRel", Worst(worstCount).Select(s => (s.ImagePath, s.AbsRel)).ToList(), directory);
    }

    internal override void WritePredictions(StringBuilder csv)
    {
        csv.AppendLine("image,absRel");
        foreach (var s in Samples) csv.AppendLine($"{PredictionsCsv.Quote(ReportPaths.Image(s.ImagePath))},{PredictionsCsv.Number(s.AbsRel)}");
    }
}

/// <summary>One image of a value map's evaluation: its AbsRel over its valid pixels (NaN with none).</summary>
public sealed record MapSample(string ImagePath, double AbsRel);

/// <summary>Scores a value map per image and pooled.</summary>
internal sealed class MapScorer(int index, MapTargetSpec target) : TargetScorer(index)
{
    private readonly DepthMetricsAccumulator metrics = new(double.IsNaN(target.Max) ? 80 : target.Max);
    private readonly List<MapSample> samples = [];

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction) =>
        samples.Add(new MapSample(imagePath, metrics.Add(truth, prediction.Decoded(TargetIndex))));

    public override TargetEvaluation Finish() =>
        new MapEvaluation(target.Name, target.Unit, metrics.PerImage(), metrics.Pooled()) { Samples = samples, Target = target };
}
