using System.Text.Json.Nodes;
using ImageDsl.Evaluation;
using ImageDsl.Metrics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Reports;

/// <summary>
/// A yes/no target's confusion matrix, ROC and precision-recall PNGs, and a periodic target's
/// wrapped scatter: written, listed, embedded, and drawing what the data says.
/// </summary>
public class BinaryAndPeriodicPlotTests
{
    /// <summary>Category10's first colour, which the curves and the scatter's points are drawn in.</summary>
    private static readonly Rgba32 Curve = new(0x1F, 0x77, 0xB4);

    /// <summary>
    /// 200 images, half of them true, scored by a classifier that separates them well
    /// (<paramref name="inverted"/>: the same scores mirrored, so it ranks them backwards).
    /// </summary>
    private static BinaryEvaluation Binary(bool inverted, int seed = 5)
    {
        var random = new Random(seed);
        var samples = new List<BinarySample>();
        var metrics = new BinaryMetricsAccumulator();
        for (int i = 0; i < 200; i++)
        {
            bool actual = i % 2 == 0;
            float p = (float)Math.Clamp(0.5 + (actual ? 0.2 : -0.2) + (random.NextDouble() - 0.5) * 0.7, 0.01, 0.99);
            if (inverted) p = 1 - p;
            metrics.Add(actual, p);
            samples.Add(new BinarySample($"img{i}.png", actual, p, p >= 0.5f));
        }
        return new BinaryEvaluation("Lit", "off", "on", metrics.Compute()) { Samples = samples };
    }

    /// <summary>A binary evaluation with exactly these confusion counts.</summary>
    private static BinaryEvaluation Counts(int tn, int fp, int fn, int tp)
    {
        var samples = new List<BinarySample>();
        var metrics = new BinaryMetricsAccumulator();
        void Add(int n, bool actual, float p)
        {
            for (int i = 0; i < n; i++)
            {
                float score = p + 0.001f * i / Math.Max(1, n); // distinct scores, on the same side of 0.5
                metrics.Add(actual, score);
                samples.Add(new BinarySample($"c{samples.Count}.png", actual, score, score >= 0.5f));
            }
        }
        Add(tn, false, 0.2f);
        Add(fp, false, 0.8f);
        Add(fn, true, 0.3f);
        Add(tp, true, 0.7f);
        return new BinaryEvaluation("Lit", "off", "on", metrics.Compute()) { Samples = samples };
    }

    /// <summary>Angles 10° to 350°, predicted within a degree (or, <paramref name="wrong"/>, half a turn off).</summary>
    private static PeriodicEvaluation Periodic(bool wrong)
    {
        var random = new Random(3);
        var samples = new List<PeriodicSample>();
        for (int i = 0; i < 200; i++)
        {
            double actual = 10 + i * 1.7;
            double predicted = wrong ? (actual + 180) % 360 : actual + (random.NextDouble() - 0.5) * 2;
            double error = ((predicted - actual) % 360 + 540) % 360 - 180;
            samples.Add(new PeriodicSample($"p{i}.png", actual, predicted, error));
        }
        var errors = samples.Select(s => Math.Abs(s.Error)).Order().ToArray();
        var metrics = new CircularMetrics(errors.Length, errors.Average(), Math.Sqrt(errors.Average(e => e * e)), errors[errors.Length / 2], errors[^1]);
        return new PeriodicEvaluation("Heading", "degrees", 360, metrics) { Samples = samples };
    }

    private static EvaluationResult Result(params TargetEvaluation[] targets) =>
        new("Tests.Model", "test-data", 200, 0.25, targets) { EvaluatedAt = ReportFixtures.Timestamp };

    private static (JsonNode Files, string Markdown) Written(string folder, int target = 0)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "report.json")))!;
        return (json["targets"]![target]!["files"]!, File.ReadAllText(Path.Combine(folder, "report.md")));
    }

    [Fact]
    public void A_bool_target_gets_confusion_roc_and_precision_recall_pngs_listed_and_embedded()
    {
        using var temp = new TemporaryDirectory();
        Result(Binary(inverted: false)).WriteReport(temp.Path);
        var (files, markdown) = Written(temp.Path);
        foreach (var (key, name) in new[] { ("confusionMatrix", "Lit-confusion.png"), ("roc", "Lit-roc.png"), ("precisionRecall", "Lit-pr.png") })
        {
            Assert.Equal(name, (string?)files[key]);
            Assert.Contains($"]({name})", markdown);
            using var png = PngAssert.Picture(Path.Combine(temp.Path, name));
        }
    }

    [Fact]
    public void The_bool_confusion_png_colours_cells_by_their_share_of_the_row()
    {
        using var temp = new TemporaryDirectory();
        var uneven = Path.Combine(temp.Path, "uneven");
        var even = Path.Combine(temp.Path, "even");
        Result(Counts(tn: 90, fp: 10, fn: 50, tp: 50)).WriteReport(uneven);
        Result(Counts(tn: 50, fp: 50, fn: 50, tp: 50)).WriteReport(even);
        // Shares 0.9, 0.1, 0.5, 0.5: three cell colours; all 0.5: one.
        Assert.Equal(3, CellColours(Path.Combine(uneven, "Lit-confusion.png")));
        Assert.Equal(1, CellColours(Path.Combine(even, "Lit-confusion.png")));
    }

    /// <summary>Colours covering large solid areas, other than the white page: the matrix's cells (text, ticks and the colour bar's bands are small).</summary>
    private static int CellColours(string path)
    {
        using var image = PngAssert.Picture(path, minWidth: 200);
        var counts = new Dictionary<Rgba32, int>();
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
                foreach (var p in rows.GetRowSpan(y)) counts[p] = counts.GetValueOrDefault(p) + 1;
        });
        return counts.Count(c => c.Value >= 3000 && c.Key != new Rgba32(255, 255, 255));
    }

    [Fact]
    public void Bool_curves_lie_above_the_diagonal_for_a_good_classifier_and_below_for_a_backwards_one()
    {
        using var temp = new TemporaryDirectory();
        var good = Path.Combine(temp.Path, "good");
        var bad = Path.Combine(temp.Path, "bad");
        Result(Binary(inverted: false)).WriteReport(good);
        Result(Binary(inverted: true)).WriteReport(bad);

        // The ROC curve bows to the top left when the ranking is right, to the bottom right when it is backwards.
        var (goodRoc, badRoc) = (Centroid(Path.Combine(good, "Lit-roc.png")), Centroid(Path.Combine(bad, "Lit-roc.png")));
        Assert.True(goodRoc.X < badRoc.X - 20 && goodRoc.Y < badRoc.Y - 20, $"ROC curve centroids: good {goodRoc}, backwards {badRoc}");
        // Precision stays high along recall for the good one, low for the backwards one.
        var (goodPr, badPr) = (Centroid(Path.Combine(good, "Lit-pr.png")), Centroid(Path.Combine(bad, "Lit-pr.png")));
        Assert.True(goodPr.Y < badPr.Y - 20, $"PR curve centroids: good {goodPr}, backwards {badPr}");
    }

    /// <summary>The mean position of the pixels drawn in the curve's colour (the legend's sample is in both pictures alike).</summary>
    private static (double X, double Y) Centroid(string path)
    {
        using var image = PngAssert.Picture(path);
        double x = 0, y = 0;
        int n = 0;
        image.ProcessPixelRows(rows =>
        {
            for (int r = 0; r < rows.Height; r++)
            {
                var row = rows.GetRowSpan(r);
                for (int c = 0; c < row.Length; c++)
                    if (Math.Abs(row[c].R - Curve.R) + Math.Abs(row[c].G - Curve.G) + Math.Abs(row[c].B - Curve.B) < 60) { x += c; y += r; n++; }
            }
        });
        Assert.True(n > 200, $"{path}: only {n} pixels in the curve's colour");
        return (x / n, y / n);
    }

    [Fact]
    public void A_periodic_target_gets_a_wrapped_scatter_whose_points_leave_the_diagonal_when_wrong()
    {
        using var temp = new TemporaryDirectory();
        var right = Path.Combine(temp.Path, "right");
        var wrong = Path.Combine(temp.Path, "wrong");
        Result(Periodic(wrong: false)).WriteReport(right);
        Result(Periodic(wrong: true)).WriteReport(wrong);
        foreach (var folder in new[] { right, wrong })
        {
            var (files, markdown) = Written(folder);
            Assert.Equal("Heading-scatter.png", (string?)files["predictedVsActual"]);
            Assert.Contains("](Heading-scatter.png)", markdown);
        }

        // Square units: the diagonal y = x is where a point's pixel column plus row is one constant.
        var rightPoints = Points(Path.Combine(right, "Heading-scatter.png"));
        var wrongPoints = Points(Path.Combine(wrong, "Heading-scatter.png"));
        var diagonal = rightPoints.Select(p => p.X + p.Y).Order().ElementAt(rightPoints.Count / 2);
        double Off(List<(int X, int Y)> points) => points.Count(p => Math.Abs(p.X + p.Y - diagonal) > 30) / (double)points.Count;
        Assert.True(Off(rightPoints) < 0.2, $"right predictions: {Off(rightPoints):P0} of point pixels off the diagonal");
        Assert.True(Off(wrongPoints) > 0.7, $"half-turn-off predictions: {Off(wrongPoints):P0} of point pixels off the diagonal");
    }

    /// <summary>Pixels of the scatter's translucent blue points.</summary>
    private static List<(int X, int Y)> Points(string path)
    {
        using var image = PngAssert.Picture(path);
        var points = new List<(int, int)>();
        image.ProcessPixelRows(rows =>
        {
            for (int r = 0; r < rows.Height; r++)
            {
                var row = rows.GetRowSpan(r);
                for (int c = 0; c < row.Length; c++)
                    if (row[c].B > row[c].R + 50 && row[c].B > 140 && row[c].G > row[c].R + 20) points.Add((c, r));
            }
        });
        Assert.True(points.Count > 300, $"{path}: only {points.Count} point pixels");
        return points;
    }
}
