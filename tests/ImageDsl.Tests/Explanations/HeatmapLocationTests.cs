using System.Diagnostics;
using ImageDsl.Explanations;
using ImageDsl.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Explanations;

/// <summary>One bright square on a plain black image: which half it is in, its centre's x, its box.</summary>
[ImageModel(Width = 32, Height = 32, Channels = 1)]
public partial class SquarePlacer
{
    /// <summary>True when the square's centre is in the right half.</summary>
    [Labels] public bool Right { get; init; }

    /// <summary>The square's centre x.</summary>
    [Range(0, 32, Unit = "px")] public float CentreX { get; init; }

    /// <summary>The square's box.</summary>
    [Box(Min = 0, Max = 32)] public BoundingBox Box { get; init; }
}

/// <summary>
/// Where the heat lies: on a plain image with one square, everything the model can know is in
/// the square, so a heatmap that explains anything must put its mass there, for a class score,
/// a regression value and a box coordinate alike.
/// </summary>
[Collection(ImageDsl.Tests.EndToEnd.ReproducibleRuns.Name)]
public class HeatmapLocationTests
{
    private const int Side = 6;

    /// <summary>Image i: a white 6×6 square at a seeded place on black.</summary>
    private static List<(string Path, int X, int Y)> Write(string directory, int count, int seed)
    {
        Directory.CreateDirectory(Path.Combine(directory, "images"));
        var random = new Random(seed);
        var lines = new List<string> { "file,Right,CentreX,x,y,w,h" };
        var squares = new List<(string, int, int)>();
        for (int i = 0; i < count; i++)
        {
            int left = random.Next(0, 32 - Side + 1), top = random.Next(0, 32 - Side + 1);
            using var image = new Image<L8>(32, 32); // black
            for (int y = top; y < top + Side; y++) for (int x = left; x < left + Side; x++) image[x, y] = new L8(255);
            var file = $"images/{i:000}.png";
            image.SaveAsPng(Path.Combine(directory, file));
            double centre = left + Side / 2.0;
            lines.Add($"{file},{(centre >= 16 ? "true" : "false")},{centre},{left},{top},{Side},{Side}");
            squares.Add((Path.Combine(directory, file), left, top));
        }
        File.WriteAllLines(Path.Combine(directory, "labels.csv"), lines);
        return squares;
    }

    /// <summary>Mean heat inside the square over mean heat away from it (beyond a 4-pixel margin, the feature map's blur).</summary>
    private static double Contrast(Heatmap heat, int left, int top)
    {
        double inside = 0, outside = 0;
        int nInside = 0, nOutside = 0;
        for (int y = 0; y < heat.Height; y++)
            for (int x = 0; x < heat.Width; x++)
            {
                if (x >= left && x < left + Side && y >= top && y < top + Side) { inside += heat[x, y]; nInside++; }
                else if (x < left - 4 || x >= left + Side + 4 || y < top - 4 || y >= top + Side + 4) { outside += heat[x, y]; nOutside++; }
            }
        return inside / nInside / Math.Max(outside / nOutside, 1e-6);
    }

    [Fact]
    public void Heat_concentrates_on_the_square_for_a_class_score_a_regression_value_and_a_box_coordinate()
    {
        var clock = Stopwatch.StartNew();
        using var temp = new TemporaryDirectory();
        Write(Path.Combine(temp.Path, "train"), 160, seed: 1);
        var test = Write(Path.Combine(temp.Path, "test"), 40, seed: 2);
        using var model = SquarePlacer.Model.Create(seed: 4);
        model.Train(SquarePlacer.LoadDataset(Path.Combine(temp.Path, "train")), new TrainingOptions { Epochs = 12, BatchSize = 16, LearningRate = 3e-3 });
        var evaluation = model.Evaluate(SquarePlacer.LoadDataset(Path.Combine(temp.Path, "test")));
        Assert.True(evaluation.Right.Metrics.Accuracy > 0.8, $"accuracy {evaluation.Right.Metrics.Accuracy}");

        // A number's heat is where the evidence for a higher value lies: a square on the right
        // raises x, one on the left lowers it (its evidence is against). So the value and the box's
        // left edge are explained on images whose square is on the right; the class's predicted label on all.
        var right = test.Where(t => t.X + Side / 2.0 >= 20).Take(8).ToList();
        var all = test.Take(8).ToList();
        Assert.True(right.Count >= 4, "too few squares on the right");
        var contrasts = new Dictionary<string, List<double>>();
        void Measure(string name, IEnumerable<(string Path, int X, int Y)> images, Func<(string Path, int X, int Y), ExplainTarget> target)
        {
            var list = contrasts[name] = [];
            foreach (var image in images)
            {
                var heat = model.Explain(image.Path, target(image));
                Assert.True(heat.Peak > 0, $"{name}: no heat on {image.Path}");
                list.Add(Contrast(heat, image.X, image.Y));
            }
        }
        Measure("class", all, image => ExplainTarget.Score("Right", image.X + Side / 2.0 >= 16 ? "true" : "false"));
        Measure("value", right, _ => SquarePlacer.ExplainTargets.CentreX);
        Measure("box left", right, _ => SquarePlacer.ExplainTargets.Box.X);
        var summary = string.Join("; ", contrasts.Select(c => $"{c.Key}: median {Median(c.Value):F1} ({string.Join(" ", c.Value.Select(v => v.ToString("F1")))})"));
        Console.WriteLine($"inside/outside heat: {summary}; {clock.Elapsed.TotalSeconds:F1} s");
        // A class score and a value are read from the square itself: 7–8× measured. A box's left
        // edge is read as much from the empty strip left of the square as from the square, so
        // image by image it swings from 0 to 9× (medians 2.0 and 2.5 in two runs); 1.5× still
        // fails a flat map (1×) or one that looks elsewhere (below 1×).
        foreach (var (name, values) in contrasts)
        {
            double floor = name == "box left" ? 1.5 : 3;
            Assert.True(Median(values) >= floor, $"{name}: mean heat inside the square is not {floor}× that away from it: {summary}");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
