using ImageDsl.Training;

namespace ImageDsl.Tests.EndToEnd;

/// <summary>Short real training runs on the bundled sample (a few seconds each on 2 cores).</summary>
[Collection(ReproducibleRuns.Name)]
public class TrainingRunTests
{
    [Fact]
    public void Digit_classifier_loss_falls_and_accuracy_beats_chance_widely()
    {
        var train = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "train"));
        var test = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test"));
        using var model = SampleDigits.Model.Create(seed: 1);
        var reports = new List<TrainingProgress>();

        var history = model.Train(train, new TrainingOptions { Epochs = 4 }, new Collect(reports));
        var evaluation = model.Evaluate(test);

        Assert.Equal(4, history.Epochs.Count);
        Assert.True(history.Epochs[^1].TrainingLoss < history.Epochs[0].TrainingLoss / 2,
            $"loss did not fall enough: {string.Join(", ", history.Epochs.Select(e => e.TrainingLoss.ToString("F3")))}");
        Assert.True(evaluation.Digit.Metrics.Accuracy > 0.7, $"accuracy {evaluation.Digit.Metrics.Accuracy:P1} (chance is 10 %)");
        Assert.Equal(200, evaluation.Result.Count);
        Assert.Equal(4, reports.Count(r => r.EpochCompleted));
        Assert.All(reports, r => Assert.InRange(r.Fraction, 0, 1));
    }

    [Fact]
    public void Rotation_regressor_beats_predicting_the_middle_of_the_range()
    {
        var train = SampleRotation.LoadDataset(RepositoryPaths.BundledData("rotation", "train"));
        var test = SampleRotation.LoadDataset(RepositoryPaths.BundledData("rotation", "test"));
        using var model = SampleRotation.Model.Create(seed: 1);

        model.Train(train, new TrainingOptions { Epochs = 4 });
        var evaluation = model.Evaluate(test);

        // Angles are uniform on [-45, 45]: always answering 0 gives an RMSE of about 26 degrees.
        Assert.True(evaluation.Angle.Metrics.Rmse < 18, $"RMSE {evaluation.Angle.Metrics.Rmse:F1} degrees");
        Assert.All(model.Predict(test.Samples.Take(50).Select(s => s.Path)), p => Assert.InRange(p.Angle, -45f, 45f));
    }

    [Fact]
    public void The_same_seed_gives_the_same_initial_weights_and_another_seed_does_not()
    {
        using var a = SampleDigits.Model.Create(seed: 5);
        using var b = SampleDigits.Model.Create(seed: 5);
        using var c = SampleDigits.Model.Create(seed: 6);

        var wa = a.Network.parameters().First().data<float>().ToArray();
        Assert.Equal(wa, b.Network.parameters().First().data<float>().ToArray());
        Assert.NotEqual(wa, c.Network.parameters().First().data<float>().ToArray());
    }

    [Fact]
    public void Invalid_options_name_the_option()
    {
        var train = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test"));
        using var model = SampleDigits.Model.Create();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Train(train, new TrainingOptions { LearningRate = -1 }));

        Assert.Equal("LearningRate", error.ParamName);
    }

    private sealed class Collect(List<TrainingProgress> into) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => into.Add(value);
    }
}
