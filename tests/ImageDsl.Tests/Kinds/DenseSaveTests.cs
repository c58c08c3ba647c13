using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Kinds;

/// <summary>The dense results' save methods, read back pixel by pixel.</summary>
public class DenseSaveTests
{
    [Fact]
    public void A_label_map_saves_as_an_8_bit_png_of_class_indices_ignored_pixels_as_the_ignore_value()
    {
        using var temp = new TemporaryDirectory();
        int[] indices = [0, 1, 2, -1, 2, 1, 0, 0, -1, 2, 2, 1];
        var map = new LabelMap<ScenePart>(4, 3, indices);
        map.SavePng(temp.File("mask.png"));
        map.SavePng(temp.File("voc.png"), ignoreValue: 200);
        using var saved = Image.Load<L8>(temp.File("mask.png"));
        using var voc = Image.Load<L8>(temp.File("voc.png"));
        Assert.Equal((4, 3), (saved.Width, saved.Height));
        for (int y = 0; y < 3; y++)
            for (int x = 0; x < 4; x++)
            {
                int i = indices[y * 4 + x];
                Assert.Equal(i < 0 ? 255 : i, saved[x, y].PackedValue);
                Assert.Equal(i < 0 ? 200 : i, voc[x, y].PackedValue);
            }
        // What a mask reader makes of it: the same map (ignored read back as -1 by IgnoreLabel = 255).
        Assert.Equal(ScenePart.Ball, map[2, 0]);
        Assert.Equal(-1, map.ClassIndex(3, 0));
    }

    [Fact]
    public void A_value_map_saves_as_a_16_bit_png_scaled_rounded_and_clamped()
    {
        using var temp = new TemporaryDirectory();
        float[] metres = [1.2344f, 2.5f, float.NaN, -1f, 70f, 0.0004f];
        var map = new ValueMap(3, 2, metres);
        map.SavePng16(temp.File("depth.png"), scale: 0.001, invalidValue: 7);
        using var saved = Image.Load<L16>(temp.File("depth.png"));
        Assert.Equal((3, 2), (saved.Width, saved.Height));
        ushort[] expected = [1234, 2500, 7, 0, 65535, 0]; // mm; invalid 7; negative clamps to 0, 70 000 mm to 65535
        for (int i = 0; i < 6; i++) Assert.Equal(expected[i], saved[i % 3, i / 3].PackedValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.SavePng16(temp.File("bad.png"), scale: 0));
    }

    [Fact]
    public void A_value_map_preview_colours_its_range_and_leaves_invalid_pixels_black()
    {
        using var temp = new TemporaryDirectory();
        float[] values = [2, 4, 6, float.NaN, 10, 8];
        var map = new ValueMap(3, 2, values);
        map.SavePreview(temp.File("own.png"));
        map.SavePreview(temp.File("given.png"), min: 0, max: 20);
        using var own = Image.Load<Rgb24>(temp.File("own.png"));
        using var given = Image.Load<Rgb24>(temp.File("given.png"));
        for (int i = 0; i < 6; i++)
        {
            var (x, y) = (i % 3, i / 3);
            if (float.IsNaN(values[i]))
            {
                Assert.Equal(new Rgb24(0, 0, 0), own[x, y]);
                continue;
            }
            Assert.Equal(MapColours.At((values[i] - 2) / 8.0), own[x, y]); // the valid values' own range, 2 to 10
            Assert.Equal(MapColours.At(values[i] / 20.0), given[x, y]);
        }
        Assert.NotEqual(own[0, 0], own[1, 1]); // the ends of the ramp differ
    }

    [Fact]
    public void A_mask_overlay_mixes_each_class_colour_into_the_image_and_leaves_ignored_pixels()
    {
        using var temp = new TemporaryDirectory();
        using (var image = new Image<Rgb24>(8, 4))
        {
            for (int y = 0; y < 4; y++)
                for (int x = 0; x < 8; x++) image[x, y] = new Rgb24(200, 100, 0);
            image.SaveAsPng(temp.File("image.png"));
        }
        // A 4x2 mask over an 8x4 image: the image is resized to the mask.
        var mask = new LabelMap<ScenePart>(4, 2, [0, 1, 2, -1, 1, 1, 0, 2]);
        mask.SaveOverlay(temp.File("image.png"), temp.File("overlay.png"), opacity: 0.25);
        using var overlay = Image.Load<Rgb24>(temp.File("overlay.png"));
        Assert.Equal((4, 2), (overlay.Width, overlay.Height));
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 4; x++)
            {
                int c = mask.ClassIndex(x, y);
                var colour = MapColours.Class(c);
                var expected = c < 0 ? new Rgb24(200, 100, 0)
                    : new Rgb24((byte)Math.Round(200 * 0.75 + colour.R * 0.25), (byte)Math.Round(100 * 0.75 + colour.G * 0.25), (byte)Math.Round(colour.B * 0.25));
                var actual = overlay[x, y]; // resampling a flat image may round a channel by one
                Assert.True(Math.Abs(expected.R - actual.R) <= 1 && Math.Abs(expected.G - actual.G) <= 1 && Math.Abs(expected.B - actual.B) <= 1, $"({x}, {y}): {actual}, not {expected}");
            }
    }
}
