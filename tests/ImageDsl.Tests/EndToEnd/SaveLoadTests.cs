using ImageDsl.Modeling;
using ImageDsl.Training;

namespace ImageDsl.Tests.EndToEnd;

public class SaveLoadTests
{
    [Fact]
    public void A_saved_and_loaded_model_predicts_exactly_the_same()
    {
        using var temp = new TemporaryDirectory();
        var data = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test"));
        using var model = SampleDigits.Model.Create(seed: 2);
        model.Train(data, new TrainingOptions { Epochs = 1 });
        var paths = data.Samples.Take(20).Select(s => s.Path).ToArray();

        model.Save(temp.File("digits.imgdsl"));
        using var loaded = SampleDigits.Model.Load(temp.File("digits.imgdsl"));

        Assert.Equal(model.Normalization, loaded.Normalization);
        var before = model.Predict(paths);
        var after = loaded.Predict(paths);
        for (int i = 0; i < paths.Length; i++)
        {
            Assert.Equal(before[i].Digit, after[i].Digit);
            Assert.Equal(before[i].DigitProbabilities.Values, after[i].DigitProbabilities.Values);
        }
    }

    [Fact]
    public void Loading_another_specs_file_fails_saying_what_differs()
    {
        using var temp = new TemporaryDirectory();
        using (var rotation = SampleRotation.Model.Create()) rotation.Save(temp.File("rotation.imgdsl"));

        var error = Assert.Throws<ModelFileException>(() => SampleDigits.Model.Load(temp.File("rotation.imgdsl")));

        Assert.Contains("saved for spec ImageDsl.Tests.EndToEnd.SampleRotation", error.Message);
        Assert.Contains("targets[0].kind", error.Message);
    }

    [Fact]
    public void Typed_labels_are_encoded_by_the_generated_code()
    {
        var path = Directory.GetFiles(RepositoryPaths.BundledData("digits", "test", "7"))[0];
        using var model = SampleDigits.Model.Create();

        var data = model.CreateDataset([(path, new SampleDigits { Digit = Digit.Seven })]);

        Assert.Equal(7f, data.Samples[0].Targets[0]);
    }
}
