using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ImageDsl.Explanations;

/// <summary>
/// Where in an image the evidence for one predicted number lies (Grad-CAM): a value in [0, 1]
/// per pixel of the image as the model saw it (resized to the spec's input), 1 at the peak.
/// </summary>
public sealed class Heatmap
{
    private readonly float[] values;
    private readonly byte[] pixels; // the image as the model saw it, planar C × H × W
    private readonly int channels;

    internal Heatmap(ExplainTarget target, HeatmapMethod method, float[] values, double peak, int width, int height, byte[] pixels, int channels, (int Height, int Width) map)
    {
        Target = target;
        Method = method;
        this.values = values;
        Peak = peak;
        Width = width;
        Height = height;
        this.pixels = pixels;
        this.channels = channels;
        MapSize = map;
    }

    /// <summary>What the heatmap explains.</summary>
    public ExplainTarget Target { get; }

    /// <summary>How it was computed.</summary>
    public HeatmapMethod Method { get; }

    /// <summary>Width in pixels: the spec's input width.</summary>
    public int Width { get; }

    /// <summary>Height in pixels: the spec's input height.</summary>
    public int Height { get; }

    /// <summary>The largest value before scaling to [0, 1]; 0 when no part of the image raises the number (the map is then all 0).</summary>
    public double Peak { get; }

    /// <summary>The size of the backbone's last feature map, the heatmap's true resolution before upsampling.</summary>
    public (int Height, int Width) MapSize { get; }

    /// <summary>The heat at pixel (<paramref name="x"/>, <paramref name="y"/>), in [0, 1].</summary>
    public float this[int x, int y] => values[y * Width + x];

    /// <summary>Row-major heat values, <see cref="Height"/> × <see cref="Width"/>.</summary>
    public ReadOnlySpan<float> Values => values;

    /// <summary>The share of the total heat inside the rectangle from (<paramref name="x"/>, <paramref name="y"/>), <paramref name="width"/> × <paramref name="height"/> pixels; 0 for an empty map.</summary>
    public double ShareInside(int x, int y, int width, int height)
    {
        double inside = 0, total = 0;
        for (int r = 0; r < Height; r++)
            for (int c = 0; c < Width; c++)
            {
                float v = values[r * Width + c];
                total += v;
                if (c >= x && c < x + width && r >= y && r < y + height) inside += v;
            }
        return total > 0 ? inside / total : 0;
    }

    /// <summary>
    /// Writes the image with the heat over it (blue for none, through green and yellow, to red at
    /// the peak, more opaque where hotter) as a PNG, scaled up by a whole factor to at least
    /// <paramref name="minimumSide"/> pixels so small images stay legible.
    /// </summary>
    public void SaveOverlay(string path, int minimumSide = 224)
    {
        using var image = Overlay(minimumSide);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        image.SaveAsPng(path);
    }

    /// <summary>The overlay as an image, for contact sheets.</summary>
    internal Image<Rgba32> Overlay(int minimumSide)
    {
        var image = new Image<Rgba32>(Width, Height);
        int plane = Width * Height;
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                int i = y * Width + x;
                float r = pixels[i], g = channels >= 3 ? pixels[plane + i] : r, b = channels >= 3 ? pixels[2 * plane + i] : r;
                float h = values[i];
                var (hr, hg, hb) = Colour(h);
                // Cold pixels keep most of the image; the hottest are mostly heat colour.
                float a = 0.25f + 0.5f * h;
                image[x, y] = new Rgba32((byte)(r * (1 - a) + hr * a), (byte)(g * (1 - a) + hg * a), (byte)(b * (1 - a) + hb * a), 255);
            }
        int factor = Math.Max(1, (int)Math.Ceiling((double)minimumSide / Math.Max(Width, Height)));
        if (factor > 1) image.Mutate(m => m.Resize(Width * factor, Height * factor, KnownResamplers.NearestNeighbor));
        return image;
    }

    /// <summary>A "jet"-like colour scale: blue, cyan, green, yellow, red.</summary>
    internal static (float R, float G, float B) Colour(float h)
    {
        h = Math.Clamp(h, 0, 1);
        float r = Math.Clamp(1.5f - Math.Abs(4 * h - 3), 0, 1), g = Math.Clamp(1.5f - Math.Abs(4 * h - 2), 0, 1), b = Math.Clamp(1.5f - Math.Abs(4 * h - 1), 0, 1);
        return (r * 255, g * 255, b * 255);
    }
}
