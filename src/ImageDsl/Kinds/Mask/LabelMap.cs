using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl;

/// <summary>
/// A per-pixel label map (a segmentation mask) over the classes of <typeparamref name="TEnum"/>,
/// whose members' values are the class indices 0, 1, 2...: row by row, an ignored pixel being -1.
/// </summary>
/// <typeparam name="TEnum">The classes.</typeparam>
public sealed class LabelMap<TEnum> where TEnum : struct, Enum
{
    private readonly int[] indices;

    /// <summary>Creates a map from class indices row by row (-1 for an ignored pixel); the indices are copied.</summary>
    public LabelMap(int width, int height, ReadOnlySpan<int> indices)
    {
        if (indices.Length != width * height) throw new ArgumentException($"A {width}x{height} mask has {width * height} pixels; given {indices.Length}.", nameof(indices));
        Width = width;
        Height = height;
        this.indices = indices.ToArray();
    }

    /// <summary>Creates a map from encoded floats (class indices, -1 ignored), as the model stores and predicts them.</summary>
    public LabelMap(int width, int height, ReadOnlySpan<float> encoded) : this(width, height, ToIndices(encoded))
    {
    }

    private static int[] ToIndices(ReadOnlySpan<float> encoded)
    {
        var result = new int[encoded.Length];
        for (int i = 0; i < result.Length; i++) result[i] = (int)encoded[i];
        return result;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The class index at (<paramref name="x"/>, <paramref name="y"/>); -1 if ignored.</summary>
    public int ClassIndex(int x, int y) => indices[y * Width + x];

    /// <summary>The class at (<paramref name="x"/>, <paramref name="y"/>); ask <see cref="ClassIndex"/> first if the pixel may be ignored.</summary>
    public TEnum this[int x, int y] => (TEnum)Enum.ToObject(typeof(TEnum), ClassIndex(x, y));

    /// <summary>The class indices row by row.</summary>
    public ReadOnlySpan<int> Indices => indices;

    /// <summary>Writes the indices as encoded floats into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<float> destination)
    {
        for (int i = 0; i < indices.Length; i++) destination[i] = indices[i];
    }

    /// <summary>Saves the mask as an 8-bit PNG, each pixel its class index (an ignored one <paramref name="ignoreValue"/>).</summary>
    public void SavePng(string path, byte ignoreValue = 255)
    {
        using var image = new Image<L8>(Width, Height);
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                image[x, y] = new L8(ClassIndex(x, y) < 0 ? ignoreValue : (byte)ClassIndex(x, y));
        image.SaveAsPng(path);
    }

    /// <summary>Saves the image with the mask over it in one colour per class, at <paramref name="opacity"/>.</summary>
    public void SaveOverlay(string imagePath, string path, double opacity = 0.5)
    {
        using var image = Image.Load<Rgb24>(imagePath);
        var encoded = new float[indices.Length];
        CopyTo(encoded);
        using var overlay = MaskOverlay.Draw(image, encoded, Width, Height, opacity);
        overlay.SaveAsPng(path);
    }
}
