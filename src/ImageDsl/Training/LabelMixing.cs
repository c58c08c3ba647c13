using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// One batch mixed by Mixup or CutMix: image <c>i</c> is image <c>i</c> (share <paramref name="Share"/>)
/// mixed with image <c>Partners[i]</c> of the same batch (share 1 − <paramref name="Share"/>).
/// </summary>
/// <param name="Images">The mixed images.</param>
/// <param name="Partners">Each image's partner, an index into the batch <c>[N]</c>.</param>
/// <param name="Share">The share of each image's own labels, λ: Mixup's blend, or for CutMix the area not pasted over.</param>
/// <param name="IsCutMix">True for CutMix, false for Mixup.</param>
internal sealed record MixedBatch(Tensor Images, Tensor Partners, double Share, bool IsCutMix);

/// <summary>
/// Mixup (Zhang et al. 2018) and CutMix (Yun et al. 2019) for specs whose targets are all labels.
/// One share per batch drawn from Beta(α, α) and one random pairing, as the reference code of
/// both papers do. The loss is <c>λ · L(y) + (1 − λ) · L(y_partner)</c>; cross-entropy and binary
/// cross-entropy are linear in their truth, so that is exactly the loss on the soft targets
/// <c>λ · y + (1 − λ) · y_partner</c> (<see cref="SoftTargets"/>).
/// </summary>
internal static class LabelMixing
{
    /// <summary>Mixes a batch (<c>[N, C, H, W]</c>, normalized or not: both mixes commute with a per-channel affine normalization).</summary>
    public static MixedBatch Mix(Tensor images, Augmentation augmentation, Generator generator)
    {
        bool cutMix = augmentation.CutMix > 0 && (augmentation.Mixup == 0 || Draws.Uniform(generator, CPU, [1]).item<float>() < 0.5f);
        double share = Beta(cutMix ? augmentation.CutMix : augmentation.Mixup, generator);
        long n = images.shape[0];
        var partners = Draws.Permutation(generator, images.device, n);
        var others = images.index_select(0, partners);
        if (!cutMix) return new MixedBatch(images * share + others * (1 - share), partners, share, false);

        // A rectangle of 1 − λ of the area, centred anywhere, cut at the edges; λ is then the share left.
        long height = images.shape[2], width = images.shape[3];
        double side = Math.Sqrt(1 - share);
        long cutW = (long)(width * side), cutH = (long)(height * side);
        var centre = Draws.Uniform(generator, CPU, [2], ScalarType.Float64).cpu().data<double>().ToArray();
        long cx = Math.Min(width - 1, (long)(centre[0] * width)), cy = Math.Min(height - 1, (long)(centre[1] * height));
        long x1 = Math.Clamp(cx - cutW / 2, 0, width), x2 = Math.Clamp(cx + cutW / 2, 0, width);
        long y1 = Math.Clamp(cy - cutH / 2, 0, height), y2 = Math.Clamp(cy + cutH / 2, 0, height);
        var mixed = images.clone();
        if (x2 > x1 && y2 > y1)
        {
            var (rows, cols) = (TensorIndex.Slice(y1, y2), TensorIndex.Slice(x1, x2));
            mixed[TensorIndex.Colon, TensorIndex.Colon, rows, cols] = others[TensorIndex.Colon, TensorIndex.Colon, rows, cols];
        }
        double pasted = (double)(x2 - x1) * (y2 - y1) / (width * height);
        return new MixedBatch(mixed, partners, 1 - pasted, true);
    }

    /// <summary>The mixed loss: <c>λ · loss(outputs, targets) + (1 − λ) · loss(outputs, partners' targets)</c>.</summary>
    public static Tensor Loss(Func<Tensor[], Tensor, Tensor> computeLoss, Tensor[] outputs, Tensor targets, MixedBatch mix) =>
        computeLoss(outputs, targets) * mix.Share + computeLoss(outputs, targets.index_select(0, mix.Partners)) * (1 - mix.Share);

    /// <summary>
    /// The soft targets the mixed loss trains towards, one <c>[N, OutputWidth]</c> per target of
    /// <paramref name="spec"/>: a probability per class (multi-class, summing to 1) or per flag.
    /// </summary>
    public static IReadOnlyList<Tensor> SoftTargets(ModelSpec spec, Tensor targets, MixedBatch mix)
    {
        var partners = targets.index_select(0, mix.Partners);
        var soft = new List<Tensor>();
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            var target = spec.Targets[t];
            var own = target.SoftTruth(targets.narrow(1, spec.EncodedOffset(t), target.EncodedWidth));
            var other = target.SoftTruth(partners.narrow(1, spec.EncodedOffset(t), target.EncodedWidth));
            soft.Add(own * mix.Share + other * (1 - mix.Share));
        }
        return soft;
    }

    /// <summary>A draw from Beta(α, α), as the ratio of two Gamma(α) draws.</summary>
    private static double Beta(double alpha, Generator generator)
    {
        using var scope = NewDisposeScope();
        var gammas = _standard_gamma(full(2, alpha, ScalarType.Float64, device: generator.device), generator).cpu().data<double>().ToArray();
        double sum = gammas[0] + gammas[1];
        return sum > 0 ? gammas[0] / sum : 0.5; // both underflow only for a tiny alpha, where either end is as likely
    }
}
