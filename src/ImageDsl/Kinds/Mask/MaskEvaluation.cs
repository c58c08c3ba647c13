using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Specs;
using static ImageDsl.Reports.ReportMarkdown;

namespace ImageDsl.Evaluation;

/// <summary>Metrics of a mask over its non-ignored pixels: pixel accuracy, per-class and mean IoU, Dice.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Classes">The class names, index 0 first.</param>
/// <param name="Metrics">The metrics.</param>
public sealed record MaskEvaluation(string Name, IReadOnlyList<string> Classes, MaskMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order.</summary>
    [JsonIgnore]
    public IReadOnlyList<MaskSample> Samples { get; init; } = [];

    /// <summary>The masks of the worst images (lowest pixel accuracy first, at most <see cref="KeptMaps.Capacity"/>), by sample index, for the report's pictures.</summary>
    [JsonIgnore]
    internal IReadOnlyList<(int Index, double Score, KeptMaps Maps)> WorstMaps { get; init; } = [];

    private protected override TargetKind DefaultKind => TargetKinds.Mask;

    internal override bool HasSamples => Samples.Count > 0;

    internal override double? Headline(Metric metric) => metric switch
    {
        Metric.PixelAccuracy => Metrics.PixelAccuracy,
        Metric.MeanIoU => Metrics.MeanIoU,
        Metric.Dice => Metrics.MeanDice,
        _ => null,
    };

    internal override void WriteJson(Utf8JsonWriter json, int worstCount)
    {
        json.WriteNumber("pixels", Metrics.Pixels);
        ReportJson.FiniteOrNull(json, "pixelAccuracy", Metrics.PixelAccuracy);
        ReportJson.FiniteOrNull(json, "meanIoU", Metrics.MeanIoU);
        ReportJson.FiniteOrNull(json, "meanDice", Metrics.MeanDice);
        json.WriteStartObject("classes");
        for (int c = 0; c < Classes.Count; c++)
        {
            json.WriteStartObject(Classes[c]);
            ReportJson.FiniteOrNull(json, "iou", Metrics.ClassIoU[c]);
            ReportJson.FiniteOrNull(json, "dice", Metrics.ClassDice[c]);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartArray("worstPredictions");
        foreach (var s in Worst(worstCount))
        {
            json.WriteStartObject();
            json.WriteString("image", ReportPaths.Image(s.ImagePath));
            json.WriteNumber("pixelAccuracy", s.PixelAccuracy);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private IEnumerable<MaskSample> Worst(int count) => Samples.Where(s => double.IsFinite(s.PixelAccuracy)).OrderBy(s => s.PixelAccuracy).Take(count);

    /// <summary>The worst images whose masks were kept, in the order of <see cref="Worst"/>.</summary>
    internal IReadOnlyList<(string ImagePath, double PixelAccuracy, KeptMaps Maps)> WorstPictures(int count) =>
        WorstMaps.Take(count).Where(w => w.Index < Samples.Count).Select(w => (Samples[w.Index].ImagePath, Samples[w.Index].PixelAccuracy, w.Maps)).ToList();

    /// <summary>The predictions CSV and the worst images' overlays.</summary>
    internal override void WriteFiles(TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        base.WriteFiles(files, options, save);
        if (options.Plots && options.WorstPredictions > 0 && WorstPictures(options.WorstPredictions) is { Count: > 0 } worst)
            files.WorstPredictions = save($"{files.Prefix}-worst.png", path => MaskPictures.Save(this, worst, path));
    }

    internal override void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory)
    {
        var m = Metrics;
        md.AppendLine($"## {Escape(Name)}: mask").AppendLine();
        md.AppendLine($"Pixel accuracy {ReportFormat.Value(m.PixelAccuracy)}, mean IoU {ReportFormat.Value(m.MeanIoU)}, mean Dice {ReportFormat.Value(m.MeanDice)} over {m.Pixels} pixels.").AppendLine();
        md.AppendLine("| class | IoU | Dice |").AppendLine("| --- | ---: | ---: |");
        for (int c = 0; c < Classes.Count; c++)
            md.AppendLine($"| {Escape(Classes[c])} | {ReportFormat.Value(m.ClassIoU[c])} | {ReportFormat.Value(m.ClassDice[c])} |");
        md.AppendLine();
        WorstImages(md, Name, "pixel accuracy", Worst(worstCount).Select(s => (s.ImagePath, s.PixelAccuracy)).ToList(), directory);
        if (files?.WorstPredictions is { } pictures)
        {
            md.AppendLine("Each row: the input; the true and the predicted mask over it; the wrong pixels in red.").AppendLine();
            Image(md, pictures, $"{Name}: the worst images' true and predicted masks");
        }
    }

    internal override void WritePredictions(StringBuilder csv)
    {
        csv.AppendLine("image,pixelAccuracy");
        foreach (var s in Samples) csv.AppendLine($"{PredictionsCsv.Quote(ReportPaths.Image(s.ImagePath))},{PredictionsCsv.Number(s.PixelAccuracy)}");
    }
}

/// <summary>One image of a mask's evaluation: its pixel accuracy (NaN with no scored pixel).</summary>
public sealed record MaskSample(string ImagePath, double PixelAccuracy);

/// <summary>Scores a mask over the dataset's pixels.</summary>
internal sealed class MaskScorer(int index, MaskTargetSpec target) : TargetScorer(index)
{
    private readonly MaskMetricsAccumulator metrics = new(target.Classes.Count);
    private readonly WorstKept<KeptMaps> worst = new(KeptMaps.Capacity);
    private readonly List<MaskSample> samples = [];

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
    {
        var predicted = prediction.Decoded(TargetIndex);
        double accuracy = metrics.Add(truth, predicted);
        // Lowest accuracy first: the keeper keeps the highest scores.
        if (worst.Accepts(1 - accuracy)) worst.Add(samples.Count, 1 - accuracy, new KeptMaps(target.Width, target.Height, truth.ToArray(), predicted.ToArray()));
        samples.Add(new MaskSample(imagePath, accuracy));
    }

    public override TargetEvaluation Finish() =>
        new MaskEvaluation(target.Name, target.Classes, metrics.Compute()) { Samples = samples, Target = target, WorstMaps = worst.Items.ToArray() };
}
