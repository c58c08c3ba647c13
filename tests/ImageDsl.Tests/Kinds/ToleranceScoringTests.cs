using System.Text.Json.Nodes;
using ImageDsl.Evaluation;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Specs;

namespace ImageDsl.Tests.Kinds;

/// <summary>
/// The within-tolerance shares of every regression kind, scored as evaluation scores them and
/// compared with a brute-force count written out here; and where they show in report.json and
/// report.md. No training and no files beyond the report: it runs anywhere.
/// </summary>
public class ToleranceScoringTests
{
    private const int Images = 60;

    /// <summary>Truths and predictions drawn on a grid of halves, so the bound (an error equal to the tolerance) occurs exactly.</summary>
    private sealed record Data(float[][][] Truth, float[][][] Predicted);

    private static Data Draw(ModelSpec spec, int seed)
    {
        var random = new Random(seed);
        float Half(double low, double high) => (float)(Math.Round((low + random.NextDouble() * (high - low)) * 2) / 2);
        var truth = new float[Images][][];
        var predicted = new float[Images][][];
        for (int i = 0; i < Images; i++)
        {
            float angle = Half(-45, 45);
            float heading = Half(0, 359.5);
            float weight = Half(40, 90);
            var eyes = Enumerable.Range(0, 4).Select(_ => Half(2, 14)).ToArray();
            var box = new[] { Half(0, 8), Half(0, 8), Half(2, 8), Half(2, 8) };
            truth[i] = [[angle], [heading], [weight], eyes, box];
            predicted[i] =
            [
                [Math.Clamp(angle + Half(-14, 14), -45f, 45f)],
                // Wrapped into [0, 360): errors of up to 6 either way cross 0 often, since truths run up to 359.5.
                [((heading + Half(-6, 6)) % 360 + 360) % 360],
                [weight + Half(-1, 1)],
                eyes.Select(e => Math.Clamp(e + Half(-2.5, 2.5), 0f, 16f)).ToArray(),
                box.Select(b => Math.Clamp(b + Half(-3, 3), 0f, 16f)).ToArray(),
            ];
        }
        // The cases the issue names: across the wrap (359 for 1 is 2 off), and errors exactly at the tolerance.
        truth[0][1][0] = 359; predicted[0][1][0] = 1;
        truth[1][1][0] = 0; predicted[1][1][0] = 357;
        truth[2][1][0] = 10; predicted[2][1][0] = 14;
        truth[3][0][0] = 0; predicted[3][0][0] = 10;
        return new Data(truth, predicted);
    }

    private static EvaluationResult Score(ModelSpec spec, Data data)
    {
        var scorers = Enumerable.Range(0, spec.Targets.Count).Select(t => TargetScorer.For(spec, t)).ToArray();
        for (int i = 0; i < Images; i++)
        {
            var outputs = new PredictionOutputs(spec, data.Predicted[i]);
            for (int t = 0; t < scorers.Length; t++) scorers[t].Add($"{i}.png", data.Truth[i][t], outputs);
        }
        return new EvaluationResult(spec.Name, "toy", Images, 0.5, scorers.Select(s => s.Finish()).ToArray());
    }

    // The brute force: plain loops over the drawn values, nothing shared with the scorers.
    private static double Share(IEnumerable<bool> within) { var list = within.ToList(); return (double)list.Count(w => w) / list.Count; }

    private static double CircularDistance(double a, double b)
    {
        double d = Math.Abs(a - b) % 360;
        return Math.Min(d, 360 - d);
    }

    private static bool Near(float truth, float predicted, double tolerance) => Math.Abs((double)predicted - truth) <= tolerance;

    [Fact]
    public void The_generated_spec_declares_each_tolerance_on_its_kind()
    {
        var targets = ToleranceKinds.Spec.Targets;
        Assert.Equal(10, Assert.IsType<RangeTargetSpec>(targets[0]).Tolerance);
        Assert.Equal(3, Assert.IsType<PeriodicTargetSpec>(targets[1]).Tolerance);
        Assert.Equal(0.5, Assert.IsType<ValueTargetSpec>(targets[2]).Tolerance);
        Assert.Equal(1.5, Assert.IsType<VectorTargetSpec>(targets[3]).Tolerance);
        Assert.Equal(2, Assert.IsType<VectorTargetSpec>(targets[4]).Tolerance);
    }

    [Fact]
    public void Across_the_wrap_359_against_1_is_within_3_and_10_against_14_is_not()
    {
        var heading = Assert.IsType<PeriodicTargetSpec>(ToleranceKinds.Spec.Targets[1]);
        var scorer = TargetScorer.For(ToleranceKinds.Spec, 1);
        foreach (var (truth, predicted) in new[] { (359f, 1f), (0f, 357f), (10f, 14f), (180f, 0f) })
            scorer.Add("x.png", [truth], new PredictionOutputs(ToleranceKinds.Spec, [[0], [predicted], [0], new float[4], new float[4]]));
        var metrics = Assert.IsType<PeriodicEvaluation>(scorer.Finish()).Metrics;
        Assert.Equal(3, metrics.Tolerance);
        Assert.Equal(2.0 / 4, metrics.WithinToleranceShare); // 2 off and exactly 3 off are within; 4 and 180 are not
        Assert.True(heading.Tolerance is 3);
    }

    [Fact]
    public void Every_share_matches_a_brute_force_count()
    {
        var spec = ToleranceKinds.Spec;
        var data = Draw(spec, seed: 5);
        var result = Score(spec, data);
        var (truth, predicted) = (data.Truth, data.Predicted);
        IEnumerable<int> All() => Enumerable.Range(0, Images);

        var angle = Assert.IsType<RegressionEvaluation>(result.Targets[0]).Metrics;
        Assert.Equal(10, angle.Tolerance);
        Assert.Equal(Share(All().Select(i => Near(truth[i][0][0], predicted[i][0][0], 10))), angle.WithinToleranceShare!.Value, 12);

        var heading = Assert.IsType<PeriodicEvaluation>(result.Targets[1]).Metrics;
        var expectedHeading = Share(All().Select(i => CircularDistance(truth[i][1][0], predicted[i][1][0]) <= 3));
        Assert.Equal(expectedHeading, heading.WithinToleranceShare!.Value, 12);
        // Judged on the line instead of the circle, the share would differ: the wrap matters in this data.
        Assert.NotEqual(Share(All().Select(i => Near(truth[i][1][0], predicted[i][1][0], 3))), expectedHeading);

        var weight = Assert.IsType<RegressionEvaluation>(result.Targets[2]).Metrics;
        Assert.Equal(0.5, weight.Tolerance);
        Assert.Equal(Share(All().Select(i => Near(truth[i][2][0], predicted[i][2][0], 0.5))), weight.WithinToleranceShare!.Value, 12);

        foreach (var (t, tolerance) in new[] { (3, 1.5), (4, 2.0) })
        {
            var vector = Assert.IsType<VectorEvaluation>(result.Targets[t]).Metrics;
            Assert.Equal(tolerance, vector.Tolerance);
            Assert.Equal(Share(All().SelectMany(i => Enumerable.Range(0, 4).Select(c => Near(truth[i][t][c], predicted[i][t][c], tolerance)))),
                vector.WithinToleranceShare!.Value, 12);
            for (int c = 0; c < 4; c++)
                Assert.Equal(Share(All().Select(i => Near(truth[i][t][c], predicted[i][t][c], tolerance))), vector.PerComponent[c].WithinToleranceShare!.Value, 12);
            Assert.Equal(Share(All().Select(i => Enumerable.Range(0, 4).All(c => Near(truth[i][t][c], predicted[i][t][c], tolerance)))),
                vector.AllWithinToleranceShare!.Value, 12);
        }
        var eyes = Assert.IsType<VectorEvaluation>(result.Targets[3]).Metrics;
        Assert.Equal(Share(All().SelectMany(i => new[] { 0, 2 }.Select(k =>
            Math.Sqrt(Math.Pow((double)predicted[i][3][k] - truth[i][3][k], 2) + Math.Pow((double)predicted[i][3][k + 1] - truth[i][3][k + 1], 2)) <= 1.5))),
            eyes.PointsWithinToleranceShare!.Value, 12);
        Assert.Null(Assert.IsType<VectorEvaluation>(result.Targets[4]).Metrics.PointsWithinToleranceShare); // a box has no points
        // The shares are not trivially 0 or 1 for this data, so a broken count cannot pass by luck.
        Assert.All(new[] { angle.WithinToleranceShare, heading.WithinToleranceShare, weight.WithinToleranceShare, eyes.WithinToleranceShare, eyes.AllWithinToleranceShare },
            s => Assert.InRange(s!.Value, 0.05, 0.95));
    }

    [Fact]
    public void Report_json_and_markdown_show_each_tolerance_and_share()
    {
        var spec = ToleranceKinds.Spec;
        var result = Score(spec, Draw(spec, seed: 9));
        using var temp = new TemporaryDirectory();
        result.WriteReport(temp.Path, options: new ReportOptions { Plots = false });
        var json = JsonNode.Parse(File.ReadAllText(temp.File("report.json")))!["targets"]!.AsArray();
        var md = File.ReadAllText(temp.File("report.md"));

        var angle = (RegressionEvaluation)result.Targets[0];
        Assert.Equal(10, (double)json[0]!["tolerance"]!);
        Assert.Equal(angle.Metrics.WithinToleranceShare!.Value, (double)json[0]!["metrics"]!["withinToleranceShare"]!, 12);
        Assert.Contains($"| share within ±10 degrees | {ReportFormat.Metric(angle.Metrics.WithinToleranceShare.Value)} |", md);

        var heading = (PeriodicEvaluation)result.Targets[1];
        Assert.Equal(3, (double)json[1]!["tolerance"]!);
        Assert.Equal(heading.Metrics.WithinToleranceShare!.Value, (double)json[1]!["metrics"]!["withinToleranceShare"]!, 12);
        Assert.Contains($"| share within ±3 degrees | {ReportFormat.Metric(heading.Metrics.WithinToleranceShare.Value)} |", md);

        var weight = (RegressionEvaluation)result.Targets[2];
        Assert.Equal(0.5, (double)json[2]!["tolerance"]!);
        Assert.Contains($"| share within ±0.5 kg | {ReportFormat.Metric(weight.Metrics.WithinToleranceShare!.Value)} |", md);

        var eyes = (VectorEvaluation)result.Targets[3];
        Assert.Equal(1.5, (double)json[3]!["tolerance"]!);
        Assert.Equal(eyes.Metrics.PointsWithinToleranceShare!.Value, (double)json[3]!["metrics"]!["pointsWithinToleranceShare"]!, 12);
        Assert.Equal(eyes.Metrics.PerComponent[2].WithinToleranceShare!.Value, (double)json[3]!["perComponent"]![2]!["withinToleranceShare"]!, 12);
        Assert.Contains($"| share of components within ±1.5 | {ReportFormat.Metric(eyes.Metrics.WithinToleranceShare!.Value)} |", md);
        Assert.Contains($"| share of points no farther than 1.5 | {ReportFormat.Metric(eyes.Metrics.PointsWithinToleranceShare.Value)} |", md);

        var box = (VectorEvaluation)result.Targets[4];
        Assert.Equal(2, (double)json[4]!["tolerance"]!);
        Assert.Equal(box.Metrics.AllWithinToleranceShare!.Value, (double)json[4]!["metrics"]!["allWithinToleranceShare"]!, 12);
        Assert.Equal("not a points target", (string)json[4]!["undefinedReasons"]!["pointsWithinToleranceShare"]!);
        Assert.Contains($"| share of boxes with every coordinate within ±2 px | {ReportFormat.Metric(box.Metrics.AllWithinToleranceShare.Value)} |", md);
        Assert.Contains("| component | MAE (px) | RMSE (px) | R² | within ±2 px |", md);
        Assert.Contains($"| {box.Components[0]} | ", md);
        // A unit is written once: no squared unit squared again, no doubled unit.
        Assert.DoesNotContain("²²", md);
        Assert.DoesNotContain("px px", md);
    }

    [Fact]
    public void A_target_without_a_tolerance_has_no_row_and_a_null_share_with_its_reason()
    {
        var spec = new ModelSpec("Plain", new InputSpec(16, 16, 1), Backbone.SmallCnn,
            [new RangeTargetSpec("Angle", -45, 45, unit: "degrees"), new PeriodicTargetSpec("Heading", 0, 360, unit: "degrees"),
             new VectorTargetSpec("Box", ["x", "y", "w", "h"], min: 0, max: 16, unit: "px", box: BoxFormat.XYWH)]);
        var scorers = Enumerable.Range(0, 3).Select(t => TargetScorer.For(spec, t)).ToArray();
        for (int i = 0; i < 3; i++)
        {
            var outputs = new PredictionOutputs(spec, [[i], [i + 1], [1, 1, 3, 3]]);
            scorers[0].Add("x.png", [0], outputs);
            scorers[1].Add("x.png", [0], outputs);
            scorers[2].Add("x.png", [1, 1, 4, 4], outputs);
        }
        var result = new EvaluationResult("Plain", "toy", 3, 0.5, scorers.Select(s => s.Finish()).ToArray());
        using var temp = new TemporaryDirectory();
        result.WriteReport(temp.Path, options: new ReportOptions { Plots = false });
        var json = JsonNode.Parse(File.ReadAllText(temp.File("report.json")))!["targets"]!.AsArray();
        var md = File.ReadAllText(temp.File("report.md"));

        Assert.DoesNotContain("within ±", md);
        foreach (var target in json)
        {
            Assert.Null(target!["tolerance"]);
            Assert.True(target["metrics"]!.AsObject().ContainsKey("withinToleranceShare"));
            Assert.Null(target["metrics"]!["withinToleranceShare"]);
            Assert.False(string.IsNullOrEmpty((string?)target["undefinedReasons"]!["withinToleranceShare"]));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_spec_built_in_code_refuses_a_tolerance_that_is_not_positive_and_finite(double tolerance)
    {
        foreach (var create in new Func<TargetSpec>[]
        {
            () => new RangeTargetSpec("Angle", 0, 90, tolerance: tolerance),
            () => new PeriodicTargetSpec("Heading", 0, 360, tolerance: tolerance),
            () => new ValueTargetSpec("Weight", tolerance: tolerance),
            () => new VectorTargetSpec("Eyes", ["0", "1"], tolerance: tolerance),
        })
        {
            var error = Assert.Throws<ArgumentException>(create);
            Assert.Contains("positive finite number", error.Message);
        }
    }

    [Fact]
    public void A_spec_built_in_code_refuses_a_tolerance_no_error_can_exceed()
    {
        Assert.Contains("no error can exceed 90", Assert.Throws<ArgumentException>(() => new RangeTargetSpec("Angle", 0, 90, tolerance: 90)).Message);
        Assert.Contains("half the period", Assert.Throws<ArgumentException>(() => new PeriodicTargetSpec("Heading", 0, 360, tolerance: 180)).Message);
        Assert.Contains("no error can exceed 16", Assert.Throws<ArgumentException>(() =>
            new VectorTargetSpec("Box", ["x", "y", "w", "h"], min: 0, max: 16, box: BoxFormat.XYWH, tolerance: 16)).Message);
        // Just inside each limit is fine; an unbounded vector or value has no limit.
        Assert.Equal(89.9, new RangeTargetSpec("Angle", 0, 90, tolerance: 89.9).Tolerance);
        Assert.Equal(179, new PeriodicTargetSpec("Heading", 0, 360, tolerance: 179).Tolerance);
        Assert.Equal(1e6, new VectorTargetSpec("Eyes", ["0", "1"], tolerance: 1e6).Tolerance);
        Assert.Equal(1e6, new ValueTargetSpec("Weight", tolerance: 1e6).Tolerance);
    }
}
