using ImageDsl.Modeling;
using ImageDsl.Tests.EndToEnd;
using ImageDsl.Tests.Modeling;
using ImageDsl.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Hardening;

/// <summary>
/// A finished run trained for more epochs with a new schedule, from its saved model or its last
/// checkpoint; a continuation interrupted and resumed ends where an uninterrupted one does.
/// </summary>
[Collection(ReproducibleRuns.Name)]
public class ContinueTests(ITestOutputHelper output)
{
    private static float[][] Weights(CompatibleKinds.Model model) => model.Network.parameters().Select(p => p.data<float>().ToArray()).ToArray();

    private static double MaxDifference(float[][] a, float[][] b) => a.Zip(b, (x, y) => x.Zip(y, (p, q) => (double)Math.Abs(p - q)).Max()).Max();

    [Fact]
    public void A_saved_model_trains_on_for_more_epochs_with_new_options()
    {
        using var temp = new TemporaryDirectory();
        var data = SmallRun.Data(temp.File("data"));
        var saved = temp.File("m.imgdsl");
        float[][] before;
        using (var first = CompatibleKinds.Model.Create(seed: 3))
        {
            first.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 16 });
            first.Save(saved);
            before = Weights(first);
        }
        var header = ModelFile.ReadHeader(saved);

        using var model = CompatibleKinds.Model.Create(seed: 50);
        var history = model.Continue(saved, data, new TrainingOptions { Epochs = 2, BatchSize = 8, LearningRate = 1e-4 });

        Assert.Equal([1, 2], history.Epochs.Select(e => e.Epoch));
        Assert.True(model.IsTrained);
        Assert.Equal(header.Normalization, model.Normalization); // kept, not measured again
        Assert.Equal(header.TargetStatistics, model.TargetStatistics);
        double moved = MaxDifference(before, Weights(model));
        output.WriteLine($"max |weight change| over 2 continued epochs: {moved:E2}");
        Assert.True(moved > 0 && moved < 0.1, $"weights moved by {moved}: not a continuation of the saved ones");
    }

    [Fact]
    public void A_finished_runs_checkpoint_continues_with_a_new_schedule_and_resume_points_to_continue()
    {
        using var temp = new TemporaryDirectory();
        var data = SmallRun.Data(temp.File("data"));
        var checkpoint = temp.File("run.ckpt");
        var options = new TrainingOptions { Epochs = 1, BatchSize = 16, CheckpointPath = checkpoint };
        using (var first = CompatibleKinds.Model.Create(seed: 3)) first.Train(data, options);

        using var refused = CompatibleKinds.Model.Create(seed: 3);
        var error = Assert.Throws<ArgumentException>(() => refused.Resume(checkpoint, data, options with { Epochs = 3 }));
        Assert.Contains("Continue", error.Message);

        using var model = CompatibleKinds.Model.Create(seed: 50);
        var history = model.Continue(checkpoint, data, options with { Epochs = 3, CheckpointPath = temp.File("more.ckpt") });

        Assert.Equal([1, 2, 3], history.Epochs.Select(e => e.Epoch));
        Assert.Equal(Checkpoint.ReadState(checkpoint).Normalization, model.Normalization);
        Assert.Equal(3, Checkpoint.ReadState(temp.File("more.ckpt")).EpochsCompleted);
        Assert.Equal(1, Checkpoint.ReadState(checkpoint).EpochsCompleted); // the first run's checkpoint is left as it was
    }

    [Fact]
    public void A_continuation_interrupted_and_resumed_ends_with_the_same_weights()
    {
        int threads = get_num_threads();
        set_num_threads(1); // as in CheckpointTests: one thread makes both runs exact
        try
        {
            using var temp = new TemporaryDirectory();
            var data = SmallRun.Data(temp.File("data"));
            var first = temp.File("first.ckpt");
            using (var run = CompatibleKinds.Model.Create(seed: 3)) run.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 16, CheckpointPath = first });
            var options = new TrainingOptions { Epochs = 3, BatchSize = 8, Seed = 9, Augmentation = new Augmentation { Brightness = 0.1 }, CheckpointPath = temp.File("a.ckpt") };

            using var uninterrupted = CompatibleKinds.Model.Create(seed: 3);
            uninterrupted.Continue(first, data, options);

            using (var interrupted = CompatibleKinds.Model.Create(seed: 3))
            {
                using var stop = new CancellationTokenSource();
                var progress = new Stop(p => p.Epoch == 2 && !p.EpochCompleted, stop);
                Assert.ThrowsAny<OperationCanceledException>(() =>
                    interrupted.Continue(first, data, options with { CheckpointPath = temp.File("b.ckpt") }, progress, cancellation: stop.Token));
            }
            Assert.Equal(1, Checkpoint.ReadState(temp.File("b.ckpt")).EpochsCompleted);
            using var resumed = CompatibleKinds.Model.Create(seed: 77);
            var history = resumed.Resume(temp.File("b.ckpt"), data, options with { CheckpointPath = temp.File("b.ckpt") });

            Assert.Equal([1, 2, 3], history.Epochs.Select(e => e.Epoch));
            double difference = MaxDifference(Weights(uninterrupted), Weights(resumed));
            output.WriteLine($"max |difference| of weights, resumed continuation vs uninterrupted: {difference:E2}");
            Assert.Equal(0, difference);
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    private sealed class Stop(Func<TrainingProgress, bool> when, CancellationTokenSource source) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (when(value)) source.Cancel();
        }
    }
}
