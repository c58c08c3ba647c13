using ImageDsl.Modeling;
using ImageDsl.Specs;

namespace ImageDsl.Evaluation;

/// <summary>
/// Accumulates one target's metrics over a dataset, image by image, and keeps one small
/// per-image record for the report's plots. Each kind has its own, next to its evaluation.
/// </summary>
internal abstract class TargetScorer(int targetIndex)
{
    protected int TargetIndex { get; } = targetIndex;

    /// <summary>The scorer of target <paramref name="targetIndex"/> of <paramref name="spec"/>, as its kind makes it.</summary>
    public static TargetScorer For(ModelSpec spec, int targetIndex)
    {
        var scorer = spec.Targets[targetIndex].CreateScorer(targetIndex);
        scorer.Input = spec.Input;
        return scorer;
    }

    /// <summary>The images' declared size, for kinds whose values are positions in the image (boxes, keypoints); null when scored without a spec.</summary>
    protected InputSpec? Input { get; private set; }

    /// <summary>Adds one image: its path, its encoded true value(s) and the model's decoded outputs.</summary>
    public abstract void Add(string imagePath, ReadOnlySpan<float> truth, PredictionOutputs prediction);

    public abstract TargetEvaluation Finish();

    /// <summary>
    /// The double that prints like the float: a label of 25.76 stays 25.76 in reports instead
    /// of becoming 25.760000228881836 when widened.
    /// </summary>
    internal static double Shortest(float value) =>
        double.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
