namespace ImageDsl.Tests.Packaging;

/// <summary>The few images the consumer apps train on, written where a stranger's app would keep its data.</summary>
internal static class RotationSample
{
    /// <summary>Four zeros and four ones from the bundled rotation sample, with a manifest naming both targets (digit, angle).</summary>
    public static string Write(string folder)
    {
        var source = RepositoryPaths.BundledData("rotation", "train");
        var images = Path.Combine(folder, "images");
        Directory.CreateDirectory(images);
        var rows = File.ReadLines(Path.Combine(source, "labels.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => Path.GetFileName(cells[0]) is ['0' or '1', '-', ..])
            .GroupBy(cells => Path.GetFileName(cells[0])[0])
            .SelectMany(group => group.Take(4))
            .ToList();
        var manifest = new List<string> { "file,digit,angle" };
        foreach (var cells in rows)
        {
            var name = Path.GetFileName(cells[0]);
            File.Copy(Path.Combine(source, cells[0]), Path.Combine(images, name));
            manifest.Add($"images/{name},{name[0]},{cells[1]}");
        }
        File.WriteAllLines(Path.Combine(folder, "labels.csv"), manifest);
        return folder;
    }

    /// <summary>The image the apps predict: the first in ordinal order, as they pick it.</summary>
    public static string FirstImage(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "images")).Order(StringComparer.Ordinal).First();
}
