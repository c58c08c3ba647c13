using static TorchSharp.torch;

namespace ImageDsl.Specs;

/// <summary>
/// Moves dense targets with the image: the same affine map augmentation resampled the image with
/// (in normalized coordinates, so a map of another resolution covering the same view moves the
/// same), sampled by nearest neighbour so no value is invented; what comes from outside the image
/// is invalid (a value map's NaN, a mask's ignored -1).
/// </summary>
internal static class DenseMoves
{
    /// <summary>
    /// Resamples <paramref name="maps"/> <c>[N, width * height]</c> by each image's forward pixel
    /// transform <c>[N, 2, 3]</c> (on the input image's pixel coordinates, centred). Invalid pixels
    /// and those from outside the image are NaN (value maps) or -1 (masks, <paramref name="isMask"/>).
    /// </summary>
    public static Tensor Move(Tensor maps, Tensor pixelTransforms, InputSpec input, int width, int height, bool isMask)
    {
        using var scope = NewDisposeScope();
        long n = maps.shape[0];
        var a = pixelTransforms[.., .., ..2];
        var d = pixelTransforms[.., .., 2..3];
        var inverseA = linalg.inv(a);
        var inverseD = -matmul(inverseA, d);
        var toNormalized = tensor(new float[] { 2f / input.Width, 2f / input.Height }, device: maps.device).reshape(1, 2, 1);
        var fromNormalized = tensor(new float[] { input.Width / 2f, input.Height / 2f }, device: maps.device).reshape(1, 1, 2);
        var theta = cat([inverseA * toNormalized * fromNormalized, inverseD * toNormalized], 2);
        var grid = nn.functional.affine_grid(theta, [n, 1, height, width], align_corners: false);

        var image = maps.reshape(n, 1, height, width);
        // Valid pixels carry value + 1 (masks: index + 1), so the zeros of the padding mark "outside".
        var valid = isMask ? image >= 0 : image.isfinite();
        var shifted = where(valid, isMask ? image + 1 : image, zeros_like(image));
        var validity = valid.to_type(ScalarType.Float32);
        var moved = nn.functional.grid_sample(shifted, grid, mode: GridSampleMode.Nearest, padding_mode: GridSamplePaddingMode.Zeros, align_corners: false);
        var movedValidity = nn.functional.grid_sample(validity, grid, mode: GridSampleMode.Nearest, padding_mode: GridSamplePaddingMode.Zeros, align_corners: false);
        var inside = movedValidity > 0.5;
        var result = isMask
            ? where(inside, moved - 1, full_like(moved, -1))
            : where(inside, moved, full_like(moved, float.NaN));
        return result.reshape(n, -1).MoveToOuterDisposeScope();
    }
}
