using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Reports.Plots;
using ImageDsl.Specs;
using static ImageDsl.Reports.ReportMarkdown;

// An ordinal target's evaluation: its typed result, samples, scorer and report sections, and
// the metrics it reports (with their accumulator).
namespace ImageDsl.Evaluation
{
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
                csv.Append(PredictionsCsv.Quote(ReportPaths.Image(s.ImagePath))).Append(',').Append(PredictionsCsv.Quote(ranks[s.TrueRank])).Append(',')
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
}

namespace ImageDsl.Metrics
{
    /// <summary>
    /// Metrics of an ordinal target (ranks 0 … K − 1, in order) over a dataset. Errors are in
    /// ranks: predicted rank − true rank. Agrees with scikit-learn 1.2.1 given <c>labels</c> =
    /// every rank (<c>range(K)</c>). A metric that is undefined for the data seen is <c>null</c>,
    /// and <see cref="UndefinedReasons"/> says why.
    /// </summary>
    public sealed record OrdinalMetrics
    {
        /// <summary>Rank names, lowest rank first.</summary>
        public required IReadOnlyList<string> Labels { get; init; }

        /// <summary>Number of samples seen.</summary>
        public required long Count { get; init; }

        /// <summary>Share of samples whose predicted rank is the true rank.</summary>
        public required double? Accuracy { get; init; }

        /// <summary>Mean absolute difference between the predicted and the true rank.</summary>
        public required double? Mae { get; init; }

        /// <summary>Root of the mean squared difference between the predicted and the true rank.</summary>
        public required double? Rmse { get; init; }

        /// <summary>Share of samples whose predicted rank is at most one rank away from the true one.</summary>
        public required double? WithinOneRank { get; init; }

        /// <summary>
        /// Cohen's kappa with quadratic weights (i − j)² over all K ranks: scikit-learn's
        /// <c>cohen_kappa_score(y_true, y_pred, weights="quadratic", labels=range(K))</c>. Without
        /// <c>labels</c>, scikit-learn weights by position among the ranks present, which differs
        /// when a rank between two present ones never occurs. Undefined when the chance-expected
        /// disagreement is 0 (every true and predicted rank the same single rank), where
        /// scikit-learn returns NaN.
        /// </summary>
        public required double? QuadraticWeightedKappa { get; init; }

        /// <summary>Mean absolute difference between the model's expected rank (a number) and the true rank.</summary>
        public required double? ExpectedRankMae { get; init; }

        /// <summary>Root of the mean squared difference between the model's expected rank and the true rank.</summary>
        public required double? ExpectedRankRmse { get; init; }

        /// <summary>Counts of (true rank, predicted rank); rows are the true rank.</summary>
        public required ConfusionMatrix ConfusionMatrix { get; init; }

        /// <summary>For every metric that is <c>null</c>, keyed by its property name: why it is undefined.</summary>
        public required IReadOnlyDictionary<string, string> UndefinedReasons { get; init; }

        /// <summary>
        /// How many samples have each signed rank error, predicted − true: index <c>e + K − 1</c>
        /// counts error <c>e</c>, from −(K − 1) to K − 1 (the data of a rank-error histogram).
        /// </summary>
        public long[] ErrorCounts()
        {
            var k = Labels.Count;
            var counts = new long[2 * k - 1];
            for (var actual = 0; actual < k; actual++)
            {
                for (var predicted = 0; predicted < k; predicted++)
                {
                    counts[predicted - actual + k - 1] += ConfusionMatrix[actual, predicted];
                }
            }

            return counts;
        }
    }

    /// <summary>
    /// Accumulates the results of an ordinal target sample by sample and computes
    /// <see cref="OrdinalMetrics"/> matching scikit-learn 1.2.1 with <c>labels=range(K)</c>.
    /// </summary>
    /// <remarks>
    /// Memory: O(K²) counts and two compensated sums; nothing per sample. Every metric of the
    /// predicted rank is a function of the confusion matrix, so it is computed from integer
    /// counts, exactly, up to the final division. Not thread-safe.
    /// </remarks>
    public sealed class OrdinalMetricsAccumulator
    {
        private readonly string[] _labels;
        private readonly long[,] _confusion;
        private CompensatedSum _expectedAbsoluteError;
        private CompensatedSum _expectedSquaredError;

        /// <summary>Creates an empty accumulator for the given ranks.</summary>
        /// <param name="rankNames">Rank names, lowest rank first; index <c>r</c> names rank <c>r</c>. At least two.</param>
        public OrdinalMetricsAccumulator(IReadOnlyList<string> rankNames)
        {
            _labels = MetricsInput.Labels(rankNames, minimum: 2, nameof(rankNames));
            _confusion = new long[_labels.Length, _labels.Length];
        }

        /// <summary>Rank names, lowest rank first.</summary>
        public IReadOnlyList<string> Labels => _labels;

        /// <summary>Number of samples added so far.</summary>
        public long Count { get; private set; }

        /// <summary>Adds one sample.</summary>
        /// <param name="trueRank">The true rank, 0 … K − 1.</param>
        /// <param name="predictedRank">The predicted rank, 0 … K − 1.</param>
        /// <param name="expectedRank">The model's expected rank, a number in [0, K − 1].</param>
        /// <exception cref="ArgumentOutOfRangeException">A rank is outside 0 … K − 1, or the expected rank outside [0, K − 1].</exception>
        /// <exception cref="ArgumentException">The expected rank is NaN or infinite.</exception>
        public void Add(int trueRank, int predictedRank, double expectedRank)
        {
            var last = _labels.Length - 1;
            ArgumentOutOfRangeException.ThrowIfNegative(trueRank);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(trueRank, last);
            ArgumentOutOfRangeException.ThrowIfNegative(predictedRank);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(predictedRank, last);
            MetricsInput.Finite(expectedRank, nameof(expectedRank));
            if (expectedRank < 0 || expectedRank > last)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(expectedRank), expectedRank, $"The expected rank must lie in [0, {last}], the range of the {_labels.Length} ranks.");
            }

            _confusion[trueRank, predictedRank]++;
            var error = expectedRank - trueRank;
            _expectedAbsoluteError.Add(Math.Abs(error));
            _expectedSquaredError.Add(error * error);
            Count++;
        }

        /// <summary>Computes the metrics of everything added so far; the accumulator stays usable.</summary>
        public OrdinalMetrics Compute()
        {
            var k = _labels.Length;
            long hits = 0, withinOne = 0, absoluteErrors = 0, squaredErrors = 0;
            for (var actual = 0; actual < k; actual++)
            {
                for (var predicted = 0; predicted < k; predicted++)
                {
                    var count = _confusion[actual, predicted];
                    long distance = Math.Abs(predicted - actual);
                    hits += distance == 0 ? count : 0;
                    withinOne += distance <= 1 ? count : 0;
                    absoluteErrors += distance * count;
                    squaredErrors += distance * distance * count;
                }
            }

            var undefined = new UndefinedMetrics();
            var any = Count > 0;
            double n = Count;
            double? IfAny(string metric, Func<double> value) =>
                undefined.Check(metric, any ? value() : null, MetricsInput.NoSamplesReason);

            return new OrdinalMetrics
            {
                Labels = _labels,
                Count = Count,
                Accuracy = IfAny(nameof(OrdinalMetrics.Accuracy), () => hits / n),
                Mae = IfAny(nameof(OrdinalMetrics.Mae), () => absoluteErrors / n),
                Rmse = IfAny(nameof(OrdinalMetrics.Rmse), () => Math.Sqrt(squaredErrors / n)),
                WithinOneRank = IfAny(nameof(OrdinalMetrics.WithinOneRank), () => withinOne / n),
                QuadraticWeightedKappa = QuadraticWeightedKappa(undefined),
                ExpectedRankMae = IfAny(nameof(OrdinalMetrics.ExpectedRankMae), () => _expectedAbsoluteError.Value / n),
                ExpectedRankRmse = IfAny(nameof(OrdinalMetrics.ExpectedRankRmse), () => Math.Sqrt(_expectedSquaredError.Value / n)),
                ConfusionMatrix = new ConfusionMatrix(_labels, _confusion),
                UndefinedReasons = undefined.ToDictionary(),
            };
        }

        /// <summary>
        /// κ = 1 − Σ w·observed / Σ w·expected with w = (i − j)² and expected[i, j] = rows[i]·columns[j] / n.
        /// Multiplied through by n, both sums are integers; Int128 keeps them exact for any count a
        /// dataset can have, so the only rounding is the final division.
        /// </summary>
        private double? QuadraticWeightedKappa(UndefinedMetrics undefined)
        {
            const string metric = nameof(OrdinalMetrics.QuadraticWeightedKappa);
            if (Count == 0)
            {
                return undefined.Undefined(metric, MetricsInput.NoSamplesReason);
            }

            var k = _labels.Length;
            var trueTotals = new long[k];
            var predictedTotals = new long[k];
            Int128 observed = 0;
            for (var actual = 0; actual < k; actual++)
            {
                for (var predicted = 0; predicted < k; predicted++)
                {
                    var count = _confusion[actual, predicted];
                    trueTotals[actual] += count;
                    predictedTotals[predicted] += count;
                    observed += (Int128)Weight(actual, predicted) * count;
                }
            }

            Int128 chance = 0;
            for (var actual = 0; actual < k; actual++)
            {
                for (var predicted = 0; predicted < k; predicted++)
                {
                    chance += (Int128)Weight(actual, predicted) * trueTotals[actual] * predictedTotals[predicted];
                }
            }

            if (chance == 0)
            {
                var only = Array.FindIndex(trueTotals, t => t > 0);
                return undefined.Undefined(
                    metric,
                    $"every true and predicted rank is '{_labels[only]}': the disagreement expected by chance is 0, so kappa is 0/0 (scikit-learn returns NaN)");
            }

            return 1.0 - (double)(observed * Count) / (double)chance;
        }

        private static long Weight(int actual, int predicted) => (long)(actual - predicted) * (actual - predicted);
    }
}
