using ImageDsl.Training;
using Spectre.Console;

namespace ImageDsl.Examples;

/// <summary>
/// Shows training on the console: a live Spectre.Console progress bar (loss, throughput,
/// ETA) on a terminal, and one plain line per epoch when the output is redirected (logs, CI).
/// </summary>
internal static class ConsoleProgress
{
    /// <summary>Runs <paramref name="train"/>, showing the progress it reports.</summary>
    public static T Run<T>(string title, Func<IProgress<TrainingProgress>, T> train)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return train(new EpochLines());

        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1.0);
                return train(new Bar(task, title));
            });
    }

    /// <summary>Updates the bar; Spectre redraws it on its own thread.</summary>
    private sealed class Bar(ProgressTask task, string title) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress p)
        {
            task.Value = p.Fraction;
            string validation = p.ValidationLoss is { } v ? $" val {v:F4}" : "";
            task.Description = Markup.Escape($"{title}: epoch {p.Epoch}/{p.Epochs} loss {p.Loss:F4}{validation} {p.ImagesPerSecond:F0} img/s");
            if (p.EpochCompleted) AnsiConsole.MarkupLine(Markup.Escape($"  {p}"));
        }
    }

    /// <summary>Reported synchronously from the training thread, so lines never come out of order.</summary>
    private sealed class EpochLines : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress p)
        {
            if (p.EpochCompleted) Console.WriteLine($"  {p}  elapsed {p.Elapsed:mm\\:ss}");
        }
    }
}
