using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Reports;

/// <summary>Checks that a PNG is a real picture: it decodes, has a sensible size, is not blank and has text in its title band.</summary>
internal static class PngAssert
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static Image<Rgba32> Picture(string path, int minWidth = 400, int minHeight = 200, int maxSide = 4000)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan().StartsWith(Signature), $"{path} is not a PNG");
        var image = Image.Load<Rgba32>(bytes);
        Assert.InRange(image.Width, minWidth, maxSide);
        Assert.InRange(image.Height, minHeight, maxSide);

        var colours = new HashSet<Rgba32>();
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++) foreach (var pixel in rows.GetRowSpan(y)) colours.Add(pixel);
        });
        Assert.True(colours.Count > 30, $"{path} has only {colours.Count} distinct colours: is it blank?");

        // Every report picture has its title at the top. SkiaSharp builds that lose text
        // (4.x on Linux) leave this band white, while everything else still draws.
        int dark = 0;
        image.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < Math.Min(40, rows.Height); y++)
                foreach (var p in rows.GetRowSpan(y)) if (p.R + p.G + p.B < 300) dark++;
        });
        Assert.True(dark > 100, $"{path} has no text in its title band ({dark} dark pixels)");
        return image;
    }
}
