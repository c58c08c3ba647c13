using ImageDsl.Specs;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ImageDsl.Images;

/// <summary>
/// Decodes image files into the raw bytes a model takes: <c>Channels x Height x Width</c>
/// (planar, like a tensor), resized to the spec's size and converted to its channel count.
/// Normalization happens later, on whole batches.
/// </summary>
public static class ImageLoader
{
    /// <summary>Decodes <paramref name="path"/> into <paramref name="destination"/> (length <see cref="InputSpec.Size"/>).</summary>
    /// <exception cref="InvalidDataException">The file is missing, empty or not a readable image; the message names the file.</exception>
    public static void Decode(string path, InputSpec input, Span<byte> destination)
    {
        if (destination.Length != input.Size)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; {input} needs {input.Size}.", nameof(destination));
        if (!File.Exists(path)) throw new InvalidDataException($"Image file not found: {path}");
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length == 0) throw new InvalidDataException($"Image file is empty: {path}");
            Decode(stream, input, destination);
        }
        catch (Exception e) when (e is UnknownImageFormatException or ImageFormatException or NotSupportedException)
        {
            throw new InvalidDataException($"Cannot decode image {path}: {e.Message}", e);
        }
    }

    /// <summary>Decodes an image from a stream into <paramref name="destination"/>.</summary>
    public static void Decode(Stream stream, InputSpec input, Span<byte> destination)
    {
        if (input.Channels == 1)
        {
            using var image = Image.Load<L8>(stream);
            Fit(image, input);
            CopyGray(image, destination);
        }
        else
        {
            using var image = Image.Load<Rgb24>(stream);
            Fit(image, input);
            CopyRgb(image, destination, input.Width * input.Height);
        }
    }

    /// <summary>Decodes an in-memory image (for example one already held by the caller).</summary>
    public static byte[] Decode(Image image, InputSpec input)
    {
        var bytes = new byte[input.Size];
        if (input.Channels == 1)
        {
            using var gray = image.CloneAs<L8>();
            Fit(gray, input);
            CopyGray(gray, bytes);
        }
        else
        {
            using var rgb = image.CloneAs<Rgb24>();
            Fit(rgb, input);
            CopyRgb(rgb, bytes, input.Width * input.Height);
        }
        return bytes;
    }

    private static void Fit<TPixel>(Image<TPixel> image, InputSpec input) where TPixel : unmanaged, IPixel<TPixel>
    {
        if (image.Width != input.Width || image.Height != input.Height)
            image.Mutate(x => x.Resize(input.Width, input.Height));
    }

    private static void CopyGray(Image<L8> image, Span<byte> destination)
    {
        // L8 is one byte per pixel, row-major: exactly the single plane we want.
        image.CopyPixelDataTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, L8>(destination));
    }

    private static void CopyRgb(Image<Rgb24> image, Span<byte> destination, int plane)
    {
        var pixels = System.Buffers.ArrayPool<Rgb24>.Shared.Rent(plane);
        try
        {
            image.CopyPixelDataTo(pixels.AsSpan(0, plane));
            for (int i = 0; i < plane; i++)
            {
                destination[i] = pixels[i].R;
                destination[plane + i] = pixels[i].G;
                destination[2 * plane + i] = pixels[i].B;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<Rgb24>.Shared.Return(pixels);
        }
    }
}
