using System.Text.Json.Nodes;
using ImageDsl.Evaluation;
using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Reports;
using ImageDsl.Specs;
using ImageDsl.Tests.Reports;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ImageDsl.Tests.Kinds;

/// <summary>
/// The dense kinds' report pictures, from evaluations scored as the runtime scores them (no
/// training): what is drawn where is checked pixel by pixel against the maps it shows.
/// </summary>
public class DenseReportTests
{
    private const int W = 8, H = 6;
    private static readonly ModelSpec Spec = new("Dense", new InputSpec(16, 12, 3), Backbone.SmallCnn,
        [new MapTargetSpec("Depth", W, H, log: true, unit: "m"), new MaskTargetSpec("Parts", W, H, ["Sky", "Ground", "Ball"])]);

    /// <summary>Image <paramref name="i"/>'s true depth (top row invalid) and mask (top row sky, a ball at (5, 3)).</summary>
    private static (float[] Depth, float[] Mask) Truth(int i)
    {
        var depth = new float[W * H];
        var mask = new float[W * H];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
            {
                depth[y * W + x] = y == 0 ? float.NaN : 1 + 2 * (H - y) + 0.1f * x + i;
                mask[y * W + x] = y == 0 ? 0 : x == 5 && y == 3 ? 2 : 1;
            }
        return (depth, mask);
    }

    /// <summary>
    /// The prediction is the truth but for a block of image 0 (x 1-3, y 2-3: 4 m too deep, and called
    /// sky) and one pixel of image 1; images 2 and 3 are exact. Every invalid depth pixel is predicted 50 m.
    /// </summary>
    private static (float[] Depth, float[] Mask) Predicted(int i)
    {
        var (depth, mask) = Truth(i);
        for (int p = 0; p < W; p++) depth[p] = 50;
        if (i == 0)
            for (int y = 2; y <= 3; y++)
                for (int x = 1; x <= 3; x++) { depth[y * W + x] += 4; mask[y * W + x] = 0; }
        if (i == 1) { depth[4 * W + 6] += 1; mask[4 * W + 6] = 2; }
        return (depth, mask);
    }

    private static bool Wrong(int x, int y) => y is >= 2 and <= 3 && x is >= 1 and <= 3;

    internal static (EvaluationResult Result, string[] Images) Evaluate(string folder)
    {
        Directory.CreateDirectory(folder);
        var images = new string[4];
        for (int i = 0; i < images.Length; i++)
        {
            images[i] = Path.Combine(folder, $"{i}.png");
            using var image = new Image<Rgb24>(16, 12);
            for (int y = 0; y < 12; y++)
                for (int x = 0; x < 16; x++) image[x, y] = new Rgb24((byte)(x * 15), (byte)(y * 20), (byte)(i * 60));
            image.SaveAsPng(images[i]);
        }
        var scorers = new[] { TargetScorer.For(Spec, 0), TargetScorer.For(Spec, 1) };
        // Image 2 first: the worst must be found wherever it is in the dataset.
        foreach (int i in new[] { 2, 0, 3, 1 })
        {
            var (depth, mask) = Truth(i);
            var (predictedDepth, predictedMask) = Predicted(i);
            var outputs = new PredictionOutputs(Spec, [predictedDepth, predictedMask]);
            scorers[0].Add(images[i], depth, outputs);
            scorers[1].Add(images[i], mask, outputs);
        }
        return (new EvaluationResult("Dense", "toy", 4, 0.5, scorers.Select(s => s.Finish()).ToArray()) { EvaluatedAt = ReportFixtures.Timestamp }, images);
    }

    [Fact]
    public void A_report_links_and_lists_the_worst_images_pictures_and_the_error_by_depth_plot()
    {
        using var temp = new TemporaryDirectory();
        var (result, _) = Evaluate(Path.Combine(temp.Path, "data"));
        var folder = Path.Combine(temp.Path, "report");
        result.WriteReport(folder);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "report.json")))!;
        var depthFiles = json["targets"]![0]!["files"]!;
        var maskFiles = json["targets"]![1]!["files"]!;
        Assert.Equal("Depth-worst.png", (string)depthFiles["worstPredictions"]!);
        Assert.Equal("Depth-error-by-depth.png", (string)depthFiles["errorByDepth"]!);
        Assert.Equal("Parts-worst.png", (string)maskFiles["worstPredictions"]!);
        var md = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("](Depth-worst.png)", md);
        Assert.Contains("](Depth-error-by-depth.png)", md);
        Assert.Contains("](Parts-worst.png)", md);

        // The bins in the JSON count every valid pixel once: 4 images of 8x5.
        var bins = json["targets"]![0]!["errorByDepth"]!.AsArray();
        Assert.Equal(4 * W * (H - 1), bins.Sum(b => (long)b!["pixels"]!));
        using (var plot = PngAssert.Picture(Path.Combine(folder, "Depth-error-by-depth.png"))) { }

        // The sheets: one row per image with a finite score (all four), each a title band and rows of the right size.
        using var depthSheet = Image.Load<Rgb24>(Path.Combine(folder, "Depth-worst.png"));
        var (boxWidth, boxHeight) = DenseSheet.Box(W, H);
        Assert.Equal((192, 144), (boxWidth, boxHeight)); // 8x6 scaled up 24 times, sharp pixels
        Assert.InRange(depthSheet.Width, 4 * boxWidth, 4 * boxWidth + 600);
        Assert.InRange(depthSheet.Height, 4 * boxHeight, 4 * boxHeight + 400);
        using var maskSheet = Image.Load<Rgb24>(Path.Combine(folder, "Parts-worst.png"));
        Assert.InRange(maskSheet.Height, 4 * boxHeight, 4 * boxHeight + 400);
    }

    [Fact]
    public void The_depth_pictures_show_input_truth_prediction_and_error_where_they_are()
    {
        using var temp = new TemporaryDirectory();
        var (result, images) = Evaluate(Path.Combine(temp.Path, "data"));
        var depth = Assert.IsType<MapEvaluation>(result.Targets[0]);
        var worst = depth.WorstPictures(16);
        Assert.Equal(images[0], worst[0].ImagePath); // the block of error ranks image 0 first, then the one pixel of image 1
        Assert.Equal(images[1], worst[1].ImagePath);
        Assert.Equal(4, worst.Count);
        var path = temp.File("worst.png");
        var layout = MapPictures.Save(depth, worst, path);
        using var sheet = Image.Load<Rgb24>(path);
        Assert.Equal((layout.Width, layout.Height), (sheet.Width, sheet.Height));
        Assert.Equal(4, layout.Boxes.Count);

        var boxes = layout.Boxes[0];
        int f = boxes[1].Width / W;
        Rgb24 At(int panel, int x, int y) => sheet[boxes[panel].X + x * f + f / 2, boxes[panel].Y + y * f + f / 2];
        var (truth, _) = Truth(0);
        var (predicted, _) = Predicted(0);
        var (low, high) = MapPictures.Range(new KeptMaps(W, H, truth, predicted));

        // Input: the image itself (16x12 into 192x144: each image pixel a 12x12 square).
        Assert.Equal(new Rgb24(15 * 3, 20 * 5, 0), sheet[boxes[0].X + 3 * 12 + 6, boxes[0].Y + 5 * 12 + 6]);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
            {
                if (y == 0)
                {
                    Assert.Equal(new Rgb24(0, 0, 0), At(1, x, y));           // invalid truth: black
                    Assert.Equal(new Rgb24(150, 150, 150), At(3, x, y));     // no error defined there: grey
                    Assert.Equal(MapColours.At(1), At(2, x, y));             // 50 m clips to the scale's top
                    continue;
                }
                int i = y * W + x;
                Assert.Equal(MapColours.At((truth[i] - low) / (high - low)), At(1, x, y));
                Assert.Equal(MapColours.At((predicted[i] - low) / (high - low)), At(2, x, y));
                if (Wrong(x, y))
                {
                    Assert.NotEqual(At(1, x, y), At(2, x, y));
                    Assert.Equal(MapColours.Error(1), At(3, x, y)); // the largest error: the ramp's end
                }
                else
                {
                    Assert.Equal(At(1, x, y), At(2, x, y));
                    Assert.Equal(new Rgb24(255, 255, 255), At(3, x, y)); // no error: white
                }
            }

        // The colour bars beside the prediction and the error: row r of a bar h rows tall shows its scale at 1 - r / (h - 1), top the highest.
        foreach (var (panel, colour) in new (int, Func<double, Rgb24>)[] { (2, MapColours.At), (3, MapColours.Error) })
        {
            int x = boxes[panel].Right + 6 + 7, h = boxes[panel].Height;
            foreach (int r in new[] { 2, h / 3, h - 3 })
                Assert.Equal(colour(1 - (double)r / (h - 1)), sheet[x, boxes[panel].Top + r]);
        }
        // Labelled in the unit: the prediction's bar from the lowest to the highest value, the error's from 0 to 4 m.
        Assert.Equal(["4 m", "2 m", "0 m"], DenseSheet.Ticks(new ColourBar(0, 4, "m", MapColours.Error)).Select(t => t.Text));

        // An exact image's error panel is white wherever the truth is valid.
        var exact = layout.Boxes[3];
        Assert.Equal(new Rgb24(255, 255, 255), sheet[exact[3].X + 4 * f + f / 2, exact[3].Y + 4 * f + f / 2]);
    }

    [Fact]
    public void The_mask_pictures_overlay_truth_and_prediction_and_mark_the_wrong_pixels()
    {
        using var temp = new TemporaryDirectory();
        var (result, images) = Evaluate(Path.Combine(temp.Path, "data"));
        var mask = Assert.IsType<MaskEvaluation>(result.Targets[1]);
        var worst = mask.WorstPictures(2);
        Assert.Equal([images[0], images[1]], worst.Select(w => w.ImagePath));
        var path = temp.File("worst.png");
        var layout = MaskPictures.Save(mask, worst, path);
        using var sheet = Image.Load<Rgb24>(path);
        Assert.Equal((layout.Width, layout.Height), (sheet.Width, sheet.Height));
        Assert.Equal(2, layout.Boxes.Count);

        var boxes = layout.Boxes[0];
        int f = boxes[1].Width / W;
        Rgb24 At(int panel, int x, int y) => sheet[boxes[panel].X + x * f + f / 2, boxes[panel].Y + y * f + f / 2];
        var (truth, _) = Truth(0);
        var (_, predicted) = Predicted(0);
        using var input = Image.Load<Rgb24>(images[0]);
        using var truthOverlay = MaskOverlay.Draw(input, Truth(0).Mask, W, H);
        using var predictedOverlay = MaskOverlay.Draw(input, predicted, W, H);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
            {
                Assert.Equal(truthOverlay[x, y], At(1, x, y));
                Assert.Equal(predictedOverlay[x, y], At(2, x, y));
                Assert.Equal(Wrong(x, y), At(1, x, y) != At(2, x, y));
                Assert.Equal(Wrong(x, y), At(3, x, y) == MaskOverlay.Wrong);
            }
        // The overlay is the class colour mixed in: ground pixels lean to the ground colour, whatever the image is.
        using var small = input.Clone(c => c.Resize(W, H));
        Assert.Equal(Mix(small[0, 4], MapColours.Class(1)), At(1, 0, 4));
    }

    private static Rgb24 Mix(Rgb24 a, Rgb24 b) =>
        new((byte)Math.Round(a.R * 0.5 + b.R * 0.5), (byte)Math.Round(a.G * 0.5 + b.G * 0.5), (byte)Math.Round(a.B * 0.5 + b.B * 0.5));

    [Fact]
    public void Error_by_depth_bins_count_each_valid_pixel_once_in_its_truths_bin()
    {
        // Truths from 0.3 to 70 (the bins double their width several times), with NaN and 0 (invalid) among them.
        var random = new Random(7);
        var truth = Enumerable.Range(0, 2000).Select(i => i % 97 == 0 ? float.NaN : i % 89 == 0 ? 0f : (float)(0.3 * Math.Pow(70 / 0.3, random.NextDouble()))).ToArray();
        var predicted = truth.Select(t => (float)(t * (0.7 + 0.6 * random.NextDouble()))).ToArray();
        predicted[5] = 500; // clamped to the scorer's max, as the metrics clamp it
        var bins = new DepthErrorBins(80);
        bins.Add(truth.AsSpan(0, 700), predicted.AsSpan(0, 700));
        bins.Add(truth.AsSpan(700), predicted.AsSpan(700));
        var result = bins.Bins(most: 12);

        Assert.InRange(result.Count, 2, 12);
        Assert.All(result.Zip(result.Skip(1)), pair => Assert.True(pair.First.High <= pair.Second.Low));
        int valid = truth.Count(t => float.IsFinite(t) && t > 0);
        Assert.Equal(valid, result.Sum(b => b.Pixels));
        Assert.True(result[^1].High - result[0].Low <= 12 * (result[0].High - result[0].Low));
        foreach (var bin in result)
        {
            var inBin = Enumerable.Range(0, truth.Length).Where(i => float.IsFinite(truth[i]) && truth[i] > 0 && truth[i] >= bin.Low && truth[i] < bin.High).ToArray();
            Assert.Equal(inBin.Length, bin.Pixels);
            double Error(int i) => Math.Abs(Math.Clamp(predicted[i], DepthMetricsAccumulator.MinPrediction, 80) - truth[i]);
            Assert.Equal(inBin.Average(Error), bin.Mae, 9);
            Assert.Equal(inBin.Average(i => Error(i) / truth[i]), bin.AbsRel, 9);
        }
        Assert.Empty(new DepthErrorBins(80).Bins());
    }

    [Fact]
    public void The_worst_kept_are_those_a_stable_sort_ranks_first()
    {
        var random = new Random(11);
        var scores = Enumerable.Range(0, 300).Select(_ => random.Next(5) == 0 ? double.NaN : Math.Round(random.NextDouble() * 20) / 2).ToArray(); // many ties
        var kept = new WorstKept<int>(16);
        for (int i = 0; i < scores.Length; i++) if (kept.Accepts(scores[i])) kept.Add(i, scores[i], i * 10);
        var expected = Enumerable.Range(0, scores.Length).Where(i => !double.IsNaN(scores[i])).OrderByDescending(i => scores[i]).Take(16).ToArray();
        Assert.Equal(expected, kept.Items.Select(k => k.Index));
        Assert.Equal(expected.Select(i => i * 10), kept.Items.Select(k => k.Item));
    }
}
