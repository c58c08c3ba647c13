using ImageDsl.Metrics;
using ScottPlot;

namespace ImageDsl.Reports.Plots;

/// <summary>
/// The confusion matrix as a heatmap: true label down the left, predicted label along the
/// bottom, the count written in each cell. Cells are coloured by the share of their row, so
/// a rare class's mistakes show as clearly as a common one's.
/// </summary>
internal static class ConfusionMatrixPlot
{
    /// <summary>Above this many classes, cells are too small for numbers: colour alone, and only every n-th label.</summary>
    private const int MaxClassesWithCounts = 40;

    /// <summary>Draws <paramref name="matrix"/> of target <paramref name="name"/> (labels, ranks or yes/no) to a PNG.</summary>
    public static void Save(string name, ConfusionMatrix matrix, string path)
    {
        var labels = matrix.Labels;
        var counts = matrix.Counts;
        int k = labels.Count;

        var share = new double[k, k];
        for (int r = 0; r < k; r++)
        {
            double total = counts[r].Sum();
            for (int c = 0; c < k; c++) share[r, c] = total > 0 ? counts[r][c] / total : 0;
        }

        var plot = PlotStyle.Create($"{name}: confusion matrix ({matrix.Total} images)", "Predicted label", "True label");
        var heatmap = plot.Add.Heatmap(share);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed(); // light for few, dark for many
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        ColorBar(plot, heatmap);

        // Cells grow or shrink with the class count so their numbers stay legible.
        bool withCounts = k <= MaxClassesWithCounts;
        int cell = withCounts ? Math.Clamp(640 / k, 28, 120) : Math.Max(1000 / k, 6);
        if (withCounts) Counts(plot, counts, share, cell);

        // Every label when they fit, else every n-th; the heatmap draws row 0 at the top, at y = k − 1.
        int every = withCounts ? 1 : (int)Math.Ceiling(k / (double)MaxClassesWithCounts);
        var shown = Enumerable.Range(0, k).Where(i => i % every == 0).ToArray();
        plot.Axes.Bottom.SetTicks(shown.Select(i => (double)i).ToArray(), shown.Select(i => labels[i]).ToArray());
        plot.Axes.Left.SetTicks(shown.Select(i => (double)(k - 1 - i)).ToArray(), shown.Select(i => labels[i]).ToArray());

        float longest = labels.Max(l => PlotStyle.TextWidth(l, PlotStyle.TickSize));
        bool rotate = longest > cell * every - 4;
        float bottomAxis = 60;
        if (rotate)
        {
            // Rotated labels hang below the axis; give the axis their height plus room for its title.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            bottomAxis = longest * 0.71f + 50;
            plot.Axes.Bottom.MinimumSize = bottomAxis;
        }
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);

        // The data area is k cells square; around it: labels and title on the left, the colour bar on the right.
        string title = plot.Axes.Title.Label.Text;
        int width = (int)Math.Max(k * cell + longest + 60 + 150, PlotStyle.TextWidth(title, PlotStyle.TitleSize) + 80);
        int height = (int)(k * cell + 60 + bottomAxis);
        PlotStyle.Save(plot, path, width, height);
    }

    private static void ColorBar(Plot plot, ScottPlot.Plottables.Heatmap heatmap)
    {
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "Share of the true label's images";
        bar.LabelStyle.FontSize = PlotStyle.AxisLabelSize;
        bar.LabelStyle.FontName = PlotStyle.FontName;
        double[] shares = [0, 0.25, 0.5, 0.75, 1];
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(shares, shares.Select(ReportFormat.Percent).ToArray());
        bar.Axis.TickLabelStyle.FontSize = PlotStyle.TickSize;
        bar.Axis.TickLabelStyle.FontName = PlotStyle.FontName;
    }

    private static void Counts(Plot plot, IReadOnlyList<IReadOnlyList<long>> counts, double[,] share, int cell)
    {
        int k = counts.Count;
        long largest = counts.Max(row => row.Max());
        int digits = largest.ToString(ReportFormat.Culture).Length;
        // As large as the cell allows for the widest number.
        float fontSize = Math.Clamp(Math.Min(cell * 0.42f, cell * 1.5f / Math.Max(digits, 2)), 9, 18);
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
    }
}
