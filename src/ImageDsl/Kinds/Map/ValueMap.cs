using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl;

/// <summary>
/// A per-pixel value map (depth, height, density) in the user's units: <see cref="Width"/> x
/// <see cref="Height"/> values, row by row, an invalid pixel (no measurement) being NaN.
/// </summary>
public sealed class ValueMap
{
    private readonly float[] values;

    /// <summary>Creates a map from its values, row by row (NaN marks an invalid pixel); the values are copied.</summary>
    public ValueMap(int width, int height, ReadOnlySpan<float> values)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"A map needs a positive size; given {width}x{height}.");
        if (values.Length != width * height) throw new ArgumentException($"A {width}x{height} map has {width * height} values; given {values.Length}.", nameof(values));
        Width = width;
        Height = height;
        this.values = values.ToArray();
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The value at column <paramref name="x"/>, row <paramref name="y"/>; NaN if invalid.</summary>
    public float this[int x, int y] => values[y * Width + x];

    /// <summary>True when pixel (<paramref name="x"/>, <paramref name="y"/>) has a value.</summary>
    public bool IsValid(int x, int y) => float.IsFinite(this[x, y]);

    /// <summary>The values row by row (NaN invalid).</summary>
    public ReadOnlySpan<float> Values => values;

    /// <summary>Writes the values into <paramref name="destination"/> (Width x Height floats).</summary>
    public void CopyTo(Span<float> destination) => values.CopyTo(destination);

    /// <summary>
    /// Saves the map as a 16-bit grayscale PNG: each pixel value / <paramref name="scale"/>, rounded
    /// and clamped to [0, 65535]; invalid pixels as <paramref name="invalidValue"/>.
    /// </summary>
    public void SavePng16(string path, double scale = 1.0, ushort invalidValue = 0)
    {
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive.");
        using var image = new Image<L16>(Width, Height);
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                float v = this[x, y];
                image[x, y] = new L16(float.IsFinite(v) ? (ushort)Math.Clamp(Math.Round(v / scale), 0, 65535) : invalidValue);
            }
        image.SaveAsPng(path);
    }

    /// <summary>Saves a colour-mapped preview (near values bright, invalid pixels black); the range is the valid values' unless given.</summary>
    public void SavePreview(string path, double? min = null, double? max = null)
    {
        using var image = MapColours.Render(values, Width, Height, min, max);
        image.SaveAsPng(path);
    }
}
