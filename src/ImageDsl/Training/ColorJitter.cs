using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// Torchvision's ColorJitter on a batch in [0, 1]: brightness, contrast, saturation and hue,
/// each with its own random factor per image and applied in a random order per image, each
/// step clamped to [0, 1] as torchvision's blends are. Photometric: no target changes.
/// </summary>
internal static class ColorJitter
{
    private const int Brightness = 0, Contrast = 1, Saturation = 2, Hue = 3;

    /// <summary>The jittered batch <c>[N, C, H, W]</c>; saturation and hue leave one-channel images alone, as torchvision does.</summary>
    public static Tensor Apply(Tensor images, Augmentation augmentation, Generator generator)
    {
        long n = images.shape[0];
        bool colour = images.shape[1] == 3;
        var device = images.device;
        // One random order of the four per image: ranking uniform draws gives a uniform permutation.
        var order = Draws.Uniform(generator, device, [n, 4]).argsort(1);
        var brightness = Factor(n, augmentation.JitterBrightness, generator, device);
        var contrast = Factor(n, augmentation.JitterContrast, generator, device);
        var saturation = colour ? Factor(n, augmentation.JitterSaturation, generator, device) : null;
        var hue = colour && augmentation.JitterHue > 0
            ? ((Draws.Uniform(generator, device, [n]) * 2 - 1) * augmentation.JitterHue).reshape(n, 1, 1)
            : null;

        for (int step = 0; step < 4; step++)
        {
            var at = order[.., step].reshape(n, 1, 1, 1);
            if (brightness is not null) images = where(at == Brightness, (images * brightness).clamp(0, 1), images);
            if (contrast is not null) images = where(at == Contrast, Blend(images, Grey(images).mean([1, 2, 3], keepdim: true), contrast), images);
            if (saturation is not null) images = where(at == Saturation, Blend(images, Grey(images), saturation), images);
            if (hue is not null) images = where(at == Hue, TurnHue(images, hue), images);
        }
        return images;
    }

    /// <summary>A factor per image <c>[N, 1, 1, 1]</c> uniform in [max(0, 1 - x), 1 + x], or null when <paramref name="x"/> is 0 (off).</summary>
    private static Tensor? Factor(long n, double x, Generator generator, Device device)
    {
        if (x == 0) return null;
        double low = Math.Max(0, 1 - x), high = 1 + x;
        return (Draws.Uniform(generator, device, [n]) * (high - low) + low).reshape(n, 1, 1, 1);
    }

    /// <summary><c>f · image + (1 − f) · other</c>, clamped.</summary>
    private static Tensor Blend(Tensor image, Tensor other, Tensor factor) => (image * factor + other * (1 - factor)).clamp(0, 1);

    /// <summary>The ITU-R 601 luma <c>[N, 1, H, W]</c> torchvision's greyscale uses; a one-channel image is its own.</summary>
    internal static Tensor Grey(Tensor images) => images.shape[1] == 3
        ? images[.., 0..1] * 0.2989f + images[.., 1..2] * 0.587f + images[.., 2..3] * 0.114f
        : images;

    /// <summary>Turns the hue of RGB images by <paramref name="shift"/> <c>[N, 1, 1]</c> of a full turn, through HSV.</summary>
    internal static Tensor TurnHue(Tensor images, Tensor shift)
    {
        var (h, s, v) = ToHsv(images);
        return FromHsv((h + shift).remainder(1.0), s, v);
    }

    /// <summary>Hue in [0, 1), saturation and value of RGB images, each <c>[N, H, W]</c>.</summary>
    internal static (Tensor H, Tensor S, Tensor V) ToHsv(Tensor images)
    {
        var r = images[.., 0];
        var g = images[.., 1];
        var b = images[.., 2];
        var max = images.amax(1);
        var min = images.amin(1);
        var grey = max == min;
        var range = max - min;
        var s = range / where(grey, ones_like(max), max);
        var divisor = where(grey, ones_like(range), range);
        var rc = (max - r) / divisor;
        var gc = (max - g) / divisor;
        var bc = (max - b) / divisor;
        // The sector is that of the largest channel (red first on ties, then green).
        var isR = max == r;
        var isG = (max == g) & ~isR;
        var isB = ~isR & ~isG;
        var h = isR.to_type(images.dtype) * (bc - gc) + isG.to_type(images.dtype) * (2 + rc - bc) + isB.to_type(images.dtype) * (4 + gc - rc);
        h = (h / 6 + 1).remainder(1.0);
        return (h, s, max);
    }

    /// <summary>RGB images <c>[N, 3, H, W]</c> from hue in [0, 1), saturation and value.</summary>
    internal static Tensor FromHsv(Tensor h, Tensor s, Tensor v)
    {
        var sector = (h * 6).floor();
        var f = h * 6 - sector;
        var p = (v * (1 - s)).clamp(0, 1);
        var q = (v * (1 - s * f)).clamp(0, 1);
        var t = (v * (1 - s * (1 - f))).clamp(0, 1);
        var i = sector.remainder(6);
        // Per sector 0..5, which of v, q, p, t each channel takes.
        Tensor Pick(Tensor s0, Tensor s1, Tensor s2, Tensor s3, Tensor s4, Tensor s5) =>
            where(i == 0, s0, where(i == 1, s1, where(i == 2, s2, where(i == 3, s3, where(i == 4, s4, s5)))));
        var red = Pick(v, q, p, p, t, v);
        var green = Pick(t, v, v, q, p, p);
        var blue = Pick(p, p, t, v, v, q);
        return stack([red, green, blue], 1);
    }
}
