using ImageDsl.Images;
using static TorchSharp.torch;

namespace ImageDsl.Data;

/// <summary>
/// Decodes each batch when it is asked for, in parallel, and decodes the next batch in the
/// background while the current one trains, for datasets whose pixels do not fit in memory.
/// Broken images found while streaming fail the run, or are left out of their batch under
/// <see cref="BrokenImagePolicy.Skip"/>.
/// </summary>
internal sealed class StreamingBatches(ImageDataset dataset, Action<IReadOnlyList<DataProblem>> onSkipped)
    : BatchSource(dataset.Spec, dataset.Samples)
{
    private (long[] Indices, Task<Decoded> Work)? ahead;

    private sealed record Decoded(byte[] Pixels, float[] Targets, long[] Kept);

    public override (Tensor Images, Tensor Targets, long[] Indices) Take(long[] indices)
    {
        var pending = ahead;
        ahead = null;
        var decoded = pending is { } p && p.Indices.AsSpan().SequenceEqual(indices) ? p.Work.GetAwaiter().GetResult() : DecodeBatch(indices);
        var input = Spec.Input;
        return (tensor(decoded.Pixels, [decoded.Kept.Length, input.Channels, input.Height, input.Width], ScalarType.Byte, device: CPU),
                tensor(decoded.Targets, [decoded.Kept.Length, Spec.EncodedWidth], device: CPU), decoded.Kept);
    }

    public override void Prefetch(long[] indices) => ahead = (indices, Task.Run(() => DecodeBatch(indices)));

    public override Tensor SampleImages(int count, int seed)
    {
        var order = Enumerable.Range(0, Count).Select(i => (long)i).ToArray();
        new Random(seed).Shuffle(order);
        return Take(order.Take(count).ToArray()).Images;
    }

    private Decoded DecodeBatch(long[] indices)
    {
        int size = Spec.Input.Size, width = Spec.EncodedWidth;
        var pixels = new byte[indices.Length * size];
        var ok = new bool[indices.Length];
        var problems = new DataProblem?[indices.Length];
        Parallel.For(0, indices.Length, i =>
        {
            var sample = Samples[(int)indices[i]];
            try
            {
                ImageLoader.Decode(sample.Path, Spec.Input, pixels.AsSpan(i * size, size), dataset.Options.Limits);
                ok[i] = true;
            }
            catch (InvalidDataException e)
            {
                problems[i] = new DataProblem(sample.Path, null, null, e.Message);
            }
        });
        var broken = problems.OfType<DataProblem>().ToArray();
        if (broken.Length > 0)
        {
            if (dataset.Options.BrokenImages == BrokenImagePolicy.Fail)
                throw new DatasetException($"Dataset {dataset.Source} has images that cannot be read", broken);
            onSkipped(broken);
        }
        var kept = Enumerable.Range(0, indices.Length).Where(i => ok[i]).ToArray();
        var keptPixels = kept.Length == indices.Length ? pixels : kept.SelectMany(i => pixels.AsSpan(i * size, size).ToArray()).ToArray();
        var targets = kept.SelectMany(i => Samples[(int)indices[i]].Targets).ToArray();
        return new Decoded(keptPixels, targets, kept.Select(i => indices[i]).ToArray());
    }

    public override void Dispose() => ahead?.Work.ContinueWith(_ => { }).Wait();
}
