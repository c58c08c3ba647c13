using ImageDsl.Specs;

namespace ImageDsl.Data;

public sealed partial class ImageDataset
{
    private static readonly string[] FileColumns = ["file", "path", "image", "filename"];

    /// <summary>
    /// Reads <c>DIRECTORY/&lt;label&gt;/*.png</c>: each sub-folder's name is a label of the spec's
    /// only label target. Folders whose names are not labels are reported, all at once.
    /// </summary>
    public static ImageDataset FromFolders(ModelSpec spec, string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Dataset folder not found: {Path.GetFullPath(directory)}");
        if (spec.Targets.Count != 1 || spec.Targets[0] is not LabelTargetSpec target)
            throw new InvalidOperationException(
                $"A folder-per-label dataset needs a spec with exactly one label target; {spec.Name} has {string.Join(", ", spec.Targets.Select(t => t.Describe()))}. Use a labels.csv manifest instead.");

        var samples = new List<ImageSample>();
        var problems = new List<DataProblem>();
        var folders = Directory.GetDirectories(directory).Order(StringComparer.Ordinal).ToArray();
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            int index = target.IndexOf(name);
            if (index < 0)
            {
                problems.Add(new DataProblem(folder, null, null, $"folder name '{name}' is not a label of {target.Name}; expected one of {target.Expected}"));
                continue;
            }
            foreach (var file in Directory.GetFiles(folder).Where(IsImage).Order(StringComparer.Ordinal))
                samples.Add(new ImageSample(file, [index], folder));
        }
        if (problems.Count > 0) throw new DatasetException($"Dataset {directory} does not match spec {spec.Name}", problems);
        if (samples.Count == 0)
            throw new DatasetException($"Dataset {directory} is empty", [new DataProblem(directory, null, null, $"no images in label sub-folders (expected {string.Join(", ", target.Labels.Take(3))}, ...)")]);
        return new ImageDataset(spec, samples, directory);
    }

    /// <summary>
    /// Reads a CSV manifest with a header row: a file column (<c>file</c>, <c>path</c>, <c>image</c>
    /// or <c>filename</c>) and one column per target, named like the target (case-insensitive)
    /// or as its attribute's <c>Column</c> says. Image paths are relative to
    /// <paramref name="imageDirectory"/>, or else to the manifest's folder (or its <c>images/</c>
    /// sub-folder, for manifests listing bare file names). Every problem in the file is reported at once, with its line and column.
    /// </summary>
    public static ImageDataset FromCsv(ModelSpec spec, string manifestPath, string? imageDirectory = null)
    {
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"CSV manifest not found: {Path.GetFullPath(manifestPath)}", manifestPath);
        var root = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var problems = new List<DataProblem>();
        var samples = new List<ImageSample>();

        using var reader = new StreamReader(manifestPath);
        using var records = CsvReader.Read(reader).GetEnumerator();
        if (!records.MoveNext()) throw new DatasetException($"Manifest {manifestPath} is empty", [new DataProblem(manifestPath, 1, null, "no header row")]);
        var header = records.Current.Fields.Select(h => h.Trim()).ToArray();

        int fileColumn = Array.FindIndex(header, h => FileColumns.Contains(h, StringComparer.OrdinalIgnoreCase));
        if (fileColumn < 0) problems.Add(new DataProblem(manifestPath, 1, null, $"no image column; expected one named {string.Join(", ", FileColumns)} (header: {string.Join(",", header)})"));
        var targetColumns = new int[spec.Targets.Count];
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            var column = spec.Targets[t].Column;
            targetColumns[t] = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
            if (targetColumns[t] < 0)
                problems.Add(new DataProblem(manifestPath, 1, column, $"missing column for target {spec.Targets[t].Name} (header: {string.Join(",", header)})"));
        }
        if (problems.Count > 0) throw new DatasetException($"Manifest {manifestPath} does not match spec {spec.Name}", problems);

        // Paths are relative to the given image folder; without one, to the manifest's folder,
        // falling back to its images/ sub-folder for manifests that list bare file names.
        var searchRoots = imageDirectory is not null ? [imageDirectory] : new[] { root, Path.Combine(root, "images") };
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Length != header.Length)
            {
                problems.Add(new DataProblem(manifestPath, line, null, $"{fields.Length} fields where the header has {header.Length}"));
                continue;
            }
            var targets = new float[spec.EncodedWidth];
            int offset = 0;
            bool ok = true;
            for (int t = 0; t < spec.Targets.Count; t++)
            {
                var target = spec.Targets[t];
                var error = target.TryEncode(fields[targetColumns[t]], targets.AsSpan(offset, target.EncodedWidth));
                if (error is not null) { problems.Add(new DataProblem(manifestPath, line, header[targetColumns[t]], error)); ok = false; }
                offset += target.EncodedWidth;
            }
            var file = fields[fileColumn].Trim();
            var path = Path.IsPathRooted(file) ? file : searchRoots.Select(r => Path.Combine(r, file)).FirstOrDefault(File.Exists) ?? Path.Combine(searchRoots[0], file);
            if (!File.Exists(path)) { problems.Add(new DataProblem(manifestPath, line, header[fileColumn], $"image not found: {path}")); ok = false; }
            if (ok) samples.Add(new ImageSample(path, targets, $"{manifestPath}({line})"));
        }
        if (problems.Count > 0) throw new DatasetException($"Manifest {manifestPath} has invalid rows", problems);
        if (samples.Count == 0) throw new DatasetException($"Manifest {manifestPath} is empty", [new DataProblem(manifestPath, 2, null, "no data rows after the header")]);
        return new ImageDataset(spec, samples, manifestPath);
    }

    private static bool IsImage(string path) =>
        Images.ImageLoader.SupportedExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
