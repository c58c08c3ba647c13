using System.Text.Json.Nodes;
using ImageDsl.Explanations;
using ImageDsl.Reports;
using ImageDsl.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Explanations;

/// <summary>The report's <c>&lt;Target&gt;-worst-heatmaps.png</c>: the worst predictions again, each with its heatmap over it.</summary>
[Collection(ImageDsl.Tests.EndToEnd.ReproducibleRuns.Name)]
public class ReportHeatmapTests
{
    private const int Shown = 4;

    [Fact]
    public void A_model_s_report_overlays_heatmaps_on_its_worst_predictions_and_links_them()
    {
        using var temp = new TemporaryDirectory();
        var (directory, _) = GradCamTests.Write(temp.Path, 48);
        var data = SquareSpotter.LoadDataset(directory);
        using var model = SquareSpotter.Model.Create(seed: 3);
        model.Train(data, new TrainingOptions { Epochs = 2, BatchSize = 16, LearningRate = 3e-3 });
        var evaluation = model.Evaluate(data);
        var folder = Path.Combine(temp.Path, "report");
        var options = new ReportOptions { WorstHeatmaps = Shown };
        var written = evaluation.WriteReport(folder, options: options);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "report.json")))!;
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        foreach (var target in json["targets"]!.AsArray())
        {
            var files = target!["files"]!;
            // Every target with a worst-predictions sheet has its heatmap sheet too (none of these is dense).
            if (files["worstPredictions"] is null) continue;
            var name = (string)target["name"]!;
            Assert.Equal($"{name}-worst-heatmaps.png", (string?)files["worstHeatmaps"]);
            Assert.Contains(Path.Combine(folder, $"{name}-worst-heatmaps.png"), written);
            Assert.Contains($"]({name}-worst-heatmaps.png)", markdown);
        }

        // Every target's sheet: its size, and over each image with any heat, its pixels. A target's
        // worst images may all be cold (nothing in them raised the explained number), so the pixel
        // check needs some hot image among all three targets, not in each.
        int checkedImages = 0;
        foreach (var name in new[] { "CentreX", "Lit", "Box" })
            checkedImages += CheckSheet(evaluation, model, folder, name, options);
        Assert.True(checkedImages > 0, "no worst image had any heat");
    }

    private static int CheckSheet(SquareSpotter.Evaluation evaluation, SquareSpotter.Model model, string folder, string name, ReportOptions options)
    {
        int checkedImages = 0;
        var target = evaluation.Result[name];
        var sheetPath = Path.Combine(folder, $"{name}-worst-heatmaps.png");
        Assert.True(File.Exists(sheetPath));
        var worst = target.WorstSheet(Shown)!.Value.Items;
        var pictures = new List<Image<Rgba32>>();
        List<SheetItem> items;
        try
        {
            items = HeatmapSheet.Items(target, worst, evaluation.Result.Explainer!, pictures);
        }
        finally
        {
            foreach (var p in pictures) p.Dispose();
        }
        Assert.Equal(Math.Min(Shown, worst.Count), items.Count);
        var layout = ContactSheet.Measure(items, options.ThumbnailSize);
        using var sheet = Image.Load<Rgba32>(sheetPath);
        Assert.Equal((layout.Width, layout.Height), (sheet.Width, sheet.Height));

        for (int k = 0; k < items.Count; k++)
        {
            var heat = model.Explain(items[k].ImagePath, items[k].Explain?.Target ?? ExplainTarget.Value(name));
            if (heat.Peak <= 0) continue; // nothing raised the value: an all-cold map has no hot pixel to look at
            if (items[k].Marks.Count > 0) continue; // a box's outlines are drawn over the heat, and may cover its hottest pixel
            using var plain = Image.Load<L8>(items[k].ImagePath);
            var values = heat.Values.ToArray();
            int hot = Array.IndexOf(values, values.Max()), cold = Array.IndexOf(values, values.Min());
            var destination = ContactSheet.Destination(layout.Box(k), heat.Width, heat.Height);
            float scale = destination.Width / heat.Width;
            Rgba32 At(int index) => sheet[(int)(destination.Left + (index % heat.Width + 0.5f) * scale), (int)(destination.Top + (index / heat.Width + 0.5f) * scale)];
            int Grey(int index) => plain[index % heat.Width, index / heat.Width].PackedValue;

            // Where the heat is high the sheet is not the plain image: it is tinted red.
            var h = At(hot);
            int g = Grey(hot);
            Assert.True(Math.Abs(h.R - g) + Math.Abs(h.G - g) + Math.Abs(h.B - g) > 90, $"{name} image {k}: hot pixel {h} over grey {g}");
            Assert.True(h.R > h.B + 40, $"{name} image {k}: hot pixel {h} is not red");
            // Where it is lowest, blue: the colours follow the map, not a fixed tint.
            if (values[cold] < 0.2f)
            {
                var c = At(cold);
                Assert.True(c.B > c.R, $"{name} image {k}: cold pixel {c} is not blue");
            }
            checkedImages++;
        }
        return checkedImages;
    }

    [Fact]
    public void No_heatmaps_when_turned_off_or_without_a_model()
    {
        using var temp = new TemporaryDirectory();
        var (directory, _) = GradCamTests.Write(temp.Path, 16);
        var data = SquareSpotter.LoadDataset(directory);
        using var model = SquareSpotter.Model.Create(seed: 1);
        model.AllowUntrained = true;
        var evaluation = model.Evaluate(data);

        var off = Path.Combine(temp.Path, "off");
        evaluation.WriteReport(off, options: new ReportOptions { WorstHeatmaps = 0 });
        Assert.True(File.Exists(Path.Combine(off, "CentreX-worst.png")));
        Assert.Empty(Directory.GetFiles(off, "*-worst-heatmaps.png"));
        Assert.DoesNotContain("worstHeatmaps", File.ReadAllText(Path.Combine(off, "report.json")));

        // A result rebuilt without its model (as from a hand-made evaluation) has nothing to explain with.
        var detached = Path.Combine(temp.Path, "detached");
        (evaluation.Result with { Explainer = null }).WriteReport(detached);
        Assert.True(File.Exists(Path.Combine(detached, "CentreX-worst.png")));
        Assert.Empty(Directory.GetFiles(detached, "*-worst-heatmaps.png"));

        // A disposed model explains nothing: the report still writes, without heatmaps.
        model.Dispose();
        var disposed = Path.Combine(temp.Path, "disposed");
        evaluation.WriteReport(disposed);
        Assert.True(File.Exists(Path.Combine(disposed, "report.md")));
        Assert.Empty(Directory.GetFiles(disposed, "*-worst-heatmaps.png"));
    }

    [Fact]
    public void Negative_heatmap_counts_are_refused()
    {
        using var temp = new TemporaryDirectory();
        var result = new ImageDsl.Evaluation.EvaluationResult("M", "d", 0, 0, []);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => result.WriteReport(temp.Path, options: new ReportOptions { WorstHeatmaps = -1 }));
        Assert.Equal("WorstHeatmaps", error.ParamName);
    }
}
