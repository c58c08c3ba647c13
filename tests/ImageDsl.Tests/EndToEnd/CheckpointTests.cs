using System.Diagnostics;
using ImageDsl.Modeling;
using ImageDsl.Training;
using Xunit.Abstractions;

namespace ImageDsl.Tests.EndToEnd;

[Collection(ReproducibleRuns.Name)]
public class CheckpointTests(ITestOutputHelper output)
{
    private static ImageDsl.Data.ImageDataset SmallDigits() =>
        SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "train")).Sample(256, seed: 3);

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)] // the backbone in an optimizer group of its own
    public void A_run_interrupted_mid_epoch_and_resumed_ends_with_the_same_weights(double backboneFactor)
    {
        using var temp = new TemporaryDirectory();
        var data = SmallDigits();
        var options = new TrainingOptions
        {
            Epochs = 4, BatchSize = 32, Augmentation = new Augmentation { Shift = 2 }, Seed = 7, CheckpointPath = temp.File("run.ckpt"),
            BackboneLearningRateFactor = backboneFactor,
        };

        // With two threads, CPU kernels may sum in either order; Adam turns such last-bit
        // differences in near-zero gradients into visible ones. One thread makes both runs exact
        // (and this collection runs alone, so no other test shares the global generator or threads).
        int threads = TorchSharp.torch.get_num_threads();
        TorchSharp.torch.set_num_threads(1);
        try
        {
            RunAndResume(temp, data, options);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(threads);
        }
    }

    private void RunAndResume(TemporaryDirectory temp, ImageDsl.Data.ImageDataset data, TrainingOptions options)
    {
        using var uninterrupted = SampleDigits.Model.Create(seed: 1);
        uninterrupted.Train(data, options with { CheckpointPath = temp.File("other.ckpt") });

        using var interrupted = SampleDigits.Model.Create(seed: 1);
        using var stop = new CancellationTokenSource();
        var cancelInEpochThree = new Cancel(p => p.Epoch == 3 && !p.EpochCompleted, stop); // after epoch 3's first step
        Assert.ThrowsAny<OperationCanceledException>(() => interrupted.Train(data, options, cancelInEpochThree, cancellation: stop.Token));
        Assert.Equal(2, Checkpoint.ReadState(options.CheckpointPath!).EpochsCompleted);

        using var resumed = SampleDigits.Model.Create(seed: 99); // different start: everything must come from the checkpoint
        var history = resumed.Resume(options.CheckpointPath!, data, options);

        Assert.Equal([1, 2, 3, 4], history.Epochs.Select(e => e.Epoch));
        var expected = uninterrupted.Network.parameters().Select(p => p.data<float>().ToArray()).ToArray();
        var actual = resumed.Network.parameters().Select(p => p.data<float>().ToArray()).ToArray();
        double maxDifference = expected.Zip(actual, (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max();
        output.WriteLine($"max |difference| of weights, resumed vs uninterrupted: {maxDifference:E2}");
        Assert.True(maxDifference < 1e-5, $"weights differ by up to {maxDifference}");
    }

    [Fact]
    public void Resuming_another_specs_checkpoint_is_refused()
    {
        using var temp = new TemporaryDirectory();
        var data = SmallDigits();
        using (var digits = SampleDigits.Model.Create()) digits.Train(data, new TrainingOptions { Epochs = 1, CheckpointPath = temp.File("d.ckpt") });
        var rotation = SampleRotation.LoadDataset(RepositoryPaths.BundledData("rotation", "test"));
        using var model = SampleRotation.Model.Create();

        var error = Assert.Throws<ModelFileException>(() => model.Resume(temp.File("d.ckpt"), rotation, new TrainingOptions { Epochs = 1 }));

        Assert.Contains("written for spec ImageDsl.Tests.EndToEnd.SampleDigits", error.Message);
    }

    [Fact]
    public void Killing_a_process_while_it_writes_checkpoints_leaves_a_loadable_checkpoint()
    {
        using var temp = new TemporaryDirectory();
        var checkpoint = temp.File("crash.ckpt");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // .../bin/<configuration>/net10.0/
        var child = Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.CrashTestChild", "bin", configuration, "net10.0", "ImageDsl.CrashTestChild.dll");
        Assert.True(File.Exists(child), $"the child program is built with the tests: {child}");
        var random = new Random(5);

        for (int round = 0; round < 6; round++)
        {
            var start = new ProcessStartInfo("dotnet", [child, RepositoryPaths.BundledData("digits", "test"), checkpoint])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = new Process { StartInfo = start };
            int written = 0;
            var errors = new System.Text.StringBuilder();
            using var enough = new SemaphoreSlim(0);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data == "checkpoint" && Interlocked.Increment(ref written) == 3 + round) enough.Release();
            };
            process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            bool ready = enough.Wait(TimeSpan.FromMinutes(2));
            if (ready) Thread.Sleep(random.Next(0, 40)); // land somewhere inside the next step or save
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.True(ready, $"round {round}: the child wrote {written} checkpoints in 2 minutes; its errors: {errors}");

            var state = Checkpoint.ReadState(checkpoint);
            Assert.True(state.EpochsCompleted >= 3 + round, $"round {round}: checkpoint says {state.EpochsCompleted} epochs, {written} were reported");
            // Everything in it must restore, not just the header: weights, optimizer state, both RNG states.
            // (The child's spec has the same content as SampleDigits, so the spec check passes.)
            using var network = new SampleDigits.Network();
            using var fineTuning = new FineTuning(network, new TrainingOptions());
            using var optimizer = Optimizers.Create(new TrainingOptions(), fineTuning);
            using var generator = new TorchSharp.torch.Generator(0);
            Checkpoint.Restore(checkpoint, SampleDigits.Spec, network, optimizer, generator, out _);
        }
        output.WriteLine($"6 kills, every checkpoint readable; stray temporary files: {Directory.GetFiles(temp.Path, "*.tmp").Length}");
    }

    private sealed class Cancel(Func<TrainingProgress, bool> when, CancellationTokenSource source) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (when(value)) source.Cancel();
        }
    }
}
