using ImageDsl.Images;
using ImageDsl.Specs;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Images;

public class ImageLoaderTests
{
    [Fact]
    public void Grayscale_png_decodes_to_its_pixels_row_major()
    {
        using var temp = new TemporaryDirectory();
        using (var image = new Image<L8>(3, 2))
        {
            for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) image[x, y] = new L8((byte)(10 * y + x));
            image.SaveAsPng(temp.File("g.png"));
        }
        var bytes = new byte[6];

        ImageLoader.Decode(temp.File("g.png"), new InputSpec(3, 2, 1), bytes);

        Assert.Equal(new byte[] { 0, 1, 2, 10, 11, 12 }, bytes);
    }

    [Fact]
    public void Rgb_image_decodes_to_planar_channels()
    {
        using var temp = new TemporaryDirectory();
        using (var image = new Image<Rgb24>(2, 1))
        {
            image[0, 0] = new Rgb24(200, 100, 50);
            image[1, 0] = new Rgb24(1, 2, 3);
            image.SaveAsPng(temp.File("c.png"));
        }
        var bytes = new byte[6];

        ImageLoader.Decode(temp.File("c.png"), new InputSpec(2, 1, 3), bytes);

        Assert.Equal(new byte[] { 200, 1, 100, 2, 50, 3 }, bytes);
    }

    [Fact]
    public void Colour_image_is_converted_to_grayscale_and_resized_to_the_spec()
    {
        using var temp = new TemporaryDirectory();
        using (var image = new Image<Rgb24>(56, 56, new Rgb24(255, 255, 255))) image.SaveAsPng(temp.File("white.png"));
        var bytes = new byte[28 * 28];

        ImageLoader.Decode(temp.File("white.png"), new InputSpec(28, 28, 1), bytes);

        Assert.All(bytes, b => Assert.Equal(255, b));
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("text", "this is not an image")]
    public void Unreadable_files_name_the_file(string name, string content)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File(name + ".png");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(() => ImageLoader.Decode(path, new InputSpec(28, 28, 1), new byte[784]));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageLoader.Decode("/no/such.png", new InputSpec(28, 28, 1), new byte[784]));
        Assert.Contains("/no/such.png", error.Message);
    }
}
