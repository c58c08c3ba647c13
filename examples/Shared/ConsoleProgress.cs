using ImageDsl.Training;

namespace ImageDsl.Examples;

/// <summary>
/// Shows training progress on the console: a live bar with loss, throughput and ETA on a
/// terminal, and one line per epoch when the output is redirected (logs, CI).
/// </summary>
internal sealed class ConsoleProgress : IProgress<TrainingProgress>
{
    private const int BarWidth = 24;
    private readonly bool live = !Console.IsOutputRedirected;

    // Reported synchronously from the training thread; Progress<T> would post to the thread pool
    // and could print out of order.
    public void Report(TrainingProgress p)
    {
        if (!p.EpochCompleted && !live) return;
        int filled = (int)Math.Round(p.Fraction * BarWidth);
        string bar = new string('#', filled) + new string('-', BarWidth - filled);
        string line = $"[{bar}] epoch {p.Epoch}/{p.Epochs}  loss {p.Loss:F4}" +
                      (p.ValidationLoss is { } v ? $"  val {v:F4}" : "") +
                      $"  {p.ImagesPerSecond,5:F0} img/s  elapsed {p.Elapsed:mm\\:ss}  ETA {p.Remaining:mm\\:ss}";
        if (live) Console.Write("\r" + line.PadRight(Math.Max(0, Console.WindowWidth - 1)));
        if (p.EpochCompleted) Console.WriteLine(live ? "" : line);
    }
}
