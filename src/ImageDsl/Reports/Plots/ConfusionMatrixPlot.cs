using ImageDsl.Evaluation;
using ScottPlot;

namespace ImageDsl.Reports.Plots;

/// <summary>
/// The confusion matrix as a heatmap: true label down the left, predicted label along the
/// bottom, the count written in each cell. Cells are coloured by the share of their row, so
/// a rare class's mistakes show as clearly as a common one's.
/// </summary>
internal static class ConfusionMatrixPlot
{
    public static void Save(ClassificationEvaluation target, string path)
    {
        var labels = target.Metrics.Labels;
        var counts = target.Metrics.ConfusionMatrix.Counts;
        int k = labels.Count;

        var share = new double[k, k];
        for (int r = 0; r < k; r++)
        {
            double total = counts[r].Sum();
            for (int c = 0; c < k; c++) share[r, c] = total > 0 ? counts[r][c] / total : 0;
        }

        // Grows with the class count so cells stay large enough for their numbers.
        int cell = Math.Clamp(560 / k, 18, 64);
        int longestLabel = labels.Max(l => l.Length);
        bool rotate = longestLabel * 8 > cell;
        int width = k * cell + 260 + longestLabel * 9;
        int height = k * cell + 170 + (rotate ? longestLabel * 7 : 0);

        var plot = PlotStyle.Create($"{target.Name}: confusion matrix ({target.Metrics.Count} images)", "Predicted label", "True label");
        var heatmap = plot.Add.Heatmap(share);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed(); // light for few, dark for many
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "Share of the true label's images";
        bar.LabelStyle.FontSize = PlotStyle.AxisLabelSize;
        bar.LabelStyle.FontName = PlotStyle.FontName;
        double[] shares = [0, 0.25, 0.5, 0.75, 1];
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(shares, shares.Select(ReportFormat.Percent).ToArray());
        bar.Axis.TickLabelStyle.FontSize = PlotStyle.TickSize;
        bar.Axis.TickLabelStyle.FontName = PlotStyle.FontName;

        // The heatmap draws row 0 at the top, at y = k − 1.
        float fontSize = Math.Clamp(cell * 0.36f, 9, 18);
        for (int r = 0; r < k; r++)
            for (int c = 0; c < k; c++)
            {
                var text = plot.Add.Text(counts[r][c].ToString(ReportFormat.Culture), c, k - 1 - r);
                text.LabelFontSize = fontSize;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontName = PlotStyle.FontName;
                // Zeros in grey, so the eye goes to the mistakes.
                text.LabelFontColor = share[r, c] > 0.5 ? Colors.White : counts[r][c] == 0 ? Colors.Gray : Colors.Black;
            }

        var positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels.ToArray());
        plot.Axes.Left.SetTicks(positions, labels.Reverse().ToArray());
        if (rotate)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        PlotStyle.Save(plot, path, width, height);
    }
}
