using ImageDsl.Evaluation;
using ImageDsl.Calibration;
using SixLabors.ImageSharp;
using System.Text.Json.Nodes;
using ImageDsl.Tests.Targets;
using ImageDsl.Training;

namespace ImageDsl.Tests.Calibration;

/// <summary>A hinge-only spec: nothing in it has probabilities.</summary>
[ImageModel(Width = 16, Height = 16, Channels = 1)]
public partial class HingeOnly
{
    /// <summary>Trained on raw scores.</summary>
    [Labels("cat", "dog", Loss = LossFunction.CategoricalHinge)] public string Species { get; init; } = "cat";
}

/// <summary>Calibrate and CalibrateIntervals on a model of every kind: fitted, used, reported, saved and exported.</summary>
public class CalibrationModelTests
{
    [Fact]
    public void Temperatures_and_intervals_are_fitted_used_reported_saved_and_exported()
    {
        using var temp = new TemporaryDirectory();
        FixtureData.WriteAllKinds(Path.Combine(temp.Path, "train"), 64);
        FixtureData.WriteAllKinds(Path.Combine(temp.Path, "held"), 40);
        var train = AllKinds.LoadDataset(Path.Combine(temp.Path, "train"));
        var held = AllKinds.LoadDataset(Path.Combine(temp.Path, "held"));
        using var model = AllKinds.Model.Create(seed: 5);
        model.Train(train, new TrainingOptions { Epochs = 6, BatchSize = 16, LearningRate = 3e-3 });
        var paths = held.Samples.Take(10).Select(s => s.Path).ToArray();
        var uncalibrated = model.Predict(paths);
        Assert.All(uncalibrated, p => Assert.Null(p.HeadingInterval));

        var report = model.Calibrate(held);

        // Every classifier got temperatures (one per label for multi-label), no regression target did.
        int species = 0, defect = 1, tags = 2, heading = 4;
        Assert.Equal(2, model.Calibration.Temperatures(species)!.Length);
        Assert.Single(model.Calibration.Temperatures(defect)!);
        Assert.Equal(3, model.Calibration.Temperatures(tags)!.Length);
        Assert.Null(model.Calibration.Temperatures(heading));
        // The fit minimises the log-likelihood on these images, and T = 1 was a candidate: never worse.
        var fit = model.Calibration.Targets[species].TemperatureFit!;
        Assert.True(fit.LogLossAfter <= fit.LogLossBefore + 1e-6, $"log loss {fit.LogLossBefore} -> {fit.LogLossAfter}");
        Assert.Equal(report.After.Targets[species].Calibration!.ExpectedCalibrationError, fit.EceAfter);
        Assert.Equal(40, fit.Images);

        // Predictions: same labels, probabilities of softmax(z / T).
        var calibrated = model.Predict(paths);
        float t = model.Calibration.Temperatures(species)![0];
        Assert.NotEqual(1f, t);
        for (int i = 0; i < paths.Length; i++)
        {
            Assert.Equal(uncalibrated[i].Species, calibrated[i].Species);
            double before = uncalibrated[i].SpeciesProbabilities["dog"], logit = Math.Log(before / (1 - before)); // the logit gap, z_dog − z_cat
            Assert.Equal(1 / (1 + Math.Exp(-logit / t)), calibrated[i].SpeciesProbabilities["dog"], 1e-4);
        }

        // Intervals: split conformal on the held-out images covers at least 90 % of them.
        model.CalibrateIntervals(held, coverage: 0.9);
        var evaluation = model.Evaluate(held);
        Assert.InRange(evaluation.Heading.Intervals!.Coverage, 0.9, 1.0);
        Assert.InRange(evaluation.Depth.Intervals!.Coverage, 0.9, 1.0);
        Assert.Equal(4, evaluation.Corners.Intervals!.ComponentCoverage.Count);
        Assert.All(evaluation.Corners.Intervals.ComponentCoverage, c => Assert.InRange(c, 0.9, 1.0));
        Assert.Null(evaluation.Species.Intervals);
        Assert.NotNull(evaluation.Species.Calibrated!.Temperatures); // the temperatures stayed

        var withIntervals = model.Predict(paths);
        foreach (var p in withIntervals)
        {
            Assert.True(p.HeadingInterval!.Value.Contains(p.Heading));
            Assert.True(p.DepthInterval!.Value.Low < p.Depth && p.Depth < p.DepthInterval.Value.High);
            Assert.Equal(4, p.CornersIntervals!.Count);
            Assert.All(p.CornersIntervals, i => Assert.True(i.Low >= 0 && i.High <= 16 || i.Low < i.High)); // clipped where the vector is bounded
            Assert.Equal(4, p.BoxIntervals!.Count);
        }

        // Report: calibration, coverage and a reliability diagram per classifier.
        evaluation.WriteReport(Path.Combine(temp.Path, "report"));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "report", "report.json")))!;
        var targets = json["targets"]!.AsArray();
        var headingJson = targets.First(n => (string)n!["name"]! == "Heading")!;
        Assert.Equal(evaluation.Heading.Intervals.Coverage, (double)headingJson["coverage"]!);
        Assert.Equal(0.9, (double)headingJson["intervals"]!["nominalCoverage"]!);
        var speciesJson = targets.First(n => (string)n!["name"]! == "Species")!;
        Assert.Equal(evaluation.Species.Calibration!.ExpectedCalibrationError, (double)speciesJson["calibration"]!["expectedCalibrationError"]!);
        Assert.Equal(t, (float)speciesJson["calibration"]!["temperatures"]![0]!);
        Assert.True(File.Exists(Path.Combine(temp.Path, "report", (string)speciesJson["files"]!["reliability"]!)));
        var markdown = File.ReadAllText(Path.Combine(temp.Path, "report", "report.md"));
        Assert.Contains("### Species: calibration", markdown);
        Assert.Contains("### Heading: prediction intervals", markdown);

        // Saved and loaded with the model; the ONNX export divides by the same temperatures.
        model.Save(temp.File("calibrated.imgdsl"));
        using var loaded = AllKinds.Model.Load(temp.File("calibrated.imgdsl"));
        Assert.Equal(model.Calibration.Temperatures(species), loaded.Calibration.Temperatures(species));
        Assert.Equal(model.Calibration.IntervalRadii(heading), loaded.Calibration.IntervalRadii(heading));
        var reloaded = loaded.Predict(paths);
        for (int i = 0; i < paths.Length; i++)
        {
            Assert.Equal(withIntervals[i].SpeciesProbabilities["dog"], reloaded[i].SpeciesProbabilities["dog"]);
            Assert.Equal(withIntervals[i].HeadingInterval, reloaded[i].HeadingInterval);
        }
        model.ExportOnnx(temp.File("calibrated.onnx"));
        using var onnx = AllKinds.OnnxPredictor.Load(temp.File("calibrated.onnx"));
        var exported = onnx.Predict(paths);
        for (int i = 0; i < paths.Length; i++)
        {
            Assert.Equal(withIntervals[i].SpeciesProbabilities["dog"], exported[i].SpeciesProbabilities["dog"], 1e-4);
            Assert.Equal(withIntervals[i].IsDefectProbability, exported[i].IsDefectProbability, 1e-4);
        }
    }

    [Fact]
    public void Learned_scale_intervals_follow_the_prediction_and_are_used_reported_and_saved()
    {
        using var temp = new TemporaryDirectory();
        FixtureData.WriteAllKinds(Path.Combine(temp.Path, "train"), 64);
        FixtureData.WriteAllKinds(Path.Combine(temp.Path, "held"), 200);
        var train = AllKinds.LoadDataset(Path.Combine(temp.Path, "train"));
        var held = AllKinds.LoadDataset(Path.Combine(temp.Path, "held"));
        using var model = AllKinds.Model.Create(seed: 5);
        model.Train(train, new TrainingOptions { Epochs = 3, BatchSize = 16, LearningRate = 3e-3 });

        model.CalibrateIntervals(held, coverage: 0.9, scaling: IntervalScaling.Learned);

        int heading = 4, depth = 5, corners = 6;
        var depthCalibration = model.Calibration.Targets[depth];
        Assert.Equal(IntervalScaling.Learned, depthCalibration.Scaling);
        var scale = Assert.Single(depthCalibration.IntervalScales!);
        Assert.Equal((100, 100), (scale.ScaleImages, scale.QuantileImages));
        Assert.True(scale.Knots.Length >= 2, $"{scale.Knots.Length} knots from 100 images");
        Assert.Equal(4, model.Calibration.Targets[corners].IntervalScales!.Length);
        Assert.NotNull(model.Calibration.Targets[heading].IntervalScales);

        // Each prediction's interval is the learned half-width at its own value.
        var paths = held.Samples.Take(40).Select(s => s.Path).ToArray();
        var predictions = model.Predict(paths);
        foreach (var p in predictions)
        {
            double radius = scale.Radius(p.Depth);
            Assert.Equal(p.Depth - radius, p.DepthInterval!.Value.Low, 1e-5);
            Assert.Equal(p.Depth + radius, p.DepthInterval.Value.High, 1e-5);
        }
        Assert.True(predictions.Select(p => Math.Round(p.DepthInterval!.Value.High - p.DepthInterval.Value.Low, 6)).Distinct().Count() > 1, "every depth interval is as wide");

        // Evaluate scores the same intervals: coverage counts the images inside their own interval.
        var evaluation = model.Evaluate(held);
        var depthSamples = ((RegressionEvaluation)evaluation.Depth).Samples;
        double expected = depthSamples.Count(s => Math.Abs(s.Error) <= scale.Radius(s.Predicted)) / (double)depthSamples.Count;
        Assert.Equal(expected, evaluation.Depth.Intervals!.Coverage, 1e-12);
        Assert.InRange(evaluation.Depth.Intervals.Coverage, 0.8, 1.0);

        // A periodic target's scale reads the length of its (sine, cosine), recorded with each sample.
        var headingScale = model.Calibration.Targets[heading].IntervalScales![0];
        Assert.Equal("the length of the (sine, cosine) output", headingScale.Input);
        var headingSamples = ((PeriodicEvaluation)evaluation.Heading).Samples;
        Assert.All(headingSamples, s => Assert.InRange(s.Length, 0, 2));
        Assert.Equal(headingSamples.Count(s => Math.Abs(s.Error) <= headingScale.Radius(s.Length)) / (double)headingSamples.Count, evaluation.Heading.Intervals!.Coverage, 1e-12);

        evaluation.WriteReport(Path.Combine(temp.Path, "report"));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "report", "report.json")))!;
        var depthJson = json["targets"]!.AsArray().First(n => (string)n!["name"]! == "Depth")!["intervals"]!;
        Assert.Equal("learned", (string)depthJson["scaling"]!);
        Assert.Equal(scale.Quantile, (float)depthJson["learnedScales"]![0]!["quantile"]!);
        Assert.Contains("learned scale", File.ReadAllText(Path.Combine(temp.Path, "report", "report.md")));

        model.Save(temp.File("learned.imgdsl"));
        using var loaded = AllKinds.Model.Load(temp.File("learned.imgdsl"));
        var reloaded = loaded.Calibration.Targets[depth].IntervalScales![0];
        Assert.Equal(scale.Knots, reloaded.Knots);
        Assert.Equal(scale.Scales, reloaded.Scales);
        Assert.Equal(scale.Quantile, reloaded.Quantile);
        var again = loaded.Predict(paths);
        for (int i = 0; i < paths.Length; i++) Assert.Equal(predictions[i].DepthInterval, again[i].DepthInterval);

        // Constant again on request: the learned scales go.
        model.CalibrateIntervals(held, coverage: 0.9);
        Assert.Equal(IntervalScaling.Constant, model.Calibration.Targets[depth].Scaling);
        Assert.Null(model.Calibration.Targets[depth].IntervalScales);
    }

    [Fact]
    public void A_model_without_probabilities_or_too_few_images_is_refused_clearly()
    {
        using var temp = new TemporaryDirectory();
        var lines = new List<string> { "file,Species" };
        Directory.CreateDirectory(Path.Combine(temp.Path, "images"));
        for (int i = 0; i < 12; i++)
        {
            using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.L8>(16, 16);
            if (i % 2 == 1) image[3, 3] = new SixLabors.ImageSharp.PixelFormats.L8(255);
            image.SaveAsPng(Path.Combine(temp.Path, $"images/{i}.png"));
            lines.Add($"images/{i}.png,{(i % 2 == 0 ? "cat" : "dog")}");
        }
        File.WriteAllLines(Path.Combine(temp.Path, "labels.csv"), lines);
        var data = HingeOnly.LoadDataset(temp.Path);
        using var model = HingeOnly.Model.Create(seed: 1);
        var untrained = Assert.Throws<InvalidOperationException>(() => model.Calibrate(data));
        Assert.Contains("calibrated", untrained.Message);
        model.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 4 });
        var none = Assert.Throws<InvalidOperationException>(() => model.Calibrate(data));
        Assert.Contains("no target with probabilities", none.Message);
        Assert.Contains("Species (labels)", none.Message);
        var noRegression = Assert.Throws<InvalidOperationException>(() => model.CalibrateIntervals(data));
        Assert.Contains("no regression target", noRegression.Message);
        Assert.True(model.Calibration.IsEmpty);
    }
}
