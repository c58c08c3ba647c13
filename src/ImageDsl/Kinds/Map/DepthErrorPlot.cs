using ImageDsl.Metrics;
using ImageDsl.Reports;
using ImageDsl.Reports.Plots;
using ScottPlot;
using PlotStyle = ImageDsl.Reports.Plots.PlotStyle;

namespace ImageDsl.Evaluation;

/// <summary>
/// A value map's error against its true value: per bin of true value, the mean absolute error (left
/// axis, in the unit) and AbsRel (right axis), each point at its bin's centre; where a model's
/// error grows with depth is what a single AbsRel hides.
/// </summary>
internal static class DepthErrorPlot
{
    public static void Save(MapEvaluation target, string path)
    {
        var bins = target.ErrorByDepth;
        var unit = ReportFormat.UnitSuffix(target.Unit);
        var plot = PlotStyle.Create($"{target.Name}: error by true value ({bins.Sum(b => b.Pixels)} valid pixels)", $"True {target.Name}{unit}", $"Mean absolute error{unit}");
        double[] centres = bins.Select(b => (b.Low + b.High) / 2).ToArray();

        var mae = plot.Add.Scatter(centres, bins.Select(b => b.Mae).ToArray(), PlotStyle.ClassColor(0, 2));
        mae.LineWidth = 2;
        mae.MarkerSize = 7;
        mae.LegendText = $"MAE{unit} (left)";

        var absRel = plot.Add.Scatter(centres, bins.Select(b => b.AbsRel).ToArray(), PlotStyle.ClassColor(1, 2));
        absRel.LineWidth = 2;
        absRel.MarkerSize = 7;
        absRel.LinePattern = LinePattern.Dashed;
        absRel.LegendText = "AbsRel (right)";
        absRel.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "AbsRel";
        plot.Axes.Right.Label.FontSize = PlotStyle.AxisLabelSize;
        plot.Axes.Right.TickLabelStyle.FontSize = PlotStyle.TickSize;

        // Errors start at zero on both axes, so the two curves' heights compare honestly.
        double width = bins.Max(b => b.High) - bins.Min(b => b.Low);
        plot.Axes.SetLimitsX(bins.Min(b => b.Low) - width * 0.02, bins.Max(b => b.High) + width * 0.02);
        plot.Axes.SetLimitsY(0, Math.Max(1e-9, bins.Max(b => b.Mae)) * 1.1, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(1e-9, bins.Max(b => b.AbsRel)) * 1.1, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
        PlotStyle.Save(plot, path);
    }
}
