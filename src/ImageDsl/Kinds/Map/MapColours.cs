using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl;

/// <summary>A perceptual colour map (a compact "turbo"-like ramp) for value maps, and a class palette for masks.</summary>
internal static class MapColours
{
    private static readonly (float T, byte R, byte G, byte B)[] Ramp =
    [
        (0.00f, 48, 18, 59), (0.15f, 70, 107, 227), (0.30f, 40, 187, 236), (0.45f, 49, 242, 153),
        (0.60f, 162, 252, 60), (0.75f, 237, 208, 58), (0.90f, 251, 128, 34), (1.00f, 122, 4, 3),
    ];

    /// <summary>The ramp's colour at <paramref name="t"/> in [0, 1].</summary>
    public static Rgb24 At(double t)
    {
        t = Math.Clamp(t, 0, 1);
        for (int i = 1; i < Ramp.Length; i++)
        {
            if (t > Ramp[i].T) continue;
            var (a, b) = (Ramp[i - 1], Ramp[i]);
            double f = (t - a.T) / (b.T - a.T);
            return new Rgb24((byte)(a.R + (b.R - a.R) * f), (byte)(a.G + (b.G - a.G) * f), (byte)(a.B + (b.B - a.B) * f));
        }
        return new Rgb24(Ramp[^1].R, Ramp[^1].G, Ramp[^1].B);
    }

    /// <summary>Colours a map: its valid values from <paramref name="min"/> (or the smallest) to <paramref name="max"/> (or the largest); invalid pixels black.</summary>
    public static Image<Rgb24> Render(ReadOnlySpan<float> values, int width, int height, double? min, double? max)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values) if (float.IsFinite(v)) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        return Render(values, width, height, min ?? lo, max ?? hi, At, new Rgb24(0, 0, 0));
    }

    /// <summary>Colours a map by <paramref name="colour"/> over [<paramref name="min"/>, <paramref name="max"/>] (values beyond get the ends' colours), invalid pixels <paramref name="invalid"/>.</summary>
    public static Image<Rgb24> Render(ReadOnlySpan<float> values, int width, int height, double min, double max, Func<double, Rgb24> colour, Rgb24 invalid)
    {
        double span = max > min ? max - min : 1;
        var image = new Image<Rgb24>(width, height);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                float v = values[y * width + x];
                image[x, y] = float.IsFinite(v) ? colour(Math.Clamp((v - min) / span, 0, 1)) : invalid;
            }
        return image;
    }

    /// <summary>An error ramp from white (none) through orange to dark red (the largest), so right pixels recede and wrong ones stand out.</summary>
    public static Rgb24 Error(double t)
    {
        t = Math.Clamp(t, 0, 1);
        static byte L(double a, double b, double f) => (byte)Math.Round(a + (b - a) * f);
        return t < 0.5
            ? new Rgb24(255, L(255, 150, t * 2), L(255, 40, t * 2))
            : new Rgb24(L(255, 120, t * 2 - 1), L(150, 0, t * 2 - 1), L(40, 0, t * 2 - 1));
    }

    /// <summary>A distinct colour per class index.</summary>
    public static Rgb24 Class(int index) => index switch
    {
        < 0 => new Rgb24(0, 0, 0),
        _ => Palette[index % Palette.Length],
    };

    private static readonly Rgb24[] Palette =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];
}
