using ImageDsl.Data;
using ImageDsl.Evaluation;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    private const int EvaluationBatch = 256;

    /// <summary>
    /// Scores the model on <paramref name="data"/>: the mean loss, and for each target its
    /// metrics (classification: accuracy, precision / recall / F1, ROC AUC, confusion matrix;
    /// regression: MAE, MSE, RMSE, R² in the target's units). Generated models wrap this in a
    /// typed <c>Evaluation</c>.
    /// </summary>
    /// <remarks>
    /// Besides the metrics, the result keeps one small record per image and target (its path,
    /// true value and predicted value or probabilities) for the report's plots: memory grows
    /// linearly with the dataset, about 100 bytes per image for a 10-label target.
    /// </remarks>
    /// <param name="data">The dataset.</param>
    /// <param name="testTimeAugmentation">
    /// Score predictions averaged over moved copies of each image (see <see cref="TestTimeAugmentation"/>);
    /// null scores the images alone. The loss is always the plain images' (an average of
    /// predictions has no loss of its own that training minimised); the metrics are the averaged predictions'.
    /// </param>
    /// <exception cref="InvalidOperationException">The model was neither trained nor loaded (see <see cref="AllowUntrained"/>), or the test-time augmentation would corrupt a target.</exception>
    protected EvaluationResult EvaluateCore(ImageDataset data, TestTimeAugmentation? testTimeAugmentation = null)
    {
        using var lease = usage.Enter("be evaluated");
        RequireTrained("be evaluated");
        testTimeAugmentation?.Check(Spec);
        // The report's heatmaps explain the worst images with this model (while it is not disposed).
        return Score(data, testTimeAugmentation) with { Explainer = TryExplain };
    }

    /// <summary>What <see cref="EvaluateCore"/> computes, without its check: training validates a model that is not trained yet.</summary>
    private EvaluationResult Score(ImageDataset data) => Score(data, null);

    private EvaluationResult Score(ImageDataset data, TestTimeAugmentation? testTimeAugmentation)
    {
        CheckDataset(data, nameof(data));
        var source = data.Batches;
        var scorers = Enumerable.Range(0, Spec.Targets.Count).Select(t => TargetScorer.For(Spec, t)).ToArray();
        var offsets = Enumerable.Range(0, Spec.Targets.Count).Select(Spec.EncodedOffset).ToArray();
        int width = Spec.EncodedWidth, n = source.Count;
        double lossSum = 0;
        int scored = 0;

        for (int start = 0; start < n; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            int size = Math.Min(EvaluationBatch, n - start);
            var (images, truths, held) = source.Take(BatchSource.Range(start, size), Device);
            if (start + size < n) source.Prefetch(BatchSource.Range(start + size, Math.Min(EvaluationBatch, n - start - size)));
            var outputs = RunNetwork(Normalization.Apply(images));
            lossSum += ComputeLoss(outputs, truths).item<float>() * held.Length;
            scored += held.Length;
            var predictions = DecodeViews(images, outputs, testTimeAugmentation);
            var targets = truths.cpu().data<float>().ToArray();
            for (int i = 0; i < held.Length; i++) // a streamed batch may have left out broken images
            {
                var truth = targets.AsSpan(i * width, width);
                var path = source.Samples[(int)held[i]].Path;
                for (int t = 0; t < scorers.Length; t++)
                    scorers[t].Add(path, truth.Slice(offsets[t], Spec.Targets[t].EncodedWidth), predictions[i]);
            }
        }
        return WithCalibration(new EvaluationResult(Spec.Name, data.Source, scored, lossSum / scored, scorers.Select(s => s.Finish()).ToArray()));
    }
}
