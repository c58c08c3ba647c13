using ImageDsl.Tests.EndToEnd;
using ImageDsl.Tests.Networks;
using ImageDsl.Training;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Tuning;

/// <summary>In the reproducible-runs collection: one test compares two training runs number for number.</summary>
[Collection(ReproducibleRuns.Name)]
public class LearningRateFinderTests(ITestOutputHelper output)
{
    [Fact]
    public void The_sweep_leaves_the_model_exactly_as_it_was()
    {
        var data = TuningData.Training(256);
        var options = new TrainingOptions { Epochs = 1, BatchSize = 32, Seed = 5 };
        using var swept = HandWrittenModel.Create(TuningData.Spec, seed: 7);
        var before = BackboneData.Snapshot(swept.Network);
        var (normalization, statistics) = (swept.Normalization, swept.TargetStatistics);

        var result = swept.FindLearningRate(data, options, new LearningRateSearch { Steps = 30 });

        Assert.InRange(result.Rates.Count, 2, 30);
        Assert.All(swept.Network.state_dict(), kv => Assert.True(BackboneData.MaxAbsDifference(kv.Value, before[kv.Key]) == 0, $"{kv.Key} changed"));
        Assert.Equal(normalization, swept.Normalization);
        Assert.Equal(statistics, swept.TargetStatistics);
        Assert.False(swept.IsTrained);
        Assert.All(swept.Network.parameters(), p => Assert.True(p.requires_grad));

        // Training after the sweep is the training a fresh model gets: nothing of the sweep (optimizer state, statistics) leaks into it.
        using var fresh = HandWrittenModel.Create(TuningData.Spec, seed: 7);
        var afterSweep = swept.Train(data, options);
        var plain = fresh.Train(data, options);
        Assert.Equal(plain.Epochs[0].TrainingLoss, afterSweep.Epochs[0].TrainingLoss);
    }

    [Fact]
    public void The_suggested_rate_trains_well_and_a_tiny_one_does_not()
    {
        var training = TuningData.Training(800);
        var test = TuningData.Test(200);
        var options = new TrainingOptions { Epochs = 2, BatchSize = 32, Seed = 1 };
        using var model = HandWrittenModel.Create(TuningData.Spec, seed: 1);

        var result = model.FindLearningRate(training, options);
        output.WriteLine(result.ToString());

        Assert.True(result.Diverged, "Adam at rates up to 10 should blow up before the end");
        Assert.Equal(result.MinimumRate / 10, result.SuggestedRate, 12);
        Assert.InRange(result.SuggestedRate, 1e-5, 1e-1);
        Assert.True(result.SmoothedLosses[result.Rates.ToList().IndexOf(result.MinimumRate)] < result.SmoothedLosses[0] * 0.8, "the loss should fall well below its start");

        model.Train(training, options with { LearningRate = result.SuggestedRate });
        using var slow = HandWrittenModel.Create(TuningData.Spec, seed: 1);
        slow.Train(training, options with { LearningRate = result.Rates[0] * 10 });
        double suggested = TuningData.Accuracy(model, test), tiny = TuningData.Accuracy(slow, test);
        output.WriteLine($"test accuracy after 2 epochs: {suggested:P1} at {result.SuggestedRate:G2}, {tiny:P1} at {result.Rates[0] * 10:G2}");
        Assert.True(suggested >= 0.8, $"accuracy {suggested:P1} at the suggested rate");
        Assert.True(suggested > tiny + 0.3, $"accuracy {suggested:P1} at the suggestion against {tiny:P1} at a tiny rate");
    }

    [Fact]
    public void The_report_has_the_plot_and_every_step()
    {
        using var temp = new TemporaryDirectory();
        using var model = HandWrittenModel.Create(TuningData.Spec, seed: 2);

        var result = model.FindLearningRate(TuningData.Training(128), new TrainingOptions { BatchSize = 32 }, new LearningRateSearch { Steps = 20 }, temp.File("lr"));

        var png = File.ReadAllBytes(Path.Combine(temp.File("lr"), "learning-rate.png"));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        var lines = File.ReadAllLines(Path.Combine(temp.File("lr"), "learning-rate.csv"));
        Assert.Equal("step,learning_rate,loss,smoothed_loss", lines[0]);
        Assert.Equal(result.Rates.Count + 1, lines.Length);
        Assert.Equal(1e-7, result.Rates[0], 15);
    }

    [Fact]
    public void Rates_grow_exponentially_and_bad_sweeps_are_refused()
    {
        var search = new LearningRateSearch { StartRate = 1e-6, EndRate = 1, Steps = 7 };
        Assert.Equal(1e-6, search.RateAt(0), 15);
        Assert.Equal(1e-5, search.RateAt(1), 15);
        Assert.Equal(1.0, search.RateAt(6), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => (search with { EndRate = 1e-7 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (search with { Steps = 2 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (search with { Smoothing = 1 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (search with { DivergenceFactor = 1 }).Validate());
    }
}
