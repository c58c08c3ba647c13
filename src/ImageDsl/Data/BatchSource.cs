using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Data;

/// <summary>
/// Where training and evaluation get their batches: uint8 images <c>[B, C, H, W]</c> and
/// encoded targets <c>[B, E]</c> for given sample indices. <see cref="CachedBatches"/> cuts
/// them out of a fully decoded dataset; <see cref="StreamingBatches"/> decodes each batch,
/// prefetching the next one, for datasets too large to hold.
/// </summary>
internal abstract class BatchSource : IDisposable
{
    protected BatchSource(ModelSpec spec, IReadOnlyList<ImageSample> samples)
    {
        Spec = spec;
        Samples = samples;
    }

    public ModelSpec Spec { get; }

    /// <summary>The usable samples (broken ones left out under <see cref="BrokenImagePolicy.Skip"/>); indices refer to this list.</summary>
    public IReadOnlyList<ImageSample> Samples { get; }

    public int Count => Samples.Count;

    /// <summary>The batch for <paramref name="indices"/>; <c>Indices</c> are the samples it holds (fewer when broken images were skipped).</summary>
    public abstract (Tensor Images, Tensor Targets, long[] Indices) Take(long[] indices);

    /// <summary>The batch for <paramref name="indices"/> as <see cref="Take(long[])"/> makes it (in host memory), copied to <paramref name="device"/>.</summary>
    public (Tensor Images, Tensor Targets, long[] Indices) Take(long[] indices, Device device)
    {
        var (images, targets, kept) = Take(indices);
        return (images.to(device), targets.to(device), kept);
    }

    /// <summary>Hints that <paramref name="indices"/> come next, so they can be decoded ahead.</summary>
    public virtual void Prefetch(long[] indices) { }

    /// <summary>Every usable sample's encoded targets <c>[N, E]</c> in host memory, for measuring target statistics.</summary>
    public Tensor AllTargets() => tensor(Samples.SelectMany(s => s.Targets).ToArray(), [Count, Spec.EncodedWidth], device: CPU);

    /// <summary>Up to <paramref name="count"/> images, for measuring pixel statistics.</summary>
    public abstract Tensor SampleImages(int count, int seed);

    public abstract void Dispose();

    /// <summary>Indices <c>[start, start + size)</c>.</summary>
    public static long[] Range(long start, long size)
    {
        var indices = new long[size];
        for (long i = 0; i < size; i++) indices[i] = start + i;
        return indices;
    }
}
