using System.Collections.Concurrent;
using ImageDsl.Images;
using static TorchSharp.torch;

namespace ImageDsl.Data;

/// <summary>
/// A whole dataset decoded once into two tensors: images as bytes <c>[N, C, H, W]</c> and
/// encoded targets as floats <c>[N, E]</c>. Small models train faster than one core decodes
/// PNGs, so decoding every epoch would make the pipeline the bottleneck.
/// </summary>
internal sealed class DecodedImages : IDisposable
{
    private DecodedImages(Tensor images, Tensor targets)
    {
        Images = images;
        Targets = targets;
    }

    /// <summary>uint8 <c>[N, C, H, W]</c>.</summary>
    public Tensor Images { get; }

    /// <summary>float32 <c>[N, E]</c>.</summary>
    public Tensor Targets { get; }

    public static DecodedImages Decode(ImageDataset dataset)
    {
        var input = dataset.Spec.Input;
        int size = input.Size;
        var pixels = new byte[(long)dataset.Count * size];
        var targets = new float[(long)dataset.Count * dataset.Spec.EncodedWidth];
        var problems = new ConcurrentBag<(int Index, DataProblem Problem)>();

        Parallel.For(0, dataset.Count, i =>
        {
            var sample = dataset.Samples[i];
            try
            {
                ImageLoader.Decode(sample.Path, input, pixels.AsSpan(i * size, size));
            }
            catch (InvalidDataException e)
            {
                problems.Add((i, new DataProblem(sample.Path, null, null, e.Message)));
            }
            sample.Targets.CopyTo(targets, (long)i * dataset.Spec.EncodedWidth);
        });
        if (!problems.IsEmpty)
            throw new DatasetException($"Dataset {dataset.Source} has images that cannot be read",
                problems.OrderBy(p => p.Index).Select(p => p.Problem).ToArray());

        var imageTensor = tensor(pixels, [dataset.Count, input.Channels, input.Height, input.Width], ScalarType.Byte);
        var targetTensor = tensor(targets, [dataset.Count, dataset.Spec.EncodedWidth]);
        // Outlive any dispose scope the first caller happens to be in: the cache lives with the dataset.
        return new DecodedImages(imageTensor.DetachFromDisposeScope(), targetTensor.DetachFromDisposeScope());
    }

    public void Dispose()
    {
        Images.Dispose();
        Targets.Dispose();
    }
}
