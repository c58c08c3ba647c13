using ImageDsl.Specs;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ImageDsl.Images;

/// <summary>
/// Decodes image files into the raw bytes a model takes: <c>Channels x Height x Width</c>
/// (planar, like a tensor), resized to the spec's size and converted to its channel count.
/// </summary>
/// <remarks>
/// Hardened, because ImageSharp 2.1 (the last free line) has unpatched advisories: only PNG,
/// JPEG, BMP, GIF and WebP are decoded (no TIFF); metadata, ICC profiles included, is never
/// parsed; the header is read first and images over <see cref="DecodingLimits.MaxPixels"/>
/// are refused before any pixel buffer exists; each decode may allocate at most a bounded
/// amount. EXIF orientation of JPEGs is applied (read by <see cref="ExifOrientation"/>).
/// Every colour type converts to the model's channels: 16-bit, palette, grey + alpha and
/// RGBA (alpha is dropped), CMYK / YCCK JPEG; an animated GIF gives its first frame.
/// </remarks>
public static class ImageLoader
{
    /// <summary>The file types decoded.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"];

    private static readonly Configuration Safe = CreateConfiguration();

    private static Configuration CreateConfiguration()
    {
        var configuration = new Configuration(
            new PngConfigurationModule(), new JpegConfigurationModule(), new GifConfigurationModule(),
            new BmpConfigurationModule(), new WebpConfigurationModule())
        {
            // Datasets decode many images in parallel; one thread per image avoids oversubscription.
            MaxDegreeOfParallelism = 1,
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = 1024 }),
        };
        var formats = configuration.ImageFormatsManager;
        formats.SetDecoder(PngFormat.Instance, new PngDecoder { IgnoreMetadata = true });
        formats.SetDecoder(JpegFormat.Instance, new JpegDecoder { IgnoreMetadata = true });
        formats.SetDecoder(GifFormat.Instance, new GifDecoder { IgnoreMetadata = true, DecodingMode = FrameDecodingMode.First });
        formats.SetDecoder(WebpFormat.Instance, new WebpDecoder { IgnoreMetadata = true });
        return configuration;
    }

    /// <summary>Decodes <paramref name="path"/> into <paramref name="destination"/> (length <see cref="InputSpec.Size"/>).</summary>
    /// <exception cref="InvalidDataException">The file is missing, empty, too large, not a supported image or damaged; the message names the file and the reason.</exception>
    public static void Decode(string path, InputSpec input, Span<byte> destination, DecodingLimits? limits = null)
    {
        limits ??= DecodingLimits.Default;
        if (!File.Exists(path)) throw ImageRejections.Create(ImageRejection.Missing, $"Image file not found: {path}");
        long length = new FileInfo(path).Length;
        if (length == 0) throw ImageRejections.Create(ImageRejection.NotAnImage, $"Image file is empty: {path}");
        if (length > limits.MaxFileBytes)
            throw ImageRejections.Create(ImageRejection.TooManyBytes, $"Image file {path} is {length:N0} bytes, over the limit of {limits.MaxFileBytes:N0}.");
        try
        {
            Decode(File.ReadAllBytes(path), input, destination, limits);
        }
        catch (InvalidDataException e) when (ImageRejections.ReasonOf(e) is { } reason)
        {
            throw ImageRejections.Create(reason, $"Cannot decode image {path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads an encoded image from <paramref name="stream"/> (to its end, refusing it once it passes
    /// <see cref="DecodingLimits.MaxFileBytes"/>) and decodes it into a new array of <see cref="InputSpec.Size"/> bytes.
    /// </summary>
    /// <exception cref="InvalidDataException">Empty, too large, not a supported image, over the pixel limit or damaged.</exception>
    public static byte[] Decode(Stream stream, InputSpec input, DecodingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= DecodingLimits.Default;
        var destination = new byte[input.Size];
        Decode(ReadBounded(stream, limits.MaxFileBytes), input, destination, limits);
        return destination;
    }

    /// <summary>Decodes an encoded image held in memory into a new array of <see cref="InputSpec.Size"/> bytes.</summary>
    /// <exception cref="InvalidDataException">Empty, too large, not a supported image, over the pixel limit or damaged.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> encoded, InputSpec input, DecodingLimits? limits = null)
    {
        var destination = new byte[input.Size];
        Decode(encoded, input, destination, limits);
        return destination;
    }

    /// <summary>Reads a whole stream, refusing it as soon as it passes <paramref name="maxBytes"/> (the stream may not know its length).</summary>
    /// <exception cref="InvalidDataException">Over the limit (<see cref="ImageRejection.TooManyBytes"/>).</exception>
    public static byte[] ReadBounded(Stream stream, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
            throw ImageRejections.Create(ImageRejection.TooManyBytes, $"The image is {stream.Length - stream.Position:N0} bytes, over the limit of {maxBytes:N0}.");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw ImageRejections.Create(ImageRejection.TooManyBytes, $"The image is over the limit of {maxBytes:N0} bytes.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Decodes an encoded image held in memory.</summary>
    /// <exception cref="InvalidDataException">Empty, too large, not a supported image, over the pixel limit or damaged.</exception>
    public static void Decode(ReadOnlySpan<byte> encoded, InputSpec input, Span<byte> destination, DecodingLimits? limits = null)
    {
        limits ??= DecodingLimits.Default;
        // Checked before the copy ImageSharp 2.1's Identify needs (it takes arrays or streams, not spans).
        if (encoded.Length > limits.MaxFileBytes)
            throw ImageRejections.Create(ImageRejection.TooManyBytes, $"the image is {encoded.Length:N0} bytes, over the limit of {limits.MaxFileBytes:N0}");
        Decode(encoded.ToArray(), input, destination, limits);
    }

    /// <summary>Decodes an encoded image held in memory.</summary>
    /// <exception cref="InvalidDataException">Empty, too large, not a supported image, over the pixel limit or damaged.</exception>
    public static void Decode(byte[] encoded, InputSpec input, Span<byte> destination, DecodingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        limits ??= DecodingLimits.Default;
        if (destination.Length != input.Size)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; {input} needs {input.Size}.", nameof(destination));
        if (encoded.Length == 0) throw ImageRejections.Create(ImageRejection.NotAnImage, "no image data (0 bytes)");
        if (encoded.Length > limits.MaxFileBytes)
            throw ImageRejections.Create(ImageRejection.TooManyBytes, $"the image is {encoded.Length:N0} bytes, over the limit of {limits.MaxFileBytes:N0}");
        var supported = "not a supported image (expected PNG, JPEG, BMP, GIF or WebP)";
        try
        {
            // The header alone: an image bomb's declared size is refused before any pixel buffer exists.
            var info = Image.Identify(Safe, encoded, out var format)
                ?? throw ImageRejections.Create(ImageRejection.NotAnImage, supported);
            if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > limits.MaxPixels)
                throw ImageRejections.Create(ImageRejection.TooManyPixels, $"declared size {info.Width}x{info.Height} is over the limit of {limits.MaxPixels:N0} pixels");
            int orientation = format is JpegFormat ? ExifOrientation.Read(encoded) : 1;

            if (input.Channels == 1)
            {
                using var image = Image.Load<L8>(Safe, encoded);
                Prepare(image, input, orientation);
                image.CopyPixelDataTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, L8>(destination));
            }
            else
            {
                using var image = Image.Load<Rgb24>(Safe, encoded);
                Prepare(image, input, orientation);
                CopyPlanar(image, destination);
            }
        }
        catch (UnknownImageFormatException e)
        {
            throw ImageRejections.Create(ImageRejection.NotAnImage, supported, e);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException
                                      or InvalidMemoryOperationException or IndexOutOfRangeException or ArgumentException or InvalidDataException
                                  && ImageRejections.ReasonOf(e) is null)
        {
            // ImageSharp reports truncated data, bad checksums and impossible headers through several types.
            throw ImageRejections.Create(ImageRejection.Damaged, e.Message, e);
        }
    }

    /// <summary>Decodes an image already in memory into a new byte array.</summary>
    public static byte[] Decode(Image image, InputSpec input)
    {
        var bytes = new byte[input.Size];
        if (input.Channels == 1)
        {
            using var gray = image.CloneAs<L8>();
            Prepare(gray, input, 1);
            gray.CopyPixelDataTo(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, L8>(bytes.AsSpan()));
        }
        else
        {
            using var rgb = image.CloneAs<Rgb24>();
            Prepare(rgb, input, 1);
            CopyPlanar(rgb, bytes);
        }
        return bytes;
    }

    private static void Prepare<TPixel>(Image<TPixel> image, InputSpec input, int orientation) where TPixel : unmanaged, IPixel<TPixel>
    {
        var (rotate, flip) = orientation switch
        {
            2 => (RotateMode.None, FlipMode.Horizontal),
            3 => (RotateMode.Rotate180, FlipMode.None),
            4 => (RotateMode.None, FlipMode.Vertical),
            5 => (RotateMode.Rotate90, FlipMode.Horizontal), // transpose
            6 => (RotateMode.Rotate90, FlipMode.None),
            7 => (RotateMode.Rotate90, FlipMode.Vertical),   // transverse
            8 => (RotateMode.Rotate270, FlipMode.None),
            _ => (RotateMode.None, FlipMode.None),
        };
        bool resize = image.Width != input.Width || image.Height != input.Height
                      || (rotate is RotateMode.Rotate90 or RotateMode.Rotate270 && image.Width != image.Height);
        if (rotate == RotateMode.None && flip == FlipMode.None && !resize) return;
        image.Mutate(x =>
        {
            if (rotate != RotateMode.None || flip != FlipMode.None) x.RotateFlip(rotate, flip);
            x.Resize(input.Width, input.Height);
        });
    }

    private static void CopyPlanar(Image<Rgb24> image, Span<byte> destination)
    {
        int plane = image.Width * image.Height;
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
