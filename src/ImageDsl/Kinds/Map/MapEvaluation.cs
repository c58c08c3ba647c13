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

    /// <summary>Error by true value: MAE and AbsRel per bin of true value, over the same pixels as <see cref="Metrics"/>.</summary>
    public IReadOnlyList<DepthBin> ErrorByDepth { get; init; } = [];

    /// <summary>The maps of the worst images (highest AbsRel first, at most <see cref="KeptMaps.Capacity"/>), by sample index, for the report's pictures.</summary>
    [JsonIgnore]
    internal IReadOnlyList<(int Index, double Score, KeptMaps Maps)> WorstMaps { get; init; } = [];

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
        json.WriteStartArray("errorByDepth");
        foreach (var b in ErrorByDepth)
        {
            json.WriteStartObject();
            json.WriteNumber("low", b.Low);
            json.WriteNumber("high", b.High);
            json.WriteNumber("pixels", b.Pixels);
            ReportJson.FiniteOrNull(json, "mae", b.Mae);
            ReportJson.FiniteOrNull(json, "absRel", b.AbsRel);
            json.WriteEndObject();
        }
        json.WriteEndArray();
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

    /// <summary>The worst images whose maps were kept, in the order of <see cref="Worst"/> (a stable sort, as the scorer's keeper ranks ties).</summary>
    internal IReadOnlyList<(string ImagePath, double AbsRel, KeptMaps Maps)> WorstPictures(int count) =>
        WorstMaps.Take(count).Where(w => w.Index < Samples.Count).Select(w => (Samples[w.Index].ImagePath, Samples[w.Index].AbsRel, w.Maps)).ToList();

    /// <summary>The predictions CSV, the error-by-depth plot and the worst images' pictures.</summary>
    internal override void WriteFiles(TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        base.WriteFiles(files, options, save);
        if (!options.Plots) return;
        if (ErrorByDepth.Count > 0 && save($"{files.Prefix}-error-by-depth.png", path => DepthErrorPlot.Save(this, path)) is { } plot)
            files.Other.Add(("errorByDepth", plot));
        if (options.WorstPredictions > 0 && WorstPictures(options.WorstPredictions) is { Count: > 0 } worst)
            files.WorstPredictions = save($"{files.Prefix}-worst.png", path => MapPictures.Save(this, worst, path));
    }

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
        var byDepth = files?.Other.FirstOrDefault(f => f.Name == "errorByDepth").File;
        if (byDepth is not null) md.AppendLine("Error by true value: mean absolute error and AbsRel per bin of true value.").AppendLine();
        Image(md, byDepth, $"{Name}: error by true value");
        WorstImages(md, Name, "AbsRel", Worst(worstCount).Select(s => (s.ImagePath, s.AbsRel)).ToList(), directory);
        if (files?.WorstPredictions is { } pictures)
        {
            md.AppendLine("Each row: the input; the truth and the prediction on one colour scale (invalid truth black); |prediction − truth| (grey where the truth is invalid).").AppendLine();
            Image(md, pictures, $"{Name}: the worst images' truth, prediction and error");
        }
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
    private readonly DepthMetricsAccumulator metrics = new(MaxPrediction(target));
    private readonly DepthErrorBins bins = new(MaxPrediction(target));
    private readonly WorstKept<KeptMaps> worst = new(KeptMaps.Capacity);
    private readonly List<MapSample> samples = [];

    private static double MaxPrediction(MapTargetSpec target) => double.IsNaN(target.Max) ? 80 : target.Max;

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
    {
        var predicted = prediction.Decoded(TargetIndex);
        double absRel = metrics.Add(truth, predicted);
        bins.Add(truth, predicted);
        if (worst.Accepts(absRel)) worst.Add(samples.Count, absRel, new KeptMaps(target.Width, target.Height, truth.ToArray(), predicted.ToArray()));
        samples.Add(new MapSample(imagePath, absRel));
    }

    public override TargetEvaluation Finish() =>
        new MapEvaluation(target.Name, target.Unit, metrics.PerImage(), metrics.Pooled())
        {
            Samples = samples, Target = target, ErrorByDepth = bins.Bins(), WorstMaps = worst.Items.ToArray(),
        };
}
