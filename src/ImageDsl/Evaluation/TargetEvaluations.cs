using System.Text.Json.Serialization;
using ImageDsl.Metrics;

namespace ImageDsl.Evaluation;

/// <summary>Metrics of a binary (bool) target.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="NegativeLabel">The name of false.</param>
/// <param name="PositiveLabel">The name of true.</param>
/// <param name="Metrics">Accuracy, precision, recall, F1, ROC AUC, average precision, log loss, confusion counts at the declared threshold.</param>
public sealed record BinaryEvaluation(string Name, string NegativeLabel, string PositiveLabel, BinaryMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order (empty when built without them).</summary>
    [JsonIgnore]
    public IReadOnlyList<BinarySample> Samples { get; init; } = [];
}

/// <summary>Metrics of a multi-label target.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Metrics">Subset accuracy, Hamming loss, micro / macro / weighted / samples precision, recall and F1, ROC AUC, per label.</param>
public sealed record MultiLabelEvaluation(string Name, MultilabelMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order (empty when built without them).</summary>
    [JsonIgnore]
    public IReadOnlyList<MultiLabelSample> Samples { get; init; } = [];
}

/// <summary>Metrics of a periodic target, from circular errors in the target's units.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Unit">The declared unit, if any.</param>
/// <param name="Period">The period.</param>
/// <param name="Metrics">Circular MAE, RMSE, median and largest error.</param>
public sealed record PeriodicEvaluation(string Name, string? Unit, double Period, CircularMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order (empty when built without them).</summary>
    [JsonIgnore]
    public IReadOnlyList<PeriodicSample> Samples { get; init; } = [];
}

/// <summary>Metrics of a vector or box target, per component and overall, in the target's units.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Unit">The declared unit, if any.</param>
/// <param name="Components">The components' names.</param>
/// <param name="Box">The box format of a box target, else null.</param>
/// <param name="Metrics">Per-component and overall MAE, RMSE and R², and mean IoU for boxes.</param>
public sealed record VectorEvaluation(string Name, string? Unit, IReadOnlyList<string> Components, BoxFormat? Box, VectorMetrics Metrics) : TargetEvaluation(Name)
{
    /// <summary>One record per image, in dataset order (empty when built without them).</summary>
    [JsonIgnore]
    public IReadOnlyList<VectorSample> Samples { get; init; } = [];
}

/// <summary>One image's outcome for a binary target.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Actual">The true value.</param>
/// <param name="Probability">The model's probability of true.</param>
/// <param name="Predicted">The decision at the declared threshold.</param>
public sealed record BinarySample(string ImagePath, bool Actual, float Probability, bool Predicted)
{
    /// <summary>True when the decision is right.</summary>
    public bool IsCorrect => Actual == Predicted;

    /// <summary>The probability the model gave the true value.</summary>
    public float TrueProbability => Actual ? Probability : 1 - Probability;
}

/// <summary>One image's outcome for a multi-label target.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Actual">Per label, whether it is present.</param>
/// <param name="Probabilities">Per label, the model's probability that it is present.</param>
/// <param name="Predicted">Per label, the decision at its threshold.</param>
public sealed record MultiLabelSample(string ImagePath, IReadOnlyList<bool> Actual, IReadOnlyList<float> Probabilities, IReadOnlyList<bool> Predicted)
{
    /// <summary>Labels decided wrongly.</summary>
    public int Mistakes => Actual.Zip(Predicted, (a, p) => a != p ? 1 : 0).Sum();
}

/// <summary>One image's outcome for a periodic target.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Actual">The true value.</param>
/// <param name="Predicted">The model's value.</param>
/// <param name="Error">The circular error, predicted − actual taken the short way round.</param>
public sealed record PeriodicSample(string ImagePath, double Actual, double Predicted, double Error);

/// <summary>One image's outcome for a vector target.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Actual">The true components.</param>
/// <param name="Predicted">The predicted components.</param>
/// <param name="IoU">For a box, the intersection over union of the two boxes; else null.</param>
public sealed record VectorSample(string ImagePath, IReadOnlyList<float> Actual, IReadOnlyList<float> Predicted, double? IoU)
{
    /// <summary>Mean absolute error over the components.</summary>
    public double MeanAbsoluteError => Actual.Zip(Predicted, (a, p) => Math.Abs((double)p - a)).Average();
}

/// <summary>Circular regression metrics, in the target's units; errors are taken the short way round the period.</summary>
/// <param name="Count">Images scored.</param>
/// <param name="Mae">Mean absolute circular error.</param>
/// <param name="Rmse">Root mean squared circular error.</param>
/// <param name="MedianAbsoluteError">Median absolute circular error.</param>
/// <param name="MaxError">Largest absolute circular error.</param>
public sealed record CircularMetrics(long Count, double? Mae, double? Rmse, double? MedianAbsoluteError, double? MaxError);

/// <summary>Metrics of a vector target: overall (averaged over components, as scikit-learn's uniform average) and per component.</summary>
/// <param name="Count">Images scored.</param>
/// <param name="Mae">MAE averaged over components.</param>
/// <param name="Rmse">Root of the MSE averaged over components.</param>
/// <param name="R2">R² averaged over components; null for fewer than two images.</param>
/// <param name="PerComponent">MAE, RMSE and R² of each component.</param>
/// <param name="MeanIoU">Mean intersection over union of a box target; null for other vectors.</param>
/// <param name="IoUAbove50">Share of boxes with IoU at least 0.5; null for other vectors.</param>
/// <param name="IoUAbove75">Share of boxes with IoU at least 0.75; null for other vectors.</param>
public sealed record VectorMetrics(long Count, double? Mae, double? Rmse, double? R2, IReadOnlyList<ComponentMetrics> PerComponent,
    double? MeanIoU, double? IoUAbove50, double? IoUAbove75);

/// <summary>Metrics of one component of a vector target.</summary>
/// <param name="Name">The component.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="R2">Coefficient of determination; null for fewer than two images.</param>
public sealed record ComponentMetrics(string Name, double? Mae, double? Rmse, double? R2);
