using ImageDsl.Evaluation;
using ScottPlot;

namespace ImageDsl.Reports.Plots;

/// <summary>One-vs-rest ROC and precision-recall curves, one line per class, the area in the legend.</summary>
internal static class CurvePlots
{
    /// <summary>The classes drawn: every class with a defined curve, or the <paramref name="max"/> of lowest ROC AUC.</summary>
    public static IReadOnlyList<ClassCurve> Drawn(IReadOnlyList<ClassCurve> curves, int max)
    {
        var defined = curves.Where(c => c.Roc.Count > 0).ToList();
        return defined.Count <= max ? defined : defined.OrderBy(c => c.RocAuc).ThenBy(c => c.Index).Take(max).OrderBy(c => c.Index).ToList();
    }

    public static void SaveRoc(ClassificationEvaluation target, IReadOnlyList<ClassCurve> curves, int max, string path)
    {
        var macro = target.Metrics.RocAucMacro is { } auc ? $"macro AUC {ReportFormat.Metric(auc)}" : "macro AUC undefined";
        SaveRoc($"{target.Name}: ROC curves, one-vs-rest ({macro})", curves, max, path);
    }

    /// <summary>ROC curves under <paramref name="title"/>: a yes/no target's one curve, or one per class.</summary>
    public static void SaveRoc(string title, IReadOnlyList<ClassCurve> curves, int max, string path)
    {
        var drawn = Drawn(curves, max);
        var plot = PlotStyle.Create(title, "False positive rate", "True positive rate");
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LineColor = Colors.Gray;
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance (AUC 0.5)";
        for (int i = 0; i < drawn.Count; i++)
            Line(plot, drawn[i].Roc, PlotStyle.ClassColor(i, drawn.Count), $"{drawn[i].Label} (AUC {drawn[i].RocAuc!.Value.ToString("F3", ReportFormat.Culture)})");
        Finish(plot, Subtitle(drawn.Count, curves.Count, "lowest AUC"), path);
    }

    public static void SavePrecisionRecall(ClassificationEvaluation target, IReadOnlyList<ClassCurve> curves, int max, string path) =>
        SavePrecisionRecall($"{target.Name}: precision-recall curves, one-vs-rest", curves, max, path);

    /// <summary>Precision-recall curves under <paramref name="title"/>, of the classes <see cref="SaveRoc(string, IReadOnlyList{ClassCurve}, int, string)"/> draws.</summary>
    public static void SavePrecisionRecall(string title, IReadOnlyList<ClassCurve> curves, int max, string path)
    {
        // The same classes in the same colours as the ROC plot; a class with a ROC curve always has this one too.
        var drawn = Drawn(curves, max);
        var plot = PlotStyle.Create(title, "Recall", "Precision");
        for (int i = 0; i < drawn.Count; i++)
            Line(plot, drawn[i].PrecisionRecall, PlotStyle.ClassColor(i, drawn.Count), $"{drawn[i].Label} (AP {drawn[i].AveragePrecision!.Value.ToString("F3", ReportFormat.Culture)})");
        Finish(plot, Subtitle(drawn.Count, curves.Count, "lowest ROC AUC"), path);
    }

    private static void Line(Plot plot, IReadOnlyList<(double X, double Y)> points, Color color, string legend)
    {
        var line = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
        line.LineWidth = 2;
        line.LegendText = legend;
    }

    private static string? Subtitle(int drawn, int total, string which) =>
        drawn < total ? $"{drawn} of {total} classes shown: those of {which}" : null;

    private static void Finish(Plot plot, string? subtitle, string path)
    {
        if (subtitle is not null) plot.XLabel($"{plot.Axes.Bottom.Label.Text}\n{subtitle}", PlotStyle.AxisLabelSize);
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Edge.Right);
        // Wide enough for the legend beside a roughly square data area.
        PlotStyle.Save(plot, path, 1000, 680);
    }
}
