using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>Batch augmentations applied on the fly during training.</summary>
internal static class Augment
{
    /// <summary>
    /// Moves each image by its own random offset of up to <paramref name="maxShift"/> pixels in
    /// x and y, filling the uncovered border with black (in normalized units).
    /// </summary>
    public static Tensor RandomShift(Tensor images, int maxShift, float[] black, Generator generator)
    {
        long n = images.shape[0], channels = images.shape[1], height = images.shape[2], width = images.shape[3];
        var fill = tensor(black).reshape(1, channels, 1, 1);
        var padded = full([n, channels, height + 2 * maxShift, width + 2 * maxShift], 0f).add_(fill);
        padded[.., .., maxShift..(int)(maxShift + height), maxShift..(int)(maxShift + width)] = images;
        var offsets = randint(0, 2 * maxShift + 1, [n, 2], generator: generator).data<long>().ToArray();
        var shifted = new Tensor[n];
        for (int i = 0; i < n; i++)
        {
            long dy = offsets[2 * i], dx = offsets[2 * i + 1];
            shifted[i] = padded[i].narrow(1, dy, height).narrow(2, dx, width);
        }
        return stack(shifted);
    }
}
