using ImageDsl.Data;
using ImageDsl.Tests.Modeling;
using ImageDsl.Tests.Targets;

namespace ImageDsl.Tests.Hardening;

/// <summary>The smallest real model and dataset: <see cref="CompatibleKinds"/> (every target kind, a 12 KB file) on 32 generated images.</summary>
internal static class SmallRun
{
    public static ImageDataset Data(string directory, int count = 32)
    {
        var manifest = FixtureData.WriteAllKinds(directory, count);
        var lines = File.ReadAllLines(manifest);
        File.WriteAllLines(manifest, lines.Select((line, i) => line + "," + (i == 0 ? "Size" : line.Split(',')[^2])));
        return CompatibleKinds.LoadDataset(directory);
    }
}
