namespace ImageDsl.Reports;

/// <summary>What <see cref="Evaluation.EvaluationResult.WriteReport"/> draws.</summary>
public sealed record ReportOptions
{
    /// <summary>
    /// Images on each target's worst-predictions contact sheet (the most confident mistakes of
    /// a label target, the largest absolute errors of a range target); 0 draws no sheet.
    /// </summary>
    public int WorstPredictions { get; init; } = 16;

    /// <summary>
    /// The longer side, in pixels, of each image on a contact sheet. Smaller images are scaled
    /// up by a whole factor with sharp pixels (28 px → 84 px), larger ones scaled down to fit.
    /// </summary>
    public int ThumbnailSize { get; init; } = 84;

    /// <summary>At most this many classes get a ROC and a precision-recall curve; with more, the classes of lowest ROC AUC are drawn.</summary>
    public int MaxCurveClasses { get; init; } = 10;

    /// <summary>
    /// Images of each target's worst-predictions sheet (the first ones, at most
    /// <see cref="WorstPredictions"/>) drawn again with a heatmap of what the model predicted over
    /// them, on <c>&lt;Target&gt;-worst-heatmaps.png</c>; 0 draws none. Only for an evaluation a
    /// model made, and written while that model is not disposed: each heatmap runs the model
    /// forward and back on one image. Dense targets get none (see docs/explanations.md).
    /// </summary>
    public int WorstHeatmaps { get; init; } = 8;

    /// <summary>False writes only <c>report.json</c>, <c>report.md</c> and the predictions CSVs, with no PNG.</summary>
    public bool Plots { get; init; } = true;

    internal void Validate()
    {
        if (WorstPredictions < 0) throw new ArgumentOutOfRangeException(nameof(WorstPredictions), WorstPredictions, "Must be 0 or more.");
        if (WorstHeatmaps < 0) throw new ArgumentOutOfRangeException(nameof(WorstHeatmaps), WorstHeatmaps, "Must be 0 or more.");
        if (ThumbnailSize < 8) throw new ArgumentOutOfRangeException(nameof(ThumbnailSize), ThumbnailSize, "Must be at least 8 pixels.");
        if (MaxCurveClasses < 1) throw new ArgumentOutOfRangeException(nameof(MaxCurveClasses), MaxCurveClasses, "Must be at least 1.");
    }
}
