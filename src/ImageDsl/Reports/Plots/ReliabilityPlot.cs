using System.Globalization;
using ImageDsl.Metrics;
using ScottPlot;

namespace ImageDsl.Reports.Plots;

/// <summary>
/// A reliability diagram: per confidence bin, the share predicted right (bars) against the
/// diagonal a perfectly calibrated model would sit on, with each bin's image count below.
/// </summary>
internal static class ReliabilityPlot
{
    public static void Save(string target, CalibrationMetrics metrics, bool calibrated, string path)
    {
        var ece = metrics.ExpectedCalibrationError.ToString("0.0000", CultureInfo.InvariantCulture);
        var plot = PlotStyle.Create($"{target}: reliability ({(calibrated ? "temperature-scaled" : "uncalibrated")}, ECE {ece})",
            "Confidence (top label)", "Share right");
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";

        var bars = new List<Bar>();
        var gaps = new List<Bar>();
        foreach (var bin in metrics.Bins)
        {
            if (bin.Count == 0) continue;
            double centre = (bin.Lower + bin.Upper) / 2, size = (bin.Upper - bin.Lower) * 0.9;
            bars.Add(new Bar { Position = centre, Value = bin.Accuracy, Size = size, FillColor = new Color(31, 119, 180), LineWidth = 0 });
            // The gap to the bin's mean confidence, drawn over the bar: red where the model is overconfident.
            gaps.Add(new Bar
            {
                Position = centre, ValueBase = bin.Accuracy, Value = bin.MeanConfidence, Size = size * 0.5,
                FillColor = (bin.MeanConfidence > bin.Accuracy ? new Color(214, 39, 40) : new Color(44, 160, 44)).WithAlpha(0.6), LineWidth = 0,
            });
        }
        var accuracy = plot.Add.Bars(bars);
        accuracy.LegendText = "share right in the bin (count at the foot)";
        var gap = plot.Add.Bars(gaps);
        gap.LegendText = "gap to the bin's mean confidence (red: overconfident, green: under)";
        // The counts go on last, so the bars do not hide them: white on a bar, dark where it is too short to hold them.
        foreach (var bin in metrics.Bins.Where(b => b.Count > 0))
        {
            var label = plot.Add.Text(bin.Count.ToString(CultureInfo.InvariantCulture), (bin.Lower + bin.Upper) / 2, 0.015);
            label.LabelFontSize = 11;
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontColor = bin.Accuracy >= 0.06 ? Colors.White : Colors.Black;
        }
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.UpperLeft);
        PlotStyle.Save(plot, path, 800, 700);
    }
}
