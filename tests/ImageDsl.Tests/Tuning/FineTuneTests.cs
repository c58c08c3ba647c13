using ImageDsl.Tests.Networks;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Tuning;

public class FineTuneTests
{
    [Fact]
    public void Backbone_is_fixed_in_the_frozen_phase_and_trains_after()
    {
        using var model = HandWrittenModel.Create(TuningData.Spec, seed: 3);
        var backboneStart = BackboneData.Snapshot(model.Layers.Backbone);
        var headStart = BackboneData.Snapshot(model.Layers.Head);
        var atEpochEnd = new List<(int Epoch, int Epochs, Dictionary<string, Tensor> Backbone, Dictionary<string, Tensor> Head, double Rate)>();
        var reports = new Recorder(p => atEpochEnd.Add((p.Epoch, p.Epochs, BackboneData.Snapshot(model.Layers.Backbone), BackboneData.Snapshot(model.Layers.Head), p.LearningRate)));

        var history = model.FineTune(TuningData.Training(128), epochs: 2, baseLearningRate: 1e-2, freezeEpochs: 1,
            options: new TrainingOptions { BatchSize = 32 }, progress: reports);

        Assert.Equal([1, 2, 3], history.Epochs.Select(e => e.Epoch));
        Assert.Equal([(1, 3), (2, 3), (3, 3)], atEpochEnd.Select(a => (a.Epoch, a.Epochs)));
        var frozen = atEpochEnd[0];
        Assert.All(frozen.Backbone, kv => Assert.True(BackboneData.MaxAbsDifference(kv.Value, backboneStart[kv.Key]) == 0, $"{kv.Key} changed while frozen"));
        Assert.Contains(frozen.Head, kv => BackboneData.MaxAbsDifference(kv.Value, headStart[kv.Key]) > 0);
        var unfrozen = atEpochEnd[1];
        Assert.Contains(unfrozen.Backbone, kv => kv.Key.EndsWith("weight") && BackboneData.MaxAbsDifference(kv.Value, frozen.Backbone[kv.Key]) > 0);
        Assert.All(model.Layers.Backbone.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void The_unfrozen_phase_gives_the_backbone_its_share_of_half_the_rate()
    {
        using var model = HandWrittenModel.Create(TuningData.Spec, seed: 4);
        var rates = new List<(int Epoch, double Rate)>();
        var reports = new Recorder(p => rates.Add((p.Epoch, p.LearningRate)), everyReport: true);

        model.FineTune(TuningData.Training(96), epochs: 1, baseLearningRate: 4e-3, freezeEpochs: 1, options: new TrainingOptions { BatchSize = 32 }, progress: reports);

        // One-cycle in both phases: the reported (head) rate peaks at the base rate, then at half of it.
        Assert.InRange(rates.Where(r => r.Epoch == 1).Max(r => r.Rate), 1e-4, 4e-3 + 1e-12);
        Assert.InRange(rates.Where(r => r.Epoch == 2).Max(r => r.Rate), 1e-4, 2e-3 + 1e-12);
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused()
    {
        using var model = HandWrittenModel.Create(TuningData.Spec);
        var data = TuningData.Training(32);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.FineTune(data, epochs: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.FineTune(data, epochs: 1, freezeEpochs: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.FineTune(data, epochs: 1, baseLearningRate: 0));
        var error = Assert.Throws<ArgumentException>(() => model.FineTune(data, epochs: 1, options: new TrainingOptions { CheckpointPath = "x.ckpt" }));
        Assert.Contains("UnfreezeBackboneAfterEpochs", error.Message);
    }

    private sealed class Recorder(Action<TrainingProgress> observe, bool everyReport = false) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (everyReport || value.EpochCompleted) observe(value);
        }
    }
}
