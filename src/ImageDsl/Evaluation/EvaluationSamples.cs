namespace ImageDsl.Evaluation;

/// <summary>
/// One image's outcome for a label target. Evaluation keeps one per image so reports can
/// draw ROC and precision-recall curves and show the worst mistakes: a path reference, an
/// index and one float per label (10 labels: about 100 bytes per image).
/// </summary>
/// <param name="ImagePath">The image file, as the dataset names it.</param>
/// <param name="TrueIndex">Index of the true label.</param>
/// <param name="Probabilities">The model's probability of each label, in label order.</param>
public sealed record ClassificationSample(string ImagePath, int TrueIndex, IReadOnlyList<float> Probabilities)
{
    /// <summary>Index of the most probable label (the first one on ties, as the metrics count it).</summary>
    public int PredictedIndex
    {
        get
        {
            int best = 0;
            for (int i = 1; i < Probabilities.Count; i++) if (Probabilities[i] > Probabilities[best]) best = i;
            return best;
        }
    }

    /// <summary>The probability of the predicted label.</summary>
    public float Confidence => Probabilities[PredictedIndex];

    /// <summary>The probability the model gave the true label.</summary>
    public float TrueProbability => Probabilities[TrueIndex];

    /// <summary>True when the predicted label is the true one.</summary>
    public bool IsCorrect => PredictedIndex == TrueIndex;
}

/// <summary>
/// One image's outcome for a range target, in the target's units. Evaluation keeps one per
/// image (a path reference and two doubles) so reports can plot predictions against truth.
/// </summary>
/// <param name="ImagePath">The image file, as the dataset names it.</param>
/// <param name="Actual">The true value.</param>
/// <param name="Predicted">The model's value.</param>
public sealed record RegressionSample(string ImagePath, double Actual, double Predicted)
{
    /// <summary>The residual, predicted − actual.</summary>
    public double Error => Predicted - Actual;
}
