using ImageDsl.Data;
using ImageDsl.Specs;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Benchmarks;

/// <summary>
/// Random-noise PNGs with random targets, written once to a temporary folder. Our side reads
/// them through the real dataset code (decoded once into the byte cache, as in training);
/// what the pixels show does not matter for speed.
/// </summary>
internal static class SyntheticData
{
    public static ImageDataset Create(ModelSpec spec, int count, string directory, int seed)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var input = spec.Input;
        var samples = new List<ImageSample>(count);
        for (int i = 0; i < count; i++)
        {
            var path = Path.Combine(directory, $"{i:D5}.png");
            var pixels = new byte[input.Width * input.Height * input.Channels];
            random.NextBytes(pixels);
            if (input.Channels == 1)
                using (var image = Image.LoadPixelData<L8>(pixels, input.Width, input.Height)) image.SaveAsPng(path);
            else
                using (var image = Image.LoadPixelData<Rgb24>(pixels, input.Width, input.Height)) image.SaveAsPng(path);
            float target = spec.Targets[0] is RangeTargetSpec range
                ? (float)(range.Min + random.NextDouble() * (range.Max - range.Min))
                : random.Next(spec.Targets[0].OutputWidth);
            samples.Add(new ImageSample(path, [target]));
        }
        return new ImageDataset(spec, samples, directory);
    }
}
