using ImageDsl.Data;
using ImageDsl.Images;

namespace ImageDsl.Binding;

/// <summary>
/// Reads datasets through a generated <see cref="LabelBinding{TLabels}"/>: a <c>labels.csv</c>
/// manifest (a file column plus the binding's columns) or one sub-folder per label. Every
/// problem — a missing column, an unparsable value, a label not in the spec, a missing image —
/// is collected and reported at once, each with its file, line and column.
/// </summary>
public static class DatasetReader
{
    private static readonly string[] FileColumns = ["file", "path", "image", "filename"];

    /// <summary>Reads <paramref name="directory"/>: its <c>labels.csv</c> if it has one, else its label folders.</summary>
    public static ImageDataset Load<TLabels>(LabelBinding<TLabels> binding, string directory, DatasetOptions? options = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Dataset folder not found: {Path.GetFullPath(directory)}");
        var manifest = Path.Combine(directory, "labels.csv");
        if (File.Exists(manifest)) return FromCsv(binding, manifest, null, options);
        if (!binding.HasFolderLabels)
            throw new DatasetException($"Dataset {directory} has no labels.csv",
                [new DataProblem(directory, null, null, $"spec {binding.Spec.Name} has no single label target, so it needs a labels.csv manifest with the columns file, {string.Join(", ", binding.Columns)}")]);
        var dataset = Encode(binding, ReadFolders(binding, directory), directory);
        return options is null ? dataset : dataset.WithOptions(options);
    }

    /// <summary>Reads a CSV manifest into a dataset (see <see cref="ReadCsv{TLabels}"/>).</summary>
    public static ImageDataset FromCsv<TLabels>(LabelBinding<TLabels> binding, string manifestPath, string? imageDirectory = null, DatasetOptions? options = null)
    {
        var dataset = Encode(binding, ReadCsv(binding, manifestPath, imageDirectory, options), manifestPath);
        return options is null ? dataset : dataset.WithOptions(options);
    }

    /// <summary>Turns typed labels into a dataset, encoding each through the binding.</summary>
    public static ImageDataset Encode<TLabels>(LabelBinding<TLabels> binding, IEnumerable<LabeledImage<TLabels>> images, string? source = null)
    {
        var samples = new List<ImageSample>();
        foreach (var image in images)
        {
            var encoded = new float[binding.Spec.EncodedWidth];
            binding.Encode(image.Labels, encoded);
            samples.Add(new ImageSample(image.Path, encoded, image.Origin));
        }
        return new ImageDataset(binding.Spec, samples, source);
    }

    /// <summary>
    /// Reads a CSV manifest with a header row into typed labels: a file column (<c>file</c>,
    /// <c>path</c>, <c>image</c> or <c>filename</c>) and the binding's columns, separated by commas
    /// (or, when the header has none, by semicolons or tabs). Image paths are relative to
    /// <paramref name="imageDirectory"/>, or else to the manifest's folder (or its <c>images/</c>
    /// sub-folder), and must stay inside that folder unless
    /// <see cref="DatasetOptions.AllowPathsOutsideDataset"/> is set. Refused, each with its line:
    /// a column named twice, two image columns, an image listed twice with different labels, and
    /// (under <see cref="BrokenImagePolicy.Fail"/>) a file that is not an image.
    /// </summary>
    public static IReadOnlyList<LabeledImage<TLabels>> ReadCsv<TLabels>(LabelBinding<TLabels> binding, string manifestPath, string? imageDirectory = null,
        DatasetOptions? options = null)
    {
        options ??= DatasetOptions.Default;
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"CSV manifest not found: {Path.GetFullPath(manifestPath)}", manifestPath);
        var root = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var problems = new List<DataProblem>();
        var result = new List<LabeledImage<TLabels>>();

        char separator;
        using (var peek = new StreamReader(manifestPath))
        {
            string? first;
            do first = peek.ReadLine(); while (first is not null && string.IsNullOrWhiteSpace(first));
            separator = ManifestChecks.Separator(first ?? "");
        }
        using var reader = new StreamReader(manifestPath);
        using var records = CsvReader.Read(reader, separator).GetEnumerator();
        if (!records.MoveNext()) throw new DatasetException($"Manifest {manifestPath} is empty", [new DataProblem(manifestPath, 1, null, "no header row")]);
        var (headerLine, headerFields) = records.Current;
        var header = headerFields.Select(h => h.Trim()).ToArray();

        int fileColumn = Array.FindIndex(header, h => FileColumns.Contains(h, StringComparer.OrdinalIgnoreCase));
        if (fileColumn < 0)
            problems.Add(new DataProblem(manifestPath, headerLine, null,
                $"no image column; expected one named {string.Join(", ", FileColumns)} (header: {string.Join(",", header)}; " +
                $"{header.Length} column{(header.Length == 1 ? "" : "s")} separated by {ManifestChecks.Describe(separator)})"));
        var columns = binding.Columns;
        ManifestChecks.Columns(manifestPath, header, FileColumns, columns, problems);
        var index = new int[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            index[c] = Array.FindIndex(header, h => string.Equals(h, columns[c], StringComparison.OrdinalIgnoreCase));
            if (index[c] < 0) problems.Add(new DataProblem(manifestPath, headerLine, columns[c], $"missing column '{columns[c]}' (header: {string.Join(",", header)})"));
        }
        if (problems.Count > 0) throw new DatasetException($"Manifest {manifestPath} does not match spec {binding.Spec.Name}", problems);

        var cells = new CsvCells(manifestPath, columns.Select((c, i) => header[index[i]]).ToArray(), index, problems);
        var datasetFolder = imageDirectory ?? root;
        var searchRoots = imageDirectory is not null ? [imageDirectory] : new[] { root, Path.Combine(root, "images") };
        var seen = new Dictionary<string, (int Line, float[] Encoded)>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Length != header.Length)
            {
                problems.Add(new DataProblem(manifestPath, line, null, $"{fields.Length} fields where the header has {header.Length}"));
                continue;
            }
            cells.Reset(line, fields);
            var file = fields[fileColumn].Trim();
            var column = header[fileColumn];
            var path = ManifestChecks.Find(file, searchRoots);
            // The labels are read whether or not the image exists, so every problem of the row is reported at once;
            // a dense target's map is checked against its image's size when there is one.
            cells.ImagePath = path is null ? null : Path.GetFullPath(path);
            bool ok = binding.TryParse(cells, out var labels);
            if (path is null)
            {
                problems.Add(new DataProblem(manifestPath, line, column, $"image not found: {(Path.IsPathRooted(file) ? file : Path.Combine(searchRoots[0], file))}"));
                continue;
            }
            path = Path.GetFullPath(path);
            if (!options.AllowPathsOutsideDataset && !ManifestChecks.IsInside(path, datasetFolder))
            {
                problems.Add(new DataProblem(manifestPath, line, column,
                    $"'{file}' resolves to {path}, outside the dataset folder {datasetFolder}; set DatasetOptions.AllowPathsOutsideDataset to allow it"));
                continue;
            }
            if (options.BrokenImages == BrokenImagePolicy.Fail && ManifestChecks.NotAnImage(path) is { } notImage)
            {
                problems.Add(new DataProblem(manifestPath, line, column, $"{path} {notImage}"));
                continue;
            }
            if (!ok) continue;
            var encoded = new float[binding.Spec.EncodedWidth];
            binding.Encode(labels!, encoded);
            if (seen.TryGetValue(path, out var earlier))
            {
                if (!earlier.Encoded.AsSpan().SequenceEqual(encoded))
                    problems.Add(new DataProblem(manifestPath, line, column, $"{path} is listed on line {earlier.Line} and on line {line} with different labels"));
                continue;
            }
            seen[path] = (line, encoded);
            result.Add(new LabeledImage<TLabels>(path, labels!, $"{manifestPath}({line})"));
        }
        if (problems.Count > 0) throw new DatasetException($"Manifest {manifestPath} has invalid rows", problems);
        if (result.Count == 0) throw new DatasetException($"Manifest {manifestPath} is empty", [new DataProblem(manifestPath, 2, null, "no data rows after the header")]);
        return result;
    }

    /// <summary>Reads <c>DIRECTORY/&lt;label&gt;/*.png</c> into typed labels; folders whose names are no label are reported, all at once.</summary>
    public static IReadOnlyList<LabeledImage<TLabels>> ReadFolders<TLabels>(LabelBinding<TLabels> binding, string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Dataset folder not found: {Path.GetFullPath(directory)}");
        var result = new List<LabeledImage<TLabels>>();
        var problems = new List<DataProblem>();
        foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var error = binding.TryParseFolder(Path.GetFileName(folder), out var labels);
            if (error is not null)
            {
                problems.Add(new DataProblem(folder, null, null, "folder name " + error));
                continue;
            }
            foreach (var file in Directory.GetFiles(folder).Where(IsImage).Order(StringComparer.Ordinal))
                result.Add(new LabeledImage<TLabels>(file, labels!, folder));
        }
        if (problems.Count > 0) throw new DatasetException($"Dataset {directory} does not match spec {binding.Spec.Name}", problems);
        if (result.Count == 0) throw new DatasetException($"Dataset {directory} is empty", [new DataProblem(directory, null, null, "no images in label sub-folders")]);
        return result;
    }

    private static bool IsImage(string path) => ImageLoader.SupportedExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}

/// <summary>An image file and its typed labels.</summary>
/// <typeparam name="TLabels">The spec class.</typeparam>
/// <param name="Path">The image file.</param>
/// <param name="Labels">Its targets.</param>
/// <param name="Origin">Where the labels came from (a CSV line or a folder), for messages.</param>
public sealed record LabeledImage<TLabels>(string Path, TLabels Labels, string? Origin = null);
