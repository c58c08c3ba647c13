using ImageDsl.Training;
using ScottPlot;

namespace ImageDsl.Reports.Plots;

/// <summary>The learning-rate finder's curve: smoothed loss against rate, the rate on a log axis, the suggestion marked.</summary>
internal static class LearningRatePlot
{
    public static void Save(LearningRateFinderResult result, string path)
    {
        var plot = PlotStyle.Create($"Learning-rate finder: suggested {result.SuggestedRate.ToString("G2", ReportFormat.Culture)}", "Learning rate (log scale)", "Smoothed loss");
        var palette = new ScottPlot.Palettes.Category10();
        // ScottPlot draws linear axes: the curve is drawn against log10(rate), with ticks labelled as rates.
        var x = result.Rates.Select(Math.Log10).ToArray();
        var curve = plot.Add.Scatter(x, result.SmoothedLosses.ToArray(), palette.GetColor(0));
        curve.LegendText = "smoothed loss";
        curve.LineWidth = 2;
        curve.MarkerSize = 0;

        var suggested = plot.Add.VerticalLine(Math.Log10(result.SuggestedRate), 2f, palette.GetColor(3), LinePattern.Dashed);
        suggested.LegendText = $"suggested {result.SuggestedRate.ToString("G2", ReportFormat.Culture)} (minimum / 10)";
        var minimum = plot.Add.VerticalLine(Math.Log10(result.MinimumRate), 1.5f, Colors.Gray, LinePattern.Dotted);
        minimum.LegendText = $"lowest loss at {result.MinimumRate.ToString("G2", ReportFormat.Culture)}";

        double low = Math.Min(x[0], Math.Log10(result.SuggestedRate)), high = x[^1];
        var decades = Enumerable.Range((int)Math.Floor(low), (int)Math.Ceiling(high) - (int)Math.Floor(low) + 1).Select(d => (double)d).ToArray();
        plot.Axes.Bottom.SetTicks(decades, decades.Select(d => "1e" + d.ToString(ReportFormat.Culture)).ToArray());
        plot.Axes.SetLimitsX(low - 0.2, high + 0.2);
        // The diverging tail would squash the interesting part: cap the axis a little above the start.
        var finite = result.SmoothedLosses.Where(double.IsFinite).ToArray();
        double bottom = finite.Min(), top = Math.Min(finite.Max(), finite[0] + Math.Max((finite[0] - bottom) * 0.5, 0.05 * Math.Abs(finite[0]) + 1e-6));
        if (!(top > bottom)) top = bottom + 1e-6;
        plot.Axes.SetLimitsY(bottom - (top - bottom) * 0.05, top + (top - bottom) * 0.05);
        plot.ShowLegend(Alignment.UpperLeft);
        PlotStyle.Save(plot, path);
    }
}
