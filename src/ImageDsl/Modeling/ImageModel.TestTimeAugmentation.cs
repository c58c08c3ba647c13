using static TorchSharp.torch;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    /// <summary>
    /// Decoded predictions of a batch, averaged over the views of <paramref name="augmentation"/>
    /// (none: exactly <see cref="DecodeOutputs"/> of <paramref name="plainOutputs"/>).
    /// </summary>
    /// <param name="byteImages">The batch as decoded, <c>[N, C, H, W]</c> bytes.</param>
    /// <param name="plainOutputs">The network's outputs for the images as they are (the first view, already run).</param>
    /// <param name="augmentation">The views; checked against the spec by the caller.</param>
    private PredictionOutputs[] DecodeViews(Tensor byteImages, Tensor[] plainOutputs, TestTimeAugmentation? augmentation)
    {
        if (augmentation is null || augmentation.ViewCount == 1) return DecodeOutputs(plainOutputs);
        using var scope = NewDisposeScope();
        var calibration = Calibration.IsEmpty ? null : Calibration;
        var perTarget = OutputDecoding.Activate(Spec, plainOutputs, calibration).Select(a => new List<Tensor> { a }).ToArray();
        var unit = byteImages.to_type(ScalarType.Float32).div(255f);
        long n = unit.shape[0];
        foreach (var view in augmentation.MovedViews())
        {
            var forward = TestTimeViews.ForBatch(view, n, unit.device);
            var inverse = TestTimeViews.Invert(forward);
            var outputs = RunNetwork(Normalization.ApplyToUnit(TestTimeViews.Render(unit, forward)));
            var activated = OutputDecoding.Activate(Spec, outputs, calibration);
            for (int t = 0; t < Spec.Targets.Count; t++)
                perTarget[t].Add(Spec.Targets[t].FromView(activated[t], inverse, Spec.Input, TargetStatistics, Spec.EncodedOffset(t)));
        }
        var averaged = perTarget.Select(TestTimeViews.NanMean).ToArray();
        return OutputDecoding.DecodeActivated(Spec, TargetStatistics, averaged, calibration);
    }
}
