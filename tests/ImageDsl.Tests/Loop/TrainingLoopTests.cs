using ImageDsl.Tests.EndToEnd;
using ImageDsl.Training;

namespace ImageDsl.Tests.Loop;

// Early stopping relies on one seeded initialisation, which a test training beside it would change.
[Collection(ImageDsl.Tests.EndToEnd.ReproducibleRuns.Name)]
public class TrainingLoopTests
{
    private static ImageDsl.Data.ImageDataset Small() =>
        SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test")).Sample(128, seed: 2);

    [Fact]
    public void Cosine_warms_up_then_decays_to_a_hundredth_of_the_peak()
    {
        var options = new TrainingOptions { LearningRate = 0.01 };
        Assert.Equal(0.01 / 100, LearningRates.At(options, 0, 1000, 10), 12);        // warm-up: 100 steps (a tenth)
        Assert.Equal(0.01, LearningRates.At(options, 99, 1000, 10), 12);
        Assert.Equal(0.01 * 0.01, LearningRates.At(options, 1000, 1000, 10), 12);
        Assert.True(LearningRates.At(options, 500, 1000, 10) < LearningRates.At(options, 200, 1000, 10));
    }

    [Fact]
    public void One_cycle_peaks_at_three_tenths_and_step_divides_every_few_epochs()
    {
        var oneCycle = new TrainingOptions { LearningRate = 1, Schedule = LearningRateSchedule.OneCycle };
        Assert.Equal(1.0 / 25, LearningRates.At(oneCycle, 0, 1000, 10), 9);
        Assert.Equal(1.0, LearningRates.At(oneCycle, 300, 1000, 10), 9);
        Assert.True(LearningRates.At(oneCycle, 1000, 1000, 10) < 1e-5);

        var step = new TrainingOptions { LearningRate = 1, Schedule = LearningRateSchedule.Step, StepEpochs = 2, StepFactor = 0.5 };
        Assert.Equal([1, 1, 0.5, 0.5, 0.25], Enumerable.Range(0, 5).Select(epoch => LearningRates.At(step, epoch * 10, 1000, 10)));
    }

    [Fact]
    public void A_diverging_loss_stops_training_naming_epoch_and_batch()
    {
        using var model = SampleDigits.Model.Create();
        var options = new TrainingOptions { Epochs = 3, Optimizer = OptimizerKind.Sgd, LearningRate = 1e30, Schedule = LearningRateSchedule.Constant };

        var error = Assert.Throws<InvalidOperationException>(() => model.Train(Small(), options));

        Assert.Matches(@"loss became (NaN|∞|-∞|Infinity) at epoch \d+, batch \d+ of 2", error.Message);
    }

    [Fact]
    public void Early_stopping_ends_the_run_when_the_monitored_metric_stops_improving()
    {
        var data = Small();
        using var model = SampleDigits.Model.Create(seed: 3);
        // A vanishing learning rate leaves accuracy where it is: no epoch after the first improves on it.
        var options = new TrainingOptions
        {
            Epochs = 10, LearningRate = 1e-12, Schedule = LearningRateSchedule.Constant,
            Monitor = "Digit.Accuracy", EarlyStoppingPatience = 2,
        };

        var history = model.Train(data, options, validation: data);

        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(1, history.BestEpoch);
        Assert.All(history.Epochs, e => Assert.NotNull(e.Monitored));
        Assert.True(history.Epochs[0].Improved);
    }

    [Fact]
    public void A_monitor_that_names_nothing_lists_what_exists()
    {
        var data = Small();
        using var model = SampleDigits.Model.Create();

        var error = Assert.Throws<ArgumentException>(() => model.Train(data, new TrainingOptions { Epochs = 1, Monitor = "Digit.Accuracyy" }, validation: data));

        Assert.Contains("no numeric metric 'Accuracyy'", error.Message);
        Assert.Contains("Accuracy", error.Message);
    }

    [Fact]
    public void Validation_fraction_holds_out_a_stratified_share()
    {
        var data = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test"));

        var (training, validation) = data.StratifiedSplit(0.2, seed: 1);

        Assert.Equal((160, 40), (training.Count, validation.Count));
        Assert.All(validation.Samples.GroupBy(s => s.Targets[0]), group => Assert.Equal(4, group.Count()));
    }
}
