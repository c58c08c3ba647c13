using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace ImageDsl.Training;

/// <summary>
/// For the length of a training run, asks glibc's allocator to keep freed memory in the process
/// instead of giving it back to the operating system; afterwards restores thresholds close to the
/// ones glibc would have arrived at and returns what is free.
/// </summary>
/// <remarks>
/// Every training step allocates the same activations and gradients (hundreds of MB for ResNet-18
/// at 64x64, batch 64) and frees them at the end of the step. By default glibc serves the largest
/// of these with fresh mappings and trims the top of its heap once more than 64 MB is free there,
/// so each step maps those pages again and the kernel zeroes them on first touch. Keeping them
/// measured 3–7 % off a ResNet-18 training step on this project's 2-core machine (docs/backbones.md#speed);
/// the process's resident memory during training is its peak step, which it reaches every step anyway.
/// Only Linux with glibc is changed (elsewhere, or with another C library, this does nothing), and
/// concurrent runs share one setting: the first to start applies it, the last to end restores it.
/// </remarks>
internal sealed class RetainedHeap : IDisposable
{
    // mallopt parameters, from glibc's malloc.h.
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;
    // While training: nothing mapped on its own below 1 GB, nothing trimmed below 2 GB free.
    internal const int RetainedMmapThreshold = 1 << 30;
    internal const int RetainedTrimThreshold = int.MaxValue;
    // Afterwards: glibc's dynamic thresholds settle at most at 32 MB and twice that; setting any
    // threshold turns the adjustment off, so these fixed values stand in for it.
    internal const int RestoredMmapThreshold = 32 << 20;
    internal const int RestoredTrimThreshold = 64 << 20;

    private static readonly object Gate = new();
    private static int runs;
    private static bool? available;

    /// <summary>The thresholds last passed to glibc (mmap, trim), or null before any run on glibc.</summary>
    internal static (int Mmap, int Trim)? LastApplied { get; private set; }

    private bool disposed;

    private RetainedHeap() { }

    /// <summary>Applies the setting (if this is the first run in progress) until the result is disposed.</summary>
    public static RetainedHeap Begin(ILogger logger)
    {
        lock (Gate)
        {
            if (runs++ == 0 && IsAvailable(logger))
            {
                NativeMethods.mallopt(MmapThreshold, RetainedMmapThreshold);
                NativeMethods.mallopt(TrimThreshold, RetainedTrimThreshold);
                LastApplied = (RetainedMmapThreshold, RetainedTrimThreshold);
            }
        }
        return new RetainedHeap();
    }

    /// <summary>Whether a setting is in force (a training run is in progress on Linux with glibc).</summary>
    public static bool IsRetaining
    {
        get { lock (Gate) return runs > 0 && available == true; }
    }

    /// <summary>
    /// Runs <paramref name="action"/> while no setting is in force, holding off any run that starts
    /// meanwhile; false (without running it) when a run is in progress. For tests that observe glibc.
    /// </summary>
    internal static bool TryWhileReleased(Action action)
    {
        lock (Gate)
        {
            if (runs > 0) return false;
            action();
            return true;
        }
    }

    /// <summary>Restores the thresholds and returns free memory when the last run in progress ends.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (disposed) return;
            disposed = true;
            if (--runs == 0 && available == true)
            {
                NativeMethods.mallopt(TrimThreshold, RestoredTrimThreshold);
                NativeMethods.mallopt(MmapThreshold, RestoredMmapThreshold);
                NativeMethods.malloc_trim(0);
                LastApplied = (RestoredMmapThreshold, RestoredTrimThreshold);
            }
        }
    }

    private static bool IsAvailable(ILogger logger)
    {
        if (available is { } known) return known;
        if (!OperatingSystem.IsLinux()) return (available = false).Value;
        try
        {
            // gnu_get_libc_version exists only in glibc (musl, on Alpine, has mallopt as a stub).
            _ = NativeMethods.gnu_get_libc_version();
            available = true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            logger.LogDebug("Not glibc ({Reason}); the allocator keeps its own settings during training", e.Message);
            available = false;
        }
        return available.Value;
    }

    private static class NativeMethods
    {
        [DllImport("libc", ExactSpelling = true)]
        public static extern int mallopt(int parameter, int value);

        [DllImport("libc", ExactSpelling = true)]
        public static extern int malloc_trim(nuint pad);

        [DllImport("libc", ExactSpelling = true)]
        public static extern IntPtr gnu_get_libc_version();
    }
}
