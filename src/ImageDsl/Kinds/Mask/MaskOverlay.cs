using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ImageDsl;

/// <summary>A mask drawn over its image: what <see cref="LabelMap{TEnum}.SaveOverlay"/> saves and the report's mask pictures show.</summary>
internal static class MaskOverlay
{
    /// <summary>
    /// The image (resized to the mask, or grey when there is none) with each pixel's class colour
    /// mixed in at <paramref name="opacity"/>; ignored pixels (negative) left as they are.
    /// </summary>
    public static Image<Rgb24> Draw(Image<Rgb24>? image, ReadOnlySpan<float> classes, int width, int height, double opacity = 0.5)
    {
        var result = Base(image, width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int c = (int)classes[y * width + x];
                if (c < 0) continue;
                result[x, y] = Mix(result[x, y], MapColours.Class(c), opacity);
            }
        return result;
    }

    /// <summary>The image dimmed to grey, with the pixels whose predicted class is wrong in red (ignored pixels stay grey).</summary>
    public static Image<Rgb24> Errors(Image<Rgb24>? image, ReadOnlySpan<float> truth, ReadOnlySpan<float> predicted, int width, int height)
    {
        var result = Base(image, width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                var p = result[x, y];
                byte grey = (byte)(160 + (p.R * 299 + p.G * 587 + p.B * 114) / 1000 * 80 / 255); // light, so red reads at once
                int i = y * width + x;
                bool wrong = truth[i] >= 0 && (int)truth[i] != (int)predicted[i];
                result[x, y] = wrong ? Wrong : new Rgb24(grey, grey, grey);
            }
        return result;
    }

    /// <summary>The colour of a wrong pixel on <see cref="Errors"/>.</summary>
    public static readonly Rgb24 Wrong = new(220, 20, 20);

    private static Image<Rgb24> Base(Image<Rgb24>? image, int width, int height)
    {
        if (image is null) return new Image<Rgb24>(width, height, new Rgb24(128, 128, 128));
        var copy = image.Clone();
        if (copy.Width != width || copy.Height != height) copy.Mutate(m => m.Resize(width, height));
        return copy;
    }

    private static Rgb24 Mix(Rgb24 a, Rgb24 b, double t) =>
        new((byte)Math.Round(a.R * (1 - t) + b.R * t), (byte)Math.Round(a.G * (1 - t) + b.G * t), (byte)Math.Round(a.B * (1 - t) + b.B * t));
}
