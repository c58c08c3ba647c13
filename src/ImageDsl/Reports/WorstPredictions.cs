using ImageDsl.Evaluation;

namespace ImageDsl.Reports;

/// <summary>Picks the images a contact sheet shows: the ones the model got most wrong.</summary>
internal static class WorstPredictions
{
    /// <summary>
    /// Indices of the most confident mistakes: misclassified images, highest probability of the
    /// wrong label first; ties go to the lower probability of the true label, then to dataset
    /// order. Correct images are never picked, so fewer than <paramref name="count"/> may come back.
    /// </summary>
    public static IReadOnlyList<int> Classification(IReadOnlyList<ClassificationSample> samples, int count) =>
        Enumerable.Range(0, samples.Count)
            .Where(i => !samples[i].IsCorrect)
            .OrderByDescending(i => samples[i].Confidence)
            .ThenBy(i => samples[i].TrueProbability)
            .ThenBy(i => i)
            .Take(count)
            .ToArray();

    /// <summary>Indices of the largest absolute errors, largest first; ties go to dataset order.</summary>
    public static IReadOnlyList<int> Regression(IReadOnlyList<RegressionSample> samples, int count) =>
        Enumerable.Range(0, samples.Count)
            .OrderByDescending(i => Math.Abs(samples[i].Error))
            .ThenBy(i => i)
            .Take(count)
            .ToArray();
}
