using ImageDsl.Data;
using ImageDsl.Evaluation;
using ImageDsl.Modeling;
using ImageDsl.Specs;
using ImageDsl.Tests.Networks;
using ImageDsl.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Tuning;

public class TestTimeAugmentationTests(ITestOutputHelper output)
{
    /// <summary>A black 32x32 image with a white rectangle over columns [x1, x2) and rows [y1, y2).</summary>
    private static string Rectangle(TemporaryDirectory temp, string name, int x1, int y1, int x2, int y2)
    {
        using var image = new Image<L8>(32, 32);
        for (int y = y1; y < y2; y++)
            for (int x = x1; x < x2; x++)
                image[x, y] = new L8(255);
        var path = temp.File(name);
        image.SaveAsPng(path);
        return path;
    }

    [Fact]
    public void A_box_predicted_on_the_mirror_image_maps_back_exactly()
    {
        using var temp = new TemporaryDirectory();
        using var model = FunctionModel.BrightBox();
        var image = Rectangle(temp, "box.png", 3, 5, 11, 13);
        var mirrored = Rectangle(temp, "mirrored.png", 32 - 11, 5, 32 - 3, 13);

        var plain = model.Predict(image).Values(0);
        var seenMirrored = model.Predict(mirrored).Values(0);
        var flipped = model.Predict(image, TestTimeAugmentation.Flip).Values(0);
        var shifted = model.Predict(image, new TestTimeAugmentation { FlipHorizontal = true, Shift = 2 }).Values(0);

        Assert.Equal([3f, 5f, 11f, 13f], plain);
        Assert.Equal([21f, 5f, 29f, 13f], seenMirrored); // what the mirror view predicts before it is moved back
        Assert.Equal(plain, flipped);   // averaging the unmapped boxes would give [12, 5, 20, 13]
        Assert.Equal(plain, shifted);   // ten views, each moved back exactly
    }

    [Fact]
    public void Without_moved_views_test_time_augmentation_is_plain_prediction()
    {
        using var model = HandWrittenModel.Create(TuningData.Spec, seed: 5);
        model.AllowUntrained = true;
        var data = TuningData.Test(40);
        var paths = data.Samples.Select(s => s.Path).ToArray();

        var plain = model.Predict(paths);
        var none = model.Predict(paths, TestTimeAugmentation.None);
        var evaluated = model.Evaluate(data);
        var evaluatedNone = ((ClassificationEvaluation)HandWrittenEvaluate(model, data, TestTimeAugmentation.None).Targets[0]).Metrics;

        Assert.Empty(TestTimeAugmentation.None.MovedViews());
        for (int i = 0; i < paths.Length; i++) Assert.Equal(plain[i].Probabilities(0), none[i].Probabilities(0));
        Assert.Equal(((ClassificationEvaluation)evaluated.Targets[0]).Metrics.Accuracy, evaluatedNone.Accuracy);

        // The identity move renders the image unchanged, pixel for pixel.
        using var scope = NewDisposeScope();
        var unit = rand(3, 1, 28, 28);
        var rendered = TestTimeViews.Render(unit, TestTimeViews.ForBatch([1, 0, 0, 0, 1, 0], 3, CPU));
        Assert.Equal(0.0, (rendered - unit).abs().max().item<float>());
    }

    [Fact]
    public void Shifted_views_do_not_hurt_a_digit_classifier_trained_with_shifts()
    {
        var training = TuningData.Training(800);
        var test = TuningData.Test(300);
        using var model = HandWrittenModel.Create(TuningData.Spec, seed: 6);
        model.Train(training, new TrainingOptions { Epochs = 3, BatchSize = 32, Augmentation = new Augmentation { Shift = 2 } });

        double Accuracy(TestTimeAugmentation? tta) => ((ClassificationEvaluation)HandWrittenEvaluate(model, test, tta).Targets[0]).Metrics.Accuracy!.Value;
        double plain = Accuracy(null), shifted = Accuracy(new TestTimeAugmentation { Shift = 1 });
        output.WriteLine($"test accuracy: plain {plain:P1}, with 5 shifted views {shifted:P1}");
        Assert.True(shifted >= plain - 0.01, $"TTA {shifted:P1} against plain {plain:P1}");
        // The loss is the plain images' whatever the views.
        Assert.Equal(HandWrittenEvaluate(model, test, null).Loss, HandWrittenEvaluate(model, test, new TestTimeAugmentation { Shift = 1 }).Loss);
    }

    [Fact]
    public void Moves_that_would_change_a_target_are_refused_naming_it()
    {
        using var temp = new TemporaryDirectory();
        var path = Rectangle(temp, "x.png", 1, 1, 5, 5);
        var sides = new ModelSpec("Tests.Tuning.Sides", new InputSpec(32, 32, 1), Backbone.SmallCnn, [new LabelTargetSpec("Turn", ["Left", "Right"])]);
        using var model = HandWrittenModel.Create(sides);
        model.AllowUntrained = true;

        var error = Assert.Throws<InvalidOperationException>(() => model.Predict(path, TestTimeAugmentation.Flip));
        Assert.Contains("Turn", error.Message);
        Assert.Contains("side", error.Message);
        model.Predict(path, new TestTimeAugmentation { Shift = 1 }); // a shift keeps the sides
        var angle = new ModelSpec("Tests.Tuning.Yaw", new InputSpec(32, 32, 1), Backbone.SmallCnn, [new RangeTargetSpec("Yaw", -90, 90, unit: "degrees")]);
        using var yaw = HandWrittenModel.Create(angle);
        yaw.AllowUntrained = true;
        Assert.Contains("mirror", Assert.Throws<InvalidOperationException>(() => yaw.Predict(path, TestTimeAugmentation.Flip)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict(path, new TestTimeAugmentation { Shift = -1 }));
    }

    [Fact]
    public void An_image_rotation_is_mirrored_back_and_angles_average_on_the_circle()
    {
        using var scope = NewDisposeScope();
        var rotation = new PeriodicTargetSpec("Angle", 0, 360, unit: "degrees", imageRotation: RotationSense.Clockwise);
        static Tensor Circle(params double[] degrees) =>
            tensor(degrees.SelectMany(d => new[] { (float)Math.Sin(d * Math.PI / 180), (float)Math.Cos(d * Math.PI / 180) }).ToArray()).reshape(-1, 2);
        var statistics = TargetStatistics.Identity(1);
        float Decode(Tensor activated) => rotation.Decode(activated.data<float>().ToArray(), statistics, 0)[0];

        // Seen mirrored, a clockwise turn of 30° reads as 330°: moved back, it is 30° again.
        var mirror = TestTimeViews.ForBatch([-1, 0, 0, 0, 1, 0], 1, CPU);
        Assert.Equal(30f, Decode(rotation.FromView(Circle(330), TestTimeViews.Invert(mirror), new InputSpec(32, 32, 1), statistics, 0)), 3);
        // 350° and 10° average to 0°, not to their arithmetic mean 180°.
        var mean = Decode(TestTimeViews.NanMean([Circle(350), Circle(10)]));
        Assert.True(Math.Min(mean, 360 - mean) < 1e-3, $"mean {mean}");
        // A dense map's pixels that a view did not see are left out of the average.
        var averaged = TestTimeViews.NanMean([tensor(new[] { 1f, 2f }), tensor(new[] { float.NaN, 4f })]).data<float>().ToArray();
        Assert.Equal([1f, 3f], averaged);
    }

    private static EvaluationResult HandWrittenEvaluate(HandWrittenModel model, ImageDataset data, TestTimeAugmentation? tta) => model.Evaluate(data, tta);
}
