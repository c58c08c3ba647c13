using System.Runtime.InteropServices;
using ImageDsl.Tests.EndToEnd;
using ImageDsl.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageDsl.Tests.Loop;

/// <summary>During training, glibc keeps freed memory in the process (see <see cref="RetainedHeap"/>); afterwards it does not.</summary>
public class RetainedHeapTests
{
    // Above the 32 MB that glibc's own threshold reaches, below the 64 MB of a thread's heap.
    private const int Block = 40 << 20;

    [Fact]
    public void A_large_block_comes_from_the_heap_while_training_and_the_thresholds_are_restored_after()
    {
        if (!OperatingSystem.IsLinux())
        {
            using (RetainedHeap.Begin(NullLogger.Instance)) Assert.False(RetainedHeap.IsRetaining);
            return;
        }

        using (RetainedHeap.Begin(NullLogger.Instance))
        {
            Assert.True(RetainedHeap.IsRetaining);
            Assert.Equal((RetainedHeap.RetainedMmapThreshold, RetainedHeap.RetainedTrimThreshold), RetainedHeap.LastApplied);
            // By default glibc maps a block this size on its own (its threshold stops at 32 MB).
            Assert.True(MappedGrowth() < Block, "while training, a 40 MB block should come from the heap, not a mapping of its own");
        }
        // Afterwards the block may still come from the heap, out of memory training left free, so
        // what is checked is what glibc was told. Other tests may be training beside this one:
        // look in a moment when none is.
        (int, int)? restored = null;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!RetainedHeap.TryWhileReleased(() => restored = RetainedHeap.LastApplied) && DateTime.UtcNow < deadline) Thread.Sleep(20);
        Assert.Equal((RetainedHeap.RestoredMmapThreshold, RetainedHeap.RestoredTrimThreshold), restored);
    }

    [Fact]
    public void The_setting_lasts_until_the_last_of_overlapping_runs_ends()
    {
        if (!OperatingSystem.IsLinux()) return;
        var first = RetainedHeap.Begin(NullLogger.Instance);
        var second = RetainedHeap.Begin(NullLogger.Instance);
        first.Dispose();
        first.Dispose(); // twice: counted once
        Assert.True(RetainedHeap.IsRetaining);
        second.Dispose();
        // Not asserting false here: another test may be training at this moment.
    }

    [Fact]
    public void Training_holds_the_setting_and_lets_it_go()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var model = SampleDigits.Model.Create();
        var data = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test")).Sample(32, seed: 1);
        var seen = new List<bool>();
        model.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 16 }, new Observe(seen));
        Assert.NotEmpty(seen);
        Assert.All(seen, Assert.True);
    }

    /// <summary>How much glibc's separately mapped memory grows while a <see cref="Block"/> is allocated.</summary>
    private static long MappedGrowth()
    {
        long before = (long)mallinfo2().hblkhd;
        var block = Marshal.AllocHGlobal(Block);
        try { return (long)mallinfo2().hblkhd - before; }
        finally { Marshal.FreeHGlobal(block); }
    }

    private sealed class Observe(List<bool> seen) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) { lock (seen) seen.Add(RetainedHeap.IsRetaining); }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallInfo2 mallinfo2();
}
