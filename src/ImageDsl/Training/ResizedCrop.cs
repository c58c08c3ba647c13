using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// Random resized crops as torchvision's RandomResizedCrop draws them, expressed as an affine
/// map so the one resampling of <see cref="Augment"/> does the crop and the resize, and every
/// geometric target moves through the same map the pixels did.
/// </summary>
internal static class ResizedCrop
{
    private const int Tries = 10;

    /// <summary>
    /// Each image's crop <c>[N, 4]</c> as (left, top, width, height) in whole pixels: area a share
    /// of the image's uniform in [CropScaleMin, CropScaleMax], width over height log-uniform in
    /// [CropRatioMin, CropRatioMax], the first of ten tries that fits, else the centre crop of the
    /// whole image brought into the ratio range (torchvision's fallback).
    /// </summary>
    public static Tensor Sample(long n, long width, long height, Augmentation augmentation, Generator generator, Device device)
    {
        using var scope = NewDisposeScope();
        double area = width * height;
        var share = Draws.Uniform(generator, device, [n, Tries], ScalarType.Float64) * (augmentation.CropScaleMax - augmentation.CropScaleMin) + augmentation.CropScaleMin;
        double logLow = Math.Log(augmentation.CropRatioMin), logHigh = Math.Log(augmentation.CropRatioMax);
        var ratio = (Draws.Uniform(generator, device, [n, Tries], ScalarType.Float64) * (logHigh - logLow) + logLow).exp();
        var w = (share * area * ratio).sqrt().round();
        var h = (share * area / ratio).sqrt().round();
        var fits = (w > 0) & (w <= width) & (h > 0) & (h <= height);

        // argmax returns the first maximum: the first try that fits.
        var first = fits.to_type(ScalarType.Float32).argmax(1, keepdim: true);
        var found = fits.any(1);
        var (fallbackW, fallbackH) = Fallback(width, height, augmentation.CropRatioMin, augmentation.CropRatioMax);
        var cropW = where(found, w.gather(1, first).squeeze(1), full(n, (double)fallbackW, ScalarType.Float64, device: device));
        var cropH = where(found, h.gather(1, first).squeeze(1), full(n, (double)fallbackH, ScalarType.Float64, device: device));

        // A fitting crop sits anywhere it fits, in whole pixels; the fallback is centred.
        var left = where(found, (Draws.Uniform(generator, device, [n], ScalarType.Float64) * (width - cropW + 1)).floor(), ((width - cropW) / 2).floor());
        var top = where(found, (Draws.Uniform(generator, device, [n], ScalarType.Float64) * (height - cropH + 1)).floor(), ((height - cropH) / 2).floor());
        return stack([left, top, cropW, cropH], 1).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <paramref name="forward"/> <c>[N, 2, 3]</c> applied after each image's crop <c>[N, 4]</c>
    /// was stretched to the whole image: the crop's pixels (centred coordinates) go to
    /// <c>K (p - c)</c> with <c>K = diag(width / cropWidth, height / cropHeight)</c>, then the
    /// other moves act. Stretching first keeps the image's vertical axis vertical, so the turn
    /// <see cref="Augment.Decompose"/> reads (and a declared rotation follows) is the rotation's own.
    /// </summary>
    public static Tensor Compose(Tensor forward, Tensor crops, long width, long height)
    {
        using var scope = NewDisposeScope();
        var kx = width / crops[.., 2];
        var ky = height / crops[.., 3];
        var cx = crops[.., 0] + crops[.., 2] / 2 - width / 2.0;
        var cy = crops[.., 1] + crops[.., 3] / 2 - height / 2.0;
        var a = forward[.., .., ..2];
        var stretch = stack([stack([kx, zeros_like(kx)], 1), stack([zeros_like(ky), ky], 1)], 1); // [N, 2, 2]
        var offset = stack([-kx * cx, -ky * cy], 1).unsqueeze(2);                                 // [N, 2, 1]
        var linear = matmul(a, stretch);
        var translation = matmul(a, offset) + forward[.., .., 2..3];
        return cat([linear, translation], 2).MoveToOuterDisposeScope();
    }

    /// <summary>Torchvision's fallback crop: the whole image, cut along its long side to the nearest allowed ratio.</summary>
    private static (long Width, long Height) Fallback(long width, long height, double ratioMin, double ratioMax)
    {
        double ratio = (double)width / height;
        if (ratio < ratioMin) return (width, (long)Math.Round(width / ratioMin));
        if (ratio > ratioMax) return ((long)Math.Round(height * ratioMax), height);
        return (width, height);
    }
}
