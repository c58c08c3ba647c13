using ImageDsl.Training;

namespace ImageDsl.Reports;

/// <summary>Figures the report quotes about a training run.</summary>
internal static class TrainingSummary
{
    /// <summary>The epoch of lowest validation loss (the first on ties), or null without validation.</summary>
    public static int? BestValidationEpoch(TrainingHistory history)
    {
        EpochSummary? best = null;
        foreach (var epoch in history.Epochs)
            if (epoch.ValidationLoss is { } v && double.IsFinite(v) && (best is null || v < best.ValidationLoss))
                best = epoch;
        return best?.Epoch;
    }
}
