using ImageDsl.Images;
using ImageDsl.Specs;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Images;

public class HardenedDecodingTests
{
    private static readonly InputSpec Gray28 = new(28, 28, 1);

    private static string DecodeError(byte[] file, string name = "x.png")
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File(name);
        File.WriteAllBytes(path, file);
        var error = Assert.Throws<InvalidDataException>(() => ImageLoader.Decode(path, Gray28, new byte[Gray28.Size]));
        Assert.Contains(path, error.Message);
        return error.Message;
    }

    [Fact]
    public void Truncated_png_is_refused_with_its_name()
    {
        var png = CraftedImages.ValidPng();
        DecodeError(png[..(png.Length / 2)]);
    }

    [Fact]
    public void Png_with_a_bad_checksum_is_refused()
    {
        var png = CraftedImages.ValidPng();
        int idat = CraftedImages.FindChunk(png, "IDAT");
        png[idat + 8 + 3] ^= 0x5A; // corrupt the compressed pixel data; the chunk's CRC no longer matches
        DecodeError(png);
    }

    [Fact]
    public void Absurd_declared_dimensions_are_refused_before_decoding()
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var message = DecodeError(CraftedImages.PngClaimingSize(100_000, 100_000));
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Contains("100000x100000", message);
        Assert.True(allocated < 50 << 20, $"allocated {allocated:N0} bytes while refusing");
    }

    [Fact]
    public void Files_of_unsupported_formats_are_refused()
    {
        using var image = new Image<L8>(8, 8);
        using var stream = new MemoryStream();
        image.SaveAsTiff(stream); // TIFF is deliberately not decoded
        Assert.Contains("not a supported image", DecodeError(stream.ToArray(), "x.tiff"));
    }

    [Fact]
    public void Pixel_limit_is_configurable()
    {
        var bytes = new byte[Gray28.Size];
        var error = Assert.Throws<InvalidDataException>(() =>
            ImageLoader.Decode(CraftedImages.ValidPng(), Gray28, bytes, new DecodingLimits { MaxPixels = 100 }));
        Assert.Contains("28x28", error.Message);
    }

    public static TheoryData<string> ColourTypes => new() { "gray16", "palette", "grayAlpha", "rgba", "rgb16", "cmykJpeg", "bmp", "webp" };

    [Theory]
    [MemberData(nameof(ColourTypes))]
    public void Every_colour_type_converts_to_the_models_channels(string kind)
    {
        // A white square on black: every encoding must keep that shape (JPEG approximately).
        using var image = new Image<Rgba32>(28, 28, new Rgba32(0, 0, 0, 255));
        for (int y = 8; y < 20; y++) for (int x = 8; x < 20; x++) image[x, y] = new Rgba32(255, 255, 255, 255);
        using var stream = new MemoryStream();
        switch (kind)
        {
            case "gray16": image.SaveAsPng(stream, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit16 }); break;
            case "palette": image.SaveAsPng(stream, new PngEncoder { ColorType = PngColorType.Palette }); break;
            case "grayAlpha": image.SaveAsPng(stream, new PngEncoder { ColorType = PngColorType.GrayscaleWithAlpha }); break;
            case "rgba": image.SaveAsPng(stream, new PngEncoder { ColorType = PngColorType.RgbWithAlpha }); break;
            case "rgb16": image.SaveAsPng(stream, new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit16 }); break;
            case "cmykJpeg": image.SaveAsJpeg(stream, new JpegEncoder { ColorType = JpegColorType.Cmyk, Quality = 100 }); break;
            case "bmp": image.SaveAsBmp(stream); break;
            case "webp": image.SaveAsWebp(stream, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossless }); break;
        }

        foreach (var input in new[] { Gray28, new InputSpec(28, 28, 3) })
        {
            var bytes = new byte[input.Size];
            ImageLoader.Decode(stream.ToArray(), input, bytes);
            for (int c = 0; c < input.Channels; c++)
            {
                Assert.InRange(bytes[c * 784 + 14 * 28 + 14], 230, 255); // centre: white
                Assert.InRange(bytes[c * 784 + 2 * 28 + 2], 0, 25);      // corner: black
            }
        }
    }

    [Fact]
    public void Animated_gif_gives_its_first_frame()
    {
        using var gif = new Image<Rgba32>(28, 28, new Rgba32(255, 255, 255, 255));
        using (var second = new Image<Rgba32>(28, 28, new Rgba32(0, 0, 0, 255))) gif.Frames.AddFrame(second.Frames.RootFrame);
        using var stream = new MemoryStream();
        gif.SaveAsGif(stream, new GifEncoder());
        var bytes = new byte[Gray28.Size];

        ImageLoader.Decode(stream.ToArray(), Gray28, bytes);

        Assert.All(bytes, b => Assert.Equal(255, b));
    }

    [Theory]
    [InlineData(1, 0, 255)]  // as stored: black on the left
    [InlineData(6, 0, 255)]  // rotate 90 clockwise: the left half becomes the top
    [InlineData(8, 255, 0)]  // rotate 270 clockwise: the left half becomes the bottom
    [InlineData(3, 255, 0)]  // rotate 180
    public void Jpeg_exif_orientation_is_applied(int orientation, int firstHalf, int secondHalf)
    {
        // 32x32 image, left half black, right half white.
        using var image = new Image<L8>(32, 32, new L8(255));
        for (int y = 0; y < 32; y++) for (int x = 0; x < 16; x++) image[x, y] = new L8(0);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)orientation);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 100 });
        var input = new InputSpec(32, 32, 1);
        var bytes = new byte[input.Size];

        ImageLoader.Decode(stream.ToArray(), input, bytes);

        // Orientations 6 and 8 turn the halves into top / bottom; 1 and 3 keep left / right.
        bool vertical = orientation is 6 or 8;
        int first = vertical ? bytes[4 * 32 + 16] : bytes[16 * 32 + 4];
        int second = vertical ? bytes[28 * 32 + 16] : bytes[16 * 32 + 28];
        Assert.InRange(first, firstHalf - 20, firstHalf + 20);
        Assert.InRange(second, secondHalf - 20, secondHalf + 20);
    }
}
