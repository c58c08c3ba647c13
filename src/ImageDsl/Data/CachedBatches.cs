using System.Collections.Concurrent;
using ImageDsl.Images;
using static TorchSharp.torch;

namespace ImageDsl.Data;

/// <summary>
/// A whole dataset decoded once, in parallel, into two tensors: images as bytes
/// <c>[N, C, H, W]</c> and targets as floats <c>[N, E]</c>. Small models train faster than one
/// core decodes PNGs (about 2,000 against 650 images a second here), so decoding every epoch
/// would make the pipeline the bottleneck.
/// </summary>
internal sealed class CachedBatches : BatchSource
{
    private readonly Tensor images;
    private readonly Tensor targets;

    private CachedBatches(ImageDataset dataset, IReadOnlyList<ImageSample> samples, Tensor images, Tensor targets) : base(dataset.Spec, samples)
    {
        this.images = images;
        this.targets = targets;
    }

    public static CachedBatches Decode(ImageDataset dataset, Action<IReadOnlyList<DataProblem>> onSkipped)
    {
        var input = dataset.Spec.Input;
        int size = input.Size, width = dataset.Spec.EncodedWidth;
        var pixels = new byte[(long)dataset.Count * size];
        var problems = new ConcurrentBag<(int Index, DataProblem Problem)>();

        Parallel.For(0, dataset.Count, i =>
        {
            var sample = dataset.Samples[i];
            try
            {
                ImageLoader.Decode(sample.Path, input, pixels.AsSpan(i * size, size), dataset.Options.Limits);
            }
            catch (InvalidDataException e)
            {
                problems.Add((i, new DataProblem(sample.Path, null, null, e.Message)));
            }
        });
        var broken = problems.OrderBy(p => p.Index).ToArray();
        if (broken.Length > 0 && dataset.Options.BrokenImages == BrokenImagePolicy.Fail)
            throw new DatasetException($"Dataset {dataset.Source} has images that cannot be read", broken.Select(p => p.Problem).ToArray());

        var keep = Enumerable.Range(0, dataset.Count).Except(broken.Select(p => p.Index)).ToArray();
        if (broken.Length > 0) onSkipped(broken.Select(p => p.Problem).ToArray());
        if (keep.Length == 0) throw new DatasetException($"Dataset {dataset.Source} has no readable image", broken.Select(p => p.Problem).ToArray());

        var kept = keep.Select(i => dataset.Samples[i]).ToArray();
        var keptPixels = broken.Length == 0 ? pixels : keep.SelectMany(i => pixels.AsSpan(i * size, size).ToArray()).ToArray();
        var keptTargets = kept.SelectMany(s => s.Targets).ToArray();
        // The cache lives with the dataset, outside any dispose scope its first user happens to be in,
        // and in host memory whatever device trains: batches are cut here and then copied (BatchSource.Take).
        var imageTensor = tensor(keptPixels, [kept.Length, input.Channels, input.Height, input.Width], ScalarType.Byte, device: CPU).DetachFromDisposeScope();
        var targetTensor = tensor(keptTargets, [kept.Length, width], device: CPU).DetachFromDisposeScope();
        return new CachedBatches(dataset, kept, imageTensor, targetTensor);
    }

    public override (Tensor Images, Tensor Targets, long[] Indices) Take(long[] indices)
    {
        using var index = tensor(indices, device: images.device);
        return (images.index_select(0, index), targets.index_select(0, index), indices);
    }

    public override Tensor SampleImages(int count, int seed) => images.alias(); // all of them: they are in memory anyway

    public override void Dispose()
    {
        images.Dispose();
        targets.Dispose();
    }
}
