using ImageDsl.Evaluation;
using ScottPlot;

namespace ImageDsl.Reports.Plots;

/// <summary>A range target's predictions against the truth, and the spread of its errors, in the target's units.</summary>
internal static class RegressionPlots
{
    public static void SavePredictedVsActual(RegressionEvaluation target, string path)
    {
        var samples = target.Samples;
        var unit = ReportFormat.UnitSuffix(target.Unit);
        var m = target.Metrics;
        var summary = string.Join(", ", new[]
        {
            m.Mae is { } mae ? $"MAE {ReportFormat.WithUnit(mae, target.Unit)}" : null,
            m.R2 is { } r2 ? $"R² {r2.ToString("F3", ReportFormat.Culture)}" : null,
        }.OfType<string>());
        var plot = PlotStyle.Create($"{target.Name}: predicted vs actual{(summary.Length > 0 ? $" ({summary})" : "")}",
            $"Actual {target.Name}{unit}", $"Predicted {target.Name}{unit}");

        double low = samples.Min(s => Math.Min(s.Actual, s.Predicted)), high = samples.Max(s => Math.Max(s.Actual, s.Predicted));
        double pad = Math.Max((high - low) * 0.05, 1e-9);
        var identity = plot.Add.Line(low - pad, low - pad, high + pad, high + pad);
        identity.LineColor = Colors.Gray;
        identity.LinePattern = LinePattern.Dashed;
        identity.LineWidth = 2;
        identity.LegendText = "perfect prediction (y = x)";

        var points = plot.Add.ScatterPoints(samples.Select(s => s.Actual).ToArray(), samples.Select(s => s.Predicted).ToArray(),
            new ScottPlot.Palettes.Category10().GetColor(0).WithAlpha(0.55));
        points.MarkerSize = 6;
        points.LegendText = $"images ({samples.Count})";

        // Same range on both axes and square units, so the identity line is the diagonal and errors look the same size either way.
        plot.Axes.SetLimits(low - pad, high + pad, low - pad, high + pad);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.UpperLeft);
        PlotStyle.Save(plot, path, 760, 720);
    }

    public static void SaveResiduals(RegressionEvaluation target, string path)
    {
        var errors = target.Samples.Select(s => s.Error).ToArray();
        var unit = ReportFormat.UnitSuffix(target.Unit);
        double mean = errors.Average();
        double sd = Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / Math.Max(1, errors.Length - 1));
        var plot = PlotStyle.Create(
            $"{target.Name}: residuals (mean {ReportFormat.WithUnit(mean, target.Unit)}, SD {ReportFormat.WithUnit(sd, target.Unit)})",
            $"Residual: predicted − actual {target.Name}{unit}", "Images");

        // About √n bins, enough to see the shape without gaps on a small test set.
        int bins = Math.Clamp((int)Math.Round(Math.Sqrt(errors.Length)), 5, 60);
        double min = errors.Min(), max = errors.Max();
        if (max - min < 1e-12) { min -= 0.5; max += 0.5; }
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, min, max);
        histogram.AddRange(errors);
        var bars = plot.Add.Histogram(histogram, new ScottPlot.Palettes.Category10().GetColor(0));
        bars.BarWidthFraction = 0.9;

        var zero = plot.Add.VerticalLine(0, 2, Colors.Black, LinePattern.Dashed);
        zero.LegendText = "no error";
        // Explicit limits: autoscaling clipped the outer bars, and zero should always be in view.
        double binSize = (max - min) / bins;
        plot.Axes.SetLimits(Math.Min(min, 0) - binSize, Math.Max(max, 0) + binSize, 0, histogram.Counts.Max() * 1.08);
        plot.ShowLegend(Alignment.UpperRight);
        PlotStyle.Save(plot, path);
    }
}
