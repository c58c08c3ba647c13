using ImageDsl.Training;
using ScottPlot;

namespace ImageDsl.Reports.Plots;

/// <summary>Training and validation loss by epoch, marking the epoch of lowest validation loss.</summary>
internal static class LossPlot
{
    public static void Save(TrainingHistory history, string path)
    {
        var epochs = history.Epochs;
        var plot = PlotStyle.Create($"Loss by epoch ({epochs.Count} epoch{(epochs.Count == 1 ? "" : "s")})", "Epoch", "Mean loss");
        var palette = new ScottPlot.Palettes.Category10();

        // A diverged epoch (NaN or infinite loss) is left out rather than breaking the axis.
        var trained = epochs.Where(e => double.IsFinite(e.TrainingLoss)).ToArray();
        var training = plot.Add.Scatter(trained.Select(e => (double)e.Epoch).ToArray(), trained.Select(e => e.TrainingLoss).ToArray(), palette.GetColor(0));
        training.LegendText = "training";
        training.LineWidth = 2;
        training.MarkerSize = 7;

        var validated = epochs.Where(e => e.ValidationLoss is { } v && double.IsFinite(v)).ToArray();
        if (validated.Length > 0)
        {
            var validation = plot.Add.Scatter(validated.Select(e => (double)e.Epoch).ToArray(), validated.Select(e => e.ValidationLoss!.Value).ToArray(), palette.GetColor(1));
            validation.LegendText = "validation";
            validation.LineWidth = 2;
            validation.MarkerSize = 7;
            validation.MarkerShape = MarkerShape.FilledSquare;
        }
        if (TrainingSummary.BestValidationEpoch(history) is { } best)
        {
            var line = plot.Add.VerticalLine(best, 1.5f, Colors.Gray, LinePattern.Dashed);
            line.LegendText = $"lowest validation loss (epoch {best})";
        }

        // Whole epochs only (a tick at 2.5 would suggest a half-finished epoch): the first, then
        // multiples of a round step giving at most about a dozen ticks.
        int last = epochs.Count == 0 ? 1 : epochs[^1].Epoch;
        int step = new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 }.FirstOrDefault(s => last / s <= 12, (last / 12 / 1000 + 1) * 1000);
        var ticks = Enumerable.Range(1, last).Where(e => e == 1 || e % step == 0).Select(e => (double)e).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(t => t.ToString(ReportFormat.Culture)).ToArray());
        plot.Axes.SetLimitsX(0.5, last + 0.5);
        plot.ShowLegend(Alignment.UpperRight);
        PlotStyle.Save(plot, path);
    }
}
