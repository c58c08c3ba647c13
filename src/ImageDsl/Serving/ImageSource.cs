using ImageDsl.Data;
using ImageDsl.Images;

namespace ImageDsl.Serving;

/// <summary>One image for batch prediction: a name (shown in results and errors) and how to open its bytes.</summary>
/// <param name="Name">The file path, or whatever identifies a stream.</param>
/// <param name="Open">Opens the encoded image; called once, on a decoding thread; the stream is disposed after reading.</param>
public sealed record ImageSource(string Name, Func<Stream> Open)
{
    /// <summary>An image file.</summary>
    public static ImageSource FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ImageSource(path, () => File.OpenRead(path));
    }

    /// <summary>Every supported image file (<see cref="ImageLoader.SupportedExtensions"/>) in <paramref name="folder"/>, in ordinal order of path.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="recursive">Whether sub-folders are searched too.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<ImageSource> Folder(string folder, bool recursive = false)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Image folder not found: {Path.GetFullPath(folder)}");
        return Directory.EnumerateFiles(folder, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => ImageLoader.SupportedExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(FromFile)
            .ToList();
    }

    private static readonly string[] FileColumns = ["file", "path", "image", "filename"];

    /// <summary>
    /// The images a CSV manifest lists, in its order: the column named <c>file</c>, <c>path</c>,
    /// <c>image</c> or <c>filename</c> (the first column if none is), relative paths resolved
    /// against the manifest's folder. Other columns (labels) are ignored. A listed file that
    /// does not exist becomes a failed result, not an error here.
    /// </summary>
    /// <exception cref="FileNotFoundException">The manifest does not exist.</exception>
    /// <exception cref="InvalidDataException">The manifest has no header row.</exception>
    public static IReadOnlyList<ImageSource> Manifest(string manifestPath)
    {
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"CSV manifest not found: {Path.GetFullPath(manifestPath)}", manifestPath);
        using var reader = new StreamReader(manifestPath);
        var rows = CsvReader.Read(reader).ToList();
        if (rows.Count == 0) throw new InvalidDataException($"{manifestPath}: empty manifest; expected a header row naming a file column ({string.Join(", ", FileColumns)}).");
        var header = rows[0].Fields;
        int column = Math.Max(0, Array.FindIndex(header, h => FileColumns.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)));
        var root = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        return rows.Skip(1)
            .Where(r => column < r.Fields.Length && r.Fields[column].Trim().Length > 0)
            .Select(r => FromFile(Path.Combine(root, r.Fields[column].Trim())))
            .ToList();
    }
}
