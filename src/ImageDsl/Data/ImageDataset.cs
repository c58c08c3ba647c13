using ImageDsl.Specs;

namespace ImageDsl.Data;

/// <summary>
/// Labelled images for one spec. Labels are checked when the dataset is built; images are
/// decoded once, in parallel, the first time training or evaluation needs them, and kept
/// in memory as bytes (a 28x28 grayscale digit takes 784 bytes).
/// </summary>
public sealed partial class ImageDataset
{
    private BatchSource? batches;
    private IReadOnlyList<DataProblem> skipped = [];

    /// <summary>Creates a dataset from samples whose targets are already encoded for <paramref name="spec"/>.</summary>
    public ImageDataset(ModelSpec spec, IReadOnlyList<ImageSample> samples, string? source = null, DatasetOptions? options = null)
    {
        Spec = spec;
        Samples = samples;
        Source = source ?? "(in memory)";
        Options = options ?? DatasetOptions.Default;
        foreach (var sample in samples)
            if (sample.Targets.Length != spec.EncodedWidth)
                throw new ArgumentException($"Sample {sample.Path} has {sample.Targets.Length} target values; spec {spec.Name} needs {spec.EncodedWidth}.", nameof(samples));
    }

    /// <summary>The spec the targets are encoded for.</summary>
    public ModelSpec Spec { get; }

    /// <summary>The samples, in a fixed order.</summary>
    public IReadOnlyList<ImageSample> Samples { get; }

    /// <summary>Where the dataset was read from, for messages.</summary>
    public string Source { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Samples.Count;

    /// <summary>How images are decoded and kept.</summary>
    public DatasetOptions Options { get; }

    /// <summary>Broken images left out under <see cref="BrokenImagePolicy.Skip"/>, once decoding has met them.</summary>
    public IReadOnlyList<DataProblem> Skipped => skipped;

    /// <summary>The same samples with other decoding options (broken-image policy, limits, caching).</summary>
    public ImageDataset WithOptions(DatasetOptions options) => new(Spec, Samples, Source, options);

    /// <summary>
    /// Reads a dataset directory in either layout: a <c>labels.csv</c> manifest (with images
    /// beside it or under <c>images/</c>), or one sub-folder per label of the spec's label target.
    /// </summary>
    public static ImageDataset Load(ModelSpec spec, string directory, DatasetOptions? options = null)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Dataset folder not found: {Path.GetFullPath(directory)}");
        var manifest = Path.Combine(directory, "labels.csv");
        var dataset = File.Exists(manifest) ? FromCsv(spec, manifest, null, options) : FromFolders(spec, directory);
        return options is null ? dataset : dataset.WithOptions(options);
    }

    /// <summary>A subset, in the given order (used for splits and samples).</summary>
    public ImageDataset Subset(IEnumerable<int> indices, string? source = null) =>
        new(Spec, indices.Select(i => Samples[i]).ToArray(), source ?? Source + " (subset)", Options);

    /// <summary>The first <paramref name="count"/> samples after a seeded shuffle.</summary>
    public ImageDataset Sample(int count, int seed = 0)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(order);
        return Subset(order.Take(Math.Min(count, Count)), $"{Source} ({Math.Min(count, Count)} sampled)");
    }

    /// <summary>Splits off a seeded random fraction as a second dataset (for validation).</summary>
    public (ImageDataset First, ImageDataset Second) Split(double secondFraction, int seed = 0)
    {
        if (secondFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(secondFraction), secondFraction, "Must be in (0, 1).");
        var order = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(order);
        int second = (int)Math.Round(Count * secondFraction);
        return (Subset(order.Skip(second).Order()), Subset(order.Take(second).Order()));
    }

    /// <summary>
    /// Splits off a seeded fraction for validation, stratified by the first target whose kind
    /// stratifies (multi-class labels and ranks: each value keeps its share in both parts); without one,
    /// a plain seeded split.
    /// </summary>
    public (ImageDataset Training, ImageDataset Validation) StratifiedSplit(double validationFraction, int seed = 0)
    {
        if (validationFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "Must be in (0, 1).");
        int labelTarget = Spec.Targets.ToList().FindIndex(t => t.Stratifies);
        if (labelTarget < 0) return Split(validationFraction, seed);

        int column = Spec.EncodedOffset(labelTarget);
        var random = new Random(seed);
        var training = new List<int>();
        var validation = new List<int>();
        foreach (var group in Enumerable.Range(0, Count).GroupBy(i => Samples[i].Targets[column]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            int held = (int)Math.Round(members.Length * validationFraction);
            validation.AddRange(members.Take(held));
            training.AddRange(members.Skip(held));
        }
        return (Subset(training.Order(), $"{Source} (training part)"), Subset(validation.Order(), $"{Source} (validation part)"));
    }

    /// <summary>
    /// Where batches come from, decided on first use: the whole dataset decoded once when its
    /// pixels fit in <see cref="DatasetOptions.CacheLimitBytes"/>, else decoded batch by batch.
    /// </summary>
    internal BatchSource Batches => batches ??= (long)Count * Spec.Input.Size <= Options.CacheLimitBytes
        ? CachedBatches.Decode(this, problems => skipped = [.. skipped, .. problems])
        : new StreamingBatches(this, problems => { lock (this) skipped = [.. skipped, .. problems]; });
}
