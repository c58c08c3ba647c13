using ImageDsl.Modeling;
using ImageDsl.Tests.Modeling;
using ImageDsl.Training;

namespace ImageDsl.Tests.Hardening;

/// <summary>A save killed mid-write leaves <c>NAME.&lt;pid&gt;.&lt;guid&gt;.tmp</c>; the next save or resume of the same file removes it.</summary>
public class StaleTemporaryTests
{
    /// <summary>A pid no process has: above the kernel's pid_max on Linux (4194304 at most).</summary>
    private const int DeadPid = 9_999_999;

    private static string Temporary(string path, int pid) => $"{path}.{pid}.{Guid.NewGuid():N}.tmp";

    [Fact]
    public void Saving_removes_the_temporaries_a_killed_save_left_and_keeps_other_files()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("m.imgdsl");
        var stale = new[] { Temporary(path, DeadPid), Temporary(path, DeadPid), Temporary(path, Environment.ProcessId) };
        foreach (var file in stale) File.WriteAllBytes(file, new byte[1000]);
        var live = Temporary(path, Environment.ProcessId == 1 ? 2 : 1); // pid 1 always runs: its save may be in progress
        var otherModel = Temporary(temp.File("other.imgdsl"), DeadPid);
        var unrelated = temp.File("m.imgdsl.notes.tmp");
        foreach (var file in new[] { live, otherModel, unrelated }) File.WriteAllText(file, "keep");

        using (var model = CompatibleKinds.Model.Create()) model.Save(path);

        Assert.All(stale, file => Assert.False(File.Exists(file), file));
        Assert.True(File.Exists(live) && File.Exists(otherModel) && File.Exists(unrelated));
        using (CompatibleKinds.Model.Load(path)) { }
    }

    [Fact]
    public void Resuming_removes_the_checkpoints_stale_temporaries()
    {
        using var temp = new TemporaryDirectory();
        var data = SmallRun.Data(temp.File("data"));
        var checkpoint = temp.File("run.ckpt");
        var options = new TrainingOptions { Epochs = 2, BatchSize = 16, CheckpointPath = checkpoint };
        using (var first = CompatibleKinds.Model.Create(seed: 3)) first.Train(data, options with { Epochs = 1, CheckpointPath = null });
        using (var run = CompatibleKinds.Model.Create(seed: 3))
        {
            using var stop = new CancellationTokenSource();
            var progress = new Progress(p => { if (p.Epoch == 2) stop.Cancel(); });
            Assert.ThrowsAny<OperationCanceledException>(() => run.Train(data, options, progress, cancellation: stop.Token));
        }
        var stale = Temporary(checkpoint, DeadPid);
        File.WriteAllBytes(stale, new byte[1000]);

        using var resumed = CompatibleKinds.Model.Create(seed: 3);
        resumed.Resume(checkpoint, data, options);

        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void A_temporary_of_a_save_in_progress_in_this_process_is_not_touched()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("f.bin");
        int seenDuringWrite = 0;
        AtomicFile.Write(path, stream =>
        {
            // Another write of the same file starts while this one is half done.
            AtomicFile.Write(path, inner => inner.WriteByte(2));
            seenDuringWrite = Directory.GetFiles(temp.Path, "f.bin.*.tmp").Length;
            stream.WriteByte(1);
        });

        Assert.Equal(1, seenDuringWrite);
        Assert.Equal([1], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
