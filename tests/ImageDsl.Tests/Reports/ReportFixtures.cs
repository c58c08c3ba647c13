using System.Globalization;
using ImageDsl.Evaluation;
using ImageDsl.Metrics;
using ImageDsl.Training;

namespace ImageDsl.Tests.Reports;

/// <summary>
/// Evaluation results built directly from per-image records, as the runtime builds them, so
/// report tests depend neither on training nor on the generator.
/// </summary>
internal static class ReportFixtures
{
    public static readonly DateTimeOffset Timestamp = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static ClassificationEvaluation Classification(string name, IReadOnlyList<string> labels, IReadOnlyList<ClassificationSample> samples)
    {
        var metrics = new MulticlassMetricsAccumulator(labels);
        foreach (var s in samples) metrics.Add(s.TrueIndex, s.Probabilities.ToArray().AsSpan());
        return new ClassificationEvaluation(name, metrics.Compute()) { Samples = samples };
    }

    public static RegressionEvaluation Regression(string name, string? unit, IReadOnlyList<RegressionSample> samples)
    {
        var metrics = new RegressionMetricsAccumulator(1, [name]);
        foreach (var s in samples) metrics.Add(s.Actual, s.Predicted);
        return new RegressionEvaluation(name, unit, metrics.Compute()) { Samples = samples };
    }

    public static EvaluationResult Result(params TargetEvaluation[] targets) =>
        new("Tests.Model", "test-data", targets.Max(t => t switch
        {
            ClassificationEvaluation c => c.Samples.Count,
            RegressionEvaluation r => r.Samples.Count,
            _ => 0,
        }), 0.25, targets) { EvaluatedAt = Timestamp };

    /// <summary>One sample with all the probability on <paramref name="predicted"/> but <paramref name="confidence"/>, the rest spread evenly.</summary>
    public static ClassificationSample Sample(int truth, int predicted, float confidence, int classes, string path = "x.png")
    {
        var p = new float[classes];
        Array.Fill(p, (1 - confidence) / (classes - 1));
        p[predicted] = confidence;
        return new ClassificationSample(path, truth, p);
    }

    /// <summary>
    /// The 200 bundled test digits with seeded synthetic predictions: about 85% right, with a
    /// few confident mistakes; a realistic-looking classification for the plots.
    /// </summary>
    public static ClassificationEvaluation Digits(int seed = 1)
    {
        var random = new Random(seed);
        var samples = new List<ClassificationSample>();
        for (int label = 0; label < 10; label++)
            foreach (var path in Directory.GetFiles(RepositoryPaths.BundledData("digits", "test", label.ToString(CultureInfo.InvariantCulture)), "*.png").Order())
            {
                var logits = Enumerable.Range(0, 10).Select(_ => random.NextDouble() * 2).ToArray();
                logits[random.NextDouble() < 0.85 ? label : random.Next(10)] += 3 + random.NextDouble() * 2;
                var exp = logits.Select(Math.Exp).ToArray();
                samples.Add(new ClassificationSample(path, label, exp.Select(e => (float)(e / exp.Sum())).ToArray()));
            }
        return Classification("Digit", TestSpecs.DigitNames, samples);
    }

    /// <summary>The 200 bundled rotation test images with seeded synthetic predictions: truth plus noise, clamped to the range.</summary>
    public static RegressionEvaluation Rotation(int seed = 2)
    {
        var random = new Random(seed);
        var folder = RepositoryPaths.BundledData("rotation", "test");
        var samples = File.ReadLines(Path.Combine(folder, "labels.csv")).Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            double actual = double.Parse(cells[1], CultureInfo.InvariantCulture);
            double noise = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 12;
            return new RegressionSample(Path.Combine(folder, cells[0]), actual, Math.Clamp(actual + noise, -45, 45));
        }).ToArray();
        return Regression("Angle", "degrees", samples);
    }

    public static TrainingHistory History(int epochs = 8, bool validation = true) => new(Enumerable.Range(1, epochs).Select(e =>
        new EpochSummary(e, 2.0 / e + 0.1, validation ? 1.8 / e + 0.2 + (e > 6 ? 0.08 * (e - 6) * (e - 6) : 0) : null, 500, TimeSpan.FromSeconds(3))).ToArray());
}
