using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Loop;

/// <summary>Is the bright shape a square or a disk? A task a small CNN fits within a few dozen steps.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1, Backbone = Backbone.SmallCnn)]
public partial class SquareOrDisk
{
    /// <summary>True for a square, false for a disk.</summary>
    [Labels("disk", "square")] public bool IsSquare { get; init; }
}

/// <summary>Writes <see cref="SquareOrDisk"/> datasets: one folder per label, a filled shape of random size, place and brightness on a dark background.</summary>
internal static class ShapeImages
{
    public const int Side = 28;

    /// <summary>Writes <paramref name="count"/> images, alternating disks and squares, under <paramref name="directory"/>.</summary>
    public static string Write(string directory, int count, int seed)
    {
        var random = new Random(seed);
        foreach (var label in new[] { "disk", "square" }) Directory.CreateDirectory(Path.Combine(directory, label));
        for (int i = 0; i < count; i++)
        {
            bool square = i % 2 == 1;
            int size = random.Next(Side / 4, Side / 2 + 1);
            int left = random.Next(0, Side - size), top = random.Next(0, Side - size);
            byte background = (byte)random.Next(0, 61), fill = (byte)random.Next(150, 256);
            using var image = new Image<L8>(Side, Side, new L8(background));
            double centre = (size - 1) / 2.0, radius = size / 2.0;
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                    if (square || (x - centre) * (x - centre) + (y - centre) * (y - centre) <= radius * radius)
                        image[left + x, top + y] = new L8(fill);
            image.SaveAsPng(Path.Combine(directory, square ? "square" : "disk", $"{i:D4}.png"));
        }
        return directory;
    }
}
