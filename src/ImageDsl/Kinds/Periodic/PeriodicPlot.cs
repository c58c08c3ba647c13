using ImageDsl.Evaluation;
using ImageDsl.Reports;
using ScottPlot;

namespace ImageDsl.Reports.Plots;

/// <summary>
/// A periodic target's predicted value against the true one, both in [min, max): a wrapped
/// scatter. A right answer lies on the diagonal, or, when truth and prediction sit either side
/// of the period's end (359° for 1°), near the top-left or bottom-right corner, on the dashed
/// lines one period off the diagonal, which are the same angle.
/// </summary>
internal static class PeriodicPlot
{
    public static void Save(PeriodicEvaluation target, double min, string path)
    {
        var samples = target.Samples;
        var unit = ReportFormat.UnitSuffix(target.Unit);
        double max = min + target.Period;
        var summary = target.Metrics.Mae is { } mae ? $" (circular MAE {ReportFormat.WithUnit(mae, target.Unit)})" : "";
        var plot = PlotStyle.Create($"{target.Name}: predicted vs actual, wrapped{summary}", $"Actual {target.Name}{unit}", $"Predicted {target.Name}{unit}");

        var identity = plot.Add.Line(min, min, max, max);
        identity.LineColor = Colors.Gray;
        identity.LinePattern = LinePattern.Dashed;
        identity.LineWidth = 2;
        identity.LegendText = "perfect prediction (y = x)";
        foreach (var shift in new[] { target.Period, -target.Period })
        {
            // Only the part of y = x ± period inside the square: the same angles, wrapped.
            var wrapped = shift > 0 ? plot.Add.Line(min, min + shift, max - shift, max) : plot.Add.Line(min - shift, min, max, max + shift);
            wrapped.LineColor = Colors.Gray;
            wrapped.LinePattern = LinePattern.Dotted;
            wrapped.LineWidth = 2;
        }
        var points = plot.Add.ScatterPoints(samples.Select(s => s.Actual).ToArray(), samples.Select(s => s.Predicted).ToArray(),
            new ScottPlot.Palettes.Category10().GetColor(0).WithAlpha(0.55));
        points.MarkerSize = 6;
        points.LegendText = $"images ({samples.Count})";

        double pad = target.Period * 0.03;
        plot.Axes.SetLimits(min - pad, max + pad, min - pad, max + pad);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.UpperLeft);
        PlotStyle.Save(plot, path, 760, 720);
    }
}
