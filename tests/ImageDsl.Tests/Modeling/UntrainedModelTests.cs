using ImageDsl.Tests.EndToEnd;
using ImageDsl.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Modeling;

/// <summary>A model that was neither trained nor loaded has random weights: using it is refused unless asked for.</summary>
public class UntrainedModelTests
{
    private static readonly string[] Paths =
        SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test")).Samples.Take(4).Select(s => s.Path).ToArray();

    private static readonly string[] AllUses = ["predict a file", "predict files", "predict an image", "be evaluated", "be exported"];

    public static TheoryData<string> Uses => new(AllUses);

    private static void Use(SampleDigits.Model model, string use, string folder)
    {
        switch (use)
        {
            case "predict a file": model.Predict(Paths[0]); break;
            case "predict files": model.Predict(Paths); break;
            case "predict an image":
                using (var image = new Image<L8>(28, 28)) model.Predict(image);
                break;
            case "be evaluated": model.Evaluate(SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test")).Sample(8)); break;
            case "be exported": model.ExportOnnx(Path.Combine(folder, "model.onnx")); break;
        }
    }

    [Theory]
    [MemberData(nameof(Uses))]
    public void Using_a_fresh_model_throws_naming_it_and_saying_what_to_do(string use)
    {
        using var temp = new TemporaryDirectory();
        using var model = SampleDigits.Model.Create();

        var error = Assert.Throws<InvalidOperationException>(() => Use(model, use, temp.Path));

        Assert.StartsWith("ImageDsl.Tests.EndToEnd.SampleDigits has been neither trained nor loaded, so it cannot", error.Message);
        Assert.Contains(use.StartsWith("predict", StringComparison.Ordinal) ? "cannot predict" : $"cannot {use}", error.Message);
        Assert.Contains("Call Train first", error.Message);
        Assert.Contains("SampleDigits.Model.Load(path)", error.Message);
        Assert.Contains("AllowUntrained = true", error.Message);
        Assert.False(File.Exists(temp.File("model.onnx")), "nothing is exported");
    }

    [Theory]
    [MemberData(nameof(Uses))]
    public void AllowUntrained_lets_the_initial_weights_be_used_on_purpose(string use)
    {
        using var temp = new TemporaryDirectory();
        using var model = SampleDigits.Model.Create();
        model.AllowUntrained = true;

        Use(model, use, temp.Path);

        Assert.False(model.IsTrained);
        Assert.Equal(use == "be exported", File.Exists(temp.File("model.onnx")));
    }

    [Fact]
    public void A_trained_model_and_a_loaded_one_are_used_without_being_asked()
    {
        using var temp = new TemporaryDirectory();
        using var model = SampleDigits.Model.Create();
        var data = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test")).Sample(32);
        // Validation during this first training scores a model that is not trained yet: that is allowed.
        var history = model.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 16 }, validation: data);
        Assert.NotNull(history.Epochs[0].ValidationLoss);
        model.Save(temp.File("digits.imgdsl"));
        using var loaded = SampleDigits.Model.Load(temp.File("digits.imgdsl"));

        foreach (var use in AllUses)
        {
            Use(model, use, temp.Path);
            Use(loaded, use, temp.Path);
        }
        Assert.True(File.Exists(temp.File("model.onnx")));
    }
}
