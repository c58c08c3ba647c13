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

/// <summary>Metrics of an ordinal target: exact accuracy, errors in ranks, quadratic weighted kappa, confusion matrix.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Metrics">The metrics; MAE and RMSE are in ranks.</param>
public sealed record OrdinalEvaluation(string Name, OrdinalMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order (empty when built without them).</summary>
    [JsonIgnore]
    public IReadOnlyList<OrdinalSample> Samples { get; init; } = [];

    private protected override TargetKind DefaultKind => TargetKinds.Ordinal;

    internal override bool HasSamples => Samples.Count > 0;

    internal override double? Headline(Metric metric) => metric switch
    {
        Metric.Accuracy => Metrics.Accuracy,
        Metric.Mae => Metrics.Mae,
        Metric.Rmse => Metrics.Rmse,
        Metric.WithinOneRank => Metrics.WithinOneRank,
        Metric.QuadraticKappa => Metrics.QuadraticWeightedKappa,
        _ => null,
    };

    internal override void WriteJson(Utf8JsonWriter json, int worstCount)
    {
        var m = Metrics;
        json.WriteNumber("count", m.Count);
        json.WriteStartArray("ranks");
        foreach (var rank in m.Labels) json.WriteStringValue(rank);
        json.WriteEndArray();
        ReportJson.Metrics(json, m.UndefinedReasons,
            ("accuracy", m.Accuracy), ("mae", m.Mae), ("rmse", m.Rmse), ("withinOneRank", m.WithinOneRank),
            ("quadraticWeightedKappa", m.QuadraticWeightedKappa), ("expectedRankMae", m.ExpectedRankMae), ("expectedRankRmse", m.ExpectedRankRmse));
        ReportJson.ConfusionMatrix(json, m.ConfusionMatrix);
        json.WriteStartArray("rankErrors");
        var errors = m.ErrorCounts();
        for (int i = 0; i < errors.Length; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("error", i - (m.Labels.Count - 1));
            json.WriteNumber("count", errors[i]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal override void WriteMarkdown(StringBuilder md, TargetFiles? files, int worstCount, string? directory)
    {
        var m = Metrics;
        md.AppendLine($"## {Escape(Name)}: ordinal ({m.Labels.Count} ranks, {Escape(m.Labels[0])} to {Escape(m.Labels[^1])})").AppendLine();
        MetricTable(md, m.UndefinedReasons,
            ("exact accuracy", nameof(m.Accuracy), m.Accuracy), ("MAE (ranks)", nameof(m.Mae), m.Mae), ("RMSE (ranks)", nameof(m.Rmse), m.Rmse),
            ("share within ±1 rank", nameof(m.WithinOneRank), m.WithinOneRank), ("quadratic weighted kappa", nameof(m.QuadraticWeightedKappa), m.QuadraticWeightedKappa),
            ("MAE of the expected rank", nameof(m.ExpectedRankMae), m.ExpectedRankMae), ("RMSE of the expected rank", nameof(m.ExpectedRankRmse), m.ExpectedRankRmse));
        md.AppendLine("Confusion matrix (rows: true rank, columns: predicted rank):").AppendLine();
        ConfusionTable(md, m.ConfusionMatrix);
        Image(md, files?.ConfusionMatrix, $"{Name} confusion matrix");
        foreach (var (_, file) in files?.Other ?? []) Image(md, file, $"{Name} rank errors");
        Image(md, files?.WorstPredictions, $"{Name} worst predictions");
    }

    internal override void WritePredictions(StringBuilder csv)
    {
        var ranks = Metrics.Labels;
        PredictionsCsv.Header(csv, new[] { "image", "actual", "predicted", "expected" }.Concat(ranks.Select(r => "p:" + r)));
        foreach (var s in Samples)
        {
            csv.Append(PredictionsCsv.Quote(s.ImagePath)).Append(',').Append(PredictionsCsv.Quote(ranks[s.TrueRank])).Append(',')
                .Append(PredictionsCsv.Quote(ranks[s.PredictedRank])).Append(',').Append(PredictionsCsv.Number(s.ExpectedRank));
            foreach (var p in s.Probabilities) csv.Append(',').Append(PredictionsCsv.Number(p));
            csv.AppendLine();
        }
    }

    internal override (string Title, IReadOnlyList<SheetItem> Items)? WorstSheet(int count)
    {
        var ranks = Metrics.Labels;
        var worst = Samples.Where(s => s.Error != 0).OrderByDescending(s => Math.Abs(s.Error)).ThenByDescending(s => Math.Abs(s.ExpectedRank - s.TrueRank)).Take(count).ToArray();
        return ($"{Name}: the {worst.Length} largest rank errors",
            worst.Select(s => new SheetItem(s.ImagePath, $"true: {ranks[s.TrueRank]}", $"pred: {ranks[s.PredictedRank]}", $"expected: {ReportFormat.Value(s.ExpectedRank)}")).ToArray());
    }

    /// <summary>The predictions CSV, the confusion matrix, a histogram of rank errors and the worst predictions.</summary>
    internal override void WriteFiles(TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        base.WriteFiles(files, options, save);
        if (!options.Plots || Metrics.Count == 0) return;
        files.ConfusionMatrix = save($"{files.Prefix}-confusion.png", path => ConfusionMatrixPlot.Save(Name, Metrics.ConfusionMatrix, path));
        if (save($"{files.Prefix}-rank-errors.png", SaveErrorHistogram) is { } histogram) files.Other.Add(("rankErrors", histogram));
    }

    private void SaveErrorHistogram(string path)
    {
        var counts = Metrics.ErrorCounts();
        int k = Metrics.Labels.Count;
        var plot = PlotStyle.Create($"{Name}: rank errors ({Metrics.Count} images)", "Predicted rank − true rank", "Images");
        var bars = plot.Add.Bars(Enumerable.Range(0, counts.Length).Select(i => (double)(i - (k - 1))).ToArray(), counts.Select(c => (double)c).ToArray());
        bars.Color = PlotStyle.ClassColor(0, 1);
        var ticks = Enumerable.Range(-(k - 1), 2 * k - 1).Select(e => (double)e).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(t => t.ToString(ReportFormat.Culture)).ToArray());
        plot.Axes.Margins(bottom: 0);
        PlotStyle.Save(plot, path);
    }
}

/// <summary>One image's outcome for an ordinal target.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="TrueRank">The true rank's index.</param>
/// <param name="PredictedRank">The predicted rank's index.</param>
/// <param name="ExpectedRank">The model's expected rank (an index, fractional).</param>
/// <param name="Probabilities">Each rank's probability, lowest first.</param>
public sealed record OrdinalSample(string ImagePath, int TrueRank, int PredictedRank, double ExpectedRank, IReadOnlyList<float> Probabilities)
{
    /// <summary>Predicted minus true rank.</summary>
    public int Error => PredictedRank - TrueRank;
}

/// <summary>Scores an ordinal target.</summary>
internal sealed class OrdinalScorer(int index, OrdinalTargetSpec target) : TargetScorer(index)
{
    private readonly OrdinalMetricsAccumulator metrics = new(target.Ranks);
    private readonly List<OrdinalSample> samples = [];

    public override void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction)
    {
        int actual = (int)truth[0];
        int predicted = prediction.Rank(TargetIndex);
        double expected = prediction.ExpectedRank(TargetIndex);
        metrics.Add(actual, predicted, expected);
        samples.Add(new OrdinalSample(imagePath, actual, predicted, expected, prediction.RankProbabilities(TargetIndex)));
    }

    public override TargetEvaluation Finish() => new OrdinalEvaluation(target.Name, metrics.Compute()) { Samples = samples, Target = target };
}
