using ImageDsl.Data;
using ImageDsl.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Devices;

/// <summary>A spec with one target of several kinds (labels, range, box, ordinal), in colour so every augmentation applies.</summary>
[ImageModel(Width = 16, Height = 16, Channels = 3)]
public partial class DeviceProbe
{
    /// <summary>A square or a disk.</summary>
    [Labels("disk", "square")] public bool IsSquare { get; init; }

    /// <summary>The shape's side.</summary>
    [Range(0, 16)] public float Size { get; init; }

    /// <summary>Where it is.</summary>
    [Box(BoxFormat.XYWH, Min = 0, Max = 16)] public BoundingBox Box { get; init; }

    /// <summary>How bright, 1 to 5.</summary>
    [Ordinal(1, 5)] public int Level { get; init; }
}

/// <summary>Small images made on the spot, so the device tests need nothing from ../shared.</summary>
internal static class DeviceProbeData
{
    public static ImageDataset Write(DeviceProbe.Model model, string directory, int count)
    {
        var samples = new List<(string, DeviceProbe)>();
        for (int i = 0; i < count; i++)
        {
            int side = 4 + i % 6, x = i % 5, y = i * 3 % 6, level = 1 + i % 5;
            bool square = i % 2 == 0;
            using var image = new Image<Rgb24>(16, 16);
            for (int py = 0; py < side; py++)
                for (int px = 0; px < side; px++)
                {
                    double dx = px - side / 2.0 + 0.5, dy = py - side / 2.0 + 0.5;
                    if (square || dx * dx + dy * dy <= side * side / 4.0)
                        image[x + px, y + py] = new Rgb24((byte)(level * 50), (byte)(255 - level * 40), (byte)(i * 7 % 256));
                }
            var path = Path.Combine(directory, $"{i:000}.png");
            image.SaveAsPng(path);
            samples.Add((path, new DeviceProbe { IsSquare = square, Size = side, Box = new BoundingBox(x, y, side, side), Level = level }));
        }
        return model.CreateDataset(samples);
    }

    /// <summary>Every augmentation that can act on this spec (a box moves with the image).</summary>
    public static Augmentation Everything => new()
    {
        Shift = 2, Rotation = 10, Scale = 0.1, FlipHorizontal = true, Brightness = 0.1, Contrast = 0.1, Noise = 0.02,
        RandomResizedCrop = true, JitterBrightness = 0.2, JitterContrast = 0.2, JitterSaturation = 0.2, JitterHue = 0.05,
    };
}
