using System.Text;
using System.Text.RegularExpressions;
using ImageDsl.Binding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Specs;

/// <summary>
/// Reading the files of dense targets (16-bit and 8-bit PNGs, float32 <c>.npy</c>) and resizing
/// them without inventing values: nearest for masks; for value maps each output pixel is the
/// mean of the valid pixels it covers (nearest when enlarging), so valid values never blend with
/// invalid ones.
/// </summary>
internal static partial class MapFiles
{
    /// <summary>The raw values of a map file and its size; throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static (float[] Values, int Width, int Height, bool IsPng) ReadRaw(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"map file not found: {path}");
        if (string.Equals(Path.GetExtension(path), ".npy", StringComparison.OrdinalIgnoreCase))
        {
            var (values, w, h) = ReadNpy(path);
            return (values, w, h, false);
        }
        try
        {
            using var image = Image.Load<L16>(path);
            var bits = image.Metadata.GetPngMetadata().BitDepth;
            var values = new float[image.Width * image.Height];
            // An 8-bit file comes in scaled to 16 bits (v * 257); its own values are wanted.
            float divide = bits == PngBitDepth.Bit16 ? 1f : 257f;
            image.ProcessPixelRows(rows =>
            {
                for (int y = 0; y < rows.Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (int x = 0; x < row.Length; x++) values[y * row.Length + x] = row[x].PackedValue / divide;
                }
            });
            return (values, image.Width, image.Height, true);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw new InvalidDataException($"{path} is not a readable PNG or .npy map: {e.Message}");
        }
    }

    /// <summary>Reads a little-endian float32 (or float64) C-ordered 2-D <c>.npy</c> array (or 3-D with one channel).</summary>
    public static (float[] Values, int Width, int Height) ReadNpy(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
            throw new InvalidDataException($"{path} is not a .npy file (no \\x93NUMPY magic)");
        int major = bytes[6];
        int headerLength = major == 1 ? BitConverter.ToUInt16(bytes, 8) : BitConverter.ToInt32(bytes, 8);
        int start = major == 1 ? 10 : 12;
        var header = Encoding.ASCII.GetString(bytes, start, headerLength);
        var descr = Descr().Match(header).Groups[1].Value;
        if (Fortran().IsMatch(header)) throw new InvalidDataException($"{path}: Fortran-ordered arrays are not read; save it C-ordered");
        var dims = Shape().Match(header).Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
        if (dims.Length == 3 && dims[2] == 1) dims = dims[..2];
        if (dims.Length != 2) throw new InvalidDataException($"{path} holds an array of shape ({string.Join(", ", dims)}); a map needs (height, width)");
        int h = dims[0], w = dims[1];
        int data = start + headerLength;
        var values = new float[w * h];
        switch (descr)
        {
            case "<f4":
                if (bytes.Length - data < values.Length * 4) throw new InvalidDataException($"{path} is truncated");
                Buffer.BlockCopy(bytes, data, values, 0, values.Length * 4);
                break;
            case "<f8":
                if (bytes.Length - data < values.Length * 8) throw new InvalidDataException($"{path} is truncated");
                for (int i = 0; i < values.Length; i++) values[i] = (float)BitConverter.ToDouble(bytes, data + 8 * i);
                break;
            default:
                throw new InvalidDataException($"{path} holds '{descr}' values; a map reads float32 ('<f4') or float64 ('<f8')");
        }
        return (values, w, h);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex Descr();

    [GeneratedRegex(@"'fortran_order'\s*:\s*True")]
    private static partial Regex Fortran();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex Shape();

    /// <summary>The width and height of the image a row names, or null if it cannot be read (the image reader reports that).</summary>
    public static (int Width, int Height)? ImageSize(string? imagePath)
    {
        if (imagePath is null || !File.Exists(imagePath)) return null;
        try
        {
            var info = Image.Identify(imagePath);
            return (info.Width, info.Height);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Resizes a value map (NaN invalid): the mean of the valid source pixels each output pixel covers; nearest when enlarging.</summary>
    public static void ResizeValues(ReadOnlySpan<float> source, int width, int height, Span<float> target, int outWidth, int outHeight)
    {
        for (int oy = 0; oy < outHeight; oy++)
        {
            var (y0, y1) = Cover(oy, height, outHeight);
            for (int ox = 0; ox < outWidth; ox++)
            {
                var (x0, x1) = Cover(ox, width, outWidth);
                double sum = 0;
                int count = 0;
                for (int y = y0; y < y1; y++)
                    for (int x = x0; x < x1; x++)
                    {
                        float v = source[y * width + x];
                        if (float.IsFinite(v)) { sum += v; count++; }
                    }
                target[oy * outWidth + ox] = count == 0 ? float.NaN : (float)(sum / count);
            }
        }
    }

    /// <summary>Resizes a label map by nearest neighbour (the source pixel under each output pixel's centre).</summary>
    public static void ResizeNearest(ReadOnlySpan<float> source, int width, int height, Span<float> target, int outWidth, int outHeight)
    {
        for (int oy = 0; oy < outHeight; oy++)
        {
            int y = Math.Min(height - 1, (int)((oy + 0.5) * height / outHeight));
            for (int ox = 0; ox < outWidth; ox++)
            {
                int x = Math.Min(width - 1, (int)((ox + 0.5) * width / outWidth));
                target[oy * outWidth + ox] = source[y * width + x];
            }
        }
    }

    // The source pixels output pixel i of n covers out of size: at least the one under its centre.
    private static (int Start, int End) Cover(int i, int size, int n)
    {
        if (n >= size)
        {
            int nearest = Math.Min(size - 1, (int)((i + 0.5) * size / n));
            return (nearest, nearest + 1);
        }
        int start = (int)Math.Floor((double)i * size / n);
        int end = (int)Math.Ceiling((double)(i + 1) * size / n);
        return (start, Math.Max(start + 1, Math.Min(size, end)));
    }

    /// <summary>
    /// Reads the map file named in cell <paramref name="cell"/> (relative to the manifest's folder),
    /// checks its size against the row's image and returns its raw values; reports a problem and
    /// returns null otherwise.
    /// </summary>
    public static (float[] Values, int Width, int Height, bool IsPng)? ReadCell(CsvCells cells, int cell)
    {
        var text = cells[cell].Trim();
        if (text.Length == 0) { cells.Fail(cell, "no map file named"); return null; }
        var path = Path.IsPathRooted(text) ? text : Path.Combine(cells.Folder, text);
        (float[] Values, int Width, int Height, bool IsPng) map;
        try
        {
            map = ReadRaw(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            cells.Fail(cell, e.Message);
            return null;
        }
        if (ImageSize(cells.ImagePath) is { } size && (size.Width != map.Width || size.Height != map.Height))
        {
            cells.Fail(cell, $"map {path} is {map.Width}x{map.Height} but its image {cells.ImagePath} is {size.Width}x{size.Height}");
            return null;
        }
        return map;
    }
}
